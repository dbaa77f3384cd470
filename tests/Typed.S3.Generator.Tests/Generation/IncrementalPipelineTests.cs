using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Typed.S3.Generator.Tests.Infrastructure;
using Typed.S3.Generators;
using Typed.S3.Generators.Model;
using Typed.S3.Schema.Checks;
using Typed.S3.Schema.Diagnostics;
using Typed.S3.Schema.Model;
using Typed.S3.Schema.Parsing;

namespace Typed.S3.Generator.Tests.Generation;

/// <summary>
/// Incremental by construction: diagnostics and sources go through separate pipelines, the source models hold no
/// spans, and each dataset is emitted on its own, so an edit that moves text re-emits nothing and an edit of one
/// dataset re-emits that dataset only.
/// </summary>
public sealed class IncrementalPipelineTests
{
    private const string Path = "/src/app/shop.s3schema.json";

    private const string Orders = """
            "Orders": {
              "location": "s3://shop/orders/*.csv",
              "columns": [{ "name": "id", "type": "int64", "required": true }, { "name": "total", "type": "decimal(12,2)" }]
            }
        """;

    private const string Customers = """
            "Customers": {
              "location": "s3://shop/customers/*.json",
              "format": "jsonl",
              "columns": [{ "name": "id", "type": "int64", "required": true }, { "name": "email", "type": "string" }]
            }
        """;

    // The sales schema with every object's properties in another order, "required": false and "compression": "auto"
    // spelled out (the defaults), other indentation and CRLF line ends: the same schema.
    private const string SalesReordered = "{\r\n\t\"datasets\": {\r\n\t\t\"Customers\": {\r\n"
        + "\t\t\t\"columns\": [\r\n"
        + "\t\t\t\t{ \"type\": \"int64\", \"required\": true, \"name\": \"id\" },\r\n"
        + "\t\t\t\t{ \"required\": false, \"type\": \"string\", \"name\": \"email\" },\r\n"
        + "\t\t\t\t{ \"name\": \"country\", \"type\": \"string\" },\r\n"
        + "\t\t\t\t{ \"type\": \"date\", \"name\": \"signup_date\" },\r\n"
        + "\t\t\t\t{ \"type\": \"decimal(18,2)\", \"name\": \"lifetime_value\" },\r\n"
        + "\t\t\t\t{ \"property\": \"Active\", \"name\": \"is_active\", \"type\": \"bool\" }\r\n"
        + "\t\t\t],\r\n"
        + "\t\t\t\"write\": { \"compression\": \"none\", \"layout\": \"{table_name}/{load_id}.{file_id}.{ext}\", \"format\": \"csv\", \"location\": \"s3://demo-bucket/exports/\" },\r\n"
        + "\t\t\t\"compression\": \"auto\",\r\n"
        + "\t\t\t\"csv\": { \"header\": true, \"delimiter\": \",\" },\r\n"
        + "\t\t\t\"format\": \"csv\",\r\n"
        + "\t\t\t\"location\": \"s3://demo-bucket/sales/**/*.csv\",\r\n"
        + "\t\t\t\"record\": \"Customer\"\r\n"
        + "\t\t}\r\n\t},\r\n\t\"namespace\": \"QuickStart.Sales\"\r\n}\r\n";

    private static string Shop(params string[] datasets) =>
        "{\n  \"namespace\": \"Shop\",\n  \"datasets\": {\n" + string.Join(",\n", datasets) + "\n  }\n}\n";

    private static string SchemaFile(string name) =>
        File.ReadAllText(System.IO.Path.Combine(AppContext.BaseDirectory, "Schemas", name + ".s3schema.json"));

    public static TheoryData<string, string> WhitespaceEdits()
    {
        var data = new TheoryData<string, string>();
        foreach (string schema in new[] { "sales", "all-types" })
        {
            data.Add(schema, "two blank lines at the top");
            data.Add(schema, "CRLF line ends");
            data.Add(schema, "tabs for indentation");
            data.Add(schema, "on one line");
            data.Add(schema, "a $schema property");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(WhitespaceEdits))]
    public void AnEditThatChangesNoGeneratedCodeLeavesEveryGeneratedFileCached(string schema, string edit)
    {
        string text = SchemaFile(schema);
        string edited = edit switch
        {
            "two blank lines at the top" => "\n\n" + text,
            "CRLF line ends" => text.Replace("\n", "\r\n", StringComparison.Ordinal),
            "tabs for indentation" => Regex.Replace(text, "(?m)^( {2})+", match => new string('\t', match.Length / 2)),
            "on one line" => Regex.Replace(text, @"\s*\n\s*", " "),

            // JSON has no comments (the reader reports TS3001 on one): "$schema" is the property that documents a file
            // without changing what it generates.
            "a $schema property" => "{\n  \"$schema\": \"../schemas/s3schema.schema.json\"," + text.Substring(1),
            _ => throw new ArgumentOutOfRangeException(nameof(edit)),
        };
        Assert.NotEqual(text, edited);

        (GeneratorRunResult first, GeneratorRunResult second) = RunThenEdit(schema + ".s3schema.json", text, edited);

        Assert.Empty(second.Diagnostics);
        AssertEverySourceCached(first, second);

        // The spans moved: the parsed model changed, the source models did not.
        IncrementalAssert.StepOutputs(second, DatasetGenerator.ParseStep, IncrementalStepRunReason.Modified);
        IncrementalAssert.StepOutputs(second, DatasetGenerator.SpecsStep, IncrementalStepRunReason.Unchanged);
    }

