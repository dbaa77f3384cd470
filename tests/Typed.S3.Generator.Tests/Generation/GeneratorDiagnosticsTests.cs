using Microsoft.CodeAnalysis;
using Typed.S3.Generator.Tests.Infrastructure;

namespace Typed.S3.Generator.Tests.Generation;

/// <summary>Schema problems reach the compiler as diagnostics pointing into the schema file; the generator never throws.</summary>
public class GeneratorDiagnosticsTests
{
    private const string Path = "/src/app/orders.s3schema.json";

    [Fact]
    public void SchemaErrorsAreCompilerErrorsAtTheirSpotAndGenerateNothingForTheDataset()
    {
        const string schema = """
            {
              "namespace": "Shop",
              "datasets": {
                "Orders": {
                  "location": "s3://shop/orders/*.csv",
                  "columns": [ { "name": "id", "type": "int65" } ]
                }
              }
            }
            """;

        GeneratorRunOutcome outcome = GeneratorHarness.Run(Path, schema);

        string line = Assert.Single(outcome.DiagnosticLines);
        Assert.StartsWith("/src/app/orders.s3schema.json(6,44): error TS3004: Unknown column type 'int65' for column 'id'", line);
        Assert.Empty(outcome.Sources);
        Diagnostic diagnostic = outcome.GeneratorDiagnostics.Single();
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(Path, diagnostic.Location.GetLineSpan().Path);
    }

    [Fact]
    public void AColumnNamedLikeItsRecordIsAnInfoDiagnosticAndItsPropertyEndsWithAnUnderscore()
    {
        const string schema = """
            {
              "namespace": "Plant",
              "datasets": {
                "Readings": {
                  "record": "Reading",
                  "location": "s3://plant/readings/*.csv",
                  "columns": [ { "name": "id", "type": "int64", "required": true }, { "name": "reading", "type": "float64" } ]
                }
              }
            }
            """;

        GeneratorRunOutcome outcome = GeneratorHarness.Run(Path, schema);

        Assert.Equal(
            new[] { "/src/app/orders.s3schema.json(7,83): info TS3026: Column 'reading' of dataset 'Readings' would map to the C# property 'Reading', the name of its record type, which C# does not allow for a member: the property is 'Reading_' (set \"property\" to choose another name)" },
            outcome.DiagnosticLines);
        Diagnostic diagnostic = outcome.GeneratorDiagnostics.Single();
        Assert.Equal((DiagnosticSeverity.Info, DiagnosticSeverity.Info, "Typed.S3"), (diagnostic.Severity, diagnostic.DefaultSeverity, diagnostic.Descriptor.Category));
        Assert.False(diagnostic.IsWarningAsError);
        Assert.Empty(outcome.CompilationErrors);
        Assert.Equal(5, outcome.Sources.Count());
        foreach (GeneratedSourceResult source in outcome.Sources)
        {
            Snapshot.Verify("record-names." + System.IO.Path.GetFileNameWithoutExtension(source.HintName), source.SourceText.ToString());
        }
    }

    [Fact]
    public void ParquetDatasetsAreGeneratedWithEveryCodec()
    {
        const string schema = """
            {
              "namespace": "Shop",
              "datasets": {
                "Orders": {
                  "location": "s3://shop/orders/*.parquet",
                  "columns": [ { "name": "id", "type": "int64", "required": true }, { "name": "total", "type": "decimal(12,2)" } ],
                  "write": { "location": "s3://shop/out/", "format": "parquet", "parquet": { "row_group_size": 5000, "compression": "gzip" } }
                }
              }
            }
            """;

        GeneratorRunOutcome outcome = GeneratorHarness.Run(Path, schema);

        Assert.Empty(outcome.DiagnosticLines);
        Assert.Empty(outcome.CompilationErrors);
        string parquet = outcome.Sources.Single(s => s.HintName == "Shop.Orders.Parquet.g.cs").SourceText.ToString();
        Assert.Contains("new global::Typed.S3.Codecs.ParquetFormat(5000, global::Typed.S3.Codecs.ParquetCompression.Gzip)", parquet);
        Assert.Contains("global::Typed.S3.Codecs.ParquetColumns.Decimal(\"total\", 12, 2, false)", parquet);
    }

