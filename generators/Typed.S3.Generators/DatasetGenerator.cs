using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Typed.S3.Generators.Diagnostics;
using Typed.S3.Generators.Emitters;
using Typed.S3.Schema.Checks;
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
    /// The name of the stamp file that Typed.S3.targets writes when the <c>TypedS3ValidateSchemas</c> task passed, and adds
    /// to AdditionalFiles in builds that run the task (never in design-time builds, whose AdditionalFiles are the IDE's):
    /// its presence tells the generator that the task logged the schema files' diagnostics of this build already.
    /// </summary>
    public const string SchemasValidatedFileName = "TypedS3.schemas.validated";

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

        IncrementalValueProvider<bool> validatedByTask = context.AdditionalTextsProvider
            .Where(static file => IsValidatedStamp(file.Path))
            .Collect()
            .Select(static (stamps, _) => !stamps.IsEmpty);

        // Two files generating one type would make the compiler drop all of this generator's output (a hint name used
        // twice): the later file's dataset is left out, with TS3021/TS3022 on it. The clashes are a small equatable value,
        // so an edit that changes none leaves every other file's output cached.
        IncrementalValueProvider<EquatableArray<TypeClash>> clashes = documents
            .Collect()
            .Select(static (all, _) => EquatableArray.From(new List<TypeClash>(ProjectSchemaChecks.FindTypeClashes(all))));

        context.RegisterSourceOutput(
            documents.Combine(validatedByTask).Combine(clashes),
            static (output, input) => Emit(output, input.Left.Left, input.Left.Right, input.Right));
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
    private static void Emit(SourceProductionContext output, SchemaDocument document, bool validatedByTask, EquatableArray<TypeClash> clashes)
    {
        foreach (SchemaDiagnostic diagnostic in document.Diagnostics)
        {
            if (!validatedByTask || IsGeneratorOnly(diagnostic.Id))
            {
                output.ReportDiagnostic(DiagnosticReporter.ToDiagnostic(diagnostic));
            }
        }

        var clashing = new HashSet<string>(StringComparer.Ordinal);
        foreach (TypeClash clash in clashes)
        {
            if (string.Equals(clash.Diagnostic.FilePath, document.FilePath, StringComparison.Ordinal))
            {
                clashing.Add(clash.Dataset);
                if (!validatedByTask)
                {
                    output.ReportDiagnostic(DiagnosticReporter.ToDiagnostic(clash.Diagnostic));
                }
            }
        }

        foreach (DatasetModel dataset in document.Datasets)
        {
            if (clashing.Contains(dataset.Name))
            {
                continue;
            }

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

    private static bool IsValidatedStamp(string path)
    {
        string name = path.Substring(Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\')) + 1);
        return string.Equals(name, SchemasValidatedFileName, StringComparison.OrdinalIgnoreCase);
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
