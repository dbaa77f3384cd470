using Typed.S3.Schema.Model;

namespace Typed.S3.Schema.Json;

/// <summary>A JSON number, kept as its text so no precision is lost.</summary>
internal sealed class JsonNumber : JsonNode
{
    /// <summary>Creates a number node.</summary>
    /// <param name="span">Where the number is.</param>
    /// <param name="rawText">The number as written.</param>
    public JsonNumber(SourceSpan span, string rawText)
        : base(span) => RawText = rawText;

    /// <inheritdoc />
    public override JsonNodeKind Kind => JsonNodeKind.Number;

    /// <summary>The number as written (<c>-1.5e3</c>).</summary>
    public string RawText { get; }

    /// <inheritdoc />
    public override string Describe() => "the number " + Shorten(RawText);
}
