using System.ComponentModel;

namespace Typed.S3.Codecs;

/// <summary>A column as a generated CSV mapper binds it: its header name, schema type, whether it is required, and what its absence means.</summary>
/// <param name="Name">The header name (matched exactly first, then ignoring case and surrounding whitespace).</param>
/// <param name="TypeName">The schema type (<c>int64</c>, <c>decimal(18,2)</c>), for error messages.</param>
/// <param name="Required">Whether every value must be present (non-empty).</param>
/// <param name="AbsentAsNull">
/// Whether an object whose header lacks the column reads it as null (the schema's <c>"when_absent": "null"</c>, for
/// data whose older objects predate the column); otherwise a header without it is an error.
/// </param>
/// <remarks>For generated code only: not a supported API, hidden from IntelliSense, and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed record CsvColumn(string Name, string TypeName, bool Required, bool AbsentAsNull = false);
