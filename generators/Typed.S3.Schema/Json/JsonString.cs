using Typed.S3.Schema.Model;

namespace Typed.S3.Schema.Json;

/// <summary>A JSON string, unescaped, that can map a character of its value back to the text.</summary>
internal sealed class JsonString : JsonNode
{
    // The text offset of each character of Value; null when the string has no escape, so
    // character i is at Span.Start + 1 + i.
    private readonly int[]? _sourceOffsets;

    /// <summary>Creates a string node.</summary>
    /// <param name="span">Where the string is, quotes included.</param>
    /// <param name="value">The unescaped value.</param>
    /// <param name="sourceOffsets">The text offset of each character of the value, when it had escapes.</param>
    public JsonString(SourceSpan span, string value, int[]? sourceOffsets)
        : base(span)
    {
        Value = value;
        _sourceOffsets = sourceOffsets;
    }

    /// <inheritdoc />
    public override JsonNodeKind Kind => JsonNodeKind.String;

    /// <summary>The unescaped value.</summary>
    public string Value { get; }

    /// <summary>
    /// The text offset of the character at <paramref name="index"/> in <see cref="Value"/> (the first
    /// character of its escape sequence, when escaped); the closing quote for an index past the end.
    /// </summary>
    /// <param name="index">An index into <see cref="Value"/>.</param>
    /// <returns>The offset in the text.</returns>
    public int GetSourceOffset(int index)
    {
        if (index < 0)
        {
            index = 0;
        }

        if (index >= Value.Length)
        {
            return Span.Start + Span.Length - 1;
        }

        return _sourceOffsets is null ? Span.Start + 1 + index : _sourceOffsets[index];
    }

    /// <inheritdoc />
    public override string Describe() => "the string \"" + Shorten(Value) + "\"";
}
