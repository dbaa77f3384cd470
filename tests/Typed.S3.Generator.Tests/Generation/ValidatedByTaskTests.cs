using Microsoft.CodeAnalysis;
using Typed.S3.Generator.Tests.Infrastructure;
using Typed.S3.Generators;

namespace Typed.S3.Generator.Tests.Generation;

/// <summary>
/// When Typed.S3.targets ran the MSBuild validation task in the build, it hands the compiler the task's stamp file
/// (<c>obj/.../TypedS3.schemas.validated</c>) as an AdditionalFiles item: the task has logged every parser diagnostic
/// already, so the generator reports only its own, and still generates nothing for a dataset with errors.
/// </summary>
public sealed class ValidatedByTaskTests
{
    private const string Path = "/src/app/orders.s3schema.json";

    private static readonly AdditionalText Stamp = new InMemoryAdditionalText("/src/app/obj/Debug/net10.0/" + DatasetGenerator.SchemasValidatedFileName, string.Empty);

    private const string WarningAndErrors = """
        {
          "namespace": "Shop",
          "colour": "blue",
          "datasets": {
            "Orders": {
              "location": "s3://shop/orders/*.csv",
              "columns": [{ "name": "id", "type": "int65" }]
            },
            "Tags": {
              "location": "s3://shop/tags/*.parquet",
              "columns": [{ "name": "tags", "type": "list<list<string>>" }]
            },
            "Customers": {
              "location": "s3://shop/customers/*.csv",
              "columns": [{ "name": "id", "type": "int64" }]
            }
          }
        }
        """;

    [Fact]
    public void WithoutTheStampTheGeneratorReportsEverything()
    {
        GeneratorRunOutcome outcome = GeneratorHarness.Run(Path, WarningAndErrors);

        Assert.Equal(new[] { "TS3002", "TS3004", "TS3016" }, outcome.GeneratorDiagnostics.Select(d => d.Id).ToArray());
        Assert.Equal(new[] { "Customers" }, GeneratedDatasets(outcome));
    }

    [Theory]
    [InlineData("/src/app/obj/Debug/net10.0/TypedS3.schemas.validated")]
    [InlineData(@"C:\src\app\obj\Debug\net10.0\typeds3.SCHEMAS.validated")]
    public void WithTheStampTheGeneratorReportsOnlyWhatTheTaskCannotKnowAndStillSkipsBrokenDatasets(string stampPath)
    {
        GeneratorRunOutcome outcome = GeneratorHarness.Run(new[] { new InMemoryAdditionalText(Path, WarningAndErrors), new InMemoryAdditionalText(stampPath, string.Empty) });

        string line = Assert.Single(outcome.DiagnosticLines);
        Assert.Equal("/src/app/orders.s3schema.json(11,19): error TS3016: Column 'tags' has type 'list<list<string>>', which the generated Parquet codec of this version cannot read or write yet (CSV, JSON and JSON Lines can)", line);
        Assert.Equal(new[] { "Customers" }, GeneratedDatasets(outcome));
    }

    [Theory]
    [InlineData("/src/app/obj/Debug/net10.0/TypedS3.schemas.validated.bak")]
    [InlineData("/src/app/obj/Debug/net10.0/MyTypedS3.schemas.validated")]
    public void OtherFileNamesAreNotTheStamp(string path)
    {
        GeneratorRunOutcome outcome = GeneratorHarness.Run(new[] { new InMemoryAdditionalText(Path, WarningAndErrors), new InMemoryAdditionalText(path, string.Empty) });

        Assert.Equal(new[] { "TS3002", "TS3004", "TS3016" }, outcome.GeneratorDiagnostics.Select(d => d.Id).ToArray());
    }

    [Fact]
    public void AValidSchemaGeneratesTheSameEitherWay()
    {
        const string schema = """
            { "namespace": "Shop", "datasets": { "Orders": { "location": "s3://shop/o/*.csv", "columns": [{ "name": "id", "type": "int64" }] } } }
            """;

        GeneratorRunOutcome plain = GeneratorHarness.Run(Path, schema);
        GeneratorRunOutcome validated = GeneratorHarness.Run(new[] { new InMemoryAdditionalText(Path, schema), Stamp });

        Assert.Empty(validated.GeneratorDiagnostics);
        Assert.Empty(validated.CompilationErrors);
        Assert.NotEmpty(validated.Sources);
        Assert.Equal(plain.Sources.Select(s => s.HintName + s.SourceText), validated.Sources.Select(s => s.HintName + s.SourceText));
    }

    private static string[] GeneratedDatasets(GeneratorRunOutcome outcome) =>
        outcome.Sources.Select(s => s.HintName).Where(h => h.EndsWith("Record.g.cs", StringComparison.Ordinal))
            .Select(h => h["Shop.".Length..^"Record.g.cs".Length]).ToArray();
}
