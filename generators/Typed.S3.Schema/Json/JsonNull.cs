using Typed.S3.Schema.Model;

namespace Typed.S3.Schema.Json;

/// <summary>JSON <c>null</c>.</summary>
internal sealed class JsonNull : JsonNode
{
    /// <summary>Creates a null node.</summary>
    /// <param name="span">Where the literal is.</param>
    public JsonNull(SourceSpan span)
        : base(span)
    {
    }

    /// <inheritdoc />
    public override JsonNodeKind Kind => JsonNodeKind.Null;

    /// <inheritdoc />
    public override string Describe() => "null";
}
