namespace Typed.S3;

/// <summary>What a read does with text that is not valid UTF-8 (or UTF-16 that is not valid UTF-16).</summary>
public enum InvalidUtf8Handling
{
    /// <summary>
    /// The default: a <see cref="DatasetFormatException"/> naming the object, line, column and byte offset (in Parquet the
    /// row, row group and column), after the records before it; a bad record the read's policy may skip. A
    /// Windows-1252 export read as UTF-8 fails instead of turning <c>é</c> into <c>�</c>.
    /// </summary>
    Throw,

    /// <summary>
    /// Each invalid sequence of a string value, header name or list element (CSV, JSON, JSON Lines and Parquet strings)
    /// becomes U+FFFD (<c>�</c>), as
    /// <see cref="System.Text.Encoding.UTF8"/> decodes it; the read goes on.
    /// </summary>
    Replace,
}
