using Typed.S3.Schema.Model;

namespace Typed.S3.Schema.Json;

/// <summary>One property of a <see cref="JsonObject"/>: its name, where the name is, and its value.</summary>
internal sealed class JsonProperty
{
    /// <summary>Creates a property.</summary>
    /// <param name="name">The unescaped name.</param>
    /// <param name="nameSpan">Where the name is, quotes included.</param>
    /// <param name="value">The parsed value, with its own span.</param>
    public JsonProperty(string name, SourceSpan nameSpan, JsonNode value)
    {
        Name = name;
        NameSpan = nameSpan;
        Value = value;
    }

    /// <summary>The unescaped name.</summary>
    public string Name { get; }

    /// <summary>Where the name is, quotes included.</summary>
    public SourceSpan NameSpan { get; }

    public JsonNode Value { get; }
}
