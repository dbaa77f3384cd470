using System.Text;
using System.Text.Json;
using Typed.S3.Tests.Data;
using static Typed.S3.Tests.Csv.CsvTestData;

namespace Typed.S3.Tests.Nested;

/// <summary>
/// Nested columns (records, records in records, lists of records, lists of lists, maps of lists, maps of maps, maps keyed
/// by dates and numbers) in JSON Lines, JSON and CSV (a field holding the value's JSON text): round trips with nulls at
/// every level, what a hand-written file reads as, and errors that name the path to the bad value, its type and the value.
/// Records compare lists and maps by reference, so the tests compare the records' JSON.
/// </summary>
public class NestedColumnTests
{
    private const string ObjectName = "s3://test-bucket/orders/o.jsonl";

    public static Order[] SampleRows() =>
    [
        new Order
        {
            Id = 1,
            Customer = new Customer { Name = "Zoë, \"the\" buyer", Address = new Address { Street = "1 Main St\nFlat 2", Zip = "02134" } },
            Items =
            [
                new LineItem { Sku = "A-1", Qty = 2, Price = 12.50m, Tags = ["red", null, "東京"] },
                null,
                new LineItem { Sku = "B-2", Qty = -1, Price = null, Tags = [] },
            ],
            Labels = new Dictionary<string, IReadOnlyList<string?>?> { ["eu"] = ["de", "fr"], ["empty"] = [], ["none"] = null },
            Matrix = [[1, 2, null], [], null, [int.MinValue, int.MaxValue]],
            Daily = new Dictionary<DateOnly, long?> { [new DateOnly(2024, 2, 29)] = 5, [new DateOnly(1999, 12, 31)] = null },
            Rates = new Dictionary<int, IReadOnlyDictionary<string, decimal?>?> { [-7] = new Dictionary<string, decimal?> { ["x"] = 1.125m, ["y"] = null }, [0] = null },
        },
        new Order { Id = 2, Customer = new Customer { Name = "No address" }, Items = [], Labels = new Dictionary<string, IReadOnlyList<string?>?>(), Matrix = [] },
        new Order { Id = 3, Customer = new Customer { Name = string.Empty, Address = new Address { Zip = "x" } } },
    ];

    public static TheoryData<string> Formats() => new() { "csv", "json", "jsonl" };

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task NestedValuesRoundTripWithNullsAtEveryLevel(string format)
    {
        Order[] rows = SampleRows();
        using var stream = new MemoryStream();
        long written = await WriteAsync(format, stream, rows);
        stream.Position = 0;

        List<Order> read = await CollectAsync(Read(format, stream));

        Assert.Equal(rows.Length, written);
        Assert.Equal(rows.Select(Json), read.Select(Json));
    }

    [Fact]
    public async Task AHandWrittenLineReadsIntoTheNestedTypes()
    {
        const string line = """
            {"id":7,"customer":{"name":"Ann","address":{"zip":"1000","street":null},"unknown":[1,{"a":2}]},"items":[{"sku":"s","qty":3,"price":1.5,"tags":null}],"labels":{"k":["v",null]},"matrix":[[1],[null,2]],"daily":{"2024-03-01":10},"rates":{"42":{"a":0.5}}}
            """;

        Order order = Assert.Single(await ReadLinesAsync(line));

        Assert.Equal(7, order.Id);
        Assert.Equal(new Customer { Name = "Ann", Address = new Address { Zip = "1000" } }, order.Customer);
        LineItem item = Assert.Single(order.Items!)!;
        Assert.Equal(("s", 3, (decimal?)1.5m, (IReadOnlyList<string?>?)null), (item.Sku, item.Qty, item.Price, item.Tags));
        Assert.Equal(["v", null], order.Labels!["k"]!);
        Assert.Equal([1], order.Matrix![0]!);
        Assert.Equal([null, 2], order.Matrix[1]!);
        Assert.Equal(10, order.Daily![new DateOnly(2024, 3, 1)]);
        Assert.Equal(0.5m, order.Rates![42]!["a"]);
    }

