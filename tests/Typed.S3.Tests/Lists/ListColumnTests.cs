using System.Text;
using Typed.S3.Tests.Data;
using static Typed.S3.Tests.Csv.CsvTestData;

namespace Typed.S3.Tests.Lists;

/// <summary>
/// <c>list&lt;T&gt;</c> columns in every generated codec: lists with null elements, empty lists, null lists, unicode
/// strings, decimals and timestamps survive a round trip; records compare lists by reference, so the tests compare
/// them element by element.
/// </summary>
public class ListColumnTests
{
    private const string ObjectName = "s3://test-bucket/baskets/b";

    public static Basket[] SampleRows() =>
    [
        new Basket
        {
            Id = 1,
            Counts = [1, null, int.MaxValue, int.MinValue],
            Tags = ["plain", null, "comma, \"quote\"\r\nnew line", "unicode: Zoë, 東京, 😀", string.Empty],
            Prices = [12.34m, null, -99999999.99m, 0.10m],
            Seen = [new DateTimeOffset(2024, 4, 14, 12, 30, 15, 123, TimeSpan.Zero).AddTicks(4560), null, DateTimeOffset.UnixEpoch],
            Flags = [true, false, null],
            Ratios = [1.5, null, double.MaxValue, -0.0001],
            Days = [new DateOnly(2024, 2, 29), null, DateOnly.MinValue],
            Ids = [Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"), null, Guid.Empty],
            Blobs = [[0, 1, 2, 250, 255], null, []],
            Big = [long.MaxValue, null, long.MinValue],
            Times = [new TimeOnly(23, 59, 59, 999, 999), null, TimeOnly.MinValue],
            Locals = [new DateTime(1999, 12, 31, 23, 59, 59, DateTimeKind.Unspecified), null],
        },
        new Basket { Id = 2, Counts = [], Tags = [], Prices = [], Seen = [], Flags = [], Ratios = [], Days = [], Ids = [], Blobs = [], Big = [], Times = [], Locals = [] },
        new Basket { Id = 3, Counts = [null] },
        new Basket { Id = 4, Counts = [7], Tags = [null], Big = [null, null] },
    ];

    public static TheoryData<string> Formats() => new() { "csv", "json", "jsonl", "parquet" };

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task ListsRoundTripInEveryFormat(string format)
    {
        Basket[] rows = SampleRows();
        using var stream = new MemoryStream();
        long written = await WriteAsync(format, stream, rows);
        stream.Position = 0;

        List<Basket> read = await CollectAsync(Read(format, stream));

        Assert.Equal(rows.Length, written);
        Assert.Equal(rows.Length, read.Count);
        for (int i = 0; i < rows.Length; i++)
        {
            AssertSameBasket(rows[i], read[i]);
        }
    }

    [Fact]
    public async Task JsonWritesListsAsArraysWithNulls()
    {
        using var stream = new MemoryStream();
        await Baskets.WriteJsonLinesAsync(stream, [new Basket { Id = 9, Counts = [1, null, 3], Tags = ["a\"b", null], Prices = [1.50m] }]);

        string text = Encoding.UTF8.GetString(stream.ToArray());

        Assert.StartsWith("{\"id\":9,\"counts\":[1,null,3],\"tags\":[\"a\\\"b\",null],\"prices\":[1.50],\"seen\":null,", text);
    }

    [Fact]
    public async Task CsvWritesAListAsOneFieldOfJsonArrayText()
    {
        using var stream = new MemoryStream();
        await Baskets.WriteCsvAsync(stream, [new Basket { Id = 9, Counts = [1, null, 3], Tags = ["x", "y"] }, new Basket { Id = 10, Counts = [] }]);

        string[] lines = Encoding.UTF8.GetString(stream.ToArray()).Split("\r\n");

        Assert.Equal("id,counts,tags,prices,seen,flags,halves,ratios,days,ids,blobs,big,times,locals", lines[0]);
        Assert.Equal("9,\"[1,null,3]\",\"[\"\"x\"\",\"\"y\"\"]\",,,,,,,,,,,", lines[1]);
        Assert.Equal("10,[],,,,,,,,,,,,", lines[2]);
    }

    [Fact]
    public async Task CsvReadsJsonArrayFieldsAsDuckDbWritesThem()
    {
        const string csv = "id,counts,tags,prices\n1,\"[1, 2, null]\",\"[\"\"é\"\", null]\",[1.25]\n2,[],,\n";

        List<Basket> read = await CollectAsync(Baskets.ReadCsvAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), ObjectName));

