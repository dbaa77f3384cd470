using System;
using System.Collections.Generic;
using Typed.S3.Schema.Model;

namespace Typed.S3.Schema.Json;

/// <summary>A JSON object: its properties in text order (duplicates kept; <see cref="Find"/> returns the first).</summary>
internal sealed class JsonObject : JsonNode
{
    /// <summary>Creates an object node.</summary>
    /// <param name="span">Where the object is, braces included.</param>
    /// <param name="properties">The properties in text order.</param>
    public JsonObject(SourceSpan span, IReadOnlyList<JsonProperty> properties)
        : base(span) => Properties = properties;

    /// <inheritdoc />
    public override JsonNodeKind Kind => JsonNodeKind.Object;

    /// <summary>The properties in text order.</summary>
    public IReadOnlyList<JsonProperty> Properties { get; }

    /// <summary>The first property named <paramref name="name"/> (case-sensitive), or <see langword="null"/>.</summary>
    /// <returns>The property, or <see langword="null"/> when absent.</returns>
    public JsonProperty? Find(string name)
    {
        foreach (JsonProperty property in Properties)
        {
            if (string.Equals(property.Name, name, StringComparison.Ordinal))
            {
                return property;
            }
        }

        return null;
    }

    /// <inheritdoc />
    public override string Describe() => "an object";
}
