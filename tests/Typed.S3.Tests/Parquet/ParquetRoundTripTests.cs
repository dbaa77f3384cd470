using Parquet;
using Parquet.Meta;
using Typed.S3.Tests.Data;
using static Typed.S3.Tests.Csv.CsvTestData;

namespace Typed.S3.Tests.Parquet;

/// <summary>Everything the generated Parquet writer writes, the generated reader reads back unchanged.</summary>
public class ParquetRoundTripTests
{
    public static IEnumerable<object[]> Rows()
    {
        yield return [new EveryTypeRow { Id = 1, Name = "plain" }];
        yield return [new EveryTypeRow
        {
            Id = long.MaxValue,
            Flag = true,
            Tiny = sbyte.MinValue,
            Small = short.MaxValue,
            Count = int.MinValue,
            Big = long.MinValue,
            UTiny = byte.MaxValue,
            USmall = ushort.MaxValue,
            UCount = uint.MaxValue,
            UBig = ulong.MaxValue,
            Half = Half.MaxValue,
            Ratio = float.MaxValue,
            Score = double.Epsilon,
            Amount = 123456789012345678.0123456789m,
            Name = "comma, \"quote\"\r\nnew line; semicolon\ttab",
            Note = "unicode: Zoë, 東京, 😀",
            Day = DateOnly.MaxValue,
            AtTime = new TimeOnly(23, 59, 59, 999, 999),
            CreatedAt = new DateTimeOffset(2024, 4, 14, 12, 30, 15, 123, TimeSpan.Zero).AddTicks(4560),
            LocalAt = new DateTime(1999, 12, 31, 23, 59, 59, DateTimeKind.Unspecified),
            Key = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"),
            Payload = [0, 1, 2, 250, 255],
        }];
        yield return [new EveryTypeRow
        {
            Id = long.MinValue,
            Flag = false,
            Tiny = sbyte.MaxValue,
            Small = short.MinValue,
            Count = int.MaxValue,
            Big = long.MaxValue,
            UTiny = byte.MinValue,
            USmall = ushort.MinValue,
            UCount = uint.MinValue,
            UBig = ulong.MinValue,
            Half = Half.Epsilon,
            Ratio = float.MinValue,
            Score = double.MaxValue,
            Amount = -999999999999999999.9999999999m,
            Name = "min",
            Day = DateOnly.MinValue,
            AtTime = TimeOnly.MinValue,
            CreatedAt = DateTimeOffset.MinValue,
            LocalAt = DateTime.MinValue,
            Key = Guid.Empty,
        }];
        yield return [new EveryTypeRow { Id = 2, Name = "max", CreatedAt = DateTimeOffset.MaxValue.AddTicks(-9), LocalAt = DateTime.MaxValue.AddTicks(-9), Score = double.MinValue }];
        yield return [new EveryTypeRow { Id = -1, Name = string.Empty, Note = string.Empty, Payload = [], Score = double.NaN, Ratio = float.NegativeInfinity }];
        yield return [new EveryTypeRow { Id = 0, Name = " spaces ", Note = "\"", Score = double.PositiveInfinity, Ratio = float.NaN, Amount = -0.0000000001m }];
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task WriterOutputReadsBackUnchanged(EveryTypeRow row)
    {
        using var stream = new MemoryStream();
        long written = await EveryTypes.WriteParquetAsync(stream, new[] { row, row with { Id = 5 } });
        stream.Position = 0;

        var rows = await CollectAsync(EveryTypes.ReadParquetAsync(stream));

        Assert.Equal(2, written);
        Assert.Equal(new[] { Normalize(row), Normalize(row with { Id = 5 }) }, rows.Select(Normalize));
    }

    [Fact]
    public async Task NullsEmptyStringsAndEmptyByteArraysStayApart()
    {
        var rows = new[]
        {
            new EveryTypeRow { Id = 1, Name = string.Empty, Note = null, Payload = null },
            new EveryTypeRow { Id = 2, Name = "x", Note = string.Empty, Payload = [] },
            new EveryTypeRow { Id = 3, Name = "y", Note = "n", Payload = [7] },
        };
        using var stream = new MemoryStream();
        await EveryTypes.WriteParquetAsync(stream, rows);
        stream.Position = 0;

        var read = await CollectAsync(EveryTypes.ReadParquetAsync(stream));

        Assert.Equal(new[] { string.Empty, "x", "y" }, read.Select(r => r.Name));
        Assert.Equal(new[] { null, string.Empty, "n" }, read.Select(r => r.Note));
        Assert.Null(read[0].Payload);
        Assert.Equal(Array.Empty<byte>(), read[1].Payload);
        Assert.Equal(new byte[] { 7 }, read[2].Payload);
    }

    [Fact]
    public async Task TimestampsAreUtcInstantsAndLocalTimestampsWallClockTimes()
    {
        var row = new EveryTypeRow
        {
            Id = 1,
            Name = "n",
            CreatedAt = new DateTimeOffset(2024, 1, 1, 14, 0, 0, TimeSpan.FromHours(2)),
            LocalAt = new DateTime(2024, 1, 1, 14, 0, 0, DateTimeKind.Unspecified),
        };
        using var stream = new MemoryStream();
        await EveryTypes.WriteParquetAsync(stream, new[] { row });
        stream.Position = 0;

        EveryTypeRow read = Assert.Single(await CollectAsync(EveryTypes.ReadParquetAsync(stream)));

        Assert.Equal(TimeSpan.Zero, read.CreatedAt!.Value.Offset);
        Assert.Equal(new DateTime(2024, 1, 1, 12, 0, 0, DateTimeKind.Utc), read.CreatedAt.Value.UtcDateTime);
        Assert.Equal(DateTimeKind.Unspecified, read.LocalAt!.Value.Kind);
        Assert.Equal(new DateTime(2024, 1, 1, 14, 0, 0), read.LocalAt.Value);
    }

    [Fact]
    public async Task TimesAndTimestampsKeepMicrosecondsAndDropFinerTicks()
    {
        var row = new EveryTypeRow
        {
            Id = 1,
            Name = "n",
            AtTime = new TimeOnly(1, 2, 3).Add(TimeSpan.FromTicks(1234567)),
            CreatedAt = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(1234567),
            LocalAt = new DateTime(2024, 1, 1).AddTicks(1234567),
        };
        using var stream = new MemoryStream();
        await EveryTypes.WriteParquetAsync(stream, new[] { row });
        stream.Position = 0;

        EveryTypeRow read = Assert.Single(await CollectAsync(EveryTypes.ReadParquetAsync(stream)));

        Assert.Equal(new TimeOnly(1, 2, 3).Add(TimeSpan.FromTicks(1234560)), read.AtTime);
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(1234560), read.CreatedAt);
        Assert.Equal(new DateTime(2024, 1, 1).AddTicks(1234560), read.LocalAt);
    }

