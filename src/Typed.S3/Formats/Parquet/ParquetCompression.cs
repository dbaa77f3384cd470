namespace Typed.S3.Codecs;

/// <summary>The compression codec of the column chunks a Parquet writer writes.</summary>
public enum ParquetCompression
{
    /// <summary>Snappy: fast and read by every Parquet reader (the default).</summary>
    Snappy,

    /// <summary>gzip.</summary>
    Gzip,

    /// <summary>Zstandard.</summary>
    Zstd,

    /// <summary>Not compressed.</summary>
    None,
}
