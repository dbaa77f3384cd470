using Typed.S3.Schema.Diagnostics;
using Typed.S3.Schema.Model;
using Typed.S3.Schema.Parsing;

namespace Typed.S3.Generator.Tests.Parsing;

/// <summary>
/// One test per diagnostic. Each schema marks where the diagnostic must point with '⟦' (removed before
/// parsing); the expected line and column are counted from that mark, so a wrong span fails.
/// </summary>
public sealed class SchemaDiagnosticTests
{
    private const string File = "s.s3schema.json";

    // A dataset "D" whose body the tests replace piece by piece.
    private const string Location = "\"location\": \"s3://abc/k.csv\"";
    private const string Columns = "\"columns\": [{\"name\": \"a\", \"type\": \"int32\"}]";

    private static string Schema(string datasetBody) =>
        "{\n\"namespace\": \"N\",\n\"datasets\": {\n\"D\": {\n" + datasetBody + "\n}\n}\n}\n";

    private static string Body(params string[] lines) => string.Join(",\n", lines);

    private static SchemaDocument AssertDiagnostic(string markedText, string expected)
    {
        int mark = markedText.IndexOf('⟦');
        Assert.True(mark >= 0, "the test text has no mark");
        string text = markedText.Remove(mark, 1);
        int line = 1 + markedText.Take(mark).Count(c => c == '\n');
        int column = mark - markedText.LastIndexOf('\n', Math.Max(0, mark - 1));
        SchemaDocument document = SchemaParser.Parse(File, text);
        Assert.Equal(new[] { File + "(" + line + "," + column + "): " + expected }, document.Diagnostics.Select(d => d.ToString()).ToArray());
        return document;
    }

    [Fact]
    public void TS3001_invalid_json()
    {
        AssertDiagnostic("{\n  \"namespace\": \"N\"\n  ⟦\"datasets\": {}\n}", "error TS3001: Invalid JSON: expected ',' or '}' after property value, found '\"'");
    }

    [Fact]
    public void TS3002_unknown_property_at_the_root()
    {
        SchemaDocument document = AssertDiagnostic(
            "{\"namespace\": \"N\", ⟦\"dataset\": {}, \"datasets\": {\"D\": {" + Location + ", " + Columns + "}}}",
            "warning TS3002: Unknown property 'dataset' in the schema root; expected one of: $schema, namespace, datasets");
        Assert.Single(document.Datasets);
        Assert.False(document.HasErrors);
    }

    [Fact]
    public void TS3002_unknown_property_in_a_dataset_column_csv_and_write_section()
    {
        AssertDiagnostic(Schema(Body(Location, Columns, "⟦\"formats\": \"csv\"")),
            "warning TS3002: Unknown property 'formats' in dataset 'D'; expected one of: record, location, format, csv, compression, columns, write");
        AssertDiagnostic(Schema(Body(Location, "\"columns\": [{\"name\": \"a\", \"type\": \"int32\", ⟦\"nullable\": true}]")),
            "warning TS3002: Unknown property 'nullable' in column 'a' of dataset 'D'; expected one of: name, type, required, when_absent, property");
        AssertDiagnostic(Schema(Body(Location, Columns, "\"csv\": {⟦\"separator\": \";\"}")),
            "warning TS3002: Unknown property 'separator' in the csv section of dataset 'D'; expected one of: delimiter, header, quote");
        AssertDiagnostic(Schema(Body(Location, Columns, "\"write\": {\"location\": \"s3://abc/o/\", ⟦\"path\": \"x\"}")),
            "warning TS3002: Unknown property 'path' in the write section of dataset 'D'; expected one of: location, format, compression, layout, max_rows_per_file, max_bytes_per_file, parquet");
    }

    [Fact]
    public void TS3003_missing_namespace_points_at_the_root_object()
    {
        AssertDiagnostic("\n  ⟦{\"datasets\": {\"D\": {" + Location + ", " + Columns + "}}}", "error TS3003: The schema root is missing the required property 'namespace'");
    }

