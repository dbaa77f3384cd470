using Typed.S3.InteropTests.Data;

namespace Typed.S3.InteropTests;

/// <summary>
/// The generated Parquet reader reads DuckDB's Parquet files of every codec DuckDB writes and of its v2 format (delta
/// and byte-stream-split encodings), in small and large row groups, with the values DuckDB itself reads back.
/// </summary>
[Collection(DuckDbCollection.Name)]
public sealed class ReadDuckDbParquetVariantsTests(DuckDbFixture duck)
{
    [Theory]
    [InlineData("uncompressed", "COMPRESSION uncompressed")]
    [InlineData("brotli", "COMPRESSION brotli")]
    [InlineData("lz4", "COMPRESSION lz4")]
    [InlineData("lz4_raw", "COMPRESSION lz4_raw")]
    [InlineData("v2_snappy", "COMPRESSION snappy, PARQUET_VERSION V2")]
    [InlineData("v2_zstd", "COMPRESSION zstd, PARQUET_VERSION V2, ROW_GROUP_SIZE 1000")]
    [InlineData("one_row_group", "COMPRESSION snappy, ROW_GROUP_SIZE 100000")]
    public async Task ReadsDuckDbParquetVariants(string name, string options)
    {
        string folder = Path.Combine(duck.Root, "interop", "variants");
        Directory.CreateDirectory(folder);
        duck.Execute($"COPY (SELECT * FROM t ORDER BY id) TO '{folder}/{name}.parquet' (FORMAT PARQUET, {options})");

        var rows = new List<DuckRow>();
        await foreach (DuckRow row in DuckRows.ReadAsync(duck.Store, $"s3://interop/variants/{name}.parquet"))
        {
            rows.Add(row);
        }

        RowComparison.AssertSame(duck.Expected, rows);
    }
}
