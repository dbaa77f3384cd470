using Typed.S3.Schema.Model;

namespace Typed.S3.Schema.Json;

/// <summary>A JSON value read by <see cref="JsonReader"/>, with where it is in the text.</summary>
internal abstract class JsonNode
{
    /// <summary>Creates a node.</summary>
    /// <param name="span">Where the value is, from its first to its last character.</param>
    protected JsonNode(SourceSpan span) => Span = span;

    public abstract JsonNodeKind Kind { get; }

    /// <summary>Where the value is, from its first to its last character (quotes and brackets included).</summary>
    public SourceSpan Span { get; }

    /// <summary>How the value reads in a message: <c>the string "abc"</c>, <c>an array</c>, <c>the number 5</c>.</summary>
    public abstract string Describe();

    /// <summary>Cuts <paramref name="text"/> short for a message.</summary>
    /// <returns>The text, or its first 40 characters and an ellipsis.</returns>
    protected static string Shorten(string text) => text.Length <= 40 ? text : text.Substring(0, 40) + "...";
}