    [Fact]
    public void TS3003_missing_datasets()
    {
        AssertDiagnostic("⟦{\"namespace\": \"N\"}", "error TS3003: The schema root is missing the required property 'datasets'");
    }

    [Fact]
    public void TS3003_missing_columns_points_at_the_dataset_object()
    {
        AssertDiagnostic("{\"namespace\": \"N\", \"datasets\": {\"D\": ⟦{" + Location + "}}}", "error TS3003: Dataset 'D' is missing the required property 'columns'");
    }

    [Fact]
    public void TS3003_missing_column_name_and_type()
    {
        AssertDiagnostic(Schema(Body(Location, "\"columns\": [⟦{\"type\": \"int32\"}]")), "error TS3003: Column 1 of dataset 'D' is missing the required property 'name'");
        AssertDiagnostic(Schema(Body(Location, "\"columns\": [{\"name\": \"a\", \"type\": \"int32\"}, ⟦{\"name\": \"b\"}]")), "error TS3003: Column 'b' of dataset 'D' is missing the required property 'type'");
    }

    [Fact]
    public void TS3003_record_column_without_columns()
    {
        AssertDiagnostic(Schema(Body(Location, "\"columns\": [⟦{\"name\": \"a\", \"type\": \"record\"}]")), "error TS3003: Column 'a' of dataset 'D' is missing the required property 'columns'");
    }

    [Fact]
    public void TS3004_unknown_column_type_lists_the_valid_ones()
    {
        AssertDiagnostic(Schema(Body(Location, "\"columns\": [{\"name\": \"a\", \"type\": ⟦\"integer\"}]")),
            "error TS3004: Unknown column type 'integer' for column 'a'; expected one of: bool, int8, int16, int32, int64, uint8, uint16, uint32, uint64, float16, float32, float64, decimal(p,s), string, date, time, timestamp, timestamp_local, uuid, binary, list<T>, map<K,V>, record");
    }

    [Theory]
    [InlineData("list<int>")]
    [InlineData("list<>")]
    [InlineData("list<string")]
    [InlineData("list string")]
    [InlineData("string>")]
    [InlineData("")]
    public void TS3004_malformed_types(string type)
    {
        SchemaDocument document = SchemaParser.Parse(File, Schema(Body(Location, "\"columns\": [{\"name\": \"a\", \"type\": \"" + type + "\"}]")));
        if (type == "list<int>")
        {
            Assert.Empty(document.Diagnostics);
            Assert.Equal("list<int32>", document.Datasets[0].Columns[0].Type.DisplayName);
            return;
        }

        Assert.Equal("TS3004", Assert.Single(document.Diagnostics).Id);
        Assert.StartsWith("Unknown column type '" + type + "' for column 'a'", document.Diagnostics[0].Message);
    }

    [Fact]
    public void TS3004_lists_nest_at_most_16_deep()
    {
        string ok = string.Concat(Enumerable.Repeat("list<", 16)) + "int8" + new string('>', 16);
        Assert.Empty(SchemaParser.Parse(File, Schema(Body(Location, "\"columns\": [{\"name\": \"a\", \"type\": \"" + ok + "\"}]"))).Diagnostics);
        string deep = "list<" + ok + ">";
        Assert.Equal("TS3004", Assert.Single(SchemaParser.Parse(File, Schema(Body(Location, "\"columns\": [{\"name\": \"a\", \"type\": \"" + deep + "\"}]"))).Diagnostics).Id);
    }

    [Fact]
    public void TS3005_duplicate_column_names_ignore_case()
    {
        AssertDiagnostic(Schema(Body(Location, "\"columns\": [{\"name\": \"Email\", \"type\": \"string\"}, {\"name\": ⟦\"email\", \"type\": \"string\", \"property\": \"Email2\"}]")),
            "error TS3005: Dataset 'D' has more than one column named 'email' (column names match case-insensitively)");
    }

