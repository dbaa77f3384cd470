namespace Typed.S3.Schema.Model;

/// <summary>
/// Where a piece of a schema file is: a character range and its 0-based start and end line/column,
/// the shape Roslyn's <c>Location.Create</c> and MSBuild's logger both need. Plain values, so models stay
/// equatable and free of Roslyn types.
/// </summary>
internal readonly record struct SourceSpan(int Start, int Length, int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    /// <summary>An empty span at the start of the file, for errors that belong to the whole file.</summary>
    public static SourceSpan FileStart => new(0, 0, 0, 0, 0, 0);
}
