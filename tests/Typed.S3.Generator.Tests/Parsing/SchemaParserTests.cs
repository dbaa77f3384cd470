using Typed.S3.Schema.Diagnostics;
using Typed.S3.Schema.Model;
using Typed.S3.Schema.Parsing;

namespace Typed.S3.Generator.Tests.Parsing;

public sealed class SchemaParserTests
{
    private static string SchemaText(string fileName) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schemas", "Parsing", fileName));

    [Fact]
    public void Parses_the_design_example()
    {
        SchemaDocument document = SchemaParser.Parse("Schemas/sales.s3schema.json", SchemaText("sales.s3schema.json"));

        Assert.Empty(document.Diagnostics);
        Assert.Equal("sales", document.SchemaName);
        Assert.Equal("Contoso.Sales", document.Namespace);
        DatasetModel customers = Assert.Single(document.Datasets);
        Assert.Equal("Customers", customers.Name);
        Assert.Equal("Customer", customers.RecordName);
        Assert.Equal("s3://my-bucket/data/sales/**/*.csv", customers.Location);
        Assert.Equal(DataFormat.Csv, customers.Format);
        Assert.Equal(CsvOptionsModel.Default, customers.Csv);
        Assert.Equal(CompressionKind.Auto, customers.Compression);
        Assert.Equal(
            new[] { "id:Id:int64:True", "email:Email:string:False", "signup_date:SignupDate:date:False", "lifetime_value:LifetimeValue:decimal(18,2):False" },
            customers.Columns.Select(c => c.Name + ":" + c.PropertyName + ":" + c.Type.DisplayName + ":" + c.Required).ToArray());
        Assert.Equal(new ColumnType(ColumnKind.Decimal, 18, 2), customers.Columns[3].Type);
        Assert.Equal(11, customers.Columns[0].Span.StartLine);
        Assert.Equal(8, customers.Columns[0].Span.StartColumn);
        Assert.Equal(4, customers.Span.StartLine);
        Assert.Equal(17, customers.Span.StartColumn);

        WriteModel write = customers.Write!;
        Assert.Equal("s3://my-bucket/exports/", write.Location);
        Assert.Equal(DataFormat.Parquet, write.Format);
        Assert.Equal(CompressionKind.None, write.Compression);
        Assert.Equal("{table_name}/{load_id}.{file_id}.{ext}", write.Layout);
        Assert.Equal(16, write.Span.StartLine);
    }

    [Fact]
    public void Parses_every_column_type_alias_nested_record_and_list()
    {
        string text = SchemaText("all-types.s3schema.json");
        SchemaDocument document = SchemaParser.Parse(@"C:\repo\schemas\all-types.s3schema.json", text);

        Assert.Empty(document.Diagnostics);
        Assert.Equal("all-types", document.SchemaName);
        Assert.Equal("Contoso.Telemetry.Events", document.Namespace);
        Assert.Equal(2, document.Datasets.Count);

        DatasetModel events = document.Datasets[0];
        Assert.Equal("EventsRecord", events.RecordName);
        Assert.Equal(DataFormat.Csv, events.Format);
        Assert.Equal(new CsvOptionsModel('\t', false, '"'), events.Csv);
        Assert.Equal(CompressionKind.Auto, events.Compression);

        string[] expected =
        {
            "flag:Flag:bool", "tiny:Tiny:int8", "small:Small:int16", "medium:Medium:int32", "big:Big:int64",
            "u_tiny:UTiny:uint8", "u_small:USmall:uint16", "u_medium:UMedium:uint32", "u_big:UBig:uint64",
            "ratio:Ratio:float32", "score:Score:float64", "amount:Amount:decimal(28,0)", "label:Label:string",
            "day:Day:date", "clock:Clock:time", "at:At:timestamp", "local-at:LocalAt:timestamp_local",
            "trace id:TraceId:uuid", "payload:Payload:binary", "tags:Tags:list<string>",
            "matrix:Matrix:list<list<float64>>", "class:Class:bool", "2fa:TwoFactor:int32", "n:N:int64",
            "f:F:float32", "d:D:float64", "t:T:string", "dt:Dt:timestamp_local", "g:G:uuid", "b:B:binary",
            "address:Address:record", "line_items:LineItems:list<record>",
        };
        Assert.Equal(expected, events.Columns.Select(c => c.Name + ":" + c.PropertyName + ":" + c.Type.DisplayName).ToArray());
        Assert.True(events.Columns[0].Required);
        Assert.False(events.Columns[1].Required);

        ColumnType address = events.Columns[30].Type;
        Assert.True(events.Columns[30].Required);
        Assert.Equal("AddressRecord", address.RecordName);
        Assert.Equal(new[] { "Street", "Geo" }, address.Fields.Select(f => f.PropertyName).ToArray());
        Assert.True(address.Fields[0].Required);
        ColumnType geo = address.Fields[1].Type;
        Assert.Equal(ColumnKind.Record, geo.Kind);
        Assert.Equal("GeoPoint", geo.RecordName);
        Assert.Equal(new[] { "lat:Lat:float64", "lon:Lon:float64" }, geo.Fields.Select(f => f.Name + ":" + f.PropertyName + ":" + f.Type.DisplayName).ToArray());

        ColumnType lineItems = events.Columns[31].Type;
        Assert.Equal(ColumnKind.List, lineItems.Kind);
        Assert.Equal(ColumnKind.Record, lineItems.Element!.Kind);
        Assert.Equal("LineItem", lineItems.Element.RecordName);
        Assert.Equal(new[] { "Sku", "Qty" }, lineItems.Element.Fields.Select(f => f.PropertyName).ToArray());

        Assert.Equal(new WriteModel("s3://telemetry.example-1/out", DataFormat.JsonLines, CompressionKind.Gzip, "{schema_name}/{YYYY}/{MM}/{DD}/{load_id}.{file_id}.{ext}", events.Write!.Span, LayoutSpan: events.Write.LayoutSpan), events.Write);
        Assert.Equal("\"{schema_name}/{YYYY}/{MM}/{DD}/{load_id}.{file_id}.{ext}\"", text.Substring(events.Write.LayoutSpan!.Value.Start, events.Write.LayoutSpan.Value.Length));

        DatasetModel rollups = document.Datasets[1];
        Assert.Equal("Rollup", rollups.RecordName);
        Assert.Equal(DataFormat.JsonLines, rollups.Format);
        Assert.Equal(CsvOptionsModel.Default, rollups.Csv);
        Assert.Null(rollups.Write);
    }

