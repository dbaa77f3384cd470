using Typed.S3.Codecs;

namespace Typed.S3.Tests.Parquet;

/// <summary>
/// FLOAT16 columns (FIXED_LEN_BYTE_ARRAY(2), the FLOAT16 logical type) decode to <see cref="Half"/>, ready for the
/// <c>float16</c> column type: apache/parquet-testing's float16_nonzeros_and_nans.parquet, as pyarrow wrote it.
/// </summary>
public class ParquetFloat16Tests
{
    [Fact]
    public async Task Float16ValuesDecodeToHalf()
    {
        var input = new MemoryStream(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Parquet", "Seeds", "float16_nonzeros_and_nans.parquet")));
        ParquetFooter footer = await ParquetFooter.ReadAsync(input, "float16", default);
        ParquetSchemaNode leaf = footer.Root.Find("x")!;
        Assert.True(Float16ValueType.Instance.Accepts(leaf.Element));
        await using var chunks = new ColumnChunkReader(input, footer.DataEnd);
        using var cursor = new ColumnChunkCursor();
        RowGroupMetaData group = footer.Metadata.RowGroups[0];
        ParquetValueDecoder<Half> decoder = Float16ValueType.Instance.CreateDecoder(leaf.Element);
        await chunks.LoadAsync(group, leaf, (int)group.NumRows, cursor, decoder.Values, default);

        Assert.Equal(8, cursor.Next(100, default));
        var values = new Half[decoder.Count];
        Assert.Equal(-1, decoder.Convert(values, 0));

        Assert.Equal([0, 1, 1, 1, 1, 1, 1, 1], cursor.Levels.Definitions.ToArray());
        Assert.Equal(new[] { "1", "-2", "NaN", "0", "-1", "-0", "2" }, values.Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }
}
