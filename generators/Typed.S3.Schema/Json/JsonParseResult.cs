using System.Collections.Generic;
using Typed.S3.Schema.Diagnostics;

namespace Typed.S3.Schema.Json;

/// <summary>What <see cref="JsonReader.Parse"/> found: the tree (unless the text has a syntax error) and its problems.</summary>
internal sealed class JsonParseResult
{
    /// <summary>Creates a result.</summary>
    /// <param name="root">The root value, or <see langword="null"/> after a syntax error.</param>
    /// <param name="diagnostics">The syntax error (TS3001) or duplicate property names (TS3020).</param>
    /// <param name="text">The text's line map.</param>
    public JsonParseResult(JsonNode? root, IReadOnlyList<SchemaDiagnostic> diagnostics, SourceTextMap text)
    {
        Root = root;
        Diagnostics = diagnostics;
        Text = text;
    }

    /// <summary>The root value, or <see langword="null"/> when the text has a syntax error.</summary>
    public JsonNode? Root { get; }

    /// <summary>The syntax error (TS3001, at most one: reading stops there) and duplicate property names (TS3020).</summary>
    public IReadOnlyList<SchemaDiagnostic> Diagnostics { get; }

    /// <summary>The text's line map, to make spans of other positions.</summary>
    public SourceTextMap Text { get; }
}