    [Fact]
    public void TS3006_two_columns_map_to_one_property()
    {
        AssertDiagnostic(Schema(Body(Location, "\"columns\": [{\"name\": \"signup_date\", \"type\": \"date\"}, {\"name\": ⟦\"signup-date\", \"type\": \"date\"}]")),
            "error TS3006: Columns 'signup_date' and 'signup-date' of dataset 'D' both map to the C# property 'SignupDate'; set \"property\" on one of them");
        AssertDiagnostic(Schema(Body(Location, "\"columns\": [{\"name\": \"a\", \"type\": \"date\"}, {\"name\": \"b\", \"type\": \"date\", \"property\": ⟦\"A\"}]")),
            "error TS3006: Columns 'a' and 'b' of dataset 'D' both map to the C# property 'A'; set \"property\" on one of them");
    }

    [Fact]
    public void TS3006_an_explicit_property_named_like_its_record_type()
    {
        AssertDiagnostic(Schema(Body("\"record\": \"Customer\"", Location, "\"columns\": [{\"name\": \"c\", \"type\": \"string\", \"property\": ⟦\"Customer\"}]")),
            "error TS3006: Column 'c' of dataset 'D' maps to the C# property 'Customer', the name of its record type; C# does not allow a member named like its type: choose another \"property\"");
    }

    [Fact]
    public void TS3026_a_column_named_like_its_record_gets_the_property_name_and_an_underscore()
    {
        SchemaDocument document = AssertDiagnostic(
            Schema(Body("\"record\": \"Customer\"", Location, "\"columns\": [{\"name\": \"id\", \"type\": \"int64\"}, {\"name\": ⟦\"customer\", \"type\": \"string\"}]")),
            "info TS3026: Column 'customer' of dataset 'D' would map to the C# property 'Customer', the name of its record type, which C# does not allow for a member: the property is 'Customer_' (set \"property\" to choose another name)");

        Assert.False(document.HasErrors);
        DatasetModel dataset = Assert.Single(document.Datasets);
        Assert.Equal(new[] { ("id", "Id"), ("customer", "Customer_") }, dataset.Columns.Select(c => (c.Name, c.PropertyName)).ToArray());
    }

    [Fact]
    public void TS3026_the_default_record_name_counts_and_any_spelling_of_the_column_does()
    {
        // The dataset's default record is "DRecord": "d_record", "DRecord" and "d-record" all become DRecord.
        foreach (string name in new[] { "d_record", "DRecord", "d-record" })
        {
            SchemaDocument document = SchemaParser.Parse(File, Schema(Body(Location, "\"columns\": [{\"name\": \"" + name + "\", \"type\": \"int32\"}]")));
            SchemaDiagnostic diagnostic = Assert.Single(document.Diagnostics);
            Assert.Equal(("TS3026", SchemaDiagnosticSeverity.Info), (diagnostic.Id, diagnostic.Severity));
            Assert.Equal("DRecord_", Assert.Single(Assert.Single(document.Datasets).Columns).PropertyName);
        }
    }

    [Fact]
    public void TS3026_does_not_apply_to_a_name_that_differs_from_the_record_in_case()
    {
        SchemaDocument document = SchemaParser.Parse(File, Schema(Body("\"record\": \"CUSTOMER\"", Location, "\"columns\": [{\"name\": \"customer\", \"type\": \"string\"}]")));

        Assert.Empty(document.Diagnostics);
        Assert.Equal("Customer", Assert.Single(Assert.Single(document.Datasets).Columns).PropertyName);
    }

