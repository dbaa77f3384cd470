using System.Text.RegularExpressions;

namespace Typed.S3.DataCheck.Tests;

public sealed class DataCheckTests : IDisposable
{
    private const string GoodCsv = "id,email,score\n1,a@example.com,1.50\n2,b@example.com,\n";

    private readonly DataCheckFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    private string Store => _fixture.Root;

    [Fact]
    public async Task MatchingCsvPasses()
    {
        string schema = _fixture.WriteSchema("customers.s3schema.json", DataCheckFixture.CsvSchema);
        _fixture.WriteObject("customers/a.csv", GoodCsv);
        _fixture.WriteObject("customers/b.csv", GoodCsv, gzip: true);

        (int exitCode, string[] lines) = await _fixture.RunAsync("--schema", schema, "--store", Store);

        Assert.Equal(0, exitCode);
        Assert.Empty(_fixture.ProblemLines(lines));
        Assert.Contains(lines, l => l.StartsWith("typeds3-datacheck: 1 dataset(s), 2 object(s) checked in ", StringComparison.Ordinal)
            && l.EndsWith(": 0 error(s), 0 warning(s)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MissingCsvColumnIsAnErrorAtTheColumnsLine()
    {
        string schema = _fixture.WriteSchema("customers.s3schema.json", DataCheckFixture.CsvSchema);
        _fixture.WriteObject("customers/a.csv", "id,score\n1,2.5\n");

        (int exitCode, string[] lines) = await _fixture.RunAsync("--schema", schema, "--store", Store);

        Assert.Equal(1, exitCode);
        Assert.Equal(
            new[] { schema + "(9,9): error TS3102: column 'email' (string, required) is missing from the header of s3://data/customers/a.csv (id, score)" },
            _fixture.ProblemLines(lines));
    }

    [Fact]
    public async Task AnOptionalColumnMissingFromTheHeaderIsDriftWithItsNearNameUnlessItMayBeAbsent()
    {
        string strict = _fixture.WriteSchema("customers.s3schema.json", DataCheckFixture.CsvSchema.Replace(", \"when_absent\": \"null\"", "", StringComparison.Ordinal));
        _fixture.WriteObject("customers/a.csv", "id,email,scroe\n1,a@example.com,2.5\n");

        (int exitCode, string[] lines) = await _fixture.RunAsync("--schema", strict, "--store", Store);

        Assert.Equal(1, exitCode);
        Assert.Equal(
            new[] { strict + "(10,9): error TS3102: column 'score' (decimal(10,2)) is missing from the header of s3://data/customers/a.csv (id, email, scroe); did you mean 'scroe'?" },
            _fixture.ProblemLines(lines));

        // Marked "when_absent": "null", the same object passes: older objects may lack the column.
        string lenient = _fixture.WriteSchema("customers.s3schema.json", DataCheckFixture.CsvSchema);
        (int lenientExit, string[] lenientLines) = await _fixture.RunAsync("--schema", lenient, "--store", Store);
        Assert.Equal(0, lenientExit);
        Assert.Empty(_fixture.ProblemLines(lenientLines));
    }

    [Fact]
    public async Task ARaggedCsvRowIsAnError()
    {
        string schema = _fixture.WriteSchema("customers.s3schema.json", DataCheckFixture.CsvSchema);
        _fixture.WriteObject("customers/a.csv", "id,email,score\n1,a@example.com,2.5\n2,b@example.com\n");

        (int exitCode, string[] lines) = await _fixture.RunAsync("--schema", schema, "--store", Store);

        Assert.Equal(1, exitCode);
        Assert.Equal(
            new[] { schema + "(5,19): error TS3105: s3://data/customers/a.csv cannot be read as csv: line 3 has 2 fields but the header has 3" },
            _fixture.ProblemLines(lines));
    }

    [Theory]
    [InlineData("id,email,score\n1,a@example.com,2.5\n2,b\"x@example.com,3\n", "line 3: malformed CSV: a quote inside an unquoted field")]
    [InlineData("id,email,score\n1,\"a@example.com\"x,2.5\n", "line 2: malformed CSV: text after the closing quote of a quoted field")]
    [InlineData("id,\"email,score\n1,a@example.com,2.5\n", "line 1: malformed CSV: a quoted field that is never closed")]
    public async Task MalformedCsvQuotingIsReportedInTheReadersWordsAtItsLine(string csv, string problem)
    {
        // The same position and words as the runtime's reader, never CsvHelper's own message.
        string schema = _fixture.WriteSchema("customers.s3schema.json", DataCheckFixture.CsvSchema);
        _fixture.WriteObject("customers/a.csv", csv);

        (int exitCode, string[] lines) = await _fixture.RunAsync("--schema", schema, "--store", Store);

        Assert.Equal(1, exitCode);
        Assert.Equal(
            new[] { schema + "(5,19): error TS3105: s3://data/customers/a.csv cannot be read as csv: " + problem },
            _fixture.ProblemLines(lines));
    }

    [Fact]
    public async Task CsvValueOfTheWrongTypeIsAnErrorNamingObjectLineAndValue()
    {
        string schema = _fixture.WriteSchema("customers.s3schema.json", DataCheckFixture.CsvSchema);
        _fixture.WriteObject("customers/a.csv", "id,email,score\n1,a@example.com,1.50\nabc,b@example.com,2\n");

        (int exitCode, string[] lines) = await _fixture.RunAsync("--schema", schema, "--store", Store);

        Assert.Equal(1, exitCode);
        Assert.Equal(
            new[] { schema + "(8,9): error TS3103: column 'id' (int64, required): s3://data/customers/a.csv line 3 has 'abc', which is not a valid int64" },
            _fixture.ProblemLines(lines));
    }

    [Fact]
    public async Task AQuotedEmptyFieldOfARequiredBinaryColumnIsAnEmptyValueAsTheReaderTakesIt()
    {
        // The CSV reader takes "" in a binary column as an empty array and an unquoted empty field as a missing value.
        string schema = _fixture.WriteSchema("blobs.s3schema.json", """
            {
              "namespace": "Drift.Tests",
              "datasets": {
                "Blobs": {
                  "location": "s3://data/blobs/*.csv",
                  "format": "csv",
                  "columns": [
                    { "name": "id", "type": "int64", "required": true },
                    { "name": "body", "type": "binary", "required": true }
                  ]
                }
              }
            }
            """);
        _fixture.WriteObject("blobs/a.csv", "id,body\n1,AQID\n2,\"\"\n");

        (int quotedExit, string[] quotedLines) = await _fixture.RunAsync("--schema", schema, "--store", Store);

        Assert.Equal(0, quotedExit);
        Assert.Empty(_fixture.ProblemLines(quotedLines));

        _fixture.WriteObject("blobs/a.csv", "id,body\n1,AQID\n2,\n");
        (int emptyExit, string[] emptyLines) = await _fixture.RunAsync("--schema", schema, "--store", Store);

        Assert.Equal(1, emptyExit);
        Assert.Equal(
            new[] { schema + "(9,9): error TS3103: column 'body' (binary, required): s3://data/blobs/a.csv line 3 has an empty field in a required column" },
            _fixture.ProblemLines(emptyLines));
    }

    [Fact]
    public async Task CsvRowsBeyondTheRowLimitAreNotChecked()
    {
        string schema = _fixture.WriteSchema("customers.s3schema.json", DataCheckFixture.CsvSchema);
        _fixture.WriteObject("customers/a.csv", "id,email,score\n1,a@example.com,1.50\n2,b@example.com,123456789.999\n");

        (int limited, string[] limitedLines) = await _fixture.RunAsync("--schema", schema, "--store", Store, "--rows", "1");
        (int full, string[] fullLines) = await _fixture.RunAsync("--schema", schema, "--store", Store);

        Assert.Equal(0, limited);
        Assert.Empty(_fixture.ProblemLines(limitedLines));
        Assert.Equal(1, full);
        Assert.Equal(
            new[] { schema + "(10,9): error TS3103: column 'score' (decimal(10,2)): s3://data/customers/a.csv line 3 has '123456789.999', which is not a valid decimal(10,2)" },
            _fixture.ProblemLines(fullLines));
    }

    [Fact]
    public async Task NoObjectIsAnErrorAtTheLocation()
    {
        string schema = _fixture.WriteSchema("customers.s3schema.json", DataCheckFixture.CsvSchema);
        _fixture.WriteObject("customers/readme.txt", "not data");

        (int exitCode, string[] lines) = await _fixture.RunAsync("--schema", schema, "--store", Store);

        Assert.Equal(1, exitCode);
        Assert.Equal(
            new[] { schema + "(5,19): error TS3101: no object matches s3://data/customers/*.csv" },
            _fixture.ProblemLines(lines));
    }

    [Fact]
    public async Task WarningsSwitchTurnsDriftIntoWarnings()
    {
        string schema = _fixture.WriteSchema("customers.s3schema.json", DataCheckFixture.CsvSchema);
        _fixture.WriteObject("customers/a.csv", "id,score\n1,2.5\n");

        (int exitCode, string[] lines) = await _fixture.RunAsync("--schema", schema, "--store", Store, "--warnings");

        Assert.Equal(0, exitCode);
        Assert.Equal(
            new[] { schema + "(9,9): warning TS3102: column 'email' (string, required) is missing from the header of s3://data/customers/a.csv (id, score)" },
            _fixture.ProblemLines(lines));
        Assert.Contains(lines, l => l.EndsWith(": 0 error(s), 1 warning(s)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OnlyTheNewestObjectsAreSampled()
    {
        string schema = _fixture.WriteSchema("customers.s3schema.json", DataCheckFixture.CsvSchema);
        var now = new DateTime(2026, 11, 1, 12, 0, 0, DateTimeKind.Utc);

        // The bad object sorts first by key but is the oldest.
        _fixture.WriteObject("customers/a-old.csv", "id,email\nabc,x@example.com\n", now.AddDays(-10));
        _fixture.WriteObject("customers/b.csv", GoodCsv, now.AddDays(-2));
        _fixture.WriteObject("customers/c.csv", GoodCsv, now.AddDays(-1));
        _fixture.WriteObject("customers/d.csv", GoodCsv, now);

        (int sampled, string[] sampledLines) = await _fixture.RunAsync("--schema", schema, "--store", Store);
        (int all, string[] allLines) = await _fixture.RunAsync("--schema", schema, "--store", Store, "--sample", "4");

        Assert.Equal(0, sampled);
        Assert.Empty(_fixture.ProblemLines(sampledLines));
        Assert.Contains(sampledLines, l => l.Contains("1 dataset(s), 3 object(s) checked", StringComparison.Ordinal));
        Assert.Equal(1, all);
        Assert.Equal(
            new[] { schema + "(8,9): error TS3103: column 'id' (int64, required): s3://data/customers/a-old.csv line 2 has 'abc', which is not a valid int64" },
            _fixture.ProblemLines(allLines));
    }

    [Fact]
    public async Task MatchingParquetPasses()
    {
        string schema = _fixture.WriteSchema("orders.s3schema.json", DataCheckFixture.ParquetSchema);
        _fixture.WriteObject("orders/a.parquet", await DataCheckFixture.ParquetAsync(idAsString: false));

        (int exitCode, string[] lines) = await _fixture.RunAsync("--schema", schema, "--store", Store);

        Assert.Equal(0, exitCode);
        Assert.Empty(_fixture.ProblemLines(lines));
        Assert.Contains(lines, l => l.Contains("1 dataset(s), 1 object(s) checked", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ParquetColumnOfTheWrongTypeIsAnErrorAtTheColumnsLine()
    {
        string schema = _fixture.WriteSchema("orders.s3schema.json", DataCheckFixture.ParquetSchema);
        _fixture.WriteObject("orders/a.parquet", await DataCheckFixture.ParquetAsync(idAsString: true));

        (int exitCode, string[] lines) = await _fixture.RunAsync("--schema", schema, "--store", Store);

        Assert.Equal(1, exitCode);
        Assert.Equal(
            new[] { schema + "(8,9): error TS3104: column 'id' is int64 in the schema but BYTE_ARRAY (STRING) in s3://data/orders/a.parquet" },
            _fixture.ProblemLines(lines));
    }

    [Fact]
    public async Task MissingRequiredParquetColumnIsAnError()
    {
        string schema = _fixture.WriteSchema("orders.s3schema.json", DataCheckFixture.ParquetSchema.Replace("\"email\"", "\"mail\"", StringComparison.Ordinal));
        _fixture.WriteObject("orders/a.parquet", await DataCheckFixture.ParquetAsync(idAsString: false));

        (int exitCode, string[] lines) = await _fixture.RunAsync("--schema", schema, "--store", Store);

        Assert.Equal(1, exitCode);
        Assert.Equal(
            new[] { schema + "(9,9): error TS3102: column 'mail' (string, required) is missing from s3://data/orders/a.parquet (id, email); did you mean 'email'?" },
            _fixture.ProblemLines(lines));
    }

    [Fact]
    public async Task JsonLinesAndJsonRecordsAreChecked()
    {
        string schema = _fixture.WriteSchema("events.s3schema.json", DataCheckFixture.JsonSchema);
        _fixture.WriteObject("events/a.jsonl", "{\"id\":1,\"kind\":\"click\",\"tags\":[\"x\"]}\n\n{\"id\":2,\"kind\":\"view\",\"tags\":null}\n");
        _fixture.WriteObject("events/b.json", "[{\"id\":1,\"kind\":\"click\"},\n {\"id\":2,\"kind\":\"view\",\"tags\":[]}]");

        (int good, string[] goodLines) = await _fixture.RunAsync("--schema", schema, "--store", Store);

        Assert.Equal(0, good);
        Assert.Empty(_fixture.ProblemLines(goodLines));
        Assert.Contains(goodLines, l => l.Contains("1 dataset(s), 2 object(s) checked", StringComparison.Ordinal));

        _fixture.WriteObject("events/a.jsonl", "{\"id\":1,\"kind\":\"click\"}\n{\"id\":\"two\",\"kind\":\"view\"}\n");
        _fixture.WriteObject("events/b.json", "[{\"id\":1,\"kind\":\"click\"}, {\"id\":2,\"tags\":[1]}]", DateTime.UtcNow.AddMinutes(-1));
        _fixture.WriteObject("events/c.json.gz", "[{\"id\":1,\"kind\":\"click\",\"tags\":[\"a\",2]}]", DateTime.UtcNow.AddMinutes(-2), gzip: true);

        (int bad, string[] badLines) = await _fixture.RunAsync("--schema", schema, "--store", Store);

        Assert.Equal(1, bad);
        Assert.Equal(
            new[]
            {
                schema + "(8,9): error TS3103: column 'id' (int64, required): s3://data/events/a.jsonl line 2 has \"two\", which is not a valid int64",
                schema + "(9,9): error TS3102: column 'kind' (string, required) is missing from s3://data/events/b.json record 2",
                schema + "(10,9): error TS3103: column 'tags' (list<string>): s3://data/events/c.json.gz record 1 has [\"a\",2], whose elements are not all string (element 2 of the list: the value is a number, not a string)",
            },
            _fixture.ProblemLines(badLines));
    }

    [Fact]
    public async Task NestedValuesAreCheckedByTheReadersRulesAndNamedByTheirPath()
    {
        const string NestedSchema = """
            {
              "namespace": "Drift.Tests",
              "datasets": {
                "Orders": {
                  "location": "s3://data/orders/**",
                  "format": "auto",
                  "columns": [
                    { "name": "id", "type": "int64", "required": true },
                    { "name": "items", "type": "list<record>", "record": "Item", "columns": [
                      { "name": "sku", "type": "string", "required": true },
                      { "name": "price", "type": "decimal(10,2)" } ] },
                    { "name": "daily", "type": "map<date,list<int32>>" }
                  ]
                }
              }
            }
            """;
        string schema = _fixture.WriteSchema("orders.s3schema.json", NestedSchema);
        _fixture.WriteObject("orders/a.jsonl", "{\"id\":1,\"items\":[{\"sku\":\"a\",\"price\":1.5},null],\"daily\":{\"2024-01-01\":[1,null]}}\n{\"id\":2}\n");
        _fixture.WriteObject("orders/b.csv", "id,items,daily\r\n1,\"[{\"\"sku\"\":\"\"b\"\"}]\",\"{}\"\r\n");

        (int good, string[] goodLines) = await _fixture.RunAsync("--schema", schema, "--store", Store);

        Assert.Equal(0, good);
        Assert.Empty(_fixture.ProblemLines(goodLines));

        _fixture.WriteObject("orders/a.jsonl", "{\"id\":1,\"items\":[{\"sku\":\"a\"},{\"sku\":\"b\",\"price\":1.234}]}\n");
        _fixture.WriteObject("orders/b.csv", "id,items,daily\r\n1,,\"{\"\"2024-13-01\"\":[]}\"\r\n", DateTime.UtcNow.AddMinutes(-1));
        _fixture.WriteObject("orders/c.jsonl", "{\"id\":1,\"items\":[{\"Sku\":\"a\"}]}\n", DateTime.UtcNow.AddMinutes(-2));

        (int bad, string[] badLines) = await _fixture.RunAsync("--schema", schema, "--store", Store);

        Assert.Equal(1, bad);
        string[] problems = _fixture.ProblemLines(badLines);
        Assert.Equal(3, problems.Length);
        Assert.Contains("column 'items' (list<record>): s3://data/orders/a.jsonl line 1 has", problems[0], StringComparison.Ordinal);
        Assert.EndsWith("at [1].price (decimal(10,2)): the value 1.234 does not fit decimal(10,2) (at most 8 digits before the point and 2 after; values are never rounded)", problems[0], StringComparison.Ordinal);
        Assert.Contains("column 'daily' (map<date,list<int32>>): s3://data/orders/b.csv line 2 has", problems[1], StringComparison.Ordinal);
        Assert.Contains("a key of the map", problems[1], StringComparison.Ordinal);
        Assert.Contains("at [0].sku (string): the property 'Sku' matches the field 'sku' except for case", problems[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task LargeJsonArrayIsReadInPiecesUpToTheRowLimit()
    {
        string schema = _fixture.WriteSchema("events.s3schema.json", DataCheckFixture.JsonSchema);
        string padding = new('x', 200);
        var json = new System.Text.StringBuilder("[");
        for (int i = 1; i <= 2000; i++)
        {
            json.Append(i == 1 ? "" : ",\n").Append("{\"id\":").Append(i == 1500 ? "\"bad\"" : i.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Append(",\"kind\":\"").Append(padding).Append("\"}");
        }

        _fixture.WriteObject("events/big.json", json.Append(']').ToString());

        (int within, string[] withinLines) = await _fixture.RunAsync("--schema", schema, "--store", Store, "--rows", "1499");
        (int beyond, string[] beyondLines) = await _fixture.RunAsync("--schema", schema, "--store", Store, "--rows", "5000");

        Assert.Equal(0, within);
        Assert.Empty(_fixture.ProblemLines(withinLines));
        Assert.Equal(1, beyond);
        Assert.Equal(
            new[] { schema + "(8,9): error TS3103: column 'id' (int64, required): s3://data/events/big.json record 1500 has \"bad\", which is not a valid int64" },
            _fixture.ProblemLines(beyondLines));
    }

    [Fact]
    public async Task UnreadableObjectsAreErrorsAtTheLocation()
    {
        string schema = _fixture.WriteSchema("events.s3schema.json", DataCheckFixture.JsonSchema);
        var now = DateTime.UtcNow;
        _fixture.WriteObject("events/a.json", "[{\"id\":1,\"kind\":\"click\"},", now.AddMinutes(-1));
        _fixture.WriteObject("events/b.txt", "notes", now.AddMinutes(-2));
        _fixture.WriteObject("events/c.jsonl", "{\"id\":1,\"kind\":\"click\"}\n{\"id\":2,\n", now.AddMinutes(-3));

        (int exitCode, string[] lines) = await _fixture.RunAsync("--schema", schema, "--store", Store);

        Assert.Equal(1, exitCode);
        string[] problems = _fixture.ProblemLines(lines);
        Assert.Equal(3, problems.Length);
        Assert.StartsWith(schema + "(5,19): error TS3105: s3://data/events/a.json is not a valid JSON array of objects: ", problems[0], StringComparison.Ordinal);
        Assert.Equal(schema + "(5,19): error TS3105: s3://data/events/b.txt: the object's extension names no known format (.csv, .tsv, .json, .jsonl, .ndjson or .parquet, each optionally followed by .gz)", problems[1]);
        Assert.StartsWith(schema + "(5,19): error TS3105: s3://data/events/c.jsonl line 2 is not valid JSON: ", problems[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task SchemaFileWithErrorsIsReportedAndNotChecked()
    {
        string broken = _fixture.WriteSchema("broken.s3schema.json", DataCheckFixture.CsvSchema.Replace("\"int64\"", "\"int65\"", StringComparison.Ordinal));
        string good = _fixture.WriteSchema("customers.s3schema.json", DataCheckFixture.CsvSchema);
        _fixture.WriteObject("customers/a.csv", GoodCsv);

        (int exitCode, string[] lines) = await _fixture.RunAsync("--schema", broken, "--schema", good, "--store", Store);

        Assert.Equal(1, exitCode);
        string line = Assert.Single(_fixture.ProblemLines(lines));
        Assert.StartsWith(broken + "(8,33): error TS3107: the schema file has 1 error(s) (the first: TS3004 Unknown column type 'int65'", line, StringComparison.Ordinal);
        Assert.EndsWith("); its data was not checked", line, StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains("1 dataset(s), 1 object(s) checked", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(new string[0], "give at least one --schema <file>")]
    [InlineData(new[] { "--schema" }, "--schema needs a value")]
    [InlineData(new[] { "--schema", "a.json", "--sample", "0" }, "--sample needs a whole number of at least 1, not '0'")]
    [InlineData(new[] { "--schema", "a.json", "--rows", "x" }, "--rows needs a whole number of at least 1, not 'x'")]
    [InlineData(new[] { "--schema", "a.json", "--verbose" }, "unknown argument '--verbose'")]
    public async Task BadUsageExitsWithTwo(string[] args, string problem)
    {
        (int exitCode, string[] lines) = await _fixture.RunAsync(args);

        Assert.Equal(2, exitCode);
        Assert.Equal(new[] { "typeds3-datacheck: error: " + problem, CommandLine.Usage }, lines);
    }

    [Fact]
    public async Task AStoreThatCannotBeOpenedIsAnErrorWithTheSecretMasked()
    {
        string schema = _fixture.WriteSchema("customers.s3schema.json", DataCheckFixture.CsvSchema);

        (int exitCode, string[] lines) = await _fixture.RunAsync(
            "--schema", schema, "--store", "s3://AKIDEXAMPLE:TopSecretValue42@us-east-1?profile=x&access_key_id=AKIDEXAMPLE");

        Assert.Equal(1, exitCode);
        string line = Assert.Single(lines);
        Assert.StartsWith("typeds3-datacheck: error TS3106: cannot open the store '", line, StringComparison.Ordinal);
        Assert.DoesNotContain("TopSecretValue42", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheStoreComesFromTheEnvironmentWhenNotGiven()
    {
        string schema = _fixture.WriteSchema("customers.s3schema.json", DataCheckFixture.CsvSchema);
        _fixture.WriteObject("customers/a.csv", "id,score\n1,2.5\n");
        string? before = Environment.GetEnvironmentVariable(Program.StoreVariable);
        Environment.SetEnvironmentVariable(Program.StoreVariable, Store);
        try
        {
            (int exitCode, string[] lines) = await _fixture.RunAsync("--schema", schema);

            Assert.Equal(1, exitCode);
            Assert.Matches(new Regex(@"\(9,9\): error TS3102: column 'email'"), Assert.Single(_fixture.ProblemLines(lines)));
        }
        finally
        {
            Environment.SetEnvironmentVariable(Program.StoreVariable, before);
        }
    }
}