    [Fact]
    public void ReorderedPropertiesAndSpelledOutDefaultsLeaveEveryGeneratedFileCached()
    {
        (GeneratorRunResult first, GeneratorRunResult second) = RunThenEdit("sales.s3schema.json", SchemaFile("sales"), SalesReordered);

        Assert.Empty(second.Diagnostics);
        IncrementalAssert.StepOutputs(second, DatasetGenerator.ParseStep, IncrementalStepRunReason.Modified);
        AssertEverySourceCached(first, second);
    }

    [Fact]
    public void EquivalentSchemasGiveEqualSourceModels()
    {
        SchemaDocument original = Check(SchemaParser.Parse("/p/sales.s3schema.json", SchemaFile("sales")));
        SchemaDocument reordered = Check(SchemaParser.Parse("/p/sales.s3schema.json", SalesReordered));
        SchemaDocument moved = Check(SchemaParser.Parse("/p/sales.s3schema.json", "\n\n" + SchemaFile("sales")));

        Assert.Empty(reordered.Diagnostics);
        Assert.NotEqual(original, moved); // the parsed model holds spans
        Assert.Equal(DatasetSpec.From(original), DatasetSpec.From(reordered));
        Assert.Equal(DatasetSpec.From(original), DatasetSpec.From(moved));
        Assert.Equal(DatasetSpec.From(original).GetHashCode(), DatasetSpec.From(reordered).GetHashCode());
        Assert.Equal(new FileDiagnostics(original.FilePath, original.Diagnostics), new FileDiagnostics(moved.FilePath, moved.Diagnostics));

        // A change that does change the generated code changes the model.
        SchemaDocument changed = Check(SchemaParser.Parse("/p/sales.s3schema.json", SalesReordered.Replace("\"Active\"", "\"IsActive\"", StringComparison.Ordinal)));
        Assert.NotEqual(DatasetSpec.From(original), DatasetSpec.From(changed));
    }

    [Fact]
    public void BlankLinesMoveTheDiagnosticsAndReEmitNothing()
    {
        string text = Shop(Orders).Replace("\"namespace\": \"Shop\",", "\"namespace\": \"Shop\",\n  \"colour\": \"blue\",", StringComparison.Ordinal);

        (GeneratorRunResult first, GeneratorRunResult second) = RunThenEdit("shop.s3schema.json", text, "\n\n" + text);

        Assert.Equal("/src/app/shop.s3schema.json(3,3): warning TS3002", Site(Assert.Single(first.Diagnostics)));
        Assert.Equal("/src/app/shop.s3schema.json(5,3): warning TS3002", Site(Assert.Single(second.Diagnostics)));
        IncrementalAssert.StepOutputs(second, DatasetGenerator.DiagnosticsStep, IncrementalStepRunReason.Modified);
        Assert.Contains(IncrementalAssert.OutputRuns(second, DatasetGenerator.DiagnosticsInputStep).SelectMany(r => r.Outputs), o => o.Reason != IncrementalStepRunReason.Cached);
        AssertEverySourceCached(first, second);
    }

