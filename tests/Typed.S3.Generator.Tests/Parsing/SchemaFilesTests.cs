using Typed.S3.Schema.Json;
using Typed.S3.Schema.Model;
using Typed.S3.Schema.Parsing;

namespace Typed.S3.Generator.Tests.Parsing;

/// <summary>The example schemas in the tests, and the JSON Schema file shipped in the package, agree with the parser.</summary>
public sealed class SchemaFilesTests
{
    private static readonly string JsonSchemaPath = Path.Combine(FindRepositoryRoot(), "src", "Typed.S3", "schemas", "s3schema.schema.json");

    private static string FindRepositoryRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Typed.S3.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Typed.S3.sln not found above " + AppContext.BaseDirectory);
    }

    private static JsonObject ReadJsonSchema()
    {
        JsonParseResult result = JsonReader.Parse(JsonSchemaPath, File.ReadAllText(JsonSchemaPath));
        Assert.Empty(result.Diagnostics);
        return Assert.IsType<JsonObject>(result.Root);
    }

    private static JsonObject Object(JsonObject parent, params string[] path)
    {
        JsonObject current = parent;
        foreach (string name in path)
        {
            current = Assert.IsType<JsonObject>(current.Find(name)?.Value);
        }

        return current;
    }

    private static string[] Strings(JsonNode node) =>
        Assert.IsType<JsonArray>(node).Items.Select(i => Assert.IsType<JsonString>(i).Value).ToArray();

    private static string[] PropertyNames(JsonObject schemaObject) =>
        Object(schemaObject, "properties").Properties.Select(p => p.Name).ToArray();

    public static TheoryData<string> ExampleSchemas()
    {
        var data = new TheoryData<string>();
        foreach (string path in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Schemas"), "*.s3schema.json", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal))
        {
            if (!path.Contains("invalid", StringComparison.OrdinalIgnoreCase))
            {
                data.Add(Path.GetRelativePath(AppContext.BaseDirectory, path));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ExampleSchemas))]
    public void Every_example_schema_parses_without_diagnostics(string relativePath)
    {
        string path = Path.Combine(AppContext.BaseDirectory, relativePath);
        SchemaDocument document = SchemaParser.Parse(path, File.ReadAllText(path));
        Assert.Empty(document.Diagnostics.Select(d => d.ToString()));
        Assert.NotEmpty(document.Datasets);
    }

    [Fact]
    public void There_are_example_schemas()
    {
        Assert.True(ExampleSchemas().Count >= 2);
    }

    [Fact]
    public void The_json_schema_is_valid_json_and_mentions_every_column_type()
    {
        string text = File.ReadAllText(JsonSchemaPath);
        JsonObject root = ReadJsonSchema();
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", Assert.IsType<JsonString>(root.Find("$schema")!.Value).Value);

        foreach (string type in SchemaVocabulary.ColumnTypeNames)
        {
            Assert.Contains(type, text, StringComparison.Ordinal);
        }

        string[] typeEnum = Strings(Assert.IsType<JsonObject>(Assert.IsType<JsonArray>(Object(root, "$defs", "columnType").Find("anyOf")!.Value).Items[0]).Find("enum")!.Value);
        Assert.Equal(
            SchemaVocabulary.SimpleTypes.Keys.Append("record").OrderBy(k => k, StringComparer.Ordinal).ToArray(),
            typeEnum.OrderBy(k => k, StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void The_json_schema_lists_the_properties_and_names_the_parser_knows()
    {
        JsonObject root = ReadJsonSchema();
        Assert.Equal(SchemaVocabulary.RootProperties, PropertyNames(root));
        Assert.Equal(SchemaVocabulary.DatasetProperties, PropertyNames(Object(root, "$defs", "dataset")));
        Assert.Equal(SchemaVocabulary.CsvProperties, PropertyNames(Object(root, "$defs", "csv")));
        Assert.Equal(SchemaVocabulary.WriteProperties, PropertyNames(Object(root, "$defs", "write")));
        Assert.Equal(SchemaVocabulary.RecordColumnProperties, PropertyNames(Object(root, "$defs", "column")));

        Assert.Equal(SchemaVocabulary.FormatNames, Strings(Object(root, "$defs", "dataset", "properties", "format").Find("enum")!.Value));
        Assert.Equal(SchemaVocabulary.CompressionNames, Strings(Object(root, "$defs", "dataset", "properties", "compression").Find("enum")!.Value));
        Assert.Equal(SchemaVocabulary.WriteFormatNames, Strings(Object(root, "$defs", "write", "properties", "format").Find("enum")!.Value));
        Assert.Equal(SchemaVocabulary.WriteCompressionNames, Strings(Object(root, "$defs", "write", "properties", "compression").Find("enum")!.Value));
        Assert.Equal(WriteModel.DefaultLayout, Assert.IsType<JsonString>(Object(root, "$defs", "write", "properties", "layout").Find("default")!.Value).Value);
    }

    [Fact]
    public void The_json_schema_layout_description_names_every_placeholder()
    {
        JsonObject root = ReadJsonSchema();
        string description = Assert.IsType<JsonString>(Object(root, "$defs", "write", "properties", "layout").Find("description")!.Value).Value;
        foreach (string placeholder in Typed.S3.Schema.Layout.LayoutTemplate.KnownPlaceholders)
        {
            Assert.Contains("{" + placeholder + "}", description, StringComparison.Ordinal);
        }
    }
}
