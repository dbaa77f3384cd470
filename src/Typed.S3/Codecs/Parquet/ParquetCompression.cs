using System.ComponentModel;

namespace Typed.S3.Codecs;

/// <summary>The compression codec of the column chunks a Parquet writer writes.</summary>
/// <remarks>For generated code only: not a supported API, hidden from IntelliSense, and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
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
