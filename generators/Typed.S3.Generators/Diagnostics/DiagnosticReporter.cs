using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Typed.S3.Schema.Diagnostics;
using Typed.S3.Schema.Model;

namespace Typed.S3.Generators.Diagnostics;

/// <summary>Turns schema diagnostics (plain values in the pipeline) into compiler diagnostics pointing into the schema file.</summary>
internal static class DiagnosticReporter
{
    public static Diagnostic ToDiagnostic(SchemaDiagnostic diagnostic)
    {
        SourceSpan span = diagnostic.Span;
        Location location = Location.Create(
            diagnostic.FilePath,
            new TextSpan(span.Start, span.Length),
            new LinePositionSpan(new LinePosition(span.StartLine, span.StartColumn), new LinePosition(span.EndLine, span.EndColumn)));
        return Diagnostic.Create(DiagnosticDescriptors.Get(diagnostic.Id), location, diagnostic.Message);
    }
}
