using Typed.S3.Codecs;
using Parquet.Schema;
using Typed.S3.Tests.Data;
using static Typed.S3.Tests.Csv.CsvTestData;
using static Typed.S3.Tests.Parquet.ParquetTestFiles;

namespace Typed.S3.Tests.Parquet;

/// <summary>Files that do not fit the schema, or are not Parquet at all, fail with errors naming the object, the column and both views of it.</summary>
public class ParquetBadInputTests
{
    private const string ObjectName = "s3://test-bucket/people/p.parquet";

    [Fact]
    public async Task AMissingRequiredColumnIsNamedWithTheFileColumns()
    {
        byte[] file = await WriteAsync(
            Column(new DataField<long>("id", false), 1L),
            Strings(new DataField<string>("nickname", true), "n"));

        DatasetFormatException error = await ReadErrorAsync(file);

        Assert.Equal("name", error.Column);
        Assert.Equal(ObjectName + ", column 'name': the file has no such column (id, nickname)", error.Message);
    }

    [Fact]
    public async Task AMissingOptionalColumnReadsAsNullAndExtraColumnsAreIgnored()
    {
        byte[] file = await WriteAsync(
            Strings(new DataField<string>("extra", false), "ignored"),
            Strings(new DataField<string>("name", false), "Ann"),
            Column(new DataField<long>("id", false), 7L));

        Person person = Assert.Single(await ReadAsync(file));

        Assert.Equal(new Person { Id = 7, Name = "Ann" }, person);
    }

    [Theory]
    [InlineData("balance", "the column is decimal(10,2) in the schema but DOUBLE in the file")]
    [InlineData("born", "the column is date in the schema but BYTE_ARRAY (STRING) in the file")]
    [InlineData("age", "the column is int32 in the schema but INT64 (INT(64, signed)) in the file")]
    [InlineData("active", "the column is bool in the schema but INT32 (INT(32, signed)) in the file")]
    public async Task AColumnOfAnIncompatibleTypeNamesBothTypes(string column, string problem)
    {
        (DataField, ColumnWriter) bad = column switch
        {
            "balance" => Column(new DataField<double>("balance", false), 1.5),
            "born" => Strings(new DataField<string>("born", false), "2020-01-01"),
            "age" => Column(new DataField<long>("age", false), 3L),
            _ => Column(new DataField<int>("active", false), 1),
        };
        byte[] file = await WriteAsync(Column(new DataField<long>("id", false), 1L), Strings(new DataField<string>("name", false), "a"), bad);

        DatasetFormatException error = await ReadErrorAsync(file);

        Assert.Equal(column, error.Column);
        Assert.Equal(ObjectName + ", column '" + column + "': " + problem, error.Message);
    }

    [Theory]
    [InlineData(18, 4, "INT64 (DECIMAL(18,4))")]
    [InlineData(12, 2, "INT64 (DECIMAL(12,2))")]
    public async Task ADecimalWhosePrecisionOrScaleDoesNotFitIsAnError(int precision, int scale, string fileType)
    {
        byte[] file = await WriteAsync(
            Column(new DataField<long>("id", false), 1L),
            Strings(new DataField<string>("name", false), "a"),
            Column(new DecimalDataField("balance", precision, scale, false, false), 1.5m));

        DatasetFormatException error = await ReadErrorAsync(file);

        Assert.Equal(ObjectName + ", column 'balance': the column is decimal(10,2) in the schema but " + fileType + " in the file", error.Message);
    }

    [Fact]
    public async Task NarrowerNumbersAndDecimalsThatFitAreRead()
    {
        byte[] file = await WriteAsync(
            Column(new DataField<int>("id", false), 1, 2),
            Strings(new DataField<string>("name", false), "a", "b"),
            Column(new DataField<short>("age", false), (short)30, (short)-1),
            Column(new DecimalDataField("balance", 5, 1, false, false), 1234.5m, -0.1m));

        var people = await ReadAsync(file);

        Assert.Equal(new[] { new Person { Id = 1, Name = "a", Age = 30, Balance = 1234.5m }, new Person { Id = 2, Name = "b", Age = -1, Balance = -0.1m } }, people);
    }

    [Fact]
    public async Task ANullInARequiredColumnNamesTheRowGroupAndRow()
    {
        byte[] file = await WriteAsync(
            NullableColumn<long>(new DataField<long>("id", true), 1L, 2L, null, 4L),
            Strings(new DataField<string>("name", false), "a", "b", "c", "d"));

        DatasetFormatException error = await ReadErrorAsync(file);

        Assert.Equal(3, error.Row);
        Assert.Equal(ObjectName + " (row 3), column 'id': the column is required but row 3 of row group 1 is null (expected int64)", error.Message);
    }

    [Fact]
    public async Task ANullableFileColumnWithoutNullsFillsARequiredColumn()
    {
        byte[] file = await WriteAsync(
            NullableColumn<long>(new DataField<long>("id", true), 1L, 2L),
            Strings(new DataField<string>("name", true), "a", "b"));

        var people = await ReadAsync(file);

        Assert.Equal(new[] { new Person { Id = 1, Name = "a" }, new Person { Id = 2, Name = "b" } }, people);
    }

    [Fact]
    public async Task ATruncatedFileIsAnErrorNamingTheObject()
    {
        byte[] file = await PeopleFileAsync();

        DatasetFormatException error = await ReadErrorAsync(file[..^100]);

        Assert.Equal(ObjectName + ": the Parquet file is truncated or corrupt: it does not end with the magic bytes PAR1", error.Message);
    }

