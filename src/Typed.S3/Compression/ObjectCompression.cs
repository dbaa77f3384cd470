namespace Typed.S3;

/// <summary>How a dataset's objects are compressed.</summary>
public enum ObjectCompression
{
    /// <summary>On read, gzip when the key ends in <c>.gz</c> or the object starts with gzip's magic bytes; on write, none.</summary>
    Auto,

    /// <summary>gzip.</summary>
    Gzip,

    /// <summary>Not compressed.</summary>
    None,
}
