using System.Collections.Generic;
using Typed.S3.Generators.Emitters;
using Typed.S3.Generators.Model;
using Typed.S3.Schema.Diagnostics;
using Typed.S3.Schema.Model;

namespace Typed.S3.Generators;

/// <summary>
/// Checks a parsed schema against what this version of the generator can emit, leaving out (with an error on
/// the schema file) the datasets it cannot, so that no half-working code is generated.
/// </summary>
internal static class GenerationSupport
{
    public static SchemaDocument Check(SchemaDocument document)
    {
        List<SchemaDiagnostic>? added = null;
        List<DatasetModel>? kept = null;
        for (int i = 0; i < document.Datasets.Count; i++)
        {
            DatasetModel dataset = document.Datasets[i];
            List<SchemaDiagnostic> problems = Problems(document.FilePath, dataset);
            if (problems.Count == 0)
            {
                kept?.Add(dataset);
                continue;
            }

            if (kept is null)
            {
                kept = new List<DatasetModel>();
                for (int j = 0; j < i; j++)
                {
                    kept.Add(document.Datasets[j]);
                }
            }

            (added ??= new List<SchemaDiagnostic>()).AddRange(problems);
        }

        if (added is null)
        {
            return document;
        }

        var diagnostics = new List<SchemaDiagnostic>(document.Diagnostics);
        diagnostics.AddRange(added);
        return document with
        {
            Datasets = EquatableArray.From(kept!),
            Diagnostics = EquatableArray.From(diagnostics),
        };
    }

    private static List<SchemaDiagnostic> Problems(string filePath, DatasetModel dataset)
    {
        var problems = new List<SchemaDiagnostic>();
        foreach (ColumnModel column in dataset.Columns)
        {
            ColumnTypeSpec type = ColumnTypeSpec.From(column.Type, string.Empty);
            if (!ClrTypeMapping.IsSupported(type, dataset.Format) || (dataset.Write is { } write && !ClrTypeMapping.IsSupported(type, write.Format)))
            {
                problems.Add(SchemaDiagnostic.Create(SchemaDiagnosticCodes.UnsupportedColumnType, filePath, column.Span, column.Name, column.Type.DisplayName));
            }
        }

        return problems;
    }
}
