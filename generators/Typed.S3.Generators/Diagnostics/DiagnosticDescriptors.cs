using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Typed.S3.Schema.Diagnostics;

namespace Typed.S3.Generators.Diagnostics;

/// <summary>The Roslyn descriptors of every schema diagnostic, made once from the shared catalog.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "Typed.S3";

    private static readonly Dictionary<string, DiagnosticDescriptor> ById = Create();

    public static DiagnosticDescriptor Get(string id) => ById[id];

    private static Dictionary<string, DiagnosticDescriptor> Create()
    {
        var descriptors = new Dictionary<string, DiagnosticDescriptor>();
        foreach (SchemaDiagnosticCode code in SchemaDiagnosticCodes.All)
        {
            // The message is formatted by the parser ("{0}" here), so the generator and the MSBuild task print the same text.
            descriptors[code.Id] = new DiagnosticDescriptor(
                code.Id,
                code.Title,
                "{0}",
                Category,
                code.Severity == SchemaDiagnosticSeverity.Error ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
                isEnabledByDefault: true);
        }

        return descriptors;
    }
}