    [Fact]
    public void TS3026_in_a_nested_record_and_a_record_column_named_like_its_owner()
    {
        // A field named like its nested record ('addr_record' in AddrRecord), and a record column named like the
        // dataset's record ('reading' in Reading): its property is Reading_, its type keeps the default ReadingRecord.
        SchemaDocument document = SchemaParser.Parse(File, Schema(Body(
            "\"record\": \"Reading\"",
            Location,
            "\"columns\": [{\"name\": \"addr\", \"type\": \"record\", \"columns\": [{\"name\": \"addr_record\", \"type\": \"string\"}]},"
            + " {\"name\": \"reading\", \"type\": \"list<record>\", \"columns\": [{\"name\": \"value\", \"type\": \"float64\"}]}]")));

        Assert.Equal(
            new[]
            {
                "info TS3026: Column 'addr_record' of record 'AddrRecord' would map to the C# property 'AddrRecord', the name of its record type, which C# does not allow for a member: the property is 'AddrRecord_' (set \"property\" to choose another name)",
                "info TS3026: Column 'reading' of dataset 'D' would map to the C# property 'Reading', the name of its record type, which C# does not allow for a member: the property is 'Reading_' (set \"property\" to choose another name)",
            },
            document.Diagnostics.Select(d => d.ToString().Substring(d.ToString().IndexOf(": ", StringComparison.Ordinal) + 2)).ToArray());
        DatasetModel dataset = Assert.Single(document.Datasets);
        ColumnModel addr = dataset.Columns[0];
        Assert.Equal(("Addr", "AddrRecord", "AddrRecord_"), (addr.PropertyName, addr.Type.RecordName, Assert.Single(addr.Type.Fields).PropertyName));
        ColumnModel reading = dataset.Columns[1];
        Assert.Equal("Reading_", reading.PropertyName);
        Assert.Equal("ReadingRecord", reading.Type.Element?.RecordName);
    }

    [Fact]
    public void TS3006_when_the_renamed_property_is_another_columns_property()
    {
        SchemaDocument document = SchemaParser.Parse(File, Schema(Body(
            "\"record\": \"Customer\"",
            Location,
            "\"columns\": [{\"name\": \"customer\", \"type\": \"string\"}, {\"name\": \"c\", \"type\": \"string\", \"property\": \"Customer_\"}]")));

        Assert.Equal(new[] { "TS3026", "TS3006" }, document.Diagnostics.Select(d => d.Id).ToArray());
        Assert.Equal(
            "error TS3006: Columns 'customer' and 'c' of dataset 'D' both map to the C# property 'Customer_'; set \"property\" on one of them",
            document.Diagnostics[1].ToString().Substring(document.Diagnostics[1].ToString().IndexOf(": ", StringComparison.Ordinal) + 2));
        Assert.True(document.HasErrors);
        Assert.Empty(document.Datasets);
    }

    [Fact]
    public void TS3006_a_property_named_like_a_record_member()
    {
        AssertDiagnostic(Schema(Body(Location, "\"columns\": [{\"name\": \"s\", \"type\": \"string\", \"property\": ⟦\"ToString\"}]")),
            "error TS3006: Column 's' of dataset 'D' maps to the C# property 'ToString', which every C# record already has as a member: set \"property\"");
    }

    [Fact]
    public void TS3006_in_a_nested_record()
    {
        AssertDiagnostic(Schema(Body(Location, "\"columns\": [{\"name\": \"addr\", \"type\": \"record\", \"columns\": [{\"name\": \"zip_code\", \"type\": \"string\"}, {\"name\": ⟦\"zipCode\", \"type\": \"string\"}]}]")),
            "error TS3006: Columns 'zip_code' and 'zipCode' of record 'AddrRecord' both map to the C# property 'ZipCode'; set \"property\" on one of them");
    }

    [Fact]
    public void TS3007_column_name_that_is_not_an_identifier()
    {
        AssertDiagnostic(Schema(Body(Location, "\"columns\": [{\"name\": ⟦\"2fa\", \"type\": \"bool\"}]")),
            "error TS3007: '2fa' (from the property of column '2fa' of dataset 'D') is not a valid C# identifier: it starts with a digit; set \"property\" to a valid name");
    }

