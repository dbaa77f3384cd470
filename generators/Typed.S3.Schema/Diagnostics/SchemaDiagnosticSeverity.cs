namespace Typed.S3.Schema.Diagnostics;

/// <summary>How bad a schema problem is.</summary>
internal enum SchemaDiagnosticSeverity
{
    /// <summary>The build goes on; the schema probably does not say what its author meant.</summary>
    Warning,

    /// <summary>The build fails.</summary>
    Error,

    /// <summary>
    /// Not a problem: the generator did something the schema did not spell out (a renamed property). The build goes
    /// on and prints it only at normal verbosity or above; <c>TreatWarningsAsErrors</c> leaves it alone (only
    /// <c>WarningsAsErrors</c> naming its id makes it an error, as the compiler does).
    /// </summary>
    Info,
}