    [Theory]
    [InlineData("""{"id":1,"customer":{"name":"a"},"items":[{"sku":"s","qty":1},{"sku":"t","qty":1,"price":1.234}]}""", "items[1].price", "decimal(10,2)", "1.234")]
    [InlineData("""{"id":1,"customer":{"name":"a","address":{"street":"s"}}}""", "customer.address.zip", "string", null)]
    [InlineData("""{"id":1,"customer":{"name":null}}""", "customer.name", "string", null)]
    [InlineData("""{"id":1,"customer":{"name":"a"},"labels":{"x":["ok",5]}}""", "labels[\"x\"][1]", "string", "5")]
    [InlineData("""{"id":1,"customer":{"name":"a"},"matrix":[[1,2],[3,"four"]]}""", "matrix[1][1]", "int32", "four")]
    [InlineData("""{"id":1,"customer":{"name":"a"},"daily":{"2024-13-01":1}}""", "daily", "date", "2024-13-01")]
    [InlineData("""{"id":1,"customer":{"name":"a"},"daily":{"2024-01-01":1,"2024-01-01":2}}""", "daily", "date", "2024-01-01")]
    [InlineData("""{"id":1,"customer":{"name":"a"},"rates":{"1":{"a":"x"}}}""", "rates[\"1\"][\"a\"]", "decimal(6,3)", "x")]
    [InlineData("""{"id":1,"customer":{"Name":"a"}}""", "customer.name", "string", null)]
    [InlineData("""{"id":1,"customer":[]}""", "customer", "record", null)]
    [InlineData("""{"id":1,"customer":{"name":"a"},"items":{"sku":"s"}}""", "items", "list<record>", null)]
    public async Task ABadValueInsideIsAnErrorNamingItsPath(string line, string column, string type, string? value)
    {
        DatasetFormatException error = await Assert.ThrowsAsync<DatasetFormatException>(() => ReadLinesAsync(line));

        Assert.Equal(column, error.Column);
        Assert.Equal(type, error.ExpectedType);
        Assert.Equal(value, error.Value);
        Assert.Equal(1, error.Line);
        Assert.StartsWith(ObjectName + ", line 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARequiredRecordThatIsNullIsAnError()
    {
        DatasetFormatException error = await Assert.ThrowsAsync<DatasetFormatException>(() => ReadLinesAsync("""{"id":1,"customer":null}"""));

        Assert.Equal("customer", error.Column);
        Assert.Contains("required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANestedValueSplitAcrossTheReadersBuffersReadsWhole()
    {
        // A line far longer than a buffer: the reader must fetch more before it reads the nested value, never half of it.
        var items = Enumerable.Range(0, 5000).Select(i => new LineItem { Sku = "sku-" + i, Qty = i, Tags = ["t" + i] }).ToArray();
        var order = new Order { Id = 1, Customer = new Customer { Name = "n" }, Items = items };
        using var stream = new MemoryStream();
        await Orders.WriteJsonLinesAsync(stream, [order]);
        stream.Position = 0;

        Order read = Assert.Single(await CollectAsync(Orders.ReadJsonLinesAsync(stream)));

        Assert.Equal(Json(order), Json(read));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    public async Task AJsonArrayStreamedInSmallReadsReadsNestedValuesWhole(int readSize)
    {
        // The JSON array format reads the stream a buffer at a time: a nested value cut by a buffer's end is read again
        // with more, never half of it.
        Order[] rows = SampleRows();
        var items = Enumerable.Range(0, 300).Select(i => new LineItem { Sku = "sku-" + i, Qty = i, Price = i / 4m, Tags = ["t" + i, null] }).ToArray();
        rows[1] = rows[1] with { Items = items };
        using var written = new MemoryStream();
        await Orders.WriteJsonAsync(written, rows);

        List<Order> read = await CollectAsync(Orders.ReadJsonAsync(new TrickleStream(written.ToArray(), readSize)));

        Assert.Equal(rows.Select(Json), read.Select(Json));
    }

    [Fact]
    public async Task CsvHoldsANestedValueAsItsJsonTextAndNamesThePathOfABadOne()
    {
        string csv = "id,customer,items,labels,matrix,daily,rates\r\n"
            + "1,\"{\"\"name\"\":\"\"a\"\"}\",,,\"[[1],[2,\"\"x\"\"]]\",,\r\n";

        DatasetFormatException error = await Assert.ThrowsAsync<DatasetFormatException>(
            () => CollectAsync(Orders.ReadCsvAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "s3://b/o.csv")));

        Assert.Equal("matrix[1][1]", error.Column);
        Assert.Equal("int32", error.ExpectedType);
        Assert.Equal("x", error.Value);
        Assert.Equal(2, error.Line);

        using var written = new MemoryStream();
        await Orders.WriteCsvAsync(written, [new Order { Id = 5, Customer = new Customer { Name = "q" }, Matrix = [[1, null]] }]);
        string text = Encoding.UTF8.GetString(written.ToArray());
        Assert.Contains("5,\"{\"\"name\"\":\"\"q\"\",\"\"address\"\":null}\",,,\"[[1,null]]\",,", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json", "the field is not valid JSON")]
    [InlineData("{\"name\":\"a\"} 2", "the field has more after the JSON value")]
    [InlineData("null", "the field is not an object in JSON")]
    public async Task ACsvFieldThatIsNotOneJsonValueIsAnError(string field, string problem)
    {
        string csv = "id,customer,items,labels,matrix,daily,rates\r\n1,\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\",,,,,\r\n";

        DatasetFormatException error = await Assert.ThrowsAsync<DatasetFormatException>(
            () => CollectAsync(Orders.ReadCsvAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "s3://b/o.csv")));

        Assert.Equal("customer", error.Column);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    private static Task<List<Order>> ReadLinesAsync(string lines) =>
        CollectAsync(Orders.ReadJsonLinesAsync(new MemoryStream(Encoding.UTF8.GetBytes(lines + "\n")), ObjectName));

    private static Task<long> WriteAsync(string format, Stream stream, Order[] rows) => format switch
    {
        "csv" => Orders.WriteCsvAsync(stream, rows),
        "json" => Orders.WriteJsonAsync(stream, rows),
        _ => Orders.WriteJsonLinesAsync(stream, rows),
    };

    private static IAsyncEnumerable<Order> Read(string format, Stream stream) => format switch
    {
        "csv" => Orders.ReadCsvAsync(stream),
        "json" => Orders.ReadJsonAsync(stream),
        _ => Orders.ReadJsonLinesAsync(stream),
    };

    // The record as JSON (reflection, for the test only): lists and maps compared element by element.
    private static string Json(Order order) => JsonSerializer.Serialize(order);

    // A stream that returns at most a few bytes a read, so values are cut at every place.
    private sealed class TrickleStream(byte[] bytes, int readSize) : MemoryStream(bytes, writable: false)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, readSize));

        public override int Read(Span<byte> buffer) => base.Read(buffer.Slice(0, Math.Min(buffer.Length, readSize)));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer.Slice(0, Math.Min(buffer.Length, readSize)), cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            base.ReadAsync(buffer, offset, Math.Min(count, readSize), cancellationToken);
    }
}