    [Fact]
    public void TS3007_property_override_that_is_a_keyword()
    {
        AssertDiagnostic(Schema(Body(Location, "\"columns\": [{\"name\": \"a\", \"type\": \"bool\", \"property\": ⟦\"class\"}]")),
            "error TS3007: 'class' (from the property of column 'a' of dataset 'D') is not a valid C# identifier: it is a C# keyword");
        AssertDiagnostic(Schema(Body(Location, "\"columns\": [{\"name\": \"a\", \"type\": \"bool\", \"property\": ⟦\"a-b\"}]")),
            "error TS3007: 'a-b' (from the property of column 'a' of dataset 'D') is not a valid C# identifier: it contains '-'");
    }

    [Fact]
    public void TS3007_dataset_and_record_names()
    {
        AssertDiagnostic("{\"namespace\": \"N\", \"datasets\": {⟦\"my-data\": {" + Location + ", " + Columns + "}}}",
            "error TS3007: 'my-data' (from the name of dataset 'my-data') is not a valid C# identifier: it contains '-'");
        AssertDiagnostic(Schema(Body("\"record\": ⟦\"record\"", Location, Columns)),
            "error TS3007: 'record' (from the record of dataset 'D') is not a valid C# identifier: C# does not allow it as the name of a type");
        AssertDiagnostic(Schema(Body(Location, "\"columns\": [{\"name\": \"a\", \"type\": \"record\", \"record\": ⟦\"1A\", \"columns\": [{\"name\": \"b\", \"type\": \"int8\"}]}]")),
            "error TS3007: '1A' (from the record of column 'a' of dataset 'D') is not a valid C# identifier: it starts with a digit");
    }

    [Fact]
    public void TS3007_namespace()
    {
        AssertDiagnostic("{\"namespace\": ⟦\"Contoso..Sales\", \"datasets\": {\"D\": {" + Location + ", " + Columns + "}}}",
            "error TS3007: 'Contoso..Sales' is not a valid C# namespace: it has an empty part");
    }

    [Fact]
    public void TS3008_unknown_format()
    {
        AssertDiagnostic(Schema(Body(Location, "\"format\": ⟦\"xlsx\"", Columns)),
            "error TS3008: Unknown format 'xlsx'; expected one of: csv, tsv, json, jsonl, ndjson, parquet, auto");
    }

    [Fact]
    public void TS3008_format_that_cannot_be_inferred()
    {
        AssertDiagnostic("{\"namespace\": \"N\", \"datasets\": {\"D\": ⟦{\"location\": \"s3://abc/data/\", " + Columns + "}}}",
            "error TS3008: Dataset 'D' has no \"format\" and its location 's3://abc/data/' does not show one; set \"format\" to one of: csv, tsv, json, jsonl, ndjson, parquet, auto");
    }

    [Fact]
    public void TS3008_write_format_auto_or_missing_with_an_auto_dataset()
    {
        AssertDiagnostic(Schema(Body(Location, Columns, "\"write\": {\"location\": \"s3://abc/o/\", \"format\": ⟦\"auto\"}")),
            "error TS3008: The write format cannot be 'auto': a write needs one format; expected one of: csv, tsv, json, jsonl, ndjson, parquet");
        AssertDiagnostic(Schema(Body(Location, "\"format\": \"auto\"", Columns, "\"write\": ⟦{\"location\": \"s3://abc/o/\"}")),
            "error TS3008: The write section of dataset 'D' has no \"format\" and the dataset's format is 'auto'; set \"format\" to one of: csv, tsv, json, jsonl, ndjson, parquet");
    }

    [Fact]
    public void TS3009_missing_location()
    {
        AssertDiagnostic("{\"namespace\": \"N\", \"datasets\": {\"D\": ⟦{\"format\": \"csv\", " + Columns + "}}}",
            "error TS3009: Dataset 'D' has no location: set \"location\" to s3://bucket/key-or-glob");
        AssertDiagnostic(Schema(Body(Location, Columns, "\"write\": ⟦{\"format\": \"csv\"}")),
            "error TS3009: The write section of dataset 'D' has no location: set \"location\" to s3://bucket/prefix/");
    }

