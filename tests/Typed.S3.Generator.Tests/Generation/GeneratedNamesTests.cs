using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Typed.S3.Generator.Tests.Infrastructure;
using Typed.S3.Generators.Model;

namespace Typed.S3.Generator.Tests.Generation;

/// <summary>
/// The names in generated code: locals and fields named after their column (<c>amount</c>, <c>_amountIndex</c>), never
/// by position; escaped and made unique where a column's name would collide; nested classes that do not shadow their
/// base types.
/// </summary>
public sealed class GeneratedNamesTests
{
    private const string Schema = """
        {
          "namespace": "Names",
          "datasets": {
            "Payments": {
              "record": "Payment",
              "location": "s3://bucket/payments/*.csv",
              "columns": [
                { "name": "customer_id", "type": "int64", "required": true },
                { "name": "amount", "type": "decimal(18,2)" },
                { "name": "tags", "type": "list<string>" }
              ]
            }
          }
        }
        """;

    [Fact]
    public void LocalsAndFieldsAreNamedAfterTheirColumn()
    {
        GeneratorRunOutcome outcome = GeneratorHarness.Run("names.s3schema.json", Schema);
        string csv = SourceOf(outcome, "Names.Payments.Csv.g.cs");
        string json = SourceOf(outcome, "Names.Payments.Json.g.cs");
        string parquet = SourceOf(outcome, "Names.Payments.Parquet.g.cs");

        Assert.Contains("long customerId;", csv);
        Assert.Contains("decimal? amount = null;", csv);
        Assert.Contains("out decimal parsedAmount", csv);
        Assert.Contains("private readonly int _amountIndex;", csv);
        Assert.Contains("s_tagsElement", csv);
        Assert.Contains("bool hasCustomerId = false;", json);
        Assert.Contains("s_amountName", json);
        Assert.Contains("_amountColumn.Get(row)", parquet);
        foreach (string source in new[] { csv, json, parquet })
        {
            Assert.DoesNotMatch(@"\b(_field|value|parsed|has|s_name|s_list|_column)[0-9]+\b", source);
        }
    }

    [Fact]
    public void NestedClassesDoNotShadowTheirBaseTypes()
    {
        GeneratorRunOutcome outcome = GeneratorHarness.Run("names.s3schema.json", Schema);
        var nested = new List<string>();
        foreach (GeneratedSourceResult source in outcome.Sources)
        {
            foreach (ClassDeclarationSyntax type in source.SyntaxTree.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>())
            {
                if (type.Parent is not ClassDeclarationSyntax || type.BaseList is null)
                {
                    continue;
                }

                nested.Add(type.Identifier.Text);
                foreach (BaseTypeSyntax baseType in type.BaseList.Types)
                {
                    string baseName = baseType.Type is QualifiedNameSyntax qualified ? qualified.Right.Identifier.Text : baseType.Type.ToString();
                    Assert.NotEqual(baseName, type.Identifier.Text);
                }
            }
        }

        Assert.Equal(new[] { "CsvMapper", "CsvRowWriter", "JsonRowReader", "JsonRowWriter", "ParquetMapper" }, nested.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ALocalNeverTakesTheRecordTypeName()
    {
        const string schema = """
            {
              "namespace": "Names",
              "datasets": {
                "Items": {
                  "record": "item",
                  "location": "s3://bucket/items/*.csv",
                  "columns": [ { "name": "item", "type": "int32", "required": true, "property": "Item" }, { "name": "count", "type": "int32" } ],
                  "write": { "location": "s3://bucket/out/" }
                }
              }
            }
            """;
        GeneratorRunOutcome outcome = GeneratorHarness.Run("items.s3schema.json", schema);

        // CS8981 (a lower-case type name) is the schema's choice; nothing else may be reported.
        var problems = outcome.CompilationDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Id != "CS8981").Select(d => d.ToString()).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Contains("int itemValue;", SourceOf(outcome, "Names.Items.Csv.g.cs"));
    }

    [Theory]
    [InlineData("Items", "CsvMapper")]
    [InlineData("Items", "CsvRowWriter")]
    [InlineData("Items", "JsonRowReader")]
    [InlineData("Items", "JsonRowWriter")]
    [InlineData("Items", "ParquetMapper")]
    [InlineData("CsvMapper", "Item")]
    [InlineData("JsonRowReader", "GeneratedJsonRowReader")]
    public void ARecordOrAccessorNamedLikeACodecClassCompiles(string dataset, string record)
    {
        string schema = $$"""
            {
              "namespace": "Names",
              "datasets": {
                "{{dataset}}": {
                  "record": "{{record}}",
                  "location": "s3://bucket/items/*.csv",
                  "columns": [ { "name": "id", "type": "int64", "required": true }, { "name": "tags", "type": "list<string>" } ],
                  "write": { "location": "s3://bucket/out/" }
                }
              }
            }
            """;
        GeneratorRunOutcome outcome = GeneratorHarness.RunStrict("items.s3schema.json", schema);

        Assert.Empty(outcome.DiagnosticLines);
        var problems = outcome.CompilationDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning || d.IsWarningAsError).Select(d => d.ToString()).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void NamesAreEscapedAndMadeUnique()
    {
        IReadOnlyList<ColumnNames> names = ColumnNames.Allocate(new[] { "AB", "Ab", "Reader", "Class", "HasId", "Id", "URLPath" }, new[] { "Row" });

        Assert.Equal(new[] { "ab", "abValue", "readerValue", "@class", "hasId", "id", "urlPath" }, names.Select(n => n.Local));
        Assert.Equal("hasId2", names[5].Seen);
        Assert.Equal("_abIndex", names[0].IndexField);
        Assert.Equal("_abIndex2", names[1].IndexField);
        Assert.Equal("_classIndex", names[3].IndexField);
        Assert.Equal(names.Count * 7, names.SelectMany(n => new[] { n.Local.TrimStart('@'), n.Parsed, n.Seen, n.IndexField, n.NameField, n.ElementField, n.ColumnField }).Distinct().Count());
    }

    private static string SourceOf(GeneratorRunOutcome outcome, string hintName) =>
        outcome.Sources.Single(s => s.HintName == hintName).SourceText.ToString();
}
