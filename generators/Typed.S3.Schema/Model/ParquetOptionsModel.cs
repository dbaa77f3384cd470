namespace Typed.S3.Schema.Model;

/// <summary>The <c>write.parquet</c> section: how Parquet files are written.</summary>
/// <param name="RowGroupSize">The most rows a row group holds.</param>
/// <param name="Compression">The codec of the column chunks.</param>
internal sealed record ParquetOptionsModel(int RowGroupSize, ParquetCompressionKind Compression)
{
    /// <summary>The default row group size (DuckDB's).</summary>
    public const int DefaultRowGroupSize = 122_880;

    /// <summary>Row groups of <see cref="DefaultRowGroupSize"/> rows, snappy.</summary>
    public static ParquetOptionsModel Default { get; } = new(DefaultRowGroupSize, ParquetCompressionKind.Snappy);
}
