namespace Typed.S3.Schema.Model;

/// <summary>The compression codec of written Parquet column chunks.</summary>
internal enum ParquetCompressionKind
{
    /// <summary>Snappy (the default: fast, widely read).</summary>
    Snappy,

    /// <summary>gzip.</summary>
    Gzip,

    /// <summary>Zstandard.</summary>
    Zstd,

    /// <summary>Not compressed.</summary>
    None,
}