    [Theory]
    [InlineData("{ \"name\": \"tags\", \"type\": \"list<list<string>>\" }", "list<list<string>>")]
    [InlineData("{ \"name\": \"tags\", \"type\": \"record\", \"columns\": [{ \"name\": \"a\", \"type\": \"int32\" }] }", "record")]
    [InlineData("{ \"name\": \"tags\", \"type\": \"list<record>\", \"columns\": [{ \"name\": \"a\", \"type\": \"int32\" }] }", "list<record>")]
    [InlineData("{ \"name\": \"tags\", \"type\": \"map<string,int64>\" }", "map<string,int64>")]
    public void NestedColumnsOfAParquetDatasetAreReportedAsNotSupportedYetOnTheColumn(string column, string typeName)
    {
        string schema = """
            {
              "namespace": "Shop",
              "datasets": {
                "Orders": {
                  "location": "s3://shop/orders/*.parquet",
                  "columns": [
                    { "name": "id", "type": "int64" },
            """ + "\n        " + column + """

                  ]
                }
              }
            }
            """;

        GeneratorRunOutcome outcome = GeneratorHarness.Run(Path, schema);

        string line = Assert.Single(outcome.DiagnosticLines);
        Assert.Equal("/src/app/orders.s3schema.json(8,9): error TS3016: Column 'tags' has type '" + typeName + "', which the generated Parquet codec of this version cannot read or write yet (CSV, JSON and JSON Lines can)", line);
        Assert.Empty(outcome.Sources);

        // The same columns in a JSON Lines dataset generate every codec but Parquet's.
        GeneratorRunOutcome jsonLines = GeneratorHarness.Run(Path, schema.Replace("*.parquet", "*.jsonl", System.StringComparison.Ordinal));
        Assert.Empty(jsonLines.DiagnosticLines);
        Assert.Empty(jsonLines.CompilationErrors);
        Assert.Contains(jsonLines.Sources, s => s.HintName == "Shop.Orders.Json.g.cs");
        Assert.DoesNotContain(jsonLines.Sources, s => s.HintName == "Shop.Orders.Parquet.g.cs");
    }

    [Fact]
    public void ListsOfScalarsGenerateEveryCodec()
    {
        const string schema = """
            {
              "namespace": "Shop",
              "datasets": {
                "Orders": {
                  "record": "Order",
                  "location": "s3://shop/orders/*.csv",
                  "columns": [
                    { "name": "id", "type": "int64" },
                    { "name": "tags", "type": "list<string>", "required": true },
                    { "name": "prices", "type": "list<decimal(9,2)>" }
                  ]
                }
              }
            }
            """;

        GeneratorRunOutcome outcome = GeneratorHarness.Run(Path, schema);

        Assert.Empty(outcome.DiagnosticLines);
        Assert.Empty(outcome.CompilationErrors);
        string record = outcome.Sources.Single(s => s.HintName == "Shop.Order.g.cs").SourceText.ToString();
        Assert.Contains("public required global::System.Collections.Generic.IReadOnlyList<string?> Tags { get; init; }", record);
        Assert.Contains("public global::System.Collections.Generic.IReadOnlyList<decimal?>? Prices { get; init; }", record);
        string parquet = outcome.Sources.Single(s => s.HintName == "Shop.Orders.Parquet.g.cs").SourceText.ToString();
        Assert.Contains("global::Typed.S3.Codecs.ParquetColumns.List(\"prices\", global::Typed.S3.Codecs.ParquetListElements.Decimal(9, 2), false)", parquet);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("[1, 2")]
    [InlineData("\"just a string\"")]
    [InlineData("{\"namespace\": 5, \"datasets\": []}")]
    [InlineData("{\"namespace\": \"A\", \"datasets\": {\"X\": {\"columns\": [{}, 3, null]}}}")]
    public void GarbageNeverThrowsIntoTheCompiler(string schema)
    {
        GeneratorRunOutcome outcome = GeneratorHarness.Run(Path, schema);

        Assert.NotEmpty(outcome.DiagnosticLines);
        Assert.All(outcome.GeneratorDiagnostics, d => Assert.StartsWith("TS30", d.Id, StringComparison.Ordinal));
        Assert.DoesNotContain(outcome.GeneratorDiagnostics, d => d.Id == "TS3017");
        Assert.Empty(outcome.Sources);
    }

    [Fact]
    public void FilesThatAreNotSchemaFilesAreIgnored()
    {
        GeneratorRunOutcome outcome = GeneratorHarness.Run("/src/app/appsettings.json", "{ not json at all");

        Assert.Empty(outcome.DiagnosticLines);
        Assert.Empty(outcome.Sources);
    }

    [Fact]
    public void EveryDiagnosticIdHasOneDescriptor()
    {
        var ids = Typed.S3.Schema.Diagnostics.SchemaDiagnosticCodes.All.Select(c => c.Id).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Matches("^TS30[0-9]{2}$", id));
    }
}
