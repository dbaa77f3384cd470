using System;
using System.Collections.Generic;
using System.Globalization;
using Typed.S3.Schema.Diagnostics;
using Typed.S3.Schema.Layout;
using Typed.S3.Schema.Model;

namespace Typed.S3.Schema.Checks;

/// <summary>
/// The checks that need every schema file of a project at once, or that judge what a write does at run time
/// rather than whether the file is well formed: two files claiming one namespace and dataset or type name
/// (TS3021, TS3022), and write layouts that cannot give each object its own key (TS3023, TS3024). The MSBuild
/// task runs them all after parsing each file; the generator runs the type name checks (<see cref="FindTypeClashes"/>)
/// so that it never generates one type twice, and reports them when the task did not run (an IDE).
/// </summary>
internal static class ProjectSchemaChecks
{
    /// <summary>The placeholders that make each load's keys its own, besides <c>{load_id}</c>.</summary>
    private static readonly string[] LoadTimePlaceholders = { "timestamp", "timestamp_ms", "load_package_timestamp", "load_package_timestamp_ms" };

    /// <summary>Runs every check.</summary>
    /// <param name="documents">The parsed schema files of one project. A clash is reported on the file that comes later in ordinal path order, naming the earlier one.</param>
    /// <returns>The problems found, by file (in path order) and then by position.</returns>
    public static IReadOnlyList<SchemaDiagnostic> Run(IReadOnlyList<SchemaDocument> documents)
    {
        var diagnostics = new List<SchemaDiagnostic>();
        var firstByType = new Dictionary<string, KeyValuePair<SchemaDocument, DeclaredTypeName>>(StringComparer.OrdinalIgnoreCase);
        foreach (SchemaDocument document in Ordered(documents))
        {
            var found = new List<SchemaDiagnostic>();
            foreach (TypeClash clash in CheckTypeNames(document, firstByType))
            {
                found.Add(clash.Diagnostic);
            }

            CheckLayouts(document, found);
            found.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
            diagnostics.AddRange(found);
        }

        return diagnostics;
    }

    /// <summary>The type name clashes across files only (TS3021, TS3022), each with the dataset of the later file it belongs to.</summary>
    /// <param name="documents">The parsed schema files of one project.</param>
    /// <returns>The clashes, by file (in path order) and then by position.</returns>
    public static IReadOnlyList<TypeClash> FindTypeClashes(IReadOnlyList<SchemaDocument> documents)
    {
        var clashes = new List<TypeClash>();
        var firstByType = new Dictionary<string, KeyValuePair<SchemaDocument, DeclaredTypeName>>(StringComparer.OrdinalIgnoreCase);
        foreach (SchemaDocument document in Ordered(documents))
        {
            clashes.AddRange(CheckTypeNames(document, firstByType));
        }

        return clashes;
    }

    private static List<SchemaDocument> Ordered(IReadOnlyList<SchemaDocument> documents)
    {
        var ordered = new List<SchemaDocument>(documents);
        ordered.Sort((a, b) => string.CompareOrdinal(a.FilePath, b.FilePath));
        return ordered;
    }

    private static List<TypeClash> CheckTypeNames(SchemaDocument document, Dictionary<string, KeyValuePair<SchemaDocument, DeclaredTypeName>> firstByType)
    {
        var found = new List<TypeClash>();
        if (document.Namespace.Length == 0)
        {
            return found;
        }

        var added = new List<KeyValuePair<string, DeclaredTypeName>>();
        foreach (DeclaredTypeName type in document.Types)
        {
            string key = document.Namespace + "." + type.Name;
            if (!firstByType.TryGetValue(key, out KeyValuePair<SchemaDocument, DeclaredTypeName> first))
            {
                added.Add(new KeyValuePair<string, DeclaredTypeName>(key, type));
                continue;
            }

            SourceSpan at = first.Value.Span;
            string line = (at.StartLine + 1).ToString(CultureInfo.InvariantCulture);
            string column = (at.StartColumn + 1).ToString(CultureInfo.InvariantCulture);
            found.Add(new TypeClash(
                type.IsAccessor && first.Value.IsAccessor
                    ? SchemaDiagnostic.Create(SchemaDiagnosticCodes.DuplicateDatasetAcrossFiles, document.FilePath, type.Span, type.Name, document.Namespace, first.Key.FilePath, line, column)
                    : SchemaDiagnostic.Create(SchemaDiagnosticCodes.DuplicateTypeAcrossFiles, document.FilePath, type.Span, type.Name, Describe(type), document.Namespace, first.Key.FilePath, line, column, Describe(first.Value)),
                type.Dataset));
        }

        // Names of this file go in after it is checked: clashes inside one file are TS3014, found by the parser.
        foreach (KeyValuePair<string, DeclaredTypeName> pair in added)
        {
            if (!firstByType.ContainsKey(pair.Key))
            {
                firstByType.Add(pair.Key, new KeyValuePair<SchemaDocument, DeclaredTypeName>(document, pair.Value));
            }
        }

        return found;
    }

    private static string Describe(DeclaredTypeName type) =>
        type.IsAccessor ? "the accessor of dataset '" + type.Dataset + "'" : "a record of dataset '" + type.Dataset + "'";

    private static void CheckLayouts(SchemaDocument document, List<SchemaDiagnostic> found)
    {
        foreach (DatasetModel dataset in document.Datasets)
        {
            WriteModel? write = dataset.Write;
            if (write is null || !LayoutTemplate.TryParse(write.Layout, out LayoutTemplate? layout, out _, out _) || layout is null)
            {
                continue;
            }

            SourceSpan span = write.LayoutSpan ?? write.Span;
            string? rollsAt = write.MaxRowsPerFile is long rows
                ? rows.ToString(CultureInfo.InvariantCulture) + " rows (max_rows_per_file)"
                : write.MaxBytesPerFile is long bytes ? bytes.ToString(CultureInfo.InvariantCulture) + " bytes (max_bytes_per_file)" : null;
            if (rollsAt is not null && !layout.Uses("file_id"))
            {
                found.Add(SchemaDiagnostic.Create(SchemaDiagnosticCodes.LayoutKeysCollide, document.FilePath, span, write.Layout, dataset.Name, rollsAt));
            }

            if (!layout.Uses("load_id") && !UsesAny(layout, LoadTimePlaceholders))
            {
                found.Add(SchemaDiagnostic.Create(SchemaDiagnosticCodes.LayoutOverwritesLoads, document.FilePath, span, write.Layout, dataset.Name));
            }
        }
    }

    private static bool UsesAny(LayoutTemplate layout, string[] placeholders)
    {
        foreach (string placeholder in placeholders)
        {
            if (layout.Uses(placeholder))
            {
                return true;
            }
        }

        return false;
    }
}
