using Typed.S3.Schema.Model;

namespace Typed.S3.Schema.Diagnostics;

/// <summary>One problem found in a schema file: its code, the formatted message, and where it is.</summary>
/// <param name="Id">The <c>TS3xxx</c> id.</param>
/// <param name="Severity">Error, warning or info.</param>
/// <param name="Message">The message, already formatted.</param>
/// <param name="FilePath">The schema file's path, as the diagnostic's location names it.</param>
/// <param name="Span">Where in the file.</param>
internal sealed record SchemaDiagnostic(string Id, SchemaDiagnosticSeverity Severity, string Message, string FilePath, SourceSpan Span)
{
    /// <summary>Creates a diagnostic of <paramref name="code"/> with its message arguments.</summary>
    public static SchemaDiagnostic Create(SchemaDiagnosticCode code, string filePath, SourceSpan span, params object[] args) =>
        new(code.Id, code.Severity, string.Format(System.Globalization.CultureInfo.InvariantCulture, code.MessageFormat, args), filePath, span);

    /// <summary>The MSBuild/compiler form: <c>file(line,col): error TS3004: message</c> (1-based line and column).</summary>
    public override string ToString() =>
        FilePath + "(" + (Span.StartLine + 1) + "," + (Span.StartColumn + 1) + "): "
        + Severity switch
        {
            SchemaDiagnosticSeverity.Error => "error ",
            SchemaDiagnosticSeverity.Info => "info ",
            _ => "warning ",
        }
        + Id + ": " + Message;
}