    [Fact]
    public async Task WritesStandardLogicalTypesAndNullabilityFromRequired()
    {
        using var stream = new MemoryStream();
        await EveryTypes.WriteParquetAsync(stream, new[] { new EveryTypeRow { Id = 1, Name = "n" } });

        await using ParquetReader reader = await ParquetTestFiles.OpenAsync(stream.ToArray());
        var described = reader.Schema.DataFields.ToDictionary(f => f.Name, f => (Describe(f.SchemaElement!), f.IsNullable));

        Assert.Equal(("INT64 INT(64,True)", false), described["id"]);
        Assert.Equal(("BOOLEAN", true), described["flag"]);
        Assert.Equal(("INT32 INT(8,True)", true), described["tiny"]);
        Assert.Equal(("INT32 INT(16,True)", true), described["small"]);
        Assert.Equal(("INT32 INT(8,False)", true), described["u_tiny"]);
        Assert.Equal(("INT32 INT(32,False)", true), described["u_count"]);
        Assert.Equal(("INT64 INT(64,False)", true), described["u_big"]);
        Assert.Equal(("FLOAT", true), described["ratio"]);
        Assert.Equal(("DOUBLE", true), described["score"]);
        Assert.Equal(("FIXED_LEN_BYTE_ARRAY DECIMAL(28,10)", true), described["amount"]);
        Assert.Equal(("BYTE_ARRAY STRING", false), described["name"]);
        Assert.Equal(("BYTE_ARRAY STRING", true), described["note"]);
        Assert.Equal(("INT32 DATE", true), described["day"]);
        Assert.Equal(("INT64 TIME(MICROS,False)", true), described["at_time"]);
        Assert.Equal(("INT64 TIMESTAMP(MICROS,True)", true), described["created_at"]);
        Assert.Equal(("INT64 TIMESTAMP(MICROS,False)", true), described["local_at"]);
        Assert.Equal(("FIXED_LEN_BYTE_ARRAY UUID", true), described["key"]);
        Assert.Equal(("BYTE_ARRAY", true), described["payload"]);
    }

