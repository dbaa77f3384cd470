using Typed.S3.Schema.Diagnostics;
using Typed.S3.Schema.Model;

namespace Typed.S3.Generators.Model;

/// <summary>
/// The diagnostics of one schema file, each with its file, line and column: the input of the diagnostics output only,
/// so that a diagnostic that moves (a blank line added above it) re-reports diagnostics without re-emitting any source.
/// </summary>
/// <param name="FilePath">The schema file's path the diagnostics belong to.</param>
/// <param name="Diagnostics">Its parser and generator diagnostics, in file order.</param>
internal sealed record FileDiagnostics(string FilePath, EquatableArray<SchemaDiagnostic> Diagnostics);
