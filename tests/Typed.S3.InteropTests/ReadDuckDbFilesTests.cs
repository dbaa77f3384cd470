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
    public async Task ReadsDuckDbFiles(string file)
    {
        var rows = new List<DuckRow>();
        await foreach (DuckRow row in DuckRows.ReadAsync(duck.Store, "s3://interop/duckdb/" + file))
        {
            rows.Add(row);
        }

        RowComparison.AssertSame(duck.Expected, rows);
    }
}
