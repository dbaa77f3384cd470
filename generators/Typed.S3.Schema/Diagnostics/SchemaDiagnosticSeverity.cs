namespace Typed.S3.Schema.Diagnostics;

/// <summary>How bad a schema problem is.</summary>
internal enum SchemaDiagnosticSeverity
{
    /// <summary>The build goes on; the schema probably does not say what its author meant.</summary>
    Warning,

    /// <summary>The build fails.</summary>
    Error,
}
