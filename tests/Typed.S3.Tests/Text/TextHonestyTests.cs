using System.Text;
using Typed.S3.Fuzz;

namespace Typed.S3.Tests.Text;

/// <summary>
/// Issue 13's text rules, the same on every path (CSV on one thread and on two, JSON, JSON Lines): invalid UTF-8 fails
/// with the object, line and byte offset unless replacement is asked for; UTF-16 reads as UTF-8 does; a timestamp needs a
/// zone; a JSON property that is a column but for case is an error; one row numbering; decimals that do not fit say why.
/// </summary>
public sealed class TextHonestyTests
{
    private const string Name = "s3://b/k";
    private static readonly DatasetReadOptions OneThread = new();
    private static readonly DatasetReadOptions TwoThreads = new() { MaxDegreeOfParallelism = 2 };
    private static readonly DatasetReadOptions Replacing = new() { InvalidUtf8 = InvalidUtf8Handling.Replace };
    private static readonly DatasetReadOptions ReplacingOnTwoThreads = new() { InvalidUtf8 = InvalidUtf8Handling.Replace, MaxDegreeOfParallelism = 2 };

    public static TheoryData<string> Paths() => new() { "csv", "csv-parallel", "jsonl", "json" };

    private static byte[] Latin1(string text) => Encoding.Latin1.GetBytes(text);

    private static async Task<List<FuzzRow>> ReadAsync(string path, byte[] data, DatasetReadOptions? options = null)
    {
        options ??= path == "csv-parallel" ? TwoThreads : OneThread;
        if (path == "csv-parallel" && options.MaxDegreeOfParallelism == 1)
        {
            options = options.InvalidUtf8 == InvalidUtf8Handling.Replace ? ReplacingOnTwoThreads : TwoThreads;
        }

        using var stream = new MemoryStream(data);
        IAsyncEnumerable<FuzzRow> rows = path switch
        {
            "csv" or "csv-parallel" => FuzzRows.ReadCsvAsync(stream, Name, options),
            "jsonl" => FuzzRows.ReadJsonLinesAsync(stream, Name, options),
            _ => FuzzRows.ReadJsonAsync(stream, Name, options),
        };
        var list = new List<FuzzRow>();
        await foreach (FuzzRow row in rows)
        {
            list.Add(row);
        }

        return list;
    }

    // Two records, the second with 'name' (or one of 'words') as given, in each path's format.
    private static byte[] Object(string path, string name, bool inList = false) => Latin1(ObjectText(path, name, inList));

    private static string ObjectText(string path, string name, bool inList = false)
    {
        if (path.StartsWith("csv", StringComparison.Ordinal))
        {
            return inList ? "id,words\n1,\n2,\"[\"\"" + name + "\"\"]\"\n" : "id,name\n1,a\n2," + name + "\n";
        }

        string second = inList ? "{\"id\":2,\"words\":[\"" + name + "\"]}" : "{\"id\":2,\"name\":\"" + name + "\"}";
        return path == "jsonl" ? "{\"id\":1,\"name\":\"a\"}\n" + second + "\n" : "[{\"id\":1,\"name\":\"a\"},\n" + second + "]";
    }