    [Fact]
    public void TS3010_values_of_the_wrong_kind()
    {
        AssertDiagnostic(Schema(Body(Location, "\"columns\": [{\"name\": \"a\", \"type\": \"int32\", \"required\": ⟦\"yes\"}]")),
            "error TS3010: Invalid value for 'required': expected true or false, found the string \"yes\"");
        AssertDiagnostic(Schema(Body(Location, "\"columns\": ⟦[]")),
            "error TS3010: Invalid value for 'columns': expected a non-empty array of column objects, found an empty array");
        AssertDiagnostic(Schema(Body(Location, "\"columns\": [⟦42]")),
            "error TS3010: Invalid value for 'columns[0]': expected a column object, found the number 42");
        AssertDiagnostic("{\"namespace\": ⟦null, \"datasets\": {\"D\": {" + Location + ", " + Columns + "}}}",
            "error TS3010: Invalid value for 'namespace': expected a string, found null");
        AssertDiagnostic("{\"namespace\": \"N\", \"datasets\": ⟦[]}",
            "error TS3010: Invalid value for 'datasets': expected an object, found an empty array");
        AssertDiagnostic("  ⟦[1]", "error TS3010: The schema must be a JSON object with \"namespace\" and \"datasets\", found an array");
        AssertDiagnostic(Schema(Body(Location, "\"columns\": [{\"name\": ⟦\"\", \"type\": \"int32\"}]")),
            "error TS3010: Invalid value for 'name': expected a non-empty string, found the string \"\"");
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("")]
    [InlineData("\\n")]
    [InlineData("\\\"")]
    [InlineData("é")]
    public void TS3010_invalid_delimiter(string delimiter)
    {
        SchemaDocument document = SchemaParser.Parse(File, Schema(Body(Location, Columns, "\"csv\": {\"delimiter\": \"" + delimiter + "\"}")));
        Assert.Equal("TS3010", Assert.Single(document.Diagnostics).Id);
        Assert.StartsWith("Invalid value for 'delimiter': expected exactly one printable ASCII character or a tab", document.Diagnostics[0].Message);
        Assert.Empty(document.Datasets);
    }

    [Theory]
    [InlineData("\\t", '\t')]
    [InlineData(";", ';')]
    [InlineData("|", '|')]
    public void Valid_delimiters(string delimiter, char expected)
    {
        SchemaDocument document = SchemaParser.Parse(File, Schema(Body(Location, Columns, "\"csv\": {\"delimiter\": \"" + delimiter + "\"}")));
        Assert.Empty(document.Diagnostics);
        Assert.Equal(expected, document.Datasets[0].Csv.Delimiter);
    }

    [Fact]
    public void TS3011_unknown_compression()
    {
        AssertDiagnostic(Schema(Body(Location, "\"compression\": ⟦\"zstd\"", Columns)),
            "error TS3011: Unknown compression 'zstd'; expected one of: auto, gzip, none");
        AssertDiagnostic(Schema(Body(Location, Columns, "\"write\": {\"location\": \"s3://abc/o/\", \"compression\": ⟦\"auto\"}")),
            "error TS3011: Unknown compression 'auto'; expected one of: gzip, none");
    }

