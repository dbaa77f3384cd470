using System.Collections;
using System.Data.Common;
using System.Globalization;
using System.Reflection;
using DuckDB.NET.Data;
using Typed.S3.InteropTests.ParquetTesting;

namespace Typed.S3.InteropTests;

/// <summary>
/// The apache/parquet-testing corpus (ParquetTesting/README.md): every file whose columns the schema language can
/// express reads, through a generated reader, exactly what DuckDB reads, cell by cell; every column it cannot express
/// (maps, structs, lists of lists, FLOAT16) and every file it cannot read (encrypted, corrupt) fails with a
/// <see cref="DatasetFormatException"/> that names the object and says why in words.
/// </summary>
public sealed partial class ParquetTestingCorpusTests
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "ParquetTesting");

    public static TheoryData<string> ReadFiles => new(Reads.Select(r => r.File));

    public static TheoryData<string> UnsupportedColumns => new(Unsupported.Select(u => u.File));

    public static TheoryData<string, string> RefusedFiles
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (CorpusRefused refused in Refused)
            {
                data.Add(refused.File, refused.Problem);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(ReadFiles))]
    public async Task AFileReadsAsDuckDbReadsIt(string file)
    {
        CorpusRead read = Reads.Single(r => r.File == file);
        List<object> records = await ReadAllAsync(read.Read, file);
        List<object?[]> expected = DuckDb("SELECT " + string.Join(", ", read.DuckColumns) + " FROM read_parquet('" + PathOf(read.DuckFile ?? file) + "')", records.FirstOrDefault()?.GetType(), read.Properties);

        Compare(file, read.Properties, expected, records);
    }

    [Theory]
    [MemberData(nameof(UnsupportedColumns))]
    public async Task AColumnTheSchemaLanguageCannotExpressIsAClearError(string file)
    {
        CorpusUnsupported unsupported = Unsupported.Single(u => u.File == file);

        DatasetFormatException error = await Assert.ThrowsAsync<DatasetFormatException>(() => ReadAllAsync(unsupported.Read, file));

        Assert.Equal(unsupported.Column, error.Column);
        Assert.Matches("^s3://corpus/" + System.Text.RegularExpressions.Regex.Escape(file) + ", column '[^']+': the column is [a-z0-9<>]+ in the schema but (a map|a group \\(struct\\)|a list|a list of .*|a repeated group|FIXED_LEN_BYTE_ARRAY\\(2\\) \\(FLOAT16\\)) in the file$", error.Message);
    }

    [Theory]
    [MemberData(nameof(RefusedFiles))]
    public async Task AFileThatCannotBeReadIsAClearError(string file, string problem)
    {
        CorpusRefused refused = Refused.Single(r => r.File == file);

        DatasetFormatException error = await Assert.ThrowsAsync<DatasetFormatException>(() => ReadAllAsync(refused.Read ?? AnyColumnOf, file));

        Assert.StartsWith("s3://corpus/" + file, error.Message);
        Assert.Contains(problem, error.Message);
        Assert.True(error.InnerException is null || error.InnerException.GetType().Name == "ParquetDataException", "the cause is the decoder's own words, not a fault: " + error.InnerException);
    }

    [Fact]
    public async Task Int96TimestampsPastYear9999AreAnErrorAfterTheRowsBeforeThem()
    {
        const string file = "data/int96_from_spark.parquet";
        var rows = new List<Int96FromSparkRow>();
        DatasetFormatException error = await Assert.ThrowsAsync<DatasetFormatException>(async () =>
        {
            await using FileStream stream = File.OpenRead(PathOf(file));
            await foreach (Int96FromSparkRow row in Int96FromSpark.ReadParquetAsync(stream, "s3://corpus/" + file))
            {
                rows.Add(row);
            }
        });

        List<object?[]> expected = DuckDb("SELECT a FROM read_parquet('" + PathOf(file) + "') LIMIT 5", typeof(Int96FromSparkRow), ["A"]);
        Compare(file, ["A"], expected, rows.Cast<object>().ToList());
        Assert.Equal(6, error.Row);
        Assert.Equal("a", error.Column);
        Assert.StartsWith("s3://corpus/" + file + " (row 6), column 'a': row 6 of row group 1: the timestamp is outside the range .NET can represent (years 1 to 9999) (expected timestamp_local, found 'Julian day -105862232, ", error.Message);
    }

    [Fact]
    public async Task AListBesideMapsDuckDbRefusesReadsAsTheCorpusDescribesIt()
    {
        // DuckDB cannot read this file (a MAP without values); its README gives the list's rows.
        List<object> records = await ReadAllAsync((s, n) => Boxed(MapNoValue.ReadParquetAsync(s, n)), "data/map_no_value.parquet");

        Assert.Equal(new[] { "[1, 2, 3]", "[4, 5, 6]", "[7, 8, 9]" }, records.Cast<MapNoValueRow>().Select(r => "[" + string.Join(", ", r.MyList!) + "]"));
    }

    [Fact]
    public void EveryFileOfTheCorpusIsTested()
    {
        string[] files = Directory.GetFiles(Root, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".parquet", StringComparison.Ordinal) || f.EndsWith(".parquet.encrypted", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToArray();
        string[] tested = Reads.Select(r => r.File).Concat(Refused.Select(r => r.File)).Concat(Unsupported.Select(u => u.File))
            .Append("data/int96_from_spark.parquet").Distinct().Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(files, tested);
    }

    private static string PathOf(string file) => Path.Combine(Root, file);

    private static IAsyncEnumerable<object> AnyColumnOf(Stream stream, string name) => Boxed(AnyColumn.ReadParquetAsync(stream, name));

    private static async IAsyncEnumerable<object> Boxed<T>(IAsyncEnumerable<T> records)
    {
        await foreach (T record in records)
        {
            yield return record!;
        }
    }

    private static async Task<List<object>> ReadAllAsync(Func<Stream, string, IAsyncEnumerable<object>> read, string file)
    {
        var records = new List<object>();
        await using FileStream stream = File.OpenRead(PathOf(file));
        await foreach (object record in read(stream, "s3://corpus/" + file))
        {
            records.Add(record);
        }

        return records;
    }

    // DuckDB's rows, each cell as DuckDB.NET gives it (lists read as lists of the record's element type).
    private static List<object?[]> DuckDb(string sql, Type? recordType, string[] properties)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using (DuckDBCommand set = connection.CreateCommand())
        {
            // Files that say they are GeoParquet but are not (bad_data) are read as the plain Parquet they are.
            set.CommandText = "SET TimeZone = 'UTC'; SET enable_geoparquet_conversion = false";
            set.ExecuteNonQuery();
        }

        using DuckDBCommand command = connection.CreateCommand();
        command.CommandText = sql;
        using DbDataReader reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (int i = 0; i < row.Length; i++)
            {
                Type? property = recordType?.GetProperty(properties[i])?.PropertyType;
                Type? element = property is { IsGenericType: true } && property.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) ? property.GetGenericArguments()[0] : null;
                row[i] = reader.IsDBNull(i) ? null
                    : element is not null ? typeof(DbDataReader).GetMethod(nameof(DbDataReader.GetFieldValue))!.MakeGenericMethod(typeof(List<>).MakeGenericType(element)).Invoke(reader, [i])
                    : reader.GetValue(i) is Stream blob ? ReadAll(blob) : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    private static void Compare(string file, string[] properties, List<object?[]> expected, List<object> actual)
    {
        Assert.True(expected.Count == actual.Count, $"{file}: DuckDB reads {expected.Count} rows, Typed.S3 {actual.Count}");
        for (int row = 0; row < expected.Count; row++)
        {
            for (int column = 0; column < properties.Length; column++)
            {
                PropertyInfo property = actual[row].GetType().GetProperty(properties[column])!;
                string want = Canonical(expected[row][column]);
                string got = Canonical(property.GetValue(actual[row]));
                Assert.True(want == got, $"{file}, row {row + 1}, {properties[column]}: DuckDB reads {want}, Typed.S3 {got}");
            }
        }
    }

    // One text per value whatever the CLR type each side uses: instants as UTC ticks, numbers round-trip, bytes as hex.
    private static string Canonical(object? value) => value switch
    {
        null or DBNull => "null",
        DateTimeOffset instant => "ticks " + instant.UtcTicks.ToString(CultureInfo.InvariantCulture),
        DateTime time => "ticks " + time.Ticks.ToString(CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("O", CultureInfo.InvariantCulture),
        TimeOnly time => "time " + time.Ticks.ToString(CultureInfo.InvariantCulture),
        TimeSpan time => "time " + time.Ticks.ToString(CultureInfo.InvariantCulture),
        Half number => ((float)number).ToString("R", CultureInfo.InvariantCulture),
        float number => number.ToString("R", CultureInfo.InvariantCulture),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        decimal number => (number / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture),
        byte[] bytes => "0x" + Convert.ToHexString(bytes),
        Stream stream => "0x" + Convert.ToHexString(ReadAll(stream)),
        string text => "'" + text + "'",
        IEnumerable list => "[" + string.Join(", ", list.Cast<object?>().Select(Canonical)) + "]",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static byte[] ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    // DuckFile: where DuckDB reads the same rows when it cannot read the file itself (LZ4 of the Hadoop kind).
    private sealed record CorpusRead(string File, Func<Stream, string, IAsyncEnumerable<object>> Read, string[] Properties, string[] DuckColumns, string? DuckFile = null);

    private sealed record CorpusUnsupported(string File, Func<Stream, string, IAsyncEnumerable<object>> Read, string Column);

    private sealed record CorpusRefused(string File, string Problem, Func<Stream, string, IAsyncEnumerable<object>>? Read = null);
}
