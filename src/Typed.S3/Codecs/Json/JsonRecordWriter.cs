using System.ComponentModel;
using System.Text.Json;

namespace Typed.S3.Codecs;

/// <summary>The base of generated JSON record writers: writes one record as one JSON object.</summary>
/// <typeparam name="T">The record type.</typeparam>
/// <remarks>For generated code only: not a supported API, hidden from IntelliSense, and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class JsonRecordWriter<T>
{
    /// <summary>Writes a record as an object, every column a property (nulls as <c>null</c>), in schema order.</summary>
    public abstract void Write(Utf8JsonWriter writer, T record);
}
