using System;
using System.Collections.Generic;
using System.Threading;
using Typed.S3.Schema.Diagnostics;
using Typed.S3.Schema.Json;
using Typed.S3.Schema.Model;

namespace Typed.S3.Schema.Parsing;

/// <summary>
/// Reads a <c>*.s3schema.json</c> file into a <see cref="SchemaDocument"/>. It never throws (except
/// <see cref="OperationCanceledException"/>): it reports every problem it finds, each at the value, property
/// name or object at fault, and keeps only the datasets without errors. When the namespace is missing or
/// invalid no dataset is kept, since none could be generated.
/// </summary>
internal static class SchemaParser
{
    /// <summary>How deep nested records may nest inside a dataset.</summary>
    public const int MaxRecordDepth = 16;

    /// <summary>Parses a schema file.</summary>
    /// <param name="filePath">The file's path, for diagnostics and the schema name.</param>
    /// <param name="text">The file's text.</param>
    /// <param name="cancellationToken">Stops parsing.</param>
    /// <returns>The parsed schema and its diagnostics, in file order.</returns>
    public static SchemaDocument Parse(string filePath, string text, CancellationToken cancellationToken = default)
    {
        filePath ??= string.Empty;
        text ??= string.Empty;
        string schemaName = GetSchemaName(filePath);
        try
        {
            return ParseCore(filePath, schemaName, text, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception exception)
        {
            // A bug here must not take the compiler down: report it instead.
            SchemaDiagnostic failure = SchemaDiagnostic.Create(
                SchemaDiagnosticCodes.GeneratorFailure, filePath, SourceSpan.FileStart, "the schema parser failed: " + exception.GetType().Name + ": " + exception.Message);
            return new SchemaDocument(filePath, schemaName, string.Empty, EquatableArray<DatasetModel>.Empty, new EquatableArray<SchemaDiagnostic>(new[] { failure }));
        }
    }

    /// <summary>The schema name of a file: its name without <c>.s3schema.json</c> (or <c>.json</c>).</summary>
    /// <param name="filePath">The path, with <c>/</c> or <c>\</c> separators.</param>
    public static string GetSchemaName(string filePath)
    {
        string name = filePath.Substring(Math.Max(filePath.LastIndexOf('/'), filePath.LastIndexOf('\\')) + 1);
        foreach (string suffix in new[] { ".s3schema.json", ".json" })
        {
            if (name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return name.Substring(0, name.Length - suffix.Length);
            }
        }

        return name;
    }

    private static SchemaDocument ParseCore(string filePath, string schemaName, string text, CancellationToken cancellationToken)
    {
        JsonParseResult json = JsonReader.Parse(filePath, text, cancellationToken);
        var context = new ParseContext(filePath, json.Text, cancellationToken);
        context.Diagnostics.AddRange(json.Diagnostics);
        var datasets = new List<DatasetModel>();
        string namespaceName = string.Empty;
        var typeNames = new TypeNameRegistry(context, string.Empty);
        if (json.Root is JsonObject root)
        {
            namespaceName = ParseRoot(context, root, datasets, ref typeNames);
        }
        else if (json.Root is not null)
        {
            context.ReportMessage(
                SchemaDiagnosticCodes.InvalidValue, json.Root.Span, "The schema must be a JSON object with \"namespace\" and \"datasets\", found " + json.Root.Describe());
        }

        return new SchemaDocument(filePath, schemaName, namespaceName, EquatableArray.From(datasets), SortByPosition(context.Diagnostics))
        {
            Types = EquatableArray.From(new List<DeclaredTypeName>(typeNames.Declared)),
        };
    }

    // Returns the namespace ("" when missing or invalid, and then no dataset is kept).
    private static string ParseRoot(ParseContext context, JsonObject root, List<DatasetModel> datasets, ref TypeNameRegistry typeNames)
    {
        context.CheckUnknownProperties(root, "the schema root", SchemaVocabulary.RootProperties);
        string namespaceName = ParseNamespace(context, root, out bool namespaceValid);

        JsonProperty? datasetsProperty = root.Find("datasets");
        if (datasetsProperty is null)
        {
            context.ReportMissing(root, "the schema root", "datasets");
            return namespaceValid ? namespaceName : string.Empty;
        }

        JsonObject? datasetsObject = context.ExpectObject(datasetsProperty);
        if (datasetsObject is null)
        {
            return namespaceValid ? namespaceName : string.Empty;
        }

        if (datasetsObject.Properties.Count == 0)
        {
            context.Report(SchemaDiagnosticCodes.NoDatasets, datasetsObject.Span);
        }

        typeNames = new TypeNameRegistry(context, namespaceName);
        var datasetParser = new DatasetParser(context, typeNames);
        var parsed = new List<KeyValuePair<JsonProperty, DatasetModel>>();
        foreach (JsonProperty datasetProperty in datasetsObject.Properties)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            DatasetModel? dataset = datasetParser.Parse(datasetProperty);
            if (dataset is not null)
            {
                parsed.Add(new KeyValuePair<JsonProperty, DatasetModel>(datasetProperty, dataset));
            }
        }

        // Keep a dataset only when no error (its own, or one found later such as a type name clash) lies within it.
        foreach (KeyValuePair<JsonProperty, DatasetModel> pair in parsed)
        {
            SourceSpan value = pair.Key.Value.Span;
            if (namespaceValid && !context.HasErrorIn(pair.Key.NameSpan.Start, value.Start + value.Length))
            {
                datasets.Add(pair.Value);
            }
        }

        return namespaceValid ? namespaceName : string.Empty;
    }

    private static string ParseNamespace(ParseContext context, JsonObject root, out bool valid)
    {
        valid = false;
        JsonProperty? property = root.Find("namespace");
        if (property is null)
        {
            context.ReportMissing(root, "the schema root", "namespace");
            return string.Empty;
        }

        JsonString? node = context.ExpectString(property);
        if (node is null)
        {
            return string.Empty;
        }

        string[] parts = node.Value.Split('.');
        foreach (string part in parts)
        {
            string? reason = CSharpNames.WhyInvalid(part, false);
            if (reason is not null)
            {
                context.ReportMessage(
                    SchemaDiagnosticCodes.InvalidIdentifier,
                    node.Span,
                    "'" + node.Value + "' is not a valid C# namespace: " + (part.Length == 0 ? "it has an empty part" : "its part '" + part + "' is not a valid C# identifier (" + reason + ")"));
                return node.Value;
            }
        }

        valid = true;
        return node.Value;
    }

    private static EquatableArray<SchemaDiagnostic> SortByPosition(List<SchemaDiagnostic> diagnostics)
    {
        // A stable insertion sort by start offset: lists are short and mostly in order already.
        SchemaDiagnostic[] items = diagnostics.ToArray();
        for (int i = 1; i < items.Length; i++)
        {
            SchemaDiagnostic current = items[i];
            int j = i - 1;
            while (j >= 0 && items[j].Span.Start > current.Span.Start)
            {
                items[j + 1] = items[j];
                j--;
            }

            items[j + 1] = current;
        }

        return new EquatableArray<SchemaDiagnostic>(items);
    }
}
