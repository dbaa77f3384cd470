using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Typed.S3.Generators.Diagnostics;
using Typed.S3.Generators.Emitters;
using Typed.S3.Generators.Model;
using Typed.S3.Schema.Checks;
using Typed.S3.Schema.Diagnostics;
using Typed.S3.Schema.Model;
using Typed.S3.Schema.Parsing;

namespace Typed.S3.Generators;

/// <summary>
/// Generates, for each dataset of each <c>*.s3schema.json</c> file given as AdditionalFiles, a record type, an
/// accessor class and one codec per format. The pipeline carries only value-equatable models (no symbols, syntax,
/// locations or compilations), and splits after parsing into two pipelines, as System.Text.Json's generator does:
/// the diagnostics, with their file, line and column, go to an output that only reports them; the source models,
/// one per dataset and without spans or diagnostics, go to an output that only emits. An edit that moves text
/// without changing what is generated (blank lines, indentation, property order, <c>$schema</c>) re-reports the
/// diagnostics that moved and leaves every generated file cached; an edit of one dataset re-emits that dataset only.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class DatasetGenerator : IIncrementalGenerator
{
    /// <summary>The tracking name of the step that parses schema files (for caching tests).</summary>
    public const string ParseStep = "ParseSchema";

    /// <summary>The tracking name of the step that checks parsed schemas against what this version generates.</summary>
    public const string CheckStep = "CheckSchema";

    /// <summary>The tracking name of the step that takes each file's diagnostics (the diagnostics pipeline).</summary>
    public const string DiagnosticsStep = "SchemaDiagnostics";

    /// <summary>The tracking name of the step that tells whether the MSBuild task validated the schema files.</summary>
    public const string ValidatedStep = "ValidatedByTask";

    /// <summary>The tracking name of the step that finds type names two schema files generate (with their diagnostics).</summary>
    public const string TypeClashesStep = "TypeClashes";

    /// <summary>The tracking name of the step that combines each file's diagnostics with the stamp and the clashes.</summary>
    public const string DiagnosticsInputStep = "DiagnosticsInput";

    /// <summary>The tracking name of the step that names the datasets left out for a clash (the source pipeline: no spans).</summary>
    public const string LeftOutStep = "LeftOutDatasets";

    /// <summary>The tracking name of the step that makes each file's source models (no spans, no diagnostics).</summary>
    public const string SpecsStep = "DatasetSpecs";

    /// <summary>The tracking name of the step that makes each dataset its own pipeline item.</summary>
    public const string DatasetStep = "Dataset";

    /// <summary>The tracking name of the step that pairs each dataset with the datasets left out.</summary>
    public const string DatasetInputStep = "DatasetInput";

    /// <summary>The tracking name of the step whose items the source output emits: the datasets not left out.</summary>
    public const string EmitStep = "EmitDataset";

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
        // Parsed and checked schema files: their models hold spans and diagnostics, so any edit changes them.
        IncrementalValuesProvider<SchemaDocument> documents = context.AdditionalTextsProvider
            .Where(static file => file.Path.EndsWith(SchemaFileSuffix, StringComparison.OrdinalIgnoreCase))
            .Select(static (file, cancellationToken) => Parse(file, cancellationToken))
            .WithTrackingName(ParseStep)
            .Select(static (document, _) => GenerationSupport.Check(document))
            .WithTrackingName(CheckStep);

        IncrementalValueProvider<bool> validatedByTask = context.AdditionalTextsProvider
            .Where(static file => IsValidatedStamp(file.Path))
            .Collect()
            .Select(static (stamps, _) => !stamps.IsEmpty)
            .WithTrackingName(ValidatedStep);

        // Two files generating one type would make the compiler drop all of this generator's output (a hint name used
        // twice): the later file's dataset is left out, with TS3021/TS3022 on it.
        IncrementalValueProvider<EquatableArray<TypeClash>> clashes = documents
            .Collect()
            .Select(static (all, _) => EquatableArray.From(new List<TypeClash>(ProjectSchemaChecks.FindTypeClashes(all))))
            .WithTrackingName(TypeClashesStep);

        // The diagnostics pipeline: reports, never emits.
        IncrementalValuesProvider<((FileDiagnostics File, bool ValidatedByTask) Left, EquatableArray<TypeClash> Clashes)> diagnostics = documents
            .Select(static (document, _) => new FileDiagnostics(document.FilePath, document.Diagnostics))
            .WithTrackingName(DiagnosticsStep)
            .Combine(validatedByTask)
            .Combine(clashes)
            .WithTrackingName(DiagnosticsInputStep);
        context.RegisterSourceOutput(diagnostics, static (output, input) => ReportDiagnostics(output, input.Left.File, input.Left.ValidatedByTask, input.Clashes));

        // The source pipeline: one item per dataset, without spans, so that only a dataset whose generated code changes
        // is emitted again. The datasets left out are plain keys: a clash that moves leaves them equal. The driver matches
        // a file's datasets by position, so a dataset added at the end leaves the others cached, but one inserted before
        // them re-emits those after it.
        IncrementalValueProvider<EquatableArray<DatasetKey>> leftOut = clashes
            .Select(static (all, _) => LeftOut(all))
            .WithTrackingName(LeftOutStep);
        IncrementalValuesProvider<DatasetSpec> datasets = documents
            .Select(static (document, _) => DatasetSpec.From(document))
            .WithTrackingName(SpecsStep)
            .SelectMany(static (specs, _) => specs)
            .WithTrackingName(DatasetStep)
            .Combine(leftOut)
            .WithTrackingName(DatasetInputStep)
            .Where(static input => !Contains(input.Right, input.Left.Key))
            .Select(static (input, _) => input.Left)
            .WithTrackingName(EmitStep);
        context.RegisterSourceOutput(datasets, static (output, dataset) => Emit(output, dataset));
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

    // When the MSBuild task validated the schema files in this build, it logged every parser diagnostic and the type
    // clashes (and stopped the build before compiling on an error): reporting them again would print each warning twice.
    // The generator then reports only what the task cannot know: what this generator version can emit (TS3016) and its
    // own failures (TS3017). Invalid datasets are never in document.Datasets, so no code is generated for them either way.
    private static void ReportDiagnostics(SourceProductionContext output, FileDiagnostics file, bool validatedByTask, EquatableArray<TypeClash> clashes)
    {
        foreach (SchemaDiagnostic diagnostic in file.Diagnostics)
        {
            if (!validatedByTask || IsGeneratorOnly(diagnostic.Id))
            {
                output.ReportDiagnostic(DiagnosticReporter.ToDiagnostic(diagnostic));
            }
        }

        if (validatedByTask)
        {
            return;
        }

        foreach (TypeClash clash in clashes)
        {
            if (string.Equals(clash.Diagnostic.FilePath, file.FilePath, StringComparison.Ordinal))
            {
                output.ReportDiagnostic(DiagnosticReporter.ToDiagnostic(clash.Diagnostic));
            }
        }
    }

    private static void Emit(SourceProductionContext output, DatasetSpec dataset)
    {
        string prefix = dataset.HintPrefix;
        try
        {
            AddSource(output, dataset.RecordHintName, RecordEmitter.Emit(dataset));
            foreach (ColumnTypeSpec record in dataset.NestedRecords)
            {
                AddSource(output, dataset.Namespace + "." + record.RecordName + ".g.cs", RecordEmitter.EmitNested(dataset, record));
            }

            AddSource(output, prefix + ".g.cs", AccessorEmitter.Emit(dataset));
            foreach (CodecEmitter codec in CodecEmitters.All)
            {
                if (codec.Applies(dataset))
                {
                    AddSource(output, prefix + codec.FileSuffix + ".g.cs", codec.Emit(dataset));
                }
            }
        }
        catch (Exception exception)
        {
            // A generator must never throw into the compiler: report the failure on the schema file instead. The source
            // model has no spans (so that moving text does not re-emit), so the diagnostic names the dataset and sits at
            // the start of the file.
            output.ReportDiagnostic(DiagnosticReporter.ToDiagnostic(SchemaDiagnostic.Create(
                SchemaDiagnosticCodes.GeneratorFailure,
                dataset.FilePath,
                SourceSpan.FileStart,
                "dataset '" + dataset.Name + "': " + exception.GetType().Name + ": " + exception.Message)));
        }
    }

    private static EquatableArray<DatasetKey> LeftOut(EquatableArray<TypeClash> clashes)
    {
        var keys = new List<DatasetKey>();
        foreach (TypeClash clash in clashes)
        {
            var key = new DatasetKey(clash.Diagnostic.FilePath, clash.Dataset);
            if (!keys.Contains(key))
            {
                keys.Add(key);
            }
        }

        return EquatableArray.From(keys);
    }

    private static bool Contains(EquatableArray<DatasetKey> keys, DatasetKey key)
    {
        foreach (DatasetKey item in keys)
        {
            if (item.Equals(key))
            {
                return true;
            }
        }

        return false;
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
