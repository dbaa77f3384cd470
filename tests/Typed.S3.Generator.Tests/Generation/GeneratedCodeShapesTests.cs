using Microsoft.CodeAnalysis;
using Typed.S3.Generator.Tests.Infrastructure;

namespace Typed.S3.Generator.Tests.Generation;

/// <summary>
/// Generated code compiles without a single warning for every shape of schema, in the strictest consumer project:
/// <c>TreatWarningsAsErrors</c>, every warning level, nullable enabled and XML documentation checked.
/// </summary>
public sealed class GeneratedCodeShapesTests
{
    private static readonly string[] SimpleTypes =
    [
        "bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64", "float16", "float32", "float64",
        "decimal(10,2)", "decimal(28,0)", "string", "date", "time", "timestamp", "timestamp_local", "uuid", "binary",
    ];

    public static TheoryData<string, string> Shapes()
    {
        var shapes = new TheoryData<string, string>
        {
            { "one required string", Columns(Column("name", "string", required: true)) },
            { "one optional string", Columns(Column("name", "string")) },
            { "one optional string that may be absent", Columns(Column("name", "string", whenAbsent: true)) },
            { "one required binary", Columns(Column("blob", "binary", required: true)) },
            { "one list of strings", Columns(Column("tags", "list<string>")) },
            { "every type, all optional", Columns(SimpleTypes.Select((t, i) => Column("c" + i, t)).ToArray()) },
            { "every type, all required", Columns(SimpleTypes.Select((t, i) => Column("c" + i, t, required: true)).ToArray()) },
            { "every type, all may be absent", Columns(SimpleTypes.Select((t, i) => Column("c" + i, t, whenAbsent: true)).ToArray()) },
            { "lists of every type, optional", Columns(SimpleTypes.Select((t, i) => Column("l" + i, "list<" + t + ">")).ToArray()) },
            { "lists of every type, required", Columns(SimpleTypes.Select((t, i) => Column("l" + i, "list<" + t + ">", required: true)).ToArray()) },
            {
                "names that are C# keywords or the generated code's own words",
                Columns(
                    Column("class", "int32", required: true), Column("namespace", "string"), Column("string", "string", required: true),
                    Column("event", "date"), Column("value", "int64"), Column("field", "string"), Column("reader", "decimal(10,2)"),
                    Column("writer", "bool"), Column("record", "int32"), Column("object_name", "string"), Column("column", "uuid"),
                    Column("Instance", "int16"), Column("this", "float64"), Column("base", "list<int32>"), Column("items", "list<string>"),
                    Column("cancellation_token", "timestamp"), Column("stream", "binary"), Column("rows", "int8"), Column("options", "time"))
            },
            { "a property override", Columns("{ \"name\": \"2nd value\", \"type\": \"int32\", \"property\": \"SecondValue\" }") },
            {
                "names of the generated locals and parameters, required",
                Columns(
                    Column("value", "int64", required: true), Column("row", "string", required: true), Column("reader", "binary", required: true),
                    Column("record", "list<int32>", required: true), Column("context", "decimal(10,2)", required: true), Column("column", "bool", required: true),
                    Column("name", "string", required: true), Column("present", "date", required: true), Column("var", "int32", required: true),
                    Column("nameof", "string", required: true), Column("_", "int16", required: true, property: "Underscore"))
            },
            {
                "C# keywords as names, every shape",
                Columns(
                    Column("class", "int32", required: true), Column("event", "string"), Column("int", "binary"), Column("if", "binary", required: true),
                    Column("return", "list<string>"), Column("new", "decimal(10,2)"), Column("default", "date", whenAbsent: true), Column("fixed", "string", required: true))
            },
            {
                "columns whose derived names collide",
                Columns(
                    Column("a_b", "int32", required: true), Column("aB", "int32", required: true, property: "Ab"),
                    Column("id", "int64", required: true), Column("has_id", "bool", required: true), Column("parsed_id", "int64"),
                    Column("x", "date"), Column("parsed_x", "date"), Column("x_index", "int32", property: "_xIndex"),
                    Column("tags", "list<string>"), Column("tags_element", "string", property: "s_tagsElement"),
                    Column("id_name", "string", property: "s_idName"), Column("id_column", "int32", property: "_idColumn"))
            },
            {
                "names of the generated types' members",
                Columns(
                    Column("instance", "int32", property: "Instance"), Column("s_columns", "string", property: "s_columns"), Column("column_of", "int32", property: "ColumnOf"),
                    Column("index_of", "int32", property: "IndexOf"), Column("read_string", "string", property: "ReadString"), Column("field_count", "int32", property: "FieldCount"),
                    Column("objectName", "string"), Column("throw_invalid_value", "bool", property: "ThrowInvalidValue"))
            },
        };
        return shapes;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void CompilesWithoutWarningsAsTheStrictestProjectWould(string shape, string columns) =>
        AssertCompilesStrictly(shape, columns, "csv", "tsv", "jsonl", "json", "parquet");

    public static TheoryData<string, string> NestedShapes()
    {
        string record = "\"columns\": [ " + Column("sku", "string", required: true) + ", " + Column("qty", "int32", required: true) + ", "
            + Column("price", "decimal(10,2)") + ", " + Column("tags", "list<string>") + " ]";
        return new TheoryData<string, string>
        {
            { "a required record", Columns("{ \"name\": \"item\", \"type\": \"record\", \"required\": true, " + record + " }") },
            { "an optional record", Columns("{ \"name\": \"item\", \"type\": \"record\", " + record + " }") },
            { "a list of records", Columns("{ \"name\": \"items\", \"type\": \"list<record>\", \"record\": \"Line\", " + record + " }") },
            { "lists of lists", Columns(Column("matrix", "list<list<int32>>", required: true), Column("words", "list<list<list<string>>>")) },
            {
                "maps of every key type",
                Columns(SimpleTypes.Where(t => t != "binary").Select((t, i) => Column("m" + i, "map<" + t + ",string>")).ToArray())
            },
            { "maps of composite values", Columns(Column("a", "map<string,list<int64>>", required: true), Column("b", "map<date,map<string,decimal(10,2)>>")) },
            {
                "a map of records holding records",
                Columns("{ \"name\": \"stores\", \"type\": \"map<string,record>\", \"record\": \"Store\", \"columns\": [ "
                    + Column("name", "string", required: true) + ", { \"name\": \"address\", \"type\": \"record\", \"required\": true, \"columns\": [ "
                    + Column("zip", "string", required: true) + ", " + Column("lines", "list<string>") + " ] } ] }")
            },
            {
                "nested fields named like the generated code's words",
                Columns("{ \"name\": \"r\", \"type\": \"record\", \"columns\": [ "
                    + string.Join(", ", new[] { "reader", "replace_invalid_utf8", "record", "fault", "field", "writer", "instance", "missing", "class" }
                        .Select(n => Column(n, "int32", required: n.Length % 2 == 0)))
                    + " ] }")
            },
        };
    }

    [Theory]
    [MemberData(nameof(NestedShapes))]
    public void NestedColumnsCompileWithoutWarningsInEveryTextFormat(string shape, string columns) =>
        AssertCompilesStrictly(shape, columns, "csv", "tsv", "jsonl", "json");

    [Theory]
    [InlineData("items", "item")]
    [InlineData("Items", "item")]
    [InlineData("items", "Item")]
    public void LowerCaseDatasetAndRecordNamesCompileAsTheStrictestProjectWould(string dataset, string record)
    {
        // C# warns (CS8981) on a type whose name has only lower-case ASCII letters; the schema may still choose one.
        foreach (string format in new[] { "csv", "jsonl", "json", "parquet" })
        {
            string schema = $$"""
                {
                  "namespace": "shapes",
                  "datasets": {
                    "{{dataset}}": {
                      "record": "{{record}}",
                      "location": "s3://bucket/items/*.{{format}}",
                      "columns": [ { "name": "id", "type": "int64", "required": true }, { "name": "tags", "type": "list<string>" } ],
                      "write": { "location": "s3://bucket/out/", "format": "{{format}}" }
                    }
                  }
                }
                """;

            GeneratorRunOutcome outcome = GeneratorHarness.RunStrict("shapes.s3schema.json", schema);

            Assert.True(outcome.DiagnosticLines.Count == 0, dataset + "/" + record + " (" + format + "): " + string.Join("\n", outcome.DiagnosticLines));
            Assert.NotEmpty(outcome.Sources);
            var problems = outcome.CompilationDiagnostics
                .Where(d => d.Severity >= DiagnosticSeverity.Warning || d.IsWarningAsError)
                .Select(d => d.Id + " " + d.GetMessage() + " @ " + d.Location.GetLineSpan())
                .ToList();
            Assert.True(problems.Count == 0, dataset + "/" + record + " (" + format + "):\n" + string.Join("\n", problems));
        }
    }

    [Fact]
    public void AColumnNamedLikeItsRecordCompilesAsTheStrictestProjectWouldWithOnlyAnInfoDiagnostic()
    {
        foreach (string format in new[] { "csv", "tsv", "jsonl", "json", "parquet" })
        {
            string schema = $$"""
                {
                  "namespace": "Shapes",
                  "datasets": {
                    "Items": {
                      "record": "Item",
                      "location": "s3://bucket/items/*.{{format}}",
                      "columns": [ { "name": "item", "type": "string", "required": true }, { "name": "Item_count", "type": "int32" }, { "name": "other", "type": "int32", "property": "Other" } ],
                      "write": { "location": "s3://bucket/out/", "format": "{{format}}" }
                    }
                  }
                }
                """;

            GeneratorRunOutcome outcome = GeneratorHarness.RunStrict("shapes.s3schema.json", schema);

            Diagnostic info = Assert.Single(outcome.GeneratorDiagnostics);
            Assert.Equal(("TS3026", DiagnosticSeverity.Info), (info.Id, info.Severity));
            Assert.NotEmpty(outcome.Sources);
            Assert.Contains(outcome.Sources, s => s.SourceText.ToString().Contains("public required string Item_ { get; init; }", StringComparison.Ordinal));
            var problems = outcome.CompilationDiagnostics
                .Where(d => d.Severity >= DiagnosticSeverity.Warning || d.IsWarningAsError)
                .Select(d => d.Id + " " + d.GetMessage() + " @ " + d.Location.GetLineSpan())
                .ToList();
            Assert.True(problems.Count == 0, format + ":\n" + string.Join("\n", problems));
        }
    }

    private static string Columns(params string[] columns) => string.Join(", ", columns);

    // A dataset of the columns, read and written in each format, generates code that compiles without a warning.
    private static void AssertCompilesStrictly(string shape, string columns, params string[] formats)
    {
        foreach (string format in formats)
        {
            string schema = $$"""
                {
                  "namespace": "Shapes",
                  "datasets": {
                    "Items": {
                      "location": "s3://bucket/items/*.{{format}}",
                      "columns": [ {{columns}} ],
                      "write": { "location": "s3://bucket/out/", "format": "{{format}}" }
                    }
                  }
                }
                """;

            GeneratorRunOutcome outcome = GeneratorHarness.RunStrict("shapes.s3schema.json", schema);

            Assert.True(outcome.DiagnosticLines.Count == 0, shape + " (" + format + "): " + string.Join("\n", outcome.DiagnosticLines));
            Assert.NotEmpty(outcome.Sources);
            var problems = outcome.CompilationDiagnostics
                .Where(d => d.Severity >= DiagnosticSeverity.Warning || d.IsWarningAsError)
                .Select(d => d.Id + " " + d.GetMessage() + " @ " + d.Location.GetLineSpan())
                .ToList();
            Assert.True(problems.Count == 0, shape + " (" + format + "):\n" + string.Join("\n", problems));
        }
    }

    private static string Column(string name, string type, bool required = false, bool whenAbsent = false, string? property = null) =>
        "{ \"name\": \"" + name + "\", \"type\": \"" + type + "\"" + (required ? ", \"required\": true" : "") + (whenAbsent ? ", \"when_absent\": \"null\"" : "")
        + (property is null ? "" : ", \"property\": \"" + property + "\"") + " }";
}
