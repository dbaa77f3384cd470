using Typed.S3.Generator.Tests.Infrastructure;

namespace Typed.S3.Generator.Tests.Generation;

/// <summary>
/// When Typed.S3.targets ran the MSBuild validation task in the build (it sets <c>TypedS3SchemasValidated</c>), the
/// task has logged every parser diagnostic already: the generator reports only its own, and still generates nothing
/// for a dataset with errors.
/// </summary>
public sealed class ValidatedByTaskTests
{
    private const string Path = "/src/app/orders.s3schema.json";

    private static readonly Dictionary<string, string> Validated = new() { ["build_property.TypedS3SchemasValidated"] = "true" };

    private const string WarningAndError = """
        {
          "namespace": "Shop",
          "colour": "blue",
          "datasets": {
            "Orders": {
              "location": "s3://shop/orders/*.csv",
              "columns": [{ "name": "id", "type": "int65" }]
            },
            "Tags": {
              "location": "s3://shop/tags/*.csv",
              "columns": [{ "name": "tags", "type": "list<string>" }]
            },
            "Customers": {
              "location": "s3://shop/customers/*.csv",
              "columns": [{ "name": "id", "type": "int64" }]
            }
          }
        }
        """;

    [Fact]
    public void WithoutTheTaskTheGeneratorReportsEverything()
    {
        GeneratorRunOutcome outcome = GeneratorHarness.Run(Path, WarningAndError);

        Assert.Equal(new[] { "TS3002", "TS3004", "TS3016" }, outcome.GeneratorDiagnostics.Select(d => d.Id).ToArray());
        Assert.Equal(new[] { "Customers" }, GeneratedDatasets(outcome));
    }

    [Theory]
    [InlineData("true")]
    [InlineData(" True ")]
    public void AfterTheTaskTheGeneratorReportsOnlyWhatTheTaskCannotKnowAndStillSkipsBrokenDatasets(string value)
    {
        var options = new Dictionary<string, string> { ["build_property.TypedS3SchemasValidated"] = value };
        GeneratorRunOutcome outcome = GeneratorHarness.Run(Path, WarningAndError, globalOptions: options);

        string line = Assert.Single(outcome.DiagnosticLines);
        Assert.Equal("/src/app/orders.s3schema.json(11,19): error TS3016: Column 'tags' has type 'list<string>', which the generated codecs of this version cannot read or write yet", line);
        Assert.Equal(new[] { "Customers" }, GeneratedDatasets(outcome));
    }

    [Theory]
    [InlineData("false")]
    [InlineData("")]
    public void OtherValuesMeanTheTaskDidNotRun(string value)
    {
        var options = new Dictionary<string, string> { ["build_property.TypedS3SchemasValidated"] = value };
        GeneratorRunOutcome outcome = GeneratorHarness.Run(Path, WarningAndError, globalOptions: options);

        Assert.Equal(new[] { "TS3002", "TS3004", "TS3016" }, outcome.GeneratorDiagnostics.Select(d => d.Id).ToArray());
    }

    [Fact]
    public void AValidSchemaGeneratesTheSameEitherWay()
    {
        const string schema = """
            { "namespace": "Shop", "datasets": { "Orders": { "location": "s3://shop/o/*.csv", "columns": [{ "name": "id", "type": "int64" }] } } }
            """;

        GeneratorRunOutcome plain = GeneratorHarness.Run(Path, schema);
        GeneratorRunOutcome validated = GeneratorHarness.Run(Path, schema, globalOptions: Validated);

        Assert.Empty(validated.GeneratorDiagnostics);
        Assert.Empty(validated.CompilationErrors);
        Assert.Equal(plain.Sources.Select(s => s.HintName + s.SourceText), validated.Sources.Select(s => s.HintName + s.SourceText));
    }

    private static string[] GeneratedDatasets(GeneratorRunOutcome outcome) =>
        outcome.Sources.Select(s => s.HintName).Where(h => h.EndsWith("Record.g.cs", StringComparison.Ordinal))
            .Select(h => h["Shop.".Length..^"Record.g.cs".Length]).ToArray();
}
