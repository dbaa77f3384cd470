using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Typed.S3.Generators.Diagnostics;
using Typed.S3.Generators.Emitters;
using Typed.S3.Schema.Diagnostics;
using Typed.S3.Schema.Model;
using Typed.S3.Schema.Parsing;

namespace Typed.S3.Generators;

/// <summary>
/// Generates, for each dataset of each <c>*.s3schema.json</c> file given as AdditionalFiles, a record type, an
/// accessor class and one codec per format. The pipeline carries only value-equatable models (no symbols, syntax or
/// locations), so an unchanged schema file leaves every step cached.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class DatasetGenerator : IIncrementalGenerator
{
    /// <summary>The tracking name of the step that parses schema files (for caching tests).</summary>
    public const string ParseStep = "ParseSchema";

    /// <summary>The tracking name of the step that checks parsed schemas against what this version generates.</summary>
    public const string CheckStep = "CheckSchema";

    /// <summary>
    /// The MSBuild property (made visible to the compiler by Typed.S3.targets) that says the <c>TypedS3ValidateSchemas</c>
    /// task checked the schema files in this build and logged their diagnostics already.
    /// </summary>
    public const string SchemasValidatedProperty = "build_property.TypedS3SchemasValidated";

    private const string SchemaFileSuffix = ".s3schema.json";

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<SchemaDocument> documents = context.AdditionalTextsProvider
            .Where(static file => file.Path.EndsWith(SchemaFileSuffix, StringComparison.OrdinalIgnoreCase))
            .Select(static (file, cancellationToken) => Parse(file, cancellationToken))
            .WithTrackingName(ParseStep)
            .Select(static (document, _) => GenerationSupport.Check(document))
            .WithTrackingName(CheckStep);

        IncrementalValueProvider<bool> validatedByTask = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) =>
                options.GlobalOptions.TryGetValue(SchemasValidatedProperty, out string? value)
                && string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase));

        context.RegisterSourceOutput(documents.Combine(validatedByTask), static (output, pair) => Emit(output, pair.Left, pair.Right));
    }

    private static SchemaDocument Parse(AdditionalText file, System.Threading.CancellationToken cancellationToken)
    {
        try
        {
            SourceText? text = file.GetText(cancellationToken);
            return SchemaParser.Parse(file.Path, text?.ToString() ?? string.Empty, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return Failed(file.Path, exception);
        }
    }

    // When the MSBuild task validated the schema files in this build, it logged every parser diagnostic (and stopped
    // the build before compiling on an error): reporting them again would print each warning twice. The generator then
    // reports only what the task cannot know: what this generator version can emit (TS3016) and its own failures (TS3017).
    // Invalid datasets are never in document.Datasets, so no code is generated for them either way.
    private static void Emit(SourceProductionContext output, SchemaDocument document, bool validatedByTask)
    {
        foreach (SchemaDiagnostic diagnostic in document.Diagnostics)
        {
            if (!validatedByTask || IsGeneratorOnly(diagnostic.Id))
            {
                output.ReportDiagnostic(DiagnosticReporter.ToDiagnostic(diagnostic));
            }
        }

        foreach (DatasetModel dataset in document.Datasets)
        {
            string prefix = document.Namespace + "." + dataset.Name;
            try
            {
                AddSource(output, document.Namespace + "." + dataset.RecordName + ".g.cs", RecordEmitter.Emit(document, dataset));
                AddSource(output, prefix + ".g.cs", AccessorEmitter.Emit(document, dataset));
                foreach (CodecEmitter codec in CodecEmitters.All)
                {
                    AddSource(output, prefix + codec.FileSuffix + ".g.cs", codec.Emit(document, dataset));
                }
            }
            catch (Exception exception)
            {
                // A generator must never throw into the compiler: report the failure on the schema file instead.
                output.ReportDiagnostic(DiagnosticReporter.ToDiagnostic(SchemaDiagnostic.Create(
                    SchemaDiagnosticCodes.GeneratorFailure, document.FilePath, dataset.Span, exception.GetType().Name + ": " + exception.Message)));
            }
        }
    }

    private static bool IsGeneratorOnly(string id) =>
        id == SchemaDiagnosticCodes.UnsupportedColumnType.Id || id == SchemaDiagnosticCodes.GeneratorFailure.Id;

    private static void AddSource(SourceProductionContext output, string hintName, string source) =>
        output.AddSource(hintName, SourceText.From(source, Encoding.UTF8));

    private static SchemaDocument Failed(string path, Exception exception) =>
        new(
            path,
            string.Empty,
            string.Empty,
            EquatableArray<DatasetModel>.Empty,
            new EquatableArray<SchemaDiagnostic>(new[]
            {
                SchemaDiagnostic.Create(SchemaDiagnosticCodes.GeneratorFailure, path, SourceSpan.FileStart, exception.GetType().Name + ": " + exception.Message),
            }));
}
