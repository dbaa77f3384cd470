using System.ComponentModel;

namespace Typed.S3.Codecs;

/// <summary>A column as a generated JSON reader binds it: its property name, schema type and whether it is required.</summary>
/// <param name="Name">The JSON property name, matched exactly (case-sensitive, after unescaping).</param>
/// <param name="TypeName">The schema type (<c>int64</c>, <c>decimal(18,2)</c>), for error messages.</param>
/// <param name="Required">Whether every object must have the property, with a value other than <c>null</c>.</param>
/// <remarks>For generated code only: not a supported API, hidden from IntelliSense, and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed record JsonColumn(string Name, string TypeName, bool Required);