    [Fact]
    public async Task UuidsAreWrittenBigEndianAsTheFormatSpecifies()
    {
        var key = Guid.Parse("00112233-4455-6677-8899-aabbccddeeff");
        using var withUuid = new MemoryStream();
        await EveryTypes.WriteParquetAsync(withUuid, new[] { new EveryTypeRow { Id = 1, Name = "n", Key = key } });

        await using ParquetReader reader = await ParquetTestFiles.OpenAsync(withUuid.ToArray());
        using ParquetRowGroupReader rowGroup = reader.OpenRowGroupReader(0);
        var keyField = reader.Schema.DataFields.Single(f => f.Name == "key");
        var values = new Guid?[1];
        await rowGroup.ReadAsync<Guid>(keyField, values.AsMemory(), null);

        Assert.Equal(key, values[0]);
        string hex = Convert.ToHexString(withUuid.ToArray());
        Assert.Contains("00112233445566778899AABBCCDDEEFF", hex);
    }

    [Fact]
    public async Task AnEmptyDatasetIsAValidFileWithNoRows()
    {
        using var stream = new MemoryStream();
        long written = await People.WriteParquetAsync(stream, Array.Empty<Person>());
        stream.Position = 0;

        var rows = await CollectAsync(People.ReadParquetAsync(stream));

        Assert.Equal(0, written);
        Assert.Empty(rows);
        await using ParquetReader reader = await ParquetTestFiles.OpenAsync(stream.ToArray());
        Assert.Equal(new[] { "id", "name", "nickname", "age", "balance", "born", "active" }, reader.Schema.DataFields.Select(f => f.Name));
        Assert.Equal(0, reader.Metadata!.NumRows);
    }

    [Theory]
    [InlineData("snappy", CompressionCodec.SNAPPY)]
    [InlineData("gzip", CompressionCodec.GZIP)]
    [InlineData("zstd", CompressionCodec.ZSTD)]
    [InlineData("none", CompressionCodec.UNCOMPRESSED)]
    public async Task RowGroupsHoldTheConfiguredRowsWithTheConfiguredCodec(string codec, CompressionCodec expected)
    {
        var readings = Enumerable.Range(1, 250).Select(i => new Reading
        {
            Id = i,
            Sensor = "sensor-" + (i % 7),
            Value = i % 5 == 0 ? null : i / 3.0,
            Amount = i % 4 == 0 ? null : i * 1.125m,
            At = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(i),
        }).ToList();
        using var stream = new MemoryStream();

        List<Reading> read = codec switch
        {
            "snappy" => await RoundTrip(stream, readings.Select(r => new SnappyReading { Id = r.Id, Sensor = r.Sensor, Value = r.Value, Amount = r.Amount, At = r.At }), SnappyReadings.WriteParquetAsync, SnappyReadings.ReadParquetAsync, r => new Reading { Id = r.Id, Sensor = r.Sensor, Value = r.Value, Amount = r.Amount, At = r.At }),
            "gzip" => await RoundTrip(stream, readings.Select(r => new GzipReading { Id = r.Id, Sensor = r.Sensor, Value = r.Value, Amount = r.Amount, At = r.At }), GzipReadings.WriteParquetAsync, GzipReadings.ReadParquetAsync, r => new Reading { Id = r.Id, Sensor = r.Sensor, Value = r.Value, Amount = r.Amount, At = r.At }),
            "none" => await RoundTrip(stream, readings.Select(r => new PlainReading { Id = r.Id, Sensor = r.Sensor, Value = r.Value, Amount = r.Amount, At = r.At }), PlainReadings.WriteParquetAsync, PlainReadings.ReadParquetAsync, r => new Reading { Id = r.Id, Sensor = r.Sensor, Value = r.Value, Amount = r.Amount, At = r.At }),
            _ => await RoundTrip(stream, readings, Readings.WriteParquetAsync, Readings.ReadParquetAsync, r => r),
        };

        Assert.Equal(readings, read);
        await using ParquetReader reader = await ParquetTestFiles.OpenAsync(stream.ToArray());
        Assert.Equal(new long[] { 100, 100, 50 }, reader.Metadata!.RowGroups!.Select(g => g.NumRows));
        Assert.All(reader.Metadata.RowGroups!.SelectMany(g => g.Columns), c => Assert.Equal(expected, c.MetaData!.Codec));
    }

    [Fact]
    public async Task CsvInParquetOutReadsBackTheSameRecords()
    {
        List<Person> fromCsv = await ReadPeopleAsync(
            "id,name,nickname,age,balance,born,active\n1,Ann,,42,10.50,1980-02-29,true\n2,\"Bob, Jr\",\"\",,-3.25,,false\n3,Zoë,z,7,,2020-01-01,\n");
        using var stream = new MemoryStream();

        await People.WriteParquetAsync(stream, ToAsync(fromCsv));
        stream.Position = 0;
        var fromParquet = await CollectAsync(People.ReadParquetAsync(stream));

        Assert.Equal(3, fromCsv.Count);
        Assert.Equal(fromCsv, fromParquet);
    }