    [Fact]
    public async Task GarbageIsNotAParquetFile()
    {
        byte[] garbage = System.Text.Encoding.UTF8.GetBytes("id,name\n1,this is CSV, not Parquet\n");

        DatasetFormatException error = await ReadErrorAsync(garbage);

        Assert.Equal(ObjectName + ": not a Parquet file: it does not start with the magic bytes PAR1", error.Message);
    }

    [Fact]
    public async Task AFileTooShortToBeParquetSaysSo()
    {
        DatasetFormatException error = await ReadErrorAsync("PAR1PAR1"u8.ToArray());

        Assert.Equal(ObjectName + ": not a Parquet file: 8 bytes is too short to be one", error.Message);
    }

    [Fact]
    public async Task AWrongMagicAtTheEndIsAnError()
    {
        byte[] file = await PeopleFileAsync();
        "PAR0"u8.CopyTo(file.AsSpan(file.Length - 4));

        DatasetFormatException error = await ReadErrorAsync(file);

        Assert.Equal(ObjectName + ": the Parquet file is truncated or corrupt: it does not end with the magic bytes PAR1", error.Message);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AnEncryptedFooterSaysTheFileIsEncrypted(bool atBothEnds)
    {
        byte[] file = await PeopleFileAsync();
        "PARE"u8.CopyTo(file.AsSpan(file.Length - 4));
        if (atBothEnds)
        {
            "PARE"u8.CopyTo(file);
        }

        DatasetFormatException error = await ReadErrorAsync(file);

        Assert.Equal(ObjectName + ": the Parquet file is encrypted (its footer is encrypted): Typed.S3 does not read encrypted Parquet files", error.Message);
    }

    [Fact]
    public async Task ACorruptFooterIsAnErrorSayingWhatIsWrongWithIt()
    {
        byte[] file = await PeopleFileAsync();
        int footerLength = BitConverter.ToInt32(file, file.Length - 8);
        file.AsSpan(file.Length - 8 - footerLength, footerLength).Fill(0xEE);

        DatasetFormatException error = await ReadErrorAsync(file);

        Assert.StartsWith(ObjectName + ": the Parquet footer cannot be read: the footer ", error.Message);
        Assert.IsType<ParquetDataException>(error.InnerException);
        Assert.Null(error.Column);
    }

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(-5)]
    [InlineData(0)]
    public async Task AFooterLengthPastTheStartIsAnError(int length)
    {
        byte[] file = await PeopleFileAsync();
        BitConverter.GetBytes(length).CopyTo(file, file.Length - 8);

        DatasetFormatException error = await ReadErrorAsync(file);

        Assert.Equal(ObjectName + $": the Parquet file is truncated or corrupt: its footer's length ({length} bytes) does not fit in the file ({file.Length} bytes)", error.Message);
    }

    [Fact]
    public async Task TimestampsOfOtherEncodingsAreRead()
    {
        var instant = new DateTime(2024, 5, 6, 7, 8, 9, 123, DateTimeKind.Utc);
        byte[] file = await WriteAsync(
            Column(new DataField<long>("id", false), 1L),
            Strings(new DataField<string>("name", false), "n"),
            Column(new DateTimeDataField("created_at", DateTimeFormat.Impala, false, null, false), instant),
            Column(new DateTimeDataField("local_at", DateTimeFormat.Timestamp, true, DateTimeTimeUnit.Millis, false), instant),
            Column(new TimeDataField("at_time", TimeUnitPrecision.Millis, false), 3_723_004));

        EveryTypeRow row = Assert.Single(await CollectAsync(EveryTypes.ReadParquetAsync(new MemoryStream(file))));

        Assert.Equal(new DateTimeOffset(instant), row.CreatedAt);
        Assert.Equal(DateTime.SpecifyKind(instant, DateTimeKind.Unspecified), row.LocalAt);
        Assert.Equal(DateTimeKind.Unspecified, row.LocalAt!.Value.Kind);
        Assert.Equal(new TimeOnly(1, 2, 3, 4), row.AtTime);
    }

    [Fact]
    public async Task ATimestampNotAdjustedToUtcIsTakenAsUtc()
    {
        var wallClock = new DateTime(2024, 5, 6, 7, 8, 9, DateTimeKind.Unspecified);
        byte[] file = await WriteAsync(
            Column(new DataField<long>("id", false), 1L),
            Strings(new DataField<string>("name", false), "n"),
            Column(new DateTimeDataField("created_at", DateTimeFormat.Timestamp, false, DateTimeTimeUnit.Micros, false), wallClock));

        EveryTypeRow row = Assert.Single(await CollectAsync(EveryTypes.ReadParquetAsync(new MemoryStream(file))));

        Assert.Equal(new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero), row.CreatedAt);
    }

    private static async Task<byte[]> PeopleFileAsync()
    {
        using var stream = new MemoryStream();
        await People.WriteParquetAsync(stream, new[] { new Person { Id = 1, Name = "a", Nickname = "nick" }, new Person { Id = 2, Name = "b" } });
        return stream.ToArray();
    }

    private static async Task<List<Person>> ReadAsync(byte[] file) =>
        await CollectAsync(People.ReadParquetAsync(new MemoryStream(file), ObjectName));

    private static async Task<DatasetFormatException> ReadErrorAsync(byte[] file) =>
        await Assert.ThrowsAsync<DatasetFormatException>(() => ReadAsync(file));
}