    [Fact]
    public void Parsing_twice_gives_equal_documents()
    {
        string text = SchemaText("all-types.s3schema.json");
        Assert.Equal(SchemaParser.Parse("a.s3schema.json", text), SchemaParser.Parse("a.s3schema.json", text));
        Assert.NotEqual(SchemaParser.Parse("a.s3schema.json", text), SchemaParser.Parse("a.s3schema.json", text.Replace("\"int16\"", "\"int32\"")));
    }

    [Theory]
    [InlineData("s3://b-1/x/*.csv", "Csv", ',')]
    [InlineData("s3://b-1/x/a.CSV.gz", "Csv", ',')]
    [InlineData("s3://b-1/x/a.tsv", "Csv", '\t')]
    [InlineData("s3://b-1/x/a.json", "Json", ',')]
    [InlineData("s3://b-1/x/a.jsonl.gzip", "JsonLines", ',')]
    [InlineData("s3://b-1/x/a.ndjson", "JsonLines", ',')]
    [InlineData("s3://b-1/x/**/*.parquet", "Parquet", ',')]
    public void Infers_the_format_from_the_location(string location, string format, char delimiter)
    {
        SchemaDocument document = SchemaParser.Parse("x.s3schema.json", "{\"namespace\": \"N\", \"datasets\": {\"D\": {\"location\": \"" + location + "\", \"columns\": [{\"name\": \"a\", \"type\": \"int32\"}]}}}");
        DatasetModel dataset = Assert.Single(document.Datasets);
        Assert.Equal(format, dataset.Format.ToString());
        Assert.Equal(delimiter, dataset.Csv.Delimiter);
    }

    [Theory]
    [InlineData("\"tsv\"", "Csv", '\t')]
    [InlineData("\"NDJSON\"", "JsonLines", ',')]
    [InlineData("\"Auto\"", "Auto", ',')]
    public void Reads_format_names_case_insensitively(string format, string expected, char delimiter)
    {
        SchemaDocument document = SchemaParser.Parse("x.s3schema.json", "{\"namespace\": \"N\", \"datasets\": {\"D\": {\"location\": \"s3://abc/k\", \"format\": " + format + ", \"columns\": [{\"name\": \"a\", \"type\": \"int32\"}]}}}");
        DatasetModel dataset = Assert.Single(document.Datasets);
        Assert.Equal(expected, dataset.Format.ToString());
        Assert.Equal(delimiter, dataset.Csv.Delimiter);
    }

    [Fact]
    public void A_tsv_write_of_a_parquet_dataset_writes_with_a_tab()
    {
        SchemaDocument document = SchemaParser.Parse("x.s3schema.json", "{\"namespace\": \"N\", \"datasets\": {\"D\": {\"location\": \"s3://abc/k.parquet\", \"columns\": [{\"name\": \"a\", \"type\": \"int32\"}], \"write\": {\"location\": \"s3://abc/out/\", \"format\": \"tsv\"}}}}");
        DatasetModel dataset = Assert.Single(document.Datasets);
        Assert.Equal(DataFormat.Parquet, dataset.Format);
        Assert.Equal('\t', dataset.Csv.Delimiter);
        Assert.Equal(DataFormat.Csv, dataset.Write!.Format);
        Assert.Equal(CompressionKind.None, dataset.Write.Compression);
        Assert.Equal(WriteModel.DefaultLayout, dataset.Write.Layout);
    }

