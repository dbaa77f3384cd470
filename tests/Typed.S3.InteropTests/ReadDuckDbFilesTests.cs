using Typed.S3.InteropTests.Data;

namespace Typed.S3.InteropTests;

/// <summary>The generated readers read what DuckDB wrote, with the values DuckDB itself reads back.</summary>
[Collection(DuckDbCollection.Name)]
public sealed class ReadDuckDbFilesTests(DuckDbFixture duck)
{
    [Theory]
    [InlineData("rows.csv")]
    [InlineData("rows.csv.gz")]
    [InlineData("rows.jsonl")]
    [InlineData("rows.json")]
    [InlineData("rows_snappy.parquet")]
    [InlineData("rows_gzip.parquet")]
    [InlineData("rows_zstd.parquet")]
    public async Task ReadsDuckDbFiles(string file)
    {
        var rows = new List<DuckRow>();
        await foreach (DuckRow row in DuckRows.ReadAsync(duck.Store, "s3://interop/duckdb/" + file))
        {
            rows.Add(row);
        }

        RowComparison.AssertSame(duck.Expected, rows);
    }

    [Fact]
    public async Task ReadsEveryDuckDbFileThroughOneGlobWithFormatAuto()
    {
        int count = 0;
        await foreach (DuckRow row in DuckRows.ReadAsync(duck.Store))
        {
            count++;
        }

        // rows.csv, rows.csv.gz, rows.json, rows.jsonl and three Parquet files, each with every row.
        Assert.Equal(7 * DuckDbFixture.Rows, count);
    }
}
