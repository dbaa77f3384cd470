using System.Reflection;
using System.Text;
using System.Text.Json;
using Typed.S3.Codecs;
using Typed.S3.Schema.Model;

namespace Typed.S3.DataCheck.Tests;

/// <summary>
/// The data check accepts exactly what the readers accept: for every column type of the table (ColumnTypes) and a list
/// of tricky values, <see cref="ValueChecks"/> against the parser the generated CSV reader calls (the table's
/// <see cref="ColumnTypeInfo.CsvParse"/>, found by name) and against the JSON readers' element reader.
/// </summary>
public sealed class ValueChecksTests
{
    private static readonly string[] TrickyTexts =
    {
        " ", "0", "1", "-1", "+1", "-0", " 1", "1 ", "01", "1.0", "1.", ".5", "1e3", "1E-2", "0x10", "1_000", "1,5",
        "127", "128", "-128", "-129", "255", "256", "32767", "32768", "65535", "65536", "2147483647", "2147483648",
        "4294967295", "4294967296", "9223372036854775807", "9223372036854775808", "18446744073709551615", "18446744073709551616",
        "1.5", "-1.25", "123.456", "12345678.9", "99999999.99", "0.001", "NaN", "nan", "Infinity", "-Infinity", "inf", "∞",
        "3.4028235E+38", "1e39", "1e400", "65504", "65519", "65520", "1e-400",
        "true", "false", "True", "FALSE", "yes", "t",
        "2024-02-29", "2023-02-29", "2024-1-01", "2024-01-01 ", "20240101", "0001-01-01", "9999-12-31",
        "12:34", "12:34:56", "12:34:56.1234567", "12:34:56.12345678", "24:00:00", "23:59:60",
        "2024-01-01T00:00:00Z", "2024-01-01T00:00:00+01:00", "2024-01-01T00:00:00-14:00", "2024-01-01T00:00:00+15:00",
        "2024-01-01T00:00:00", "2024-01-01 00:00:00Z", "2024-01-01T00:00:00.1234567Z", "2024-01-01T00:00Z", "2024-01-01Z",
        "00000000-0000-0000-0000-000000000000", "{00000000-0000-0000-0000-000000000000}", "00000000000000000000000000000000",
        "0000000-0000-0000-0000-000000000000", "AQID", "AQI=", "AQI", "AQ==", "A", "====", "AQ ID",
        "héllo", "\"quoted\"", "[1,2]", "[\"a\",null]", "[", "[1] x", "{}", "null",
    };

    private static readonly byte[][] TrickyBytes =
    {
        new byte[] { 0xC3, 0x28 },
        new byte[] { 0xFF },
        new byte[] { 0x31, 0xE2, 0x82 },
        new byte[] { 0xED, 0xA0, 0x80 },
    };

    public static TheoryData<string> ScalarTypes()
    {
        var types = new TheoryData<string>();
        foreach (ColumnTypeInfo info in ColumnTypes.All)
        {
            types.Add(info.SchemaName);
        }

        return types;
    }

    [Theory]
    [MemberData(nameof(ScalarTypes))]
    public void ACsvFieldPassesTheCheckExactlyWhenTheCsvReadersParserAcceptsIt(string schemaName)
    {
        ColumnTypeInfo info = ColumnTypes.All.Single(row => row.SchemaName == schemaName);
        ColumnType type = info.HasPrecisionScale ? new ColumnType(info.Kind, 10, 2) : new ColumnType(info.Kind);
        Func<byte[], bool> reader = CsvReaderParser(info, type);
        var disagreements = new List<string>();
        foreach (byte[] field in Fields())
        {
            bool expected = reader(field);
            bool actual = ValueChecks.TryParseText(type, field, out string? problem);
            if (expected != actual)
            {
                disagreements.Add(Show(field) + ": reader " + expected + ", check " + actual);
            }

            if (!actual)
            {
                Assert.Equal("which is not a valid " + type.DisplayName, problem);
            }
        }

        Assert.Empty(disagreements);
    }

    [Theory]
    [MemberData(nameof(ScalarTypes))]
    public void AJsonValuePassesTheCheckExactlyWhenTheJsonReaderAcceptsIt(string schemaName)
    {
        ColumnTypeInfo info = ColumnTypes.All.Single(row => row.SchemaName == schemaName);
        ColumnType type = info.HasPrecisionScale ? new ColumnType(info.Kind, 10, 2) : new ColumnType(info.Kind);
        ColumnType list = new(ColumnKind.List, Element: type);
        var disagreements = new List<string>();
        foreach (string json in JsonValues())
        {
            // The reader's rule: the list element reader the generated JSON readers use for list<T>, whose scalar rules
            // are those of JsonRecordReader's Read methods.
            byte[] array = Encoding.UTF8.GetBytes("[" + json + "]");
            bool expected = ValueChecks.TryParseText(list, array, out _);
            using JsonDocument document = JsonDocument.Parse(json);
            bool actual = ValueChecks.TryCheckJson(type, document.RootElement, out _);
            if (expected != actual)
            {
                disagreements.Add(json + ": list element " + expected + ", check " + actual);
            }
        }

        Assert.Empty(disagreements);
    }

