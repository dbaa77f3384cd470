using System.IO.Compression;
using System.Text;
using Typed.S3.Tests.Data;
using static Typed.S3.Tests.Csv.CsvTestData;

namespace Typed.S3.Tests.Json;

/// <summary>Datasets of format <c>json</c>, <c>jsonl</c> and <c>auto</c> through the generated ReadAsync/WriteAsync on the local-folder store.</summary>
public sealed class JsonDatasetTests : IDisposable
{
    private readonly TempFolder _root = new();
    private readonly IObjectStore _store;

    public JsonDatasetTests()
    {
        _root.CreateBucket("test-bucket");
        _store = ObjectStore.Open(_root.Path);
    }

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task JsonLinesDatasetWritesGzipCompressedJsonLinesAndReadsThemBack()
    {
        var events = new[]
        {
            new EventRow { Id = 1, Kind = "created", At = new DateTimeOffset(2024, 4, 14, 10, 0, 0, TimeSpan.Zero), Amount = 9.99m, Payload = [1, 2] },
            new EventRow { Id = 2, Kind = "déjà vu 😀" },
        };

        WriteResult result = await Events.WriteAsync(_store, events);

        WrittenObject written = Assert.Single(result.Objects);
        Assert.Equal(2, written.RowCount);
        Assert.Matches(@"^events/events/\d+\.\d+\.00000\.jsonl\.gz$", written.Location.Key);
        byte[] bytes = File.ReadAllBytes(Path.Combine(_root.Path, "test-bucket", written.Location.Key));
        Assert.Equal(new byte[] { 0x1f, 0x8b }, bytes.Take(2));
        Assert.Equal(bytes.Length, written.Size);
        string text = Gunzip(bytes);

        // Accented letters stay UTF-8; the encoder writes characters beyond the BMP (emoji) as \u escapes.
        Assert.Equal(
            "{\"id\":1,\"kind\":\"created\",\"at\":\"2024-04-14T10:00:00Z\",\"amount\":9.99,\"payload\":\"AQI=\"}\n"
            + "{\"id\":2,\"kind\":\"déjà vu \\uD83D\\uDE00\",\"at\":null,\"amount\":null,\"payload\":null}\n",
            text);

        var read = await CollectAsync(Events.ReadAsync(_store));

        Assert.Equal(2, read.Count);
        Assert.Equal(events[0] with { Payload = null }, read[0] with { Payload = null });
        Assert.Equal(new byte[] { 1, 2 }, read[0].Payload);
        Assert.Equal(events[1], read[1]);
    }

    [Fact]
    public async Task JsonLinesDatasetReadsPlainAndCompressedObjects()
    {
        _root.WriteFile("test-bucket", "events/2024/a.jsonl", "{\"id\":1,\"kind\":\"plain\"}\n");
        File.WriteAllBytes(Path.Combine(_root.Path, "test-bucket", "events", "2024", "b.jsonl.gz"), Gzip("{\"kind\":\"zipped\",\"id\":2}\n"));

        var read = await CollectAsync(Events.ReadAsync(_store));

        Assert.Equal(new[] { new EventRow { Id = 1, Kind = "plain" }, new EventRow { Id = 2, Kind = "zipped" } }, read);
    }

    [Fact]
    public async Task JsonLinesDatasetErrorsNameTheObject()
    {
        _root.WriteFile("test-bucket", "events/bad.jsonl", "{\"id\":1,\"kind\":\"a\"}\n{\"id\":\"two\",\"kind\":\"b\"}\n");

        var error = await Assert.ThrowsAsync<DatasetFormatException>(() => CollectAsync(Events.ReadAsync(_store)));

        Assert.Equal("s3://test-bucket/events/bad.jsonl, line 2 (row 2), column 'id': the value is a string, not a number (expected int64, found 'two')", error.Message);
    }

