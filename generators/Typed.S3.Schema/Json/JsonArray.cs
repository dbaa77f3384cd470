using System.Collections.Generic;
using Typed.S3.Schema.Model;

namespace Typed.S3.Schema.Json;

/// <summary>A JSON array.</summary>
internal sealed class JsonArray : JsonNode
{
    /// <summary>Creates an array node.</summary>
    /// <param name="span">Where the array is, brackets included.</param>
    /// <param name="items">The elements in order.</param>
    public JsonArray(SourceSpan span, IReadOnlyList<JsonNode> items)
        : base(span) => Items = items;

    /// <inheritdoc />
    public override JsonNodeKind Kind => JsonNodeKind.Array;

    /// <summary>The elements in order.</summary>
    public IReadOnlyList<JsonNode> Items { get; }

    /// <inheritdoc />
    public override string Describe() => Items.Count == 0 ? "an empty array" : "an array";
}