    // The line of the second record: after the header in CSV.
    private static int SecondRecordLine(string path) => path.StartsWith("csv", StringComparison.Ordinal) ? 3 : 2;

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task InvalidUtf8InAStringIsAnErrorWithTheByteOffset(string path)
    {
        byte[] data = Object(path, "Jos\xE9");

        var error = await Assert.ThrowsAsync<DatasetFormatException>(() => ReadAsync(path, data));

        Assert.Equal(Name, error.ObjectName);
        Assert.Equal(SecondRecordLine(path), error.Line);
        Assert.Equal(2, error.Row);
        Assert.Equal("name", error.Column);
        Assert.Equal(Array.IndexOf(data, (byte)0xE9), error.ByteOffset);
        Assert.Contains("not valid UTF-8 (0xE9", error.Message, StringComparison.Ordinal);
        Assert.Contains("byte offset " + error.ByteOffset, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task InvalidUtf8InAListElementIsAnError(string path)
    {
        var error = await Assert.ThrowsAsync<DatasetFormatException>(() => ReadAsync(path, Object(path, "Jos\xE9", inList: true)));

        Assert.Equal("words", error.Column);
        Assert.Contains("not valid UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task ReplacementIsReadOnlyWhenAskedFor(string path)
    {
        List<FuzzRow> rows = await ReadAsync(path, Object(path, "Jos\xE9"), Replacing);
        List<FuzzRow> lists = await ReadAsync(path, Object(path, "Jos\xE9", inList: true), Replacing);

        Assert.Equal("Jos\uFFFD", rows[1].Name);
        Assert.Equal("Jos\uFFFD", Assert.Single(lists[1].Words!));
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("csv-parallel")]
    public async Task InvalidUtf8InTheHeaderIsAnError(string path)
    {
        byte[] data = Latin1("id,n\xE4me\n1,a\n");

        var error = await Assert.ThrowsAsync<DatasetFormatException>(() => ReadAsync(path, data));

        Assert.Equal(1, error.Line);
        Assert.Equal(4, error.ByteOffset);
        Assert.Contains("the header", error.Problem, StringComparison.Ordinal);
        Assert.Single(await ReadAsync(path, data, Replacing));
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("csv-parallel")]
    public async Task AReplacementCharacterWrittenInTheHeaderIsText(string path)
    {
        Assert.Single(await ReadAsync(path, Encoding.UTF8.GetBytes("id,\uFFFD\n1,a\n")));
    }

    public static TheoryData<string, bool> Utf16Paths()
    {
        var data = new TheoryData<string, bool>();
        foreach (string path in new[] { "csv", "csv-parallel", "jsonl", "json" })
        {
            data.Add(path, false);
            data.Add(path, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Utf16Paths))]
    public async Task Utf16WithAByteOrderMarkReadsAsUtf8Does(string path, bool bigEndian)
    {
        string text = ObjectText(path, "Zoë 東京 😀");
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: true);
        byte[] utf16 = encoding.GetPreamble().Concat(encoding.GetBytes(text)).ToArray();

        List<FuzzRow> expected = await ReadAsync(path, Encoding.UTF8.GetBytes(text));
        List<FuzzRow> read = await ReadAsync(path, utf16);

        Assert.Equal("Zoë 東京 😀", read[1].Name);
        Assert.Equal(expected.Select(r => (r.Id, r.Name)), read.Select(r => (r.Id, r.Name)));
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Utf16WithAnUnpairedSurrogateIsAnErrorUnlessReplaced(string path)
    {
        string text = ObjectText(path, "x").Replace("\"x\"", "\"\uD800\"", StringComparison.Ordinal).Replace(",x\n", ",\uD800\n", StringComparison.Ordinal);
        // The code units as they are (an encoder would replace the unpaired one).
        byte[] utf16 = new byte[] { 0xFF, 0xFE }.Concat(System.Runtime.InteropServices.MemoryMarshal.AsBytes(text.AsSpan()).ToArray()).ToArray();

        var error = await Assert.ThrowsAsync<DatasetFormatException>(() => ReadAsync(path, utf16));

        Assert.Contains("unpaired surrogate (0xD800)", error.Message, StringComparison.Ordinal);
        Assert.Equal(SecondRecordLine(path), error.Line);
        Assert.Equal("\uFFFD", (await ReadAsync(path, utf16, Replacing))[1].Name);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Utf32IsRefusedByName(string path)
    {
        byte[] utf32 = new byte[] { 0xFF, 0xFE, 0x00, 0x00 }.Concat(new UTF32Encoding(false, false).GetBytes("id\n1\n")).ToArray();

        var error = await Assert.ThrowsAsync<DatasetFormatException>(() => ReadAsync(path, utf32));

        Assert.Contains("UTF-32", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task ATimestampWithoutAZoneIsAnErrorEverywhere(string path)
    {
        byte[] data = path.StartsWith("csv", StringComparison.Ordinal)
            ? Latin1("id,at\n1,2024-01-01T00:00:00Z\n2,2024-01-01 12:00:00\n")
            : Latin1((path == "json" ? "[" : string.Empty) + "{\"id\":1,\"at\":\"2024-01-01T00:00:00Z\"}" + (path == "json" ? "," : "\n") + "{\"id\":2,\"at\":\"2024-01-01 12:00:00\"}" + (path == "json" ? "]" : "\n"));

        var error = await Assert.ThrowsAsync<DatasetFormatException>(() => ReadAsync(path, data));

        Assert.Equal("at", error.Column);
        Assert.Equal(2, error.Row);
        Assert.Contains("the timestamp has no zone or offset", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2024-01-01T12:00:00+02", "2024-01-01T10:00:00Z")]
    [InlineData("2024-01-01 12:00:00Z", "2024-01-01T12:00:00Z")]
    [InlineData("2024-01-01T12:00:00-0130", "2024-01-01T13:30:00Z")]
    public async Task ATimestampWithAZoneIsItsInstant(string text, string utc)
    {
        FuzzRow row = Assert.Single(await ReadAsync("csv", Latin1("id,at\n1," + text + "\n")));

        Assert.Equal(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), row.At);
    }

    [Theory]
    [InlineData("jsonl")]
    [InlineData("json")]
    public async Task APropertyThatIsAColumnButForCaseIsAnError(string path)
    {
        string record = "{\"id\":1,\"Name\":\"Alice\"}";
        byte[] data = Latin1(path == "json" ? "[" + record + "]" : record + "\n");

        var error = await Assert.ThrowsAsync<DatasetFormatException>(() => ReadAsync(path, data));

        Assert.Equal(Name + ", line 1 (row 1), column 'name': the property 'Name' matches the column 'name' except for case; properties bind by exact name, so its value would be lost (rename the property or the column)", error.Message);
    }

    public static TheoryData<string, string> BadThirdLines() => new()
    {
        { "1,2,3", "the record has 3 fields but 2 were expected" },
        { "\"1\"x,a", "malformed CSV: text after the closing quote of a quoted field" },
        { "x,a", "invalid value" },
        { ",a", "the column is required but the field is empty" },
    };

    [Theory]
    [MemberData(nameof(BadThirdLines))]
    public async Task EveryCsvErrorCallsLineThreeRowTwo(string line, string problem)
    {
        foreach (string path in new[] { "csv", "csv-parallel" })
        {
            var error = await Assert.ThrowsAsync<DatasetFormatException>(() => ReadAsync(path, Latin1("id,name\n1,a\n" + line + "\n")));

            Assert.Equal(3, error.Line);
            Assert.Equal(2, error.Row);
            Assert.StartsWith(Name + ", line 3 (row 2)", error.Message, StringComparison.Ordinal);
            Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
            Assert.DoesNotContain("record 3", error.Message, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task ADecimalThatDoesNotFitSaysSo(string path)
    {
        byte[] data = path.StartsWith("csv", StringComparison.Ordinal)
            ? Latin1("id,amount\n1,123456.789\n")
            : Latin1((path == "json" ? "[" : string.Empty) + "{\"id\":1,\"amount\":123456.789}" + (path == "json" ? "]" : "\n"));

        var error = await Assert.ThrowsAsync<DatasetFormatException>(() => ReadAsync(path, data));

        Assert.Contains("the value 123456.789 does not fit decimal(10,2) (at most 8 digits before the point and 2 after", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("csv", "id,tags\n1,\"[1] 2\"\n")]
    [InlineData("csv", "id,tags\n1,\"[1,\"\n")]
    [InlineData("json", "[{\"id\":1,\"tags\":[1,]}]")]
    [InlineData("jsonl", "{\"id\":1,\"tags\":[1}\n")]
    public async Task JsonReaderInternalsStayInside(string path, string text)
    {
        var error = await Assert.ThrowsAsync<DatasetFormatException>(() => ReadAsync(path, Latin1(text)));

        Assert.DoesNotContain("LineNumber", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("BytePositionInLine", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.InnerException);
    }
}
