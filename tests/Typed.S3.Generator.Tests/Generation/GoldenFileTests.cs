using Microsoft.CodeAnalysis;
using Typed.S3.Generator.Tests.Infrastructure;

namespace Typed.S3.Generator.Tests.Generation;

/// <summary>The generated code of representative schemas, compared with committed golden files, and compiled.</summary>
public class GoldenFileTests
{
    [Theory]
    [InlineData("sales")]
    [InlineData("all-types")]
    [InlineData("nested")]
    public void GeneratedCodeMatchesGoldenFiles(string schema)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Schemas", schema + ".s3schema.json");
        GeneratorRunOutcome outcome = GeneratorHarness.Run(path, File.ReadAllText(path));

        Assert.Empty(outcome.DiagnosticLines);
        Assert.NotEmpty(outcome.Sources);
        foreach (GeneratedSourceResult source in outcome.Sources)
        {
            Snapshot.Verify(schema + "." + Path.GetFileNameWithoutExtension(source.HintName), source.SourceText.ToString());
        }
    }

    [Theory]
    [InlineData("sales")]
    [InlineData("all-types")]
    [InlineData("nested")]
    public void GeneratedCodeCompilesWithoutWarnings(string schema)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Schemas", schema + ".s3schema.json");
        GeneratorRunOutcome outcome = GeneratorHarness.Run(path, File.ReadAllText(path));

        var problems = outcome.CompilationDiagnostics
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .Select(d => d.Id + " " + d.GetMessage() + " @ " + d.Location.GetLineSpan())
            .ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void EachDatasetGetsRecordAccessorAndEveryCodec()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Schemas", "sales.s3schema.json");
        GeneratorRunOutcome outcome = GeneratorHarness.Run(path, File.ReadAllText(path));

        Assert.Equal(
            new[] { "QuickStart.Sales.Customer.g.cs", "QuickStart.Sales.Customers.Csv.g.cs", "QuickStart.Sales.Customers.Json.g.cs", "QuickStart.Sales.Customers.Parquet.g.cs", "QuickStart.Sales.Customers.g.cs" },
            outcome.Sources.Select(s => s.HintName).OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public void ADatasetWithNestedColumnsGetsItsNestedRecordsAndEveryCodecButParquet()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Schemas", "nested.s3schema.json");
        GeneratorRunOutcome outcome = GeneratorHarness.Run(path, File.ReadAllText(path));

        Assert.Equal(
            new[]
            {
                "Shop.Address.g.cs", "Shop.Customer.g.cs", "Shop.LineItem.g.cs", "Shop.Order.g.cs", "Shop.Orders.Csv.g.cs", "Shop.Orders.Json.g.cs",
                "Shop.Orders.g.cs",
            },
            outcome.Sources.Select(s => s.HintName).OrderBy(n => n, StringComparer.Ordinal));
        string accessor = outcome.Sources.Single(s => s.HintName == "Shop.Orders.g.cs").SourceText.ToString();
        Assert.DoesNotContain("Parquet = ", accessor, StringComparison.Ordinal);
        Assert.Contains("Unavailable = \"its record has nested columns", accessor, StringComparison.Ordinal);
    }
}