        Assert.Equal(new int?[] { 1, 2, null }, read[0].Counts);
        Assert.Equal(new string?[] { "é", null }, read[0].Tags);
        Assert.Equal(new decimal?[] { 1.25m }, read[0].Prices);
        Assert.Empty(read[1].Counts);
        Assert.Null(read[1].Tags);
    }

    [Theory]
    [InlineData("{\"id\":1,\"counts\":5}", "line 1 (row 1), column 'counts': the value is a number, not an array (expected list<int32>, found '5')")]
    [InlineData("{\"id\":1,\"counts\":{\"a\":1}}", "line 1 (row 1), column 'counts': the value is an object, not an array (expected list<int32>)")]
    [InlineData("{\"id\":1,\"counts\":null}", "line 1 (row 1), column 'counts': the property is required but the value is null (expected list<int32>)")]
    [InlineData("{\"id\":1,\"counts\":[1,\"two\"]}", "line 1 (row 1), column 'counts': element 2 of the list: the value is a string, not a number (expected list<int32>, found 'two')")]
    [InlineData("{\"id\":1,\"counts\":[1.5]}", "line 1 (row 1), column 'counts': element 1 of the list: the number has a fraction or an exponent (expected list<int32>, found '1.5')")]
    [InlineData("{\"id\":1,\"counts\":[],\"prices\":[1.234]}", "line 1 (row 1), column 'prices': element 1 of the list: the value 1.234 does not fit decimal(10,2) (at most 8 digits before the point and 2 after; values are never rounded) (expected list<decimal(10,2)>, found '1.234')")]
    [InlineData("{\"id\":1,\"counts\":[],\"days\":[\"2024-13-01\"]}", "line 1 (row 1), column 'days': element 1 of the list: invalid value (expected list<date>, found '2024-13-01')")]
    [InlineData("{\"id\":1,\"counts\":[[1]]}", "line 1 (row 1), column 'counts': element 1 of the list: the value is an array, not a number (expected list<int32>)")]
    public async Task JsonBadListsAreNamed(string line, string expected)
    {
        var error = await Assert.ThrowsAsync<DatasetFormatException>(() =>
            CollectAsync(Baskets.ReadJsonLinesAsync(new MemoryStream(Encoding.UTF8.GetBytes(line + "\n")), ObjectName)));

        Assert.Equal(ObjectName + ", " + expected, error.Message);
    }

    [Fact]
    public async Task JsonBadElementNamesItsLine()
    {
        var error = await Assert.ThrowsAsync<DatasetFormatException>(() =>
            CollectAsync(Baskets.ReadJsonAsync(new MemoryStream(Encoding.UTF8.GetBytes("[{\"id\":1,\"counts\":[1,\n\"two\"]}]")), ObjectName)));

        Assert.Equal(ObjectName + ", line 2 (row 1), column 'counts': element 2 of the list: the value is a string, not a number (expected list<int32>, found 'two')", error.Message);
        Assert.Equal("counts", error.Column);
        Assert.Equal("list<int32>", error.ExpectedType);
        Assert.Equal("two", error.Value);
    }

    [Fact]
    public async Task JsonListsSplitAcrossBuffersAreRead()
    {
        var builder = new StringBuilder("[{\"id\":1,\"counts\":[");
        for (int i = 0; i < 20000; i++)
        {
            builder.Append(i).Append(',');
        }

        builder.Append("null]}]");
        List<Basket> read = await CollectAsync(Baskets.ReadJsonAsync(new MemoryStream(Encoding.UTF8.GetBytes(builder.ToString())), ObjectName));

        Assert.Equal(20001, read[0].Counts.Count);
        Assert.Equal(19999, read[0].Counts[19999]);
        Assert.Null(read[0].Counts[20000]);
    }

    [Theory]
    [InlineData("1,5", "line 2 (row 1), column 'counts': the field is not a JSON array (expected list<int32>, found '5')")]
    [InlineData("1,", "line 2 (row 1), column 'counts': the column is required but the field is empty (expected list<int32>)")]
    [InlineData("1,\"[1,\"\"x\"\"]\"", "line 2 (row 1), column 'counts': element 2 of the list: the value is a string, not a number (expected list<int32>, found 'x')")]
    [InlineData("1,[1] 2", "line 2 (row 1), column 'counts': the field is not a valid JSON array (expected list<int32>, found '[1] 2')")]
    [InlineData("1,\"[1,2\"", "line 2 (row 1), column 'counts': the field is not a valid JSON array (expected list<int32>, found '[1,2')")]
    [InlineData("1,[99999999999]", "line 2 (row 1), column 'counts': element 1 of the list: the number is out of range (expected list<int32>, found '99999999999')")]
    public async Task CsvBadListsAreNamed(string record, string expected)
    {
        string csv = "id,counts\n" + record + "\n";

        var error = await Assert.ThrowsAsync<DatasetFormatException>(() =>
            CollectAsync(Baskets.ReadCsvAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), ObjectName)));

        Assert.Equal(ObjectName + ", " + expected, error.Message);
    }

    [Fact]
    public async Task ParquetNullInARequiredListColumnIsAnError()
    {
        using var stream = new MemoryStream();
        await OptionalCounts.WriteParquetAsync(stream, [new OptionalCount { Id = 1, Counts = [1] }, new OptionalCount { Id = 2 }]);
        stream.Position = 0;

        var error = await Assert.ThrowsAsync<DatasetFormatException>(() => CollectAsync(Baskets.ReadParquetAsync(stream, ObjectName)));

        Assert.Equal(ObjectName + " (row 2), column 'counts': the column is required but row 2 of row group 1 is null (expected list<int32>)", error.Message);
    }

    [Fact]
    public async Task ParquetListOfAnotherElementTypeNamesBothTypes()
    {
        using var stream = new MemoryStream();
        await Baskets.WriteParquetAsync(stream, [new Basket { Id = 1, Counts = [1], Tags = ["a"] }]);
        stream.Position = 0;

        var error = await Assert.ThrowsAsync<DatasetFormatException>(() => CollectAsync(Mismatches.ReadParquetAsync(stream, ObjectName)));

        Assert.Equal(ObjectName + ", column 'tags': the column is list<int64> in the schema but a list of BYTE_ARRAY (STRING) in the file", error.Message);
    }

    [Fact]
    public async Task ParquetScalarColumnIsNotReadAsAList()
    {
        using var stream = new MemoryStream();
        await OptionalCounts.WriteParquetAsync(stream, [new OptionalCount { Id = 1, Counts = [1] }]);
        stream.Position = 0;

        var error = await Assert.ThrowsAsync<DatasetFormatException>(() => CollectAsync(Mismatches.ReadParquetAsync(stream, ObjectName)));

        Assert.Equal(ObjectName + ", column 'id': the column is list<int32> in the schema but INT64 (INT(64, signed)) in the file", error.Message);
    }

    [Fact]
    public async Task ParquetListsSpanSeveralRowGroups()
    {
        OptionalCount[] rows =
        [
            new() { Id = 1, Counts = [1, 2] },
            new() { Id = 2 },
            new() { Id = 3, Counts = [] },
            new() { Id = 4, Counts = [null, 4, null] },
            new() { Id = 5, Counts = [5] },
        ];
        using var stream = new MemoryStream();
        await OptionalCounts.WriteParquetAsync(stream, rows);
        stream.Position = 0;

        List<OptionalCount> read = await CollectAsync(OptionalCounts.ReadParquetAsync(stream, ObjectName));

        stream.Position = 0;
        await using (global::Parquet.ParquetReader reader = await global::Parquet.ParquetReader.CreateAsync(stream, leaveStreamOpen: true))
        {
            Assert.Equal(3, reader.RowGroupCount);
        }

        Assert.Equal(rows.Select(r => r.Id), read.Select(r => r.Id));
        for (int i = 0; i < rows.Length; i++)
        {
            Assert.Equal(rows[i].Counts, read[i].Counts);
        }
    }

    [Fact]
    public async Task ParquetBareRepeatedFieldIsReadAsAList()
    {
        // The legacy encoding without a LIST group: "repeated int64 counts", each row's list its repeated values.
        var id = new global::Parquet.Schema.DataField<long>("id");
        var counts = new global::Parquet.Schema.DataField<long[]>("counts");
        using var stream = new MemoryStream();
        await using (global::Parquet.ParquetWriter writer = await global::Parquet.ParquetWriter.CreateAsync(new global::Parquet.Schema.ParquetSchema(id, counts), stream))
        {
            using global::Parquet.ParquetRowGroupWriter rowGroup = writer.CreateRowGroup();
            await rowGroup.WriteAsync<long>(id, new long[] { 1, 2, 3 });
            await rowGroup.WriteAllPartsAsync<long>(counts, new long[] { 1, 2, 7 }, new[] { 1, 1, 0, 1 }, new[] { 0, 1, 0, 0 }, default);
        }

        stream.Position = 0;
        List<LegacyList> read = await CollectAsync(LegacyLists.ReadParquetAsync(stream, ObjectName));

        Assert.Equal(3, read.Count);
        Assert.Equal(new long?[] { 1, 2 }, read[0].Counts);
        Assert.Empty(read[1].Counts!);
        Assert.Equal(new long?[] { 7 }, read[2].Counts);
    }

    [Fact]
    public async Task ParquetWriteRejectsANullRequiredListAndAnOversizedDecimal()
    {
        var nullList = await Assert.ThrowsAsync<ArgumentException>(() =>
            Baskets.WriteParquetAsync(new MemoryStream(), [new Basket { Id = 1, Counts = null! }]));
        var decimalError = await Assert.ThrowsAsync<ArgumentException>(() =>
            Baskets.WriteParquetAsync(new MemoryStream(), [new Basket { Id = 1, Counts = [], Prices = [1m, 123456789.5m] }]));

        Assert.StartsWith("Row 1: column 'counts' is required (list<int32>) but the value is null.", nullList.Message);
        Assert.StartsWith("Row 1: column 'prices' is list<decimal(10,2)> and cannot hold 123456789.5.", decimalError.Message);
    }

    private static Task<long> WriteAsync(string format, Stream stream, Basket[] rows) => format switch
    {
        "csv" => Baskets.WriteCsvAsync(stream, rows),
        "json" => Baskets.WriteJsonAsync(stream, rows),
        "jsonl" => Baskets.WriteJsonLinesAsync(stream, rows),
        _ => Baskets.WriteParquetAsync(stream, rows),
    };

    private static IAsyncEnumerable<Basket> Read(string format, Stream stream) => format switch
    {
        "csv" => Baskets.ReadCsvAsync(stream, ObjectName),
        "json" => Baskets.ReadJsonAsync(stream, ObjectName),
        "jsonl" => Baskets.ReadJsonLinesAsync(stream, ObjectName),
        _ => Baskets.ReadParquetAsync(stream, ObjectName),
    };

    private static void AssertSameBasket(Basket expected, Basket actual)
    {
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Counts, actual.Counts);
        Assert.Equal(expected.Tags, actual.Tags);
        Assert.Equal(expected.Prices, actual.Prices);
        Assert.Equal(expected.Seen, actual.Seen);
        Assert.Equal(expected.Flags, actual.Flags);
        Assert.Equal(expected.Ratios, actual.Ratios);
        Assert.Equal(expected.Days, actual.Days);
        Assert.Equal(expected.Ids, actual.Ids);
        Assert.Equal(expected.Blobs, actual.Blobs);
        Assert.Equal(expected.Big, actual.Big);
        Assert.Equal(expected.Times, actual.Times);
        Assert.Equal(expected.Locals, actual.Locals);
    }
}