    [Theory]
    [InlineData("sales.s3schema.json", "sales")]
    [InlineData("dir/Sales.S3Schema.JSON", "Sales")]
    [InlineData(@"C:\a\b\orders.json", "orders")]
    [InlineData("plain", "plain")]
    public void Schema_name_is_the_file_name_without_the_suffix(string path, string expected)
    {
        Assert.Equal(expected, SchemaParser.GetSchemaName(path));
    }

    [Fact]
    public void Keeps_valid_datasets_and_drops_the_ones_with_errors()
    {
        const string Text = """
            {
              "namespace": "N",
              "datasets": {
                "Good": { "location": "s3://abc/a.csv", "columns": [ { "name": "a", "type": "int32" } ] },
                "Bad": { "location": "s3://abc/b.csv", "columns": [ { "name": "a", "type": "int33" } ] },
                "AlsoGood": { "location": "s3://abc/c.csv", "columns": [ { "name": "a", "type": "int32", "extra": 1 } ] }
              }
            }
            """;
        SchemaDocument document = SchemaParser.Parse("x.s3schema.json", Text);
        Assert.Equal(new[] { "Good", "AlsoGood" }, document.Datasets.Select(d => d.Name).ToArray());
        Assert.Equal(new[] { "TS3004", "TS3002" }, document.Diagnostics.Select(d => d.Id).ToArray());
        Assert.True(document.HasErrors);
    }

    [Fact]
    public void Collects_every_problem_in_file_order()
    {
        const string Text = """
            {
              "namespace": "N",
              "datasets": {
                "A": {
                  "location": "s3://Bad_Bucket/a.csv",
                  "compression": "zip",
                  "columns": [
                    { "name": "a", "type": "int33" },
                    { "name": "A", "type": "int32" },
                    { "name": "b", "type": "decimal(40,2)", "required": "yes" }
                  ],
                  "write": { "location": "s3://abc/out/", "layout": "{nope}.{ext}" }
                }
              },
              "extra": true
            }
            """;
        SchemaDocument document = SchemaParser.Parse("x.s3schema.json", Text);
        Assert.Equal(
            new[] { "TS3012", "TS3011", "TS3004", "TS3005", "TS3015", "TS3010", "TS3013", "TS3002" },
            document.Diagnostics.Select(d => d.Id).ToArray());
        Assert.Empty(document.Datasets);
        Assert.Equal("N", document.Namespace);
    }

    [Fact]
    public void An_invalid_namespace_keeps_no_dataset()
    {
        SchemaDocument document = SchemaParser.Parse("x.s3schema.json", "{\"namespace\": \"N.class\", \"datasets\": {\"D\": {\"location\": \"s3://abc/k.csv\", \"columns\": [{\"name\": \"a\", \"type\": \"int32\"}]}}}");
        Assert.Empty(document.Datasets);
        Assert.Equal(string.Empty, document.Namespace);
        Assert.Equal("TS3007", Assert.Single(document.Diagnostics).Id);
    }

    [Fact]
    public void Never_throws_and_never_fails_internally_on_mangled_schemas()
    {
        string sample = SchemaText("all-types.s3schema.json");
        var random = new Random(42);
        for (int length = 0; length < sample.Length; length += 7)
        {
            SchemaDocument truncated = SchemaParser.Parse("x.s3schema.json", sample.Substring(0, length));
            Assert.DoesNotContain(truncated.Diagnostics, d => d.Id == "TS3017");
            Assert.True(truncated.HasErrors);
        }

        string[] pieces = { "\"\"", "1", "[]", "{}", "null", "true", "\"list<\"", "\"record\"", "\"decimal(\"", "\"s3://\"", "\"{\"", "\"x\"" };
        for (int i = 0; i < 1500; i++)
        {
            string mangled = sample;
            int start = random.Next(mangled.Length);
            int quote = mangled.IndexOf('"', start);
            if (quote >= 0)
            {
                int end = mangled.IndexOf('"', quote + 1);
                if (end > quote)
                {
                    mangled = mangled.Substring(0, quote) + pieces[random.Next(pieces.Length)] + mangled.Substring(end + 1);
                }
            }

            SchemaDocument document = SchemaParser.Parse("x.s3schema.json", mangled);
            Assert.DoesNotContain(document.Diagnostics, d => d.Id == "TS3017");
        }
    }

    [Fact]
    public void Cancellation_is_the_only_exception()
    {
        using var source = new CancellationTokenSource();
        source.Cancel();
        Assert.Throws<OperationCanceledException>(() => SchemaParser.Parse("x.s3schema.json", SchemaText("sales.s3schema.json"), source.Token));
    }

    [Fact]
    public void Diagnostic_ids_in_the_catalog_are_unique_and_ordered()
    {
        string[] ids = SchemaDiagnosticCodes.All.Select(c => c.Id).ToArray();
        Assert.Equal(ids.Distinct().Count(), ids.Length);
        Assert.Equal(ids.OrderBy(i => i, StringComparer.Ordinal).ToArray(), ids);
        Assert.Contains("TS3020", ids);
    }
}