    [Fact]
    public void AddingADatasetLeavesTheOthersCached()
    {
        (GeneratorRunResult first, GeneratorRunResult second) = RunThenEdit("shop.s3schema.json", Shop(Orders), Shop(Orders, Customers));

        Assert.Empty(second.Diagnostics);
        IncrementalAssert.StepOutputs(second, DatasetGenerator.SpecsStep, IncrementalStepRunReason.Modified);
        Assert.All(IncrementalAssert.EmitReasons(second, "Orders"), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
        Assert.Contains(IncrementalStepRunReason.New, IncrementalAssert.EmitReasons(second, "Customers"));
        Assert.Equal(5, first.GeneratedSources.Length);
        Assert.Equal(10, second.GeneratedSources.Length);
        Assert.Equal(
            first.GeneratedSources.Select(s => s.HintName + s.SourceText),
            second.GeneratedSources.Where(s => s.HintName.StartsWith("Shop.Orders", StringComparison.Ordinal)).Select(s => s.HintName + s.SourceText));
    }

    [Fact]
    public void ChangingOneDatasetReEmitsThatDatasetOnly()
    {
        string edited = Shop(Orders, Customers.Replace("\"email\"", "\"e_mail\"", StringComparison.Ordinal));

        (_, GeneratorRunResult second) = RunThenEdit("shop.s3schema.json", Shop(Orders, Customers), edited);

        Assert.All(IncrementalAssert.EmitReasons(second, "Orders"), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
        Assert.NotEmpty(IncrementalAssert.EmitReasons(second, "Orders"));
        Assert.DoesNotContain(IncrementalStepRunReason.Cached, IncrementalAssert.EmitReasons(second, "Customers"));
        Assert.Contains(second.GeneratedSources, s => s.HintName == "Shop.CustomersRecord.g.cs" && s.SourceText.ToString().Contains("EMail", StringComparison.Ordinal));
    }

    [Fact]
    public void AddingASchemaFileLeavesTheOtherFilesCached()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation("class A { }");
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new InMemoryAdditionalText(Path, Shop(Orders))).RunGenerators(compilation);

        driver = driver.AddAdditionalTexts([new InMemoryAdditionalText("/src/app/crm.s3schema.json", Shop(Customers))]).RunGenerators(compilation);

        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        Assert.Empty(result.Diagnostics);
        Assert.All(IncrementalAssert.EmitReasons(result, "Orders"), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
        Assert.Contains(IncrementalStepRunReason.New, IncrementalAssert.EmitReasons(result, "Customers"));
        IncrementalAssert.StepOutputs(result, DatasetGenerator.TypeClashesStep, IncrementalStepRunReason.Unchanged);
        IncrementalAssert.StepOutputs(result, DatasetGenerator.LeftOutStep, IncrementalStepRunReason.Cached);
    }

    [Fact]
    public void AClashThatMovesReEmitsNothingAndOneThatEndsEmitsTheDatasetLeftOut()
    {
        var a = new InMemoryAdditionalText("/src/app/a.s3schema.json", Shop(Orders));
        var b = new InMemoryAdditionalText("/src/app/b.s3schema.json", Shop(Orders.Replace("s3://shop/orders", "s3://shop/b", StringComparison.Ordinal)));
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation("class A { }");
        GeneratorDriver driver = GeneratorHarness.CreateDriver(a, b).RunGenerators(compilation);
        GeneratorRunResult first = driver.GetRunResult().Results.Single();
        Assert.Equal(new[] { "TS3021", "TS3022" }, first.Diagnostics.Select(d => d.Id));
        Assert.Equal(5, first.GeneratedSources.Length);

        // The clash moves two lines down: it is reported there, and nothing is emitted again.
        var moved = new InMemoryAdditionalText(b.Path, "\n\n" + b.GetText()!.ToString());
        driver = driver.ReplaceAdditionalText(b, moved).RunGenerators(compilation);
        GeneratorRunResult second = driver.GetRunResult().Results.Single();
        Assert.Equal(new[] { "/src/app/b.s3schema.json(6,5): error TS3021", "/src/app/b.s3schema.json(6,5): error TS3022" }, second.Diagnostics.Select(Site));
        IncrementalAssert.StepOutputs(second, DatasetGenerator.TypeClashesStep, IncrementalStepRunReason.Modified);
        IncrementalAssert.StepOutputs(second, DatasetGenerator.LeftOutStep, IncrementalStepRunReason.Unchanged);
        AssertEverySourceCached(first, second);

        // The clash ends (b's dataset is renamed): b's dataset is emitted, a's stays cached.
        var renamed = new InMemoryAdditionalText(b.Path, moved.GetText()!.ToString().Replace("\"Orders\"", "\"Returns\"", StringComparison.Ordinal));
        driver = driver.ReplaceAdditionalText(moved, renamed).RunGenerators(compilation);
        GeneratorRunResult third = driver.GetRunResult().Results.Single();
        Assert.Empty(third.Diagnostics);
        Assert.Equal(10, third.GeneratedSources.Length);
        Assert.All(IncrementalAssert.EmitReasons(third, "Orders"), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
        Assert.Contains(IncrementalStepRunReason.New, IncrementalAssert.EmitReasons(third, "Returns"));
    }

    [Fact]
    public void ModelsHoldNoCompilerObjectsAndTheSourceModelsNoSpans()
    {
        // Every harness run walks its models; this one runs the pipeline over diagnostics, a clash and the stamp at once.
        GeneratorRunOutcome outcome = GeneratorHarness.Run(new AdditionalText[]
        {
            new InMemoryAdditionalText("/src/app/a.s3schema.json", Shop(Orders, Customers)),
            new InMemoryAdditionalText("/src/app/b.s3schema.json", Shop(Orders).Replace("int64", "int65", StringComparison.Ordinal)),
            new InMemoryAdditionalText("/src/app/c.s3schema.json", Shop(Customers)),
            new InMemoryAdditionalText("/src/app/d.s3schema.json", SchemaFile("all-types")),
            new InMemoryAdditionalText("/src/app/e.s3schema.json", "{ \"namespace\": "),
        });
        Assert.NotEmpty(outcome.GeneratorDiagnostics);
        GeneratorRunResult result = outcome.Result.Results.Single();
        Assert.Equal(
            IncrementalAssert.AllSteps.OrderBy(s => s, StringComparer.Ordinal),
            result.TrackedSteps.Keys.Where(s => !IncrementalAssert.IsOutput(s) && !IncrementalAssert.IsDriverInput(s)).OrderBy(s => s, StringComparer.Ordinal));
        IncrementalAssert.ModelsAreClean(outcome.Result);

        // The declared types too, so that no field could hold one later: every model of the pipeline...
        Type[] compilerObjectsAndSpans = ModelGraph.CompilerObjects.Concat(ModelGraph.SpansAndLocations).ToArray();
        foreach (Type model in new[] { typeof(SchemaDocument), typeof(FileDiagnostics), typeof(TypeClash), typeof(EquatableArray<TypeClash>), typeof(DatasetKey) })
        {
            Assert.Empty(ModelGraph.FindTypes(model, ModelGraph.CompilerObjects));
        }

        // ...and in the source path, no span either.
        Assert.Empty(ModelGraph.FindTypes(typeof(DatasetSpec), compilerObjectsAndSpans));
        Assert.Empty(ModelGraph.FindTypes(typeof(EquatableArray<DatasetSpec>), compilerObjectsAndSpans));
        Assert.Empty(ModelGraph.FindTypes(typeof(EquatableArray<DatasetKey>), compilerObjectsAndSpans));
    }

    [Fact]
    public void TheModelWalkFindsWhatItLooksFor()
    {
        SchemaDocument document = SchemaParser.Parse("/p/sales.s3schema.json", SchemaFile("sales"));

        Assert.Contains(ModelGraph.FindValues(document, ModelGraph.SpansAndLocations), path => path.StartsWith("value.<Datasets>k__BackingField._items[0].<Columns>k__BackingField._items[0]", StringComparison.Ordinal));
        Assert.Contains(ModelGraph.FindTypes(typeof(DatasetModel), ModelGraph.SpansAndLocations), path => path.Contains("SourceSpan", StringComparison.Ordinal));
        Assert.Single(ModelGraph.FindValues((1, new[] { Location.None }), ModelGraph.CompilerObjects));
        Assert.Single(ModelGraph.FindValues(new List<object> { "x", GeneratorHarness.CreateCompilation() }, ModelGraph.CompilerObjects));
        Assert.NotEmpty(ModelGraph.FindTypes(typeof(Tuple<int, SyntaxTree>), ModelGraph.CompilerObjects));
    }

    private static SchemaDocument Check(SchemaDocument document) => GenerationSupport.Check(document);

    private static string Site(Diagnostic diagnostic)
    {
        string line = GeneratorRunOutcome.Format(diagnostic);
        return line.Substring(0, line.IndexOf(':', line.IndexOf("): ", StringComparison.Ordinal) + 3));
    }

    // Runs the generator over one schema file, then again after replacing its text.
    private static (GeneratorRunResult First, GeneratorRunResult Second) RunThenEdit(string fileName, string text, string edited)
    {
        string path = "/src/app/" + fileName;
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation("class A { }");
        var original = new InMemoryAdditionalText(path, text);
        GeneratorDriver driver = GeneratorHarness.CreateDriver(original).RunGenerators(compilation);
        GeneratorRunResult first = driver.GetRunResult().Results.Single();
        driver = driver.ReplaceAdditionalText(original, new InMemoryAdditionalText(path, edited)).RunGenerators(compilation);
        return (first, driver.GetRunResult().Results.Single());
    }

    // Every source output of the second run was cached (none ran), and the sources are the first run's, byte for byte.
    private static void AssertEverySourceCached(GeneratorRunResult first, GeneratorRunResult second)
    {
        List<IncrementalGeneratorRunStep> emits = IncrementalAssert.OutputRuns(second, DatasetGenerator.EmitStep);
        Assert.NotEmpty(emits);
        Assert.All(emits.SelectMany(run => run.Outputs), output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
        IncrementalAssert.StepOutputs(second, DatasetGenerator.DatasetStep, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        IncrementalAssert.StepOutputs(second, DatasetGenerator.EmitStep, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        Assert.NotEmpty(second.GeneratedSources);
        Assert.Equal(first.GeneratedSources.Select(s => s.HintName + "\n" + s.SourceText), second.GeneratedSources.Select(s => s.HintName + "\n" + s.SourceText));
    }
}
