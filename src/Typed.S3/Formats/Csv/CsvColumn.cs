namespace Typed.S3.Codecs;

/// <summary>A column as a generated CSV mapper binds it: its header name, schema type and whether it is required.</summary>
/// <param name="Name">The header name (matched exactly first, then ignoring case and surrounding whitespace).</param>
/// <param name="TypeName">The schema type (<c>int64</c>, <c>decimal(18,2)</c>), for error messages.</param>
/// <param name="Required">Whether the column must be in the header and every value present.</param>
public sealed record CsvColumn(string Name, string TypeName, bool Required);