    [Theory]
    [MemberData(nameof(ScalarTypes))]
    public void TheParquetColumnsOfEveryTypeAndItsListAreTheRuntimesColumnsOfThatType(string schemaName)
    {
        ColumnTypeInfo info = ColumnTypes.All.Single(row => row.SchemaName == schemaName);
        ColumnType type = info.HasPrecisionScale ? new ColumnType(info.Kind, 10, 2) : new ColumnType(info.Kind);
        ParquetColumn column = ParquetSchemaColumns.Create(Column(type, required: true))!;
        Assert.Equal(type.DisplayName, column.TypeName);
        Assert.True(column.Required);

        ParquetColumn list = ParquetSchemaColumns.Create(Column(new ColumnType(ColumnKind.List, Element: type), required: false))!;
        Assert.Equal("list<" + type.DisplayName + ">", list.TypeName);
        Assert.False(list.Required);
    }

    [Fact]
    public void AStringFieldThatIsNotUtf8FailsTheCheckAsItFailsTheCsvReader()
    {
        // Drift found by the comparison above: the check took every CSV string field, the reader refuses invalid UTF-8.
        Assert.False(ValueChecks.TryParseText(new ColumnType(ColumnKind.String), new byte[] { 0xC3, 0x28 }, out string? problem));
        Assert.Equal("which is not a valid string", problem);
        Assert.True(ValueChecks.TryParseText(new ColumnType(ColumnKind.String), "héllo"u8, out _));
    }

    private static ColumnModel Column(ColumnType type, bool required) => new("c", "C", type, required, default);

    private static IEnumerable<byte[]> Fields() => TrickyTexts.Select(Encoding.UTF8.GetBytes).Concat(TrickyBytes);

    // Each tricky text as a JSON string, and as a JSON value where it is one (numbers, literals, arrays); not null,
    // which the check (as the reader) handles before it looks at the type.
    private static IEnumerable<string> JsonValues()
    {
        foreach (string text in TrickyTexts)
        {
            yield return JsonSerializer.Serialize(text);
            if (text == "null")
            {
                continue;
            }

            try
            {
                using JsonDocument document = JsonDocument.Parse(text);
            }
            catch (JsonException)
            {
                continue;
            }

            yield return text;
        }

        yield return "\"\\ud800\"";
        yield return "\"\"";
    }

    // The parser the generated CSV reader calls for the type: the table's Utf8ValueParser method, found by name; a
    // string field is read by decoding it (invalid UTF-8 fails unless the read replaces it, which the check does not).
    private static Func<byte[], bool> CsvReaderParser(ColumnTypeInfo info, ColumnType type)
    {
        if (info.Kind == ColumnKind.String)
        {
            // CsvRecordMapperBase.ReadString: Utf8Text.TryDecode, which fails exactly on invalid UTF-8.
            return field => System.Text.Unicode.Utf8.IsValid(field);
        }

        MethodInfo method = typeof(Utf8ValueParser).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Single(m => m.Name == info.CsvParse && m.GetParameters().Length == (info.HasPrecisionScale ? 4 : 2));
        Type valueType = method.GetParameters()[^1].ParameterType.GetElementType()!;
        return (Func<byte[], bool>)typeof(ValueChecksTests).GetMethod(info.HasPrecisionScale ? nameof(BindScaled) : nameof(Bind), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(valueType)
            .Invoke(null, new object[] { method, type.Precision, type.Scale })!;
    }

    private static Func<byte[], bool> Bind<T>(MethodInfo method, int precision, int scale)
    {
        var parse = method.CreateDelegate<Parse<T>>();
        return field => parse(field, out _);
    }

    private static Func<byte[], bool> BindScaled<T>(MethodInfo method, int precision, int scale)
    {
        var parse = method.CreateDelegate<ParseScaled<T>>();
        return field => parse(field, precision, scale, out _);
    }

    private static string Show(byte[] field) =>
        System.Text.Unicode.Utf8.IsValid(field) ? "'" + Encoding.UTF8.GetString(field) + "'" : Convert.ToHexString(field);

    private delegate bool Parse<T>(ReadOnlySpan<byte> utf8, out T value);

    private delegate bool ParseScaled<T>(ReadOnlySpan<byte> utf8, int precision, int scale, out T value);
}
