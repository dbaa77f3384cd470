namespace Typed.S3.Schema.Model;

/// <summary>How a dataset's objects are compressed.</summary>
internal enum CompressionKind
{
    /// <summary>Detected from the extension and the first bytes on read; none on write.</summary>
    Auto,

    /// <summary>gzip.</summary>
    Gzip,

    /// <summary>Not compressed.</summary>
    None,
}
