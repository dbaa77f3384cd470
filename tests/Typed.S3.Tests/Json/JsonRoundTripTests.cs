using System.Text;
using Typed.S3.Tests.Csv;
using Typed.S3.Tests.Data;
using static Typed.S3.Tests.Csv.CsvTestData;
using static Typed.S3.Tests.Json.JsonTestData;

namespace Typed.S3.Tests.Json;

/// <summary>Everything the generated JSON and JSON Lines writers write, the generated readers read back unchanged.</summary>
public class JsonRoundTripTests
{
    public static IEnumerable<object[]> Rows()
    {
        foreach (EveryTypeRow row in CsvRoundTripTests.Rows().Select(r => (EveryTypeRow)r[0]))
        {
            yield return [row, false];
            yield return [row, true];
        }

        EveryTypeRow minimums = new()
        {
            Id = long.MinValue,
            Flag = false,
            Tiny = sbyte.MinValue,
            Small = short.MinValue,
            Count = int.MinValue,
            Big = long.MinValue,
            UTiny = byte.MinValue,
            USmall = ushort.MinValue,
            UCount = uint.MinValue,
            UBig = ulong.MinValue,
            Half = Half.MinValue,
            Ratio = float.MinValue,
            Score = double.MinValue,
            Amount = -999999999999999999.9999999999m,
            Name = "escapes: \\ / \b \f \n \r \t \u0001 \u001f \u007f <html> & 'apostrophe' \u2028",
            Note = "emoji 😀👍🏽, accents é ñ ü, CJK 東京, RTL שלום",
            Day = DateOnly.MinValue,
            AtTime = TimeOnly.MaxValue,
            CreatedAt = DateTimeOffset.MinValue,
            LocalAt = DateTime.MaxValue,
            Key = Guid.Empty,
            Payload = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray(),
        };
        yield return [minimums, false];
        yield return [minimums, true];
        EveryTypeRow specials = new() { Id = 7, Name = "n", Half = Half.NaN, Ratio = float.NaN, Score = double.NegativeInfinity, Amount = 0.0000000001m, CreatedAt = DateTimeOffset.MaxValue };
        yield return [specials, false];
        yield return [specials, true];
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task WriterOutputReadsBackUnchanged(EveryTypeRow row, bool jsonLines)
    {
        using var stream = new MemoryStream();
        long written = jsonLines ? await EveryTypes.WriteJsonLinesAsync(stream, new[] { row, row }) : await EveryTypes.WriteJsonAsync(stream, new[] { row, row });
        stream.Position = 0;

        var rows = await CollectAsync(jsonLines ? EveryTypes.ReadJsonLinesAsync(stream) : EveryTypes.ReadJsonAsync(stream));

        Assert.Equal(2, written);
        Assert.Equal(2, rows.Count);
        foreach (EveryTypeRow read in rows)
        {
            Assert.Equal(Normalize(row), Normalize(read));
        }
    }

    [Fact]
    public async Task WritesEveryColumnInSchemaOrderWithNullsAsNull()
    {
        using var stream = new MemoryStream();
        await People.WriteJsonAsync(stream, new[]
        {
            new Person { Id = 1, Name = "Zoë \"Z\"", Nickname = null, Age = 3, Balance = 1.50m, Born = new DateOnly(2020, 2, 29), Active = false },
            new Person { Id = 2, Name = "b", Nickname = string.Empty },
        });

        Assert.Equal(
            "[{\"id\":1,\"name\":\"Zoë \\\"Z\\\"\",\"nickname\":null,\"age\":3,\"balance\":1.50,\"born\":\"2020-02-29\",\"active\":false},"
            + "{\"id\":2,\"name\":\"b\",\"nickname\":\"\",\"age\":null,\"balance\":null,\"born\":null,\"active\":null}]",
            Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public async Task JsonLinesWritesOneObjectALine()
    {
        using var stream = new MemoryStream();
        await People.WriteJsonLinesAsync(stream, new[] { new Person { Id = 1, Name = "a" }, new Person { Id = 2, Name = "b", Active = true } });

        Assert.Equal(
            "{\"id\":1,\"name\":\"a\",\"nickname\":null,\"age\":null,\"balance\":null,\"born\":null,\"active\":null}\n"
            + "{\"id\":2,\"name\":\"b\",\"nickname\":null,\"age\":null,\"balance\":null,\"born\":null,\"active\":true}\n",
            Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public async Task SpecialValuesAreWrittenInTheFormsTheReaderReads()
    {
        var row = new EveryTypeRow
        {
            Id = 1,
            Name = "n",
            Ratio = float.PositiveInfinity,
            Score = double.NaN,
            Amount = 12.3400m,
            CreatedAt = new DateTimeOffset(2024, 1, 1, 14, 0, 0, TimeSpan.FromHours(2)),
            LocalAt = new DateTime(2024, 1, 1, 8, 30, 0, 500),
            AtTime = new TimeOnly(7, 5),
            Key = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"),
            Payload = [1, 2, 3],
        };
        using var stream = new MemoryStream();
        await EveryTypes.WriteJsonLinesAsync(stream, new[] { row });
        string text = Encoding.UTF8.GetString(stream.ToArray());

        Assert.Contains("\"ratio\":\"Infinity\"", text);
        Assert.Contains("\"score\":\"NaN\"", text);
        Assert.Contains("\"amount\":12.3400", text);
        Assert.Contains("\"created_at\":\"2024-01-01T12:00:00Z\"", text);
        Assert.Contains("\"local_at\":\"2024-01-01T08:30:00.5\"", text);
        Assert.Contains("\"at_time\":\"07:05:00\"", text);
        Assert.Contains("\"key\":\"0f8fad5b-d9cb-469f-a165-70867728950e\"", text);
        Assert.Contains("\"payload\":\"AQID\"", text);
        stream.Position = 0;
        EveryTypeRow read = Assert.Single(await CollectAsync(EveryTypes.ReadJsonLinesAsync(stream)));
        Assert.Equal(TimeSpan.Zero, read.CreatedAt!.Value.Offset);
        Assert.Equal(row.CreatedAt, read.CreatedAt);
        Assert.Equal(4, read.Amount!.Value.Scale);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task EmptyStringsNullsAndEmptyByteArraysStayApart(bool jsonLines)
    {
        var rows = new[]
        {
            new EveryTypeRow { Id = 1, Name = string.Empty, Note = string.Empty, Payload = [] },
            new EveryTypeRow { Id = 2, Name = string.Empty, Note = null, Payload = null },
        };
        using var stream = new MemoryStream();
        await (jsonLines ? EveryTypes.WriteJsonLinesAsync(stream, rows) : EveryTypes.WriteJsonAsync(stream, rows));
        stream.Position = 0;

        var read = await CollectAsync(jsonLines ? EveryTypes.ReadJsonLinesAsync(stream) : EveryTypes.ReadJsonAsync(stream));

        Assert.Equal(string.Empty, read[0].Note);
        Assert.Equal(Array.Empty<byte>(), read[0].Payload);
        Assert.Null(read[1].Note);
        Assert.Null(read[1].Payload);
        Assert.Equal(rows.Select(Normalize), read.Select(Normalize));
    }

    [Fact]
    public async Task EmptyDatasetIsAnEmptyArrayOrAnEmptyFile()
    {
        using var json = new MemoryStream();
        using var jsonLines = new MemoryStream();

        Assert.Equal(0, await People.WriteJsonAsync(json, Array.Empty<Person>()));
        Assert.Equal(0, await People.WriteJsonLinesAsync(jsonLines, Array.Empty<Person>()));

        Assert.Equal("[]", Encoding.UTF8.GetString(json.ToArray()));
        Assert.Empty(jsonLines.ToArray());
        json.Position = 0;
        jsonLines.Position = 0;
        Assert.Empty(await CollectAsync(People.ReadJsonAsync(json)));
        Assert.Empty(await CollectAsync(People.ReadJsonLinesAsync(jsonLines)));
        Assert.Empty(await ReadPeopleJsonAsync(" \r\n\t[ \n ] \n"));
        Assert.Empty(await ReadPeopleJsonAsync(string.Empty));
        Assert.Empty(await ReadPeopleJsonLinesAsync("\n\n  \r\n"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ManyRecordsStreamThroughManyFlushesAndRefills(bool jsonLines)
    {
        var people = Enumerable.Range(1, 50_000)
            .Select(i => new Person { Id = i, Name = "person " + i + " ✓", Nickname = i % 3 == 0 ? null : "n" + i, Age = i % 100, Balance = i / 100m, Active = i % 2 == 0 })
            .ToList();
        using var stream = new MemoryStream();
        await (jsonLines ? People.WriteJsonLinesAsync(stream, ToAsync(people)) : People.WriteJsonAsync(stream, ToAsync(people)));
        stream.Position = 0;

        var read = await CollectAsync(jsonLines ? People.ReadJsonLinesAsync(new TrickleStream(stream, 1000)) : People.ReadJsonAsync(new TrickleStream(stream, 1000)));

        Assert.True(stream.Length > 20 * 64 * 1024, $"only {stream.Length} bytes");
        Assert.Equal(people, read);
    }

    [Fact]
    public async Task JsonLinesIsOneObjectAndOneLineFeedARecord()
    {
        var people = new[]
        {
            new Person { Id = 1, Name = "a, b", Nickname = "{\"x\":1},{", Balance = 1.50m, Born = new DateOnly(1990, 5, 17), Active = true },
            new Person { Id = 2, Name = "c" },
            new Person { Id = 3, Name = ",", Age = 7 },
        };
        const string expected =
            "{\"id\":1,\"name\":\"a, b\",\"nickname\":\"{\\\"x\\\":1},{\",\"age\":null,\"balance\":1.50,\"born\":\"1990-05-17\",\"active\":true}\n"
            + "{\"id\":2,\"name\":\"c\",\"nickname\":null,\"age\":null,\"balance\":null,\"born\":null,\"active\":null}\n"
            + "{\"id\":3,\"name\":\",\",\"nickname\":null,\"age\":7,\"balance\":null,\"born\":null,\"active\":null}\n";
        using var fromList = new MemoryStream();
        using var fromAsync = new MemoryStream();
        using var single = new MemoryStream();

        await People.WriteJsonLinesAsync(fromList, people);
        await People.WriteJsonLinesAsync(fromAsync, ToAsync(people));
        await People.WriteJsonLinesAsync(single, people.Take(1));

        Assert.Equal(expected, Encoding.UTF8.GetString(fromList.ToArray()));
        Assert.Equal(expected, Encoding.UTF8.GetString(fromAsync.ToArray()));
        Assert.Equal(expected.Substring(0, expected.IndexOf('\n') + 1), Encoding.UTF8.GetString(single.ToArray()));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task RowsInMemoryAndAsyncRowsWriteTheSameBytes(bool jsonLines)
    {
        var people = Enumerable.Range(1, 30_000)
            .Select(i => new Person { Id = i, Name = "person " + i + " \"q\"", Nickname = i % 3 == 0 ? null : "n" + i, Age = i % 100, Balance = i / 100m, Active = i % 2 == 0 })
            .ToList();
        using var fromList = new MemoryStream();
        using var fromAsync = new MemoryStream();

        long listed = await (jsonLines ? People.WriteJsonLinesAsync(fromList, people) : People.WriteJsonAsync(fromList, people));
        long streamed = await (jsonLines ? People.WriteJsonLinesAsync(fromAsync, ToAsync(people)) : People.WriteJsonAsync(fromAsync, ToAsync(people)));

        Assert.Equal(people.Count, listed);
        Assert.Equal(people.Count, streamed);
        Assert.True(fromList.Length > 10 * 64 * 1024, $"only {fromList.Length} bytes");
        Assert.Equal(fromAsync.ToArray(), fromList.ToArray());
        fromList.Position = 0;
        Assert.Equal(people, await CollectAsync(jsonLines ? People.ReadJsonLinesAsync(fromList) : People.ReadJsonAsync(fromList)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task CancellingStopsWritingRowsInMemory(bool jsonLines)
    {
        using var cancellation = new CancellationTokenSource();
        using var stream = new MemoryStream();

        IEnumerable<Person> Rows()
        {
            for (int i = 1; i <= 1000; i++)
            {
                if (i == 10)
                {
                    cancellation.Cancel();
                }

                yield return new Person { Id = i, Name = "p" + i };
            }

            throw new InvalidOperationException("the writer went on after cancellation");
        }

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => jsonLines
            ? People.WriteJsonLinesAsync(stream, Rows(), cancellation.Token)
            : People.WriteJsonAsync(stream, Rows(), cancellation.Token));
    }

    [Fact]
    public async Task NullRowIsAClearError()
    {
        using var stream = new MemoryStream();
        var json = await Assert.ThrowsAsync<ArgumentException>(() => People.WriteJsonAsync(stream, new Person[] { new() { Id = 1, Name = "a" }, null! }));
        var jsonLines = await Assert.ThrowsAsync<ArgumentException>(() => People.WriteJsonLinesAsync(stream, new Person[] { null! }));

        Assert.Equal("Row 2 is null: records to write cannot be null. (Parameter 'rows')", json.Message);
        Assert.Equal("Row 1 is null: records to write cannot be null. (Parameter 'rows')", jsonLines.Message);
    }

    [Fact]
    public async Task CsvInJsonOutCsvInKeepsEveryValue()
    {
        const string csv = "id,name,nickname,age,balance,born,active\n1,\"Zoë, \"\"Z\"\"\",,42,1234.50,1990-05-17,true\n2,b,\"\",,,,\n";
        using var csvIn = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        var fromCsv = await CollectAsync(People.ReadCsvAsync(csvIn));
        using var json = new MemoryStream();
        await People.WriteJsonAsync(json, fromCsv);
        json.Position = 0;
        var fromJson = await CollectAsync(People.ReadJsonAsync(json));
        using var csvOut = new MemoryStream();
        await People.WriteCsvAsync(csvOut, fromJson);
        csvOut.Position = 0;

        var again = await CollectAsync(People.ReadCsvAsync(csvOut));

        Assert.Equal(2, fromCsv.Count);
        Assert.Equal(fromCsv, fromJson);
        Assert.Equal(fromCsv, again);
        Assert.Equal(string.Empty, again[1].Nickname);
        Assert.Equal(1234.50m, again[0].Balance);
    }

    private static async IAsyncEnumerable<T> ToAsync<T>(IEnumerable<T> items)
    {
        foreach (T item in items)
        {
            yield return item;
        }

        await Task.CompletedTask;
    }
}
