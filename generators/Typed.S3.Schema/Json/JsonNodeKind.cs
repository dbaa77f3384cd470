namespace Typed.S3.Schema.Json;

/// <summary>The kinds of JSON value.</summary>
internal enum JsonNodeKind
{
    /// <summary>An object: <see cref="JsonObject"/>.</summary>
    Object,

    /// <summary>An array: <see cref="JsonArray"/>.</summary>
    Array,

    /// <summary>A string: <see cref="JsonString"/>.</summary>
    String,

    /// <summary>A number: <see cref="JsonNumber"/>.</summary>
    Number,

    /// <summary><c>true</c> or <c>false</c>: <see cref="JsonBoolean"/>.</summary>
    Boolean,

    /// <summary><c>null</c>: <see cref="JsonNull"/>.</summary>
    Null,
}