    [Fact]
    public async Task JsonDatasetWritesAJsonArrayAndReadsItBack()
    {
        var rows = Enumerable.Range(1, 3).Select(i => new JsonEventRow { Id = i, Kind = i == 2 ? null : "k" + i }).ToList();

        WriteResult result = await JsonEvents.WriteAsync(_store, rows);

        WrittenObject written = Assert.Single(result.Objects);
        Assert.Equal("json-events/json_events.00000.json", written.Location.Key);
        Assert.Equal(
            "[{\"id\":1,\"kind\":\"k1\"},{\"id\":2,\"kind\":null},{\"id\":3,\"kind\":\"k3\"}]",
            File.ReadAllText(Path.Combine(_root.Path, "test-bucket", written.Location.Key)));
        Assert.Equal(rows, await CollectAsync(JsonEvents.ReadAsync(_store)));
    }

    [Fact]
    public async Task AutoFormatReadsJsonJsonLinesNdjsonAndCompressedJsonLines()
    {
        _root.WriteFile("test-bucket", "mixed/a.json", "[{\"id\":1,\"name\":\"array\"},{\"name\":\"array 2\",\"id\":2}]");
        _root.WriteFile("test-bucket", "mixed/b.jsonl", "{\"id\":3,\"name\":\"lines\"}\n");
        _root.WriteFile("test-bucket", "mixed/c.ndjson", "{\"id\":4,\"name\":\"nd\"}\r\n{\"id\":5}\r\n");
        File.WriteAllBytes(Path.Combine(_root.Path, "test-bucket", "mixed", "d.jsonl.gz"), Gzip("{\"id\":6,\"name\":\"zipped lines\"}\n"));
        File.WriteAllBytes(Path.Combine(_root.Path, "test-bucket", "mixed", "e.JSON.gz"), Gzip("[{\"id\":7,\"name\":\"zipped array\"}]"));
        _root.WriteFile("test-bucket", "mixed/f.csv", "id,name\n8,csv\n");

        var rows = await CollectAsync(Mixed.ReadAsync(_store));

        Assert.Equal(
            new[]
            {
                new MixedRow { Id = 1, Name = "array" },
                new MixedRow { Id = 2, Name = "array 2" },
                new MixedRow { Id = 3, Name = "lines" },
                new MixedRow { Id = 4, Name = "nd" },
                new MixedRow { Id = 5 },
                new MixedRow { Id = 6, Name = "zipped lines" },
                new MixedRow { Id = 7, Name = "zipped array" },
                new MixedRow { Id = 8, Name = "csv" },
            },
            rows);
    }

    [Fact]
    public async Task AutoFormatReadsEachObjectAsItsExtensionSays()
    {
        // A JSON Lines file named .json is not an array: the error says so rather than guessing.
        _root.WriteFile("test-bucket", "mixed/lines-named.json", "{\"id\":1,\"name\":\"a\"}\n");

        var error = await Assert.ThrowsAsync<DatasetFormatException>(() => CollectAsync(Mixed.ReadAsync(_store)));

        Assert.Equal("s3://test-bucket/mixed/lines-named.json, line 1: the top-level JSON value is an object, not an array of objects", error.Message);
    }

    [Fact]
    public async Task AnyDatasetMovesBetweenFormatsThroughTheStreamCodecs()
    {
        using var jsonLines = new MemoryStream(Encoding.UTF8.GetBytes("{\"id\":1,\"name\":\"a\",\"age\":30}\n{\"id\":2,\"name\":\"b, \\\"quoted\\\"\"}\n"));
        var people = await CollectAsync(People.ReadJsonLinesAsync(jsonLines));
        using var csv = new MemoryStream();

        await People.WriteCsvAsync(csv, people);

        Assert.Equal("id,name,nickname,age,balance,born,active\r\n1,a,,30,,,\r\n2,\"b, \"\"quoted\"\"\",,,,,\r\n", Encoding.UTF8.GetString(csv.ToArray()));
    }

    private static byte[] Gzip(string text)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return output.ToArray();
    }

    private static string Gunzip(byte[] bytes)
    {
        using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
