namespace Typed.S3.Codecs;

/// <summary>How much of a row group a Parquet read decodes at a time.</summary>
internal static class ParquetReadBatch
{
    /// <summary>
    /// The rows of a batch: each column decodes this many rows (a list column this many level entries a slice), then
    /// the records are built from them. Small enough that a batch of every column stays in the processor's caches,
    /// large enough that the per-batch work is nothing beside the per-row work.
    /// </summary>
    public const int Rows = 4096;
}
