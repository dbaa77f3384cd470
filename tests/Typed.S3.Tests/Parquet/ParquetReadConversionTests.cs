using Parquet;
using Parquet.Schema;
using Typed.S3.Tests.Data;
using static Typed.S3.Tests.Csv.CsvTestData;

namespace Typed.S3.Tests.Parquet;

/// <summary>
/// The reader decodes some columns from their physical values (INT64 timestamps, INT32/INT64 decimals, INT32 dates,
/// UTF-8 strings) rather than through Parquet.Net's conversions: it reads the same values Parquet.Net does, for every
/// unit, scale and encoding, with nulls, across row groups.
/// </summary>
public class ParquetReadConversionTests
{
    public static readonly TheoryData<DateTimeTimeUnit> Units = new() { DateTimeTimeUnit.Millis, DateTimeTimeUnit.Micros, DateTimeTimeUnit.Nanos };

    [Theory]
    [MemberData(nameof(Units))]
    public async Task TimestampsOfEveryUnitReadAsParquetNetReadsThem(DateTimeTimeUnit unit)
    {
        DateTime?[] instants =
        [
            new DateTime(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc).AddTicks(1_234_567),
            null,
            new DateTime(1969, 12, 31, 23, 59, 59, DateTimeKind.Utc).AddTicks(9_999_999),
            DateTime.UnixEpoch,
            new DateTime(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(-1_001),
            new DateTime(2262, 4, 11, 0, 0, 0, DateTimeKind.Utc),
        ];
        var createdAt = new DateTimeDataField("created_at", DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit, isNullable: true);
        var localAt = new DateTimeDataField("local_at", DateTimeFormat.Timestamp, isAdjustedToUTC: false, unit, isNullable: true);
        byte[] file = await WriteRowGroupsAsync(
            rowGroupSize: 4,
            Values(new DataField<long>("id", false), Enumerable.Range(1, instants.Length).Select(i => (long)i).ToArray()),
            Strings(new DataField<string>("name", false), instants.Select(_ => "n").ToArray()),
            NullableValues(createdAt, instants),
            NullableValues(localAt, instants));

        var rows = await CollectAsync(EveryTypes.ReadParquetAsync(new MemoryStream(file)));
        DateTime?[] expectedCreated = await ReadWithParquetNetAsync<DateTime>(file, "created_at");
        DateTime?[] expectedLocal = await ReadWithParquetNetAsync<DateTime>(file, "local_at");

        Assert.Equal(expectedCreated.Select(v => v is DateTime t ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)) : (DateTimeOffset?)null), rows.Select(r => r.CreatedAt));
        Assert.Equal(expectedLocal.Select(v => v is DateTime t ? DateTime.SpecifyKind(t, DateTimeKind.Unspecified) : (DateTime?)null), rows.Select(r => r.LocalAt));
        Assert.All(rows.Where(r => r.LocalAt is not null), r => Assert.Equal(DateTimeKind.Unspecified, r.LocalAt!.Value.Kind));
        Assert.All(rows.Where(r => r.CreatedAt is not null), r => Assert.Equal(TimeSpan.Zero, r.CreatedAt!.Value.Offset));
    }

    [Theory]
    [InlineData(9, 2, global::Parquet.Meta.Type.INT32)]
    [InlineData(9, 0, global::Parquet.Meta.Type.INT32)]
    [InlineData(18, 2, global::Parquet.Meta.Type.INT64)]
    [InlineData(18, 10, global::Parquet.Meta.Type.INT64)]
    [InlineData(10, 1, global::Parquet.Meta.Type.INT64)]
    public async Task Int32AndInt64DecimalsKeepTheValueAndScaleParquetNetReads(int precision, int scale, global::Parquet.Meta.Type physical)
    {
        decimal?[] values = [0m, null, 1m, -1m, 12.5m, -0.01m, 1234567m, -9999999m, 100m, 0.07m];
        byte[] file = await WriteRowGroupsAsync(
            rowGroupSize: 4,
            Values(new DataField<long>("id", false), Enumerable.Range(1, values.Length).Select(i => (long)i).ToArray()),
            Strings(new DataField<string>("name", false), values.Select(_ => "n").ToArray()),
            NullableValues(new DecimalDataField("amount", precision, scale, forceByteArrayEncoding: false, isNullable: true), values.Select(v => v is decimal d ? decimal.Round(d, scale) : (decimal?)null).ToArray()));

        var rows = await CollectAsync(EveryTypes.ReadParquetAsync(new MemoryStream(file)));
        decimal?[] expected = await ReadWithParquetNetAsync<decimal>(file, "amount");

        await using (ParquetReader reader = await ParquetReader.CreateAsync(new MemoryStream(file)))
        {
            Assert.Equal(physical, reader.Schema.DataFields.Single(f => f.Name == "amount").SchemaElement!.Type);
        }

        // ToString shows the scale as well as the value (1.00 is not 1).
        Assert.Equal(expected.Select(v => v?.ToString(System.Globalization.CultureInfo.InvariantCulture)), rows.Select(r => r.Amount?.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains(expected, v => v is not null);
    }

    [Fact]
    public async Task ARequiredDecimalFromAnInt64ColumnWithoutNullsIsRead()
    {
        byte[] file = await WriteRowGroupsAsync(
            rowGroupSize: 2,
            Values(new DataField<long>("id", false), 1L, 2L, 3L),
            Strings(new DataField<string>("name", false), "a", "b", "c"),
            Values(new DecimalDataField("amount", 18, 10, forceByteArrayEncoding: false, isNullable: false), 12345678.0123456789m, -0.0000000001m, 0m));

        var rows = await CollectAsync(EveryTypes.ReadParquetAsync(new MemoryStream(file)));

        Assert.Equal(new decimal?[] { 12345678.0123456789m, -0.0000000001m, 0m }, rows.Select(r => r.Amount));
        Assert.Equal("0.0000000000", rows[2].Amount!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task DictionaryEncodedStringsReadAsTheirValuesOneStringPerEntry()
    {
        string?[] nicknames = ["x", null, "", "x", "x", "東京", null, "😀", "東京", "😀"];
        string[] names = nicknames.Select((_, i) => i % 2 == 0 ? "even" : "odd").ToArray();
        var options = new ParquetOptions();
        options.ColumnEncodingHints["name"] = EncodingHint.Dictionary;
        options.ColumnEncodingHints["nickname"] = EncodingHint.Dictionary;
        byte[] file = await WriteRowGroupsAsync(
            rowGroupSize: 5,
            options,
            Values(new DataField<long>("id", false), Enumerable.Range(1, names.Length).Select(i => (long)i).ToArray()),
            Strings(new DataField<string>("name", false), names),
            Strings(new DataField<string>("nickname", true), nicknames));

        var people = await CollectAsync(People.ReadParquetAsync(new MemoryStream(file)));

        await using (ParquetReader reader = await ParquetReader.CreateAsync(new MemoryStream(file)))
        {
            Assert.All(
                reader.Metadata!.RowGroups!.SelectMany(g => g.Columns).Where(c => c.MetaData!.Type == global::Parquet.Meta.Type.BYTE_ARRAY),
                c => Assert.Contains(c.MetaData!.Encodings, e => e is global::Parquet.Meta.Encoding.RLE_DICTIONARY or global::Parquet.Meta.Encoding.PLAIN_DICTIONARY));
        }

        Assert.Equal(names, people.Select(p => p.Name));
        Assert.Equal(nicknames, people.Select(p => p.Nickname));
        Assert.Same(people[0].Nickname, people[3].Nickname);
        Assert.Same(people[5].Nickname, people[8].Nickname);
        Assert.Same(people[0].Name, people[2].Name);
    }

    [Fact]
    public async Task ANullInARequiredStringColumnOfADictionaryEncodedFileNamesTheRow()
    {
        var options = new ParquetOptions();
        options.ColumnEncodingHints["name"] = EncodingHint.Dictionary;
        byte[] file = await WriteRowGroupsAsync(
            rowGroupSize: 2,
            options,
            Values(new DataField<long>("id", false), 1L, 2L, 3L),
            Strings(new DataField<string>("name", true), "a", "a", null));

        DatasetFormatException error = await Assert.ThrowsAsync<DatasetFormatException>(() => CollectAsync(People.ReadParquetAsync(new MemoryStream(file), "p.parquet")));

        Assert.Equal(3, error.Row);
        Assert.Equal("p.parquet (row 3), column 'name': the column is required but row 1 of row group 2 is null (expected string)", error.Message);
    }

    [Fact]
    public async Task DatesAndNullsAcrossRowGroupsAreRead()
    {
        DateOnly?[] days = [new DateOnly(1970, 1, 1), null, new DateOnly(1969, 12, 31), DateOnly.MinValue, DateOnly.MaxValue, null, new DateOnly(2024, 2, 29)];
        byte[] file = await WriteRowGroupsAsync(
            rowGroupSize: 3,
            Values(new DataField<long>("id", false), Enumerable.Range(1, days.Length).Select(i => (long)i).ToArray()),
            Strings(new DataField<string>("name", false), days.Select(_ => "n").ToArray()),
            NullableValues(new DataField<DateOnly>("born", true), days));

        var people = await CollectAsync(People.ReadParquetAsync(new MemoryStream(file)));

        Assert.Equal(days, people.Select(p => p.Born));
    }

    private delegate Task ColumnWriter(ParquetRowGroupWriter rowGroup, DataField field, int first, int count);

    private static (DataField, int, ColumnWriter) Values<T>(DataField field, params T[] values)
        where T : struct =>
        (field, values.Length, (rowGroup, f, first, count) => rowGroup.WriteAsync<T>(f, values.AsMemory(first, count)));

    private static (DataField, int, ColumnWriter) NullableValues<T>(DataField field, params T?[] values)
        where T : struct =>
        (field, values.Length, (rowGroup, f, first, count) => rowGroup.WriteAsync<T>(f, (ReadOnlyMemory<T?>)values.AsMemory(first, count)));

    private static (DataField, int, ColumnWriter) Strings(DataField field, params string?[] values) =>
        (field, values.Length, (rowGroup, f, first, count) => rowGroup.WriteAsync(f, values.Skip(first).Take(count).ToArray()!, null));

    private static Task<byte[]> WriteRowGroupsAsync(int rowGroupSize, params (DataField Field, int Count, ColumnWriter Write)[] columns) =>
        WriteRowGroupsAsync(rowGroupSize, new ParquetOptions(), columns);

    // A file of row groups of rowGroupSize rows (the last one shorter), as Parquet.Net writes them with these options.
    private static async Task<byte[]> WriteRowGroupsAsync(int rowGroupSize, ParquetOptions options, params (DataField Field, int Count, ColumnWriter Write)[] columns)
    {
        int rows = columns[0].Count;
        Assert.All(columns, c => Assert.Equal(rows, c.Count));
        using var stream = new MemoryStream();
        await using (ParquetWriter writer = await ParquetWriter.CreateAsync(new ParquetSchema(columns.Select(c => (Field)c.Field).ToArray()), stream, options))
        {
            for (int first = 0; first < rows; first += rowGroupSize)
            {
                using ParquetRowGroupWriter rowGroup = writer.CreateRowGroup();
                foreach ((DataField field, _, ColumnWriter write) in columns)
                {
                    await write(rowGroup, field, first, Math.Min(rowGroupSize, rows - first));
                }
            }
        }

        return stream.ToArray();
    }

    private static async Task<T?[]> ReadWithParquetNetAsync<T>(byte[] file, string column)
        where T : struct
    {
        await using ParquetReader reader = await ParquetReader.CreateAsync(new MemoryStream(file), new ParquetOptions { UseDateOnlyTypeForDates = true });
        DataField field = reader.Schema.DataFields.Single(f => f.Name == column);
        var values = new List<T?>();
        for (int group = 0; group < reader.RowGroupCount; group++)
        {
            using ParquetRowGroupReader rowGroup = reader.OpenRowGroupReader(group);
            var buffer = new T?[rowGroup.RowCount];
            await rowGroup.ReadAsync<T>(field, buffer.AsMemory(), null);
            values.AddRange(buffer);
        }

        return values.ToArray();
    }
}
