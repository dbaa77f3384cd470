using Typed.S3.Schema.Model;

namespace Typed.S3.Schema.Json;

/// <summary>JSON <c>true</c> or <c>false</c>.</summary>
internal sealed class JsonBoolean : JsonNode
{
    /// <summary>Creates a Boolean node.</summary>
    /// <param name="span">Where the literal is.</param>
    /// <param name="value">Its value.</param>
    public JsonBoolean(SourceSpan span, bool value)
        : base(span) => Value = value;

    /// <inheritdoc />
    public override JsonNodeKind Kind => JsonNodeKind.Boolean;

    public bool Value { get; }

    /// <inheritdoc />
    public override string Describe() => Value ? "true" : "false";
}
