using Typed.S3.InteropTests.Data;

namespace Typed.S3.InteropTests;

/// <summary>DuckDB reads what the generated writers wrote, with the same values.</summary>
[Collection(DuckDbCollection.Name)]
public sealed class DuckDbReadsTypedS3FilesTests(DuckDbFixture duck)
{
    // CSV and JSON carry no types: DuckDB is told the table's, and binary arrives as base64 text. A quoted empty
    // field is an empty string to Typed.S3 (an unquoted one is null): DuckDB needs allow_quoted_nulls = false for that.
    private const string Columns = "{'id': 'BIGINT', 'flag': 'BOOLEAN', 'tiny': 'TINYINT', 'small': 'SMALLINT', 'count': 'INTEGER', 'big': 'BIGINT', "
        + "'u_tiny': 'UTINYINT', 'u_small': 'USMALLINT', 'u_count': 'UINTEGER', 'u_big': 'UBIGINT', 'ratio': 'FLOAT', 'score': 'DOUBLE', "
        + "'amount': 'DECIMAL(18,4)', 'name': 'VARCHAR', 'note': 'VARCHAR', 'day': 'DATE', 'at_time': 'TIME', 'created_at': 'TIMESTAMPTZ', "
        + "'local_at': 'TIMESTAMP', 'key': 'UUID', 'payload': 'VARCHAR'}";

    [Fact]
    public async Task DuckDbReadsTypedS3Csv()
    {
        string path = Path.Combine(duck.Root, "typed-" + Guid.NewGuid().ToString("N") + ".csv");
        await using (FileStream file = File.Create(path))
        {
            await DuckRows.WriteCsvAsync(file, duck.Expected);
        }

        List<DuckRow> read = duck.Query($"SELECT * REPLACE (from_base64(payload) AS payload) FROM read_csv('{path}', header = true, allow_quoted_nulls = false, columns = {Columns}) ORDER BY id");

        RowComparison.AssertSame(duck.Expected, read);
    }

    [Fact]
    public async Task DuckDbReadsTypedS3JsonLines()
    {
        string path = Path.Combine(duck.Root, "typed-" + Guid.NewGuid().ToString("N") + ".jsonl");
        await using (FileStream file = File.Create(path))
        {
            await DuckRows.WriteJsonLinesAsync(file, duck.Expected);
        }

        List<DuckRow> read = duck.Query($"SELECT * REPLACE (from_base64(payload) AS payload) FROM read_json('{path}', format = 'newline_delimited', columns = {Columns}) ORDER BY id");

        RowComparison.AssertSame(duck.Expected, read);
    }

    [Fact]
    public async Task DuckDbReadsTypedS3JsonArrays()
    {
        string path = Path.Combine(duck.Root, "typed-" + Guid.NewGuid().ToString("N") + ".json");
        await using (FileStream file = File.Create(path))
        {
            await DuckRows.WriteJsonAsync(file, duck.Expected);
        }

        List<DuckRow> read = duck.Query($"SELECT * REPLACE (from_base64(payload) AS payload) FROM read_json('{path}', format = 'array', columns = {Columns}) ORDER BY id");

        RowComparison.AssertSame(duck.Expected, read);
    }

    [Fact]
    public async Task DuckDbReadsTypedS3Parquet()
    {
        string path = Path.Combine(duck.Root, "typed-" + Guid.NewGuid().ToString("N") + ".parquet");
        await using (FileStream file = File.Create(path))
        {
            await DuckRows.WriteParquetAsync(file, duck.Expected);
        }

        // Parquet carries the types: DuckDB reads the file as it is.
        List<DuckRow> read = duck.Query($"SELECT * FROM read_parquet('{path}') ORDER BY id");

        RowComparison.AssertSame(duck.Expected, read);
        using var command = duck.Connection.CreateCommand();
        command.CommandText = $"SELECT count(DISTINCT row_group_id), min(compression) FROM parquet_metadata('{path}')";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal("SNAPPY", reader.GetString(1));
    }
}
