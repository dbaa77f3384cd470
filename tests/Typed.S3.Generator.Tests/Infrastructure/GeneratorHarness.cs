using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Typed.S3.Generators;

namespace Typed.S3.Generator.Tests.Infrastructure;

/// <summary>Runs the generator over schema files held in memory, as the compiler would, and compiles its output.</summary>
internal static class GeneratorHarness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    public static CSharpCompilation CreateCompilation(string source = "") =>
        CSharpCompilation.Create(
            "Generated.Tests",
            source.Length == 0 ? Array.Empty<SyntaxTree>() : new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest)) },
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(SdkSuppressedWarnings));

    // The SDK builds every C# project with /nowarn:1701,1702: the runtime (net8.0) references framework
    // assemblies (System.Text.Json 8.0) that the test host's newer framework unifies, as a consumer's build would.
    private static readonly ImmutableDictionary<string, ReportDiagnostic> SdkSuppressedWarnings =
        ImmutableDictionary<string, ReportDiagnostic>.Empty.Add("CS1701", ReportDiagnostic.Suppress).Add("CS1702", ReportDiagnostic.Suppress);

    public static GeneratorDriver CreateDriver(params AdditionalText[] files) =>
        CSharpGeneratorDriver.Create(
            new[] { new DatasetGenerator().AsSourceGenerator() },
            files,
            new CSharpParseOptions(LanguageVersion.Latest),
            optionsProvider: null,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static GeneratorRunOutcome Run(string path, string schema, string userSource = "") =>
        Run(new AdditionalText[] { new InMemoryAdditionalText(path, schema) }, userSource);

    public static GeneratorRunOutcome Run(AdditionalText[] files, string userSource = "")
    {
        CSharpCompilation compilation = CreateCompilation(userSource);
        GeneratorDriver driver = CreateDriver(files);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);
        GeneratorDriverRunResult result = driver.GetRunResult();
        AssertIncremental(driver, compilation, result);
        return new GeneratorRunOutcome(result, generatorDiagnostics, output.GetDiagnostics());
    }

    /// <summary>
    /// What every run of the harness checks (so every golden-file and diagnostics test does): the models that flowed
    /// through the pipeline hold no compiler objects (nor spans in the source path), and a second run on a clone of
    /// the compilation, as after an edit of C# code, finds every step cached and runs no output.
    /// </summary>
    public static void AssertIncremental(GeneratorDriver driver, Compilation compilation, GeneratorDriverRunResult result)
    {
        IncrementalAssert.ModelsAreClean(result);
        GeneratorDriverRunResult again = driver.RunGenerators(compilation.Clone()).GetRunResult();
        IncrementalAssert.SecondRunIsCached(result, again);
    }

    /// <summary>
    /// Runs the generator and compiles as the strictest consumer project would: every warning level, XML
    /// documentation checked (<c>GenerateDocumentationFile</c>), nullable enabled, warnings as errors.
    /// </summary>
    public static GeneratorRunOutcome RunStrict(string path, string schema)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Diagnose);
        CSharpCompilation compilation = CSharpCompilation.Create(
            "Strict.Consumer",
            Array.Empty<SyntaxTree>(),
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, warningLevel: 9999, generalDiagnosticOption: ReportDiagnostic.Error)
                .WithSpecificDiagnosticOptions(SdkSuppressedWarnings));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new DatasetGenerator().AsSourceGenerator() },
            new AdditionalText[] { new InMemoryAdditionalText(path, schema) },
            parseOptions,
            optionsProvider: null,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);
        GeneratorDriverRunResult result = driver.GetRunResult();
        AssertIncremental(driver, compilation, result);
        return new GeneratorRunOutcome(result, generatorDiagnostics, output.GetDiagnostics());
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (string path in ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator))
        {
            paths.Add(path);
        }

        paths.Add(typeof(Typed.S3.IObjectStore).Assembly.Location);
        paths.Add(typeof(CsvHelper.CsvReader).Assembly.Location);
        var references = ImmutableArray.CreateBuilder<MetadataReference>();
        foreach (string path in paths)
        {
            references.Add(MetadataReference.CreateFromFile(path));
        }

        return references.ToImmutable();
    }
}

/// <summary>What one generator run produced.</summary>
internal sealed record GeneratorRunOutcome(
    GeneratorDriverRunResult Result,
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    ImmutableArray<Diagnostic> CompilationDiagnostics)
{
    public IEnumerable<GeneratedSourceResult> Sources => Result.Results.SelectMany(r => r.GeneratedSources);

    /// <summary>Generator diagnostics in the compiler's text form: <c>path(line,col): error TS3004: message</c>.</summary>
    public IReadOnlyList<string> DiagnosticLines =>
        GeneratorDiagnostics.Select(Format).ToList();

    public IReadOnlyList<Diagnostic> CompilationErrors =>
        CompilationDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

    public static string Format(Diagnostic diagnostic)
    {
        FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
        string severity = diagnostic.Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Info => "info",
            _ => "warning",
        };
        return $"{span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {severity} {diagnostic.Id}: {diagnostic.GetMessage()}";
    }
}

/// <summary>An additional file held in memory.</summary>
internal sealed class InMemoryAdditionalText : AdditionalText
{
    private readonly SourceText _text;

    public InMemoryAdditionalText(string path, string text)
    {
        Path = path;
        _text = SourceText.From(text, Encoding.UTF8);
    }

    public override string Path { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}