    [Theory]
    [InlineData("https://abc/k.csv", "it must start with s3:// (s3://bucket/key-or-glob)")]
    [InlineData("s3:///k.csv", "the bucket name is empty (s3://bucket/key-or-glob)")]
    [InlineData("s3://My_Bucket/k.csv", "'My_Bucket' is not a valid S3 bucket name: use 3 to 63 lowercase letters, digits, '.' and '-', starting and ending with a letter or digit")]
    [InlineData("s3://ab/k.csv", "'ab' is not a valid S3 bucket name: use 3 to 63 lowercase letters, digits, '.' and '-', starting and ending with a letter or digit")]
    [InlineData("s3://-abc/k.csv", "'-abc' is not a valid S3 bucket name: use 3 to 63 lowercase letters, digits, '.' and '-', starting and ending with a letter or digit")]
    [InlineData("s3://a..b/k.csv", "'a..b' is not a valid S3 bucket name: use 3 to 63 lowercase letters, digits, '.' and '-', starting and ending with a letter or digit")]
    public void TS3012_invalid_read_location(string location, string problem)
    {
        AssertDiagnostic(Schema(Body("\"location\": ⟦\"" + location + "\"", "\"format\": \"csv\"", Columns)),
            "error TS3012: Invalid location '" + location + "': " + problem);
    }

    [Fact]
    public void TS3012_bucket_names_of_63_and_64_characters()
    {
        string ok = "a" + new string('b', 61) + "c";
        Assert.Empty(SchemaParser.Parse(File, Schema(Body("\"location\": \"s3://" + ok + "/k.csv\"", Columns))).Diagnostics);
        Assert.Equal("TS3012", Assert.Single(SchemaParser.Parse(File, Schema(Body("\"location\": \"s3://" + ok + "d/k.csv\"", Columns))).Diagnostics).Id);
    }

    [Fact]
    public void TS3012_write_location_with_a_wildcard()
    {
        AssertDiagnostic(Schema(Body(Location, Columns, "\"write\": {\"location\": ⟦\"s3://abc/out/*/\"}")),
            "error TS3012: Invalid location 's3://abc/out/*/': a write location is a prefix and cannot contain the wildcard '*'");
    }

    [Fact]
    public void TS3013_points_at_the_offending_character_of_the_layout()
    {
        AssertDiagnostic(Schema(Body(Location, Columns, "\"write\": {\"location\": \"s3://abc/o/\", \"layout\": \"{table_name}/⟦{day}.{ext}\"}")),
            "error TS3013: Invalid layout '{table_name}/{day}.{ext}': unknown placeholder '{day}'; known placeholders: schema_name, table_name, load_id, file_id, ext, curr_date, timestamp, timestamp_ms, load_package_timestamp, load_package_timestamp_ms, YYYY, YY, Y, MMMM, MMM, MM, M, DD, D, HH, H, mm, m, ss, s, SSS, dddd, ddd, Q, partition, offset");
    }

    [Fact]
    public void TS3013_position_accounts_for_escapes_in_the_string()
    {
        AssertDiagnostic(Schema(Body(Location, Columns, "\"write\": {\"location\": \"s3://abc/o/\", \"layout\": \"\\u0061/b⟦\\\\c\"}")),
            "error TS3013: Invalid layout 'a/b\\c': a layout cannot contain '\\': use '/' between path segments");
        AssertDiagnostic(Schema(Body(Location, Columns, "\"write\": {\"location\": \"s3://abc/o/\", \"layout\": ⟦\"\"}")),
            "error TS3013: Invalid layout '': the layout is empty");
    }

    [Fact]
    public void TS3014_duplicate_generated_type_names()
    {
        AssertDiagnostic("{\"namespace\": \"N\", \"datasets\": {\"Customer\": {" + Location + ", " + Columns + "}, \"Customers\": {\"record\": ⟦\"Customer\", " + Location + ", " + Columns + "}}}",
            "error TS3014: The name 'Customer' is used by more than one generated type in namespace 'N'");
        SchemaDocument document = AssertDiagnostic(
            "{\"namespace\": \"N\", \"datasets\": {\"A\": {" + Location + ", " + Columns + "}, \"B\": {" + Location + ", \"columns\": [{\"name\": \"x\", \"type\": \"record\", \"record\": ⟦\"aRecord\", \"columns\": [{\"name\": \"y\", \"type\": \"int8\"}]}]}}}",
            "error TS3014: The name 'aRecord' is used by more than one generated type in namespace 'N' ('ARecord' and 'aRecord' differ only in case)");
        Assert.Equal("A", Assert.Single(document.Datasets).Name);
    }

