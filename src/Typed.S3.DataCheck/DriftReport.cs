using System.IO;
using Typed.S3.Schema.Diagnostics;
using Typed.S3.Schema.Model;

namespace Typed.S3.DataCheck;

/// <summary>
/// Writes problems as MSBuild canonical messages (<c>file(line,col): error TS3101: message</c>), which MSBuild's
/// <c>Exec</c> task turns into build errors or warnings that IDEs can jump to.
/// </summary>
internal sealed class DriftReport
{
    private readonly TextWriter _output;
    private readonly bool _driftAsWarnings;

    public DriftReport(TextWriter output, bool driftAsWarnings)
    {
        _output = output;
        _driftAsWarnings = driftAsWarnings;
    }

    /// <summary>How many errors were reported.</summary>
    public int Errors { get; private set; }

    /// <summary>How many warnings were reported.</summary>
    public int Warnings { get; private set; }

    /// <summary>Reports data drift: an error, or a warning with <c>--warnings</c>.</summary>
    public void Drift(string schemaPath, SourceSpan span, SchemaDiagnosticCode code, string message) =>
        Write(schemaPath, span, code, message, !_driftAsWarnings);

    /// <summary>Reports a problem that is always an error (a schema file that cannot be checked).</summary>
    public void Error(string schemaPath, SourceSpan span, SchemaDiagnosticCode code, string message) =>
        Write(schemaPath, span, code, message, error: true);

    /// <summary>Reports an error that belongs to no schema file (the store cannot be opened).</summary>
    public void ToolError(SchemaDiagnosticCode code, string message)
    {
        Errors++;
        _output.WriteLine(Program.ToolName + ": error " + code.Id + ": " + OneLine(message));
    }

    /// <summary>Writes a line that is not a problem (the summary).</summary>
    public void Info(string line) => _output.WriteLine(Program.ToolName + ": " + OneLine(line));

    private void Write(string schemaPath, SourceSpan span, SchemaDiagnosticCode code, string message, bool error)
    {
        if (error)
        {
            Errors++;
        }
        else
        {
            Warnings++;
        }

        // Spans are 0-based; MSBuild's are 1-based.
        _output.WriteLine(schemaPath + "(" + (span.StartLine + 1) + "," + (span.StartColumn + 1) + "): "
            + (error ? "error " : "warning ") + code.Id + ": " + OneLine(message));
    }

    // One problem, one line: a line break inside a message would start a line MSBuild cannot attribute.
    private static string OneLine(string message) => message.Replace("\r\n", " ").Replace('\r', ' ').Replace('\n', ' ');
}
