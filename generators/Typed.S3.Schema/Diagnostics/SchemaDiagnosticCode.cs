namespace Typed.S3.Schema.Diagnostics;

/// <summary>
/// One kind of schema problem: its <c>TS3xxx</c> id, title, message format and severity. The generator
/// turns each into a Roslyn <c>DiagnosticDescriptor</c> and the MSBuild task logs the same id, so a problem
/// reads the same in the IDE and in CI.
/// </summary>
internal sealed record SchemaDiagnosticCode(string Id, string Title, string MessageFormat, SchemaDiagnosticSeverity Severity);