    [Theory]
    [InlineData("decimal")]
    [InlineData("decimal(18)")]
    [InlineData("decimal(0,0)")]
    [InlineData("decimal(29,2)")]
    [InlineData("decimal(5,6)")]
    [InlineData("decimal(18,-1)")]
    [InlineData("decimal(18,2")]
    public void TS3015_invalid_decimal(string type)
    {
        AssertDiagnostic(Schema(Body(Location, "\"columns\": [{\"name\": \"v\", \"type\": ⟦\"" + type + "\"}]")),
            "error TS3015: Invalid type '" + type + "' for column 'v': write decimal(p,s) with a precision p of 1 to 28 and a scale s of 0 to p");
    }

    [Fact]
    public void TS3025_a_required_column_cannot_be_absent_and_when_absent_takes_error_or_null()
    {
        AssertDiagnostic(Schema(Body(Location, "\"columns\": [{\"name\": \"v\", \"type\": \"int32\", \"required\": true, \"when_absent\": ⟦\"null\"}]")),
            "error TS3025: The column 'v' of dataset 'D' is required, so an object without it cannot be read as null: remove \"when_absent\": \"null\" or \"required\": true");
        AssertDiagnostic(Schema(Body(Location, "\"columns\": [{\"name\": \"v\", \"type\": \"int32\", \"when_absent\": ⟦\"skip\"}]")),
            "error TS3010: Invalid value for 'when_absent': expected \"error\" or \"null\", found the string \"skip\"");

        SchemaDocument document = SchemaParser.Parse(File, Schema(Body(Location, "\"columns\": [{\"name\": \"a\", \"type\": \"int32\", \"when_absent\": \"null\"}, {\"name\": \"b\", \"type\": \"int32\", \"when_absent\": \"error\"}, {\"name\": \"c\", \"type\": \"int32\"}]")));
        Assert.Empty(document.Diagnostics);
        Assert.Equal(new[] { true, false, false }, document.Datasets[0].Columns.Select(c => c.AbsentAsNull).ToArray());
    }

    [Fact]
    public void TS3018_no_datasets_is_a_warning()
    {
        SchemaDocument document = AssertDiagnostic("{\"namespace\": \"N\", \"datasets\": ⟦{}}", "warning TS3018: The schema file declares no datasets");
        Assert.False(document.HasErrors);
        Assert.Equal("N", document.Namespace);
    }

    [Fact]
    public void TS3019_unsupported_quote()
    {
        AssertDiagnostic(Schema(Body(Location, Columns, "\"csv\": {\"quote\": ⟦\"'\"}")),
            "error TS3019: The quote character ''' of dataset 'D' is not supported: this version reads and writes CSV quoted with '\"' only; remove \"quote\" or set it to \"\\\"\"");
    }

    [Fact]
    public void TS3019_tsv_write_of_a_comma_separated_dataset()
    {
        AssertDiagnostic(Schema(Body(Location, Columns, "\"write\": {\"location\": \"s3://abc/o/\", \"format\": ⟦\"tsv\"}")),
            "error TS3019: The write format 'tsv' of dataset 'D' needs a tab delimiter, but writing uses the dataset's csv options, whose delimiter is ','; write format 'csv', or set the dataset's csv delimiter to \"\\t\"");
    }

    [Fact]
    public void TS3020_duplicate_json_property_drops_the_dataset()
    {
        SchemaDocument document = AssertDiagnostic(Schema(Body(Location, Columns, "⟦\"location\": \"s3://abc/other.csv\"")),
            "error TS3020: Property 'location' appears more than once in this object (first at line 5, column 1)");
        Assert.Empty(document.Datasets);
    }
}
