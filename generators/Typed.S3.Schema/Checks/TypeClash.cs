using Typed.S3.Schema.Diagnostics;

namespace Typed.S3.Schema.Checks;

/// <summary>A type name that a schema file generates although an earlier file (in path order) generates it already.</summary>
/// <param name="Diagnostic">TS3021 or TS3022, on the later file.</param>
/// <param name="Dataset">The later file's dataset that declares the name: nothing is generated for it.</param>
internal sealed record TypeClash(SchemaDiagnostic Diagnostic, string Dataset);