    [Fact]
    public async Task AStreamThatCannotSeekIsReadToo()
    {
        var people = new[] { new Person { Id = 1, Name = "a", Balance = 1.25m }, new Person { Id = 2, Name = "b", Born = new DateOnly(2001, 9, 9) } };
        using var file = new MemoryStream();
        await People.WriteParquetAsync(file, people);
        using var forwardOnly = new ForwardOnlyStream(file.ToArray());

        var rows = await CollectAsync(People.ReadParquetAsync(forwardOnly));

        Assert.Equal(people, rows);
    }

    [Fact]
    public async Task ANullRecordIsAClearError()
    {
        using var stream = new MemoryStream();
        var error = await Assert.ThrowsAsync<ArgumentException>(() => People.WriteParquetAsync(stream, new Person[] { new() { Id = 1, Name = "a" }, null! }));

        Assert.StartsWith("Row 2 is null: records to write cannot be null.", error.Message);
    }

    [Fact]
    public async Task ANullInARequiredStringColumnIsRefusedOnWrite()
    {
        using var stream = new MemoryStream();
        var error = await Assert.ThrowsAsync<ArgumentException>(() => People.WriteParquetAsync(stream, new Person[] { new() { Id = 1, Name = "a" }, new() { Id = 2, Name = null! } }));

        Assert.StartsWith("Row 2: column 'name' is required (string) but the value is null.", error.Message);
    }

    [Fact]
    public async Task ADecimalThatDoesNotFitItsColumnIsRefusedOnWrite()
    {
        using var stream = new MemoryStream();
        var tooBig = await Assert.ThrowsAsync<ArgumentException>(() => People.WriteParquetAsync(stream, new Person[] { new() { Id = 1, Name = "a", Balance = 100_000_000m } }));
        var tooPrecise = await Assert.ThrowsAsync<ArgumentException>(() => People.WriteParquetAsync(new MemoryStream(), new Person[] { new() { Id = 1, Name = "a", Balance = 1.005m } }));

        Assert.StartsWith("Row 1: column 'balance' is decimal(10,2) and cannot hold 100000000.", tooBig.Message);
        Assert.StartsWith("Row 1: column 'balance' is decimal(10,2) and cannot hold 1.005.", tooPrecise.Message);
    }

    private static async Task<List<Reading>> RoundTrip<TRow>(
        MemoryStream stream,
        IEnumerable<TRow> rows,
        Func<Stream, IEnumerable<TRow>, CancellationToken, Task<long>> write,
        Func<Stream, CancellationToken, IAsyncEnumerable<TRow>> read,
        Func<TRow, Reading> convert)
    {
        await write(stream, rows, default);
        stream.Position = 0;
        var result = (await CollectAsync(read(stream, default))).Select(convert).ToList();
        stream.Position = 0;
        return result;
    }

    private static async IAsyncEnumerable<T> ToAsync<T>(IEnumerable<T> items)
    {
        foreach (T item in items)
        {
            await Task.Yield();
            yield return item;
        }
    }

    private static string Describe(SchemaElement element)
    {
        LogicalType? logical = element.LogicalType;
        string suffix = logical switch
        {
            { INTEGER: { } i } => $" INT({i.BitWidth},{i.IsSigned})",
            { DECIMAL: { } d } => $" DECIMAL({d.Precision},{d.Scale})",
            { STRING: not null } => " STRING",
            { DATE: not null } => " DATE",
            { TIME: { } t } => $" TIME({(t.Unit.MICROS is not null ? "MICROS" : "OTHER")},{t.IsAdjustedToUTC})",
            { TIMESTAMP: { } t } => $" TIMESTAMP({(t.Unit.MICROS is not null ? "MICROS" : "OTHER")},{t.IsAdjustedToUTC})",
            { UUID: not null } => " UUID",
            _ => string.Empty,
        };
        return element.Type + suffix;
    }

    // byte[] compares by reference in a record's equality: compare its content instead.
    private static object Normalize(EveryTypeRow row) => (row with { Payload = null }, row.Payload is null ? null : Convert.ToBase64String(row.Payload));

    private sealed class ForwardOnlyStream(byte[] content) : Stream
    {
        private readonly MemoryStream _inner = new(content);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
