using static Typed.S3.Tests.Json.JsonTestData;

namespace Typed.S3.Tests.Json;

/// <summary>Bad JSON and JSON Lines give one clear, typed error naming the object, line, record, column, type and value.</summary>
public class JsonBadInputTests
{
    [Fact]
    public async Task WrongTypeNamesObjectLineRowColumnTypeAndValue()
    {
        var error = await PeopleJsonErrorAsync("[\n{\"id\":1,\"name\":\"a\",\"age\":30},\n{\"id\":2,\"name\":\"b\",\n\"age\":\"thirty\"}\n]");

        Assert.Equal("s3://test-bucket/people/p.json, line 4 (row 2), column 'age': the value is a string, not a number (expected int32, found 'thirty')", error.Message);
        Assert.Equal(JsonObject, error.ObjectName);
        Assert.Equal(4, error.Line);
        Assert.Equal(2, error.Row);
        Assert.Equal("age", error.Column);
        Assert.Equal("int32", error.ExpectedType);
        Assert.Equal("thirty", error.Value);
    }

    [Theory]
    [InlineData("{\"id\":1,\"name\":\"a\",\"active\":\"yes\"}", "column 'active': the value is a string, not true or false (expected bool, found 'yes')")]
    [InlineData("{\"id\":1,\"name\":7}", "column 'name': the value is a number, not a string (expected string, found '7')")]
    [InlineData("{\"id\":1,\"name\":\"a\",\"age\":{\"years\":3}}", "column 'age': the value is an object, not a number (expected int32)")]
    [InlineData("{\"id\":1,\"name\":\"a\",\"born\":[2020,1,1]}", "column 'born': the value is an array, not a string (expected date)")]
    [InlineData("{\"id\":true,\"name\":\"a\"}", "column 'id': the value is a boolean, not a number (expected int64, found 'true')")]
    [InlineData("{\"id\":1,\"name\":\"a\",\"born\":20200101}", "column 'born': the value is a number, not a string (expected date, found '20200101')")]
    public async Task WrongJsonTypesAreNamed(string line, string expected)
    {
        var error = await PeopleJsonLinesErrorAsync("{\"id\":0,\"name\":\"first\"}\n" + line + "\n");

        Assert.Equal("s3://test-bucket/people/p.jsonl, line 2 (row 2), " + expected, error.Message);
    }

    [Fact]
    public async Task NullForARequiredColumnIsAnError()
    {
        var error = await PeopleJsonErrorAsync("[{\"id\":1,\"name\":null}]");

        Assert.Equal("s3://test-bucket/people/p.json, line 1 (row 1), column 'name': the property is required but the value is null (expected string)", error.Message);
    }

    [Fact]
    public async Task MissingRequiredPropertyNamesItAtTheObjectsLine()
    {
        var error = await PeopleJsonErrorAsync("[{\"id\":1,\"name\":\"a\"},\n\n{\"name\":\"b\",\n\"age\":3}]");

        Assert.Equal("s3://test-bucket/people/p.json, line 3 (row 2), column 'id': required property 'id' is missing from the object", error.Message);
        Assert.Equal("id", error.Column);
    }

    [Fact]
    public async Task SeveralMissingRequiredPropertiesAreNamedTogether()
    {
        var error = await PeopleJsonLinesErrorAsync("{\"age\":3}");

        Assert.Equal("s3://test-bucket/people/p.jsonl, line 1 (row 1), column 'id': required properties 'id', 'name' are missing from the object", error.Message);
    }

    [Theory]
    [InlineData("\"tiny\":128", "column 'tiny': the number is out of range (expected int8, found '128')")]
    [InlineData("\"tiny\":-129", "column 'tiny': the number is out of range (expected int8, found '-129')")]
    [InlineData("\"count\":2147483648", "column 'count': the number is out of range (expected int32, found '2147483648')")]
    [InlineData("\"u_tiny\":-1", "column 'u_tiny': the number is out of range (expected uint8, found '-1')")]
    [InlineData("\"count\":1.5", "column 'count': the number has a fraction or an exponent (expected int32, found '1.5')")]
    [InlineData("\"big\":1e3", "column 'big': the number has a fraction or an exponent (expected int64, found '1e3')")]
    [InlineData("\"amount\":1.00000000001", "column 'amount': the value 1.00000000001 does not fit decimal(28,10) (at most 18 digits before the point and 10 after; values are never rounded) (expected decimal(28,10), found '1.00000000001')")]
    [InlineData("\"amount\":1000000000000000000", "column 'amount': the value 1000000000000000000 does not fit decimal(28,10) (at most 18 digits before the point and 10 after; values are never rounded) (expected decimal(28,10), found '1000000000000000000')")]
    [InlineData("\"amount\":1e40", "column 'amount': the value 1e40 does not fit decimal(28,10) (at most 18 digits before the point and 10 after; values are never rounded) (expected decimal(28,10), found '1e40')")]
    [InlineData("\"score\":1e999", "column 'score': the number is out of range (expected float64, found '1e999')")]
    [InlineData("\"score\":\"nan\"", "column 'score': the string is not \"NaN\", \"Infinity\" or \"-Infinity\" (expected float64, found 'nan')")]
    [InlineData("\"day\":\"2024-02-30\"", "column 'day': invalid value (expected date, found '2024-02-30')")]
    [InlineData("\"created_at\":\"yesterday\"", "column 'created_at': invalid value (expected timestamp, found 'yesterday')")]
    [InlineData("\"local_at\":\"2024-01-01T00:00:00Z\"", "column 'local_at': invalid value (expected timestamp_local, found '2024-01-01T00:00:00Z')")]
    [InlineData("\"key\":\"not-a-uuid\"", "column 'key': invalid value (expected uuid, found 'not-a-uuid')")]
    [InlineData("\"payload\":\"@@@\"", "column 'payload': invalid value (expected binary, found '@@@')")]
    public async Task ValuesThatDoNotFitTheColumnAreErrors(string property, string expected)
    {
        var error = await EveryTypeJsonErrorAsync("[{\"id\":1,\"name\":\"n\"},{\"id\":2,\"name\":\"n\"," + property + "}]");

        Assert.Equal("s3://test-bucket/every/e.json, line 1 (row 2), " + expected, error.Message);
    }

    [Fact]
    public async Task LongValuesAreCutShortInMessages()
    {
        var error = await PeopleJsonErrorAsync("[{\"id\":1,\"name\":\"a\",\"born\":\"" + new string('9', 200) + "\"}]");

        Assert.Equal("s3://test-bucket/people/p.json, line 1 (row 1), column 'born': invalid value (expected date, found '" + new string('9', 64) + "…')", error.Message);
    }

    [Fact]
    public async Task TruncatedInsideAnObjectIsAnError()
    {
        var error = await PeopleJsonErrorAsync("[{\"id\":1,\"name\":\"a\"},\n{\"id\":2,\"na");

        Assert.Equal("s3://test-bucket/people/p.json, line 2 (row 2): invalid JSON: Expected end of string, but instead reached end of data.", error.Message);
    }

    [Fact]
    public async Task TruncatedAfterAPropertyIsAnError()
    {
        var error = await PeopleJsonErrorAsync("[{\"id\":1,\"name\":\"a\"},\n{\"id\":2,");

        Assert.Equal("s3://test-bucket/people/p.json, line 2 (row 2): invalid JSON: Expected start of a property name or value, but instead reached end of data.", error.Message);
    }

    [Fact]
    public async Task TruncatedInsideAStringIsAnError()
    {
        var error = await PeopleJsonErrorAsync("[{\"id\":1,\"name\":\"an unfinished name");

        Assert.Equal("s3://test-bucket/people/p.json, line 1 (row 1): invalid JSON: Expected end of string, but instead reached end of data.", error.Message);
    }

    [Fact]
    public async Task AnArrayThatIsNeverClosedIsAnError()
    {
        var error = await PeopleJsonErrorAsync("[{\"id\":1,\"name\":\"a\"}\n");

        Assert.Equal("s3://test-bucket/people/p.json, line 2: invalid JSON: Expected depth to be zero at the end of the JSON payload. There is an open JSON object or array that should be closed.", error.Message);
    }

    [Theory]
    [InlineData("{\"id\":1,\"name\":\"a\"}", "the top-level JSON value is an object, not an array of objects")]
    [InlineData("  \n\"text\"", "the top-level JSON value is a string, not an array of objects")]
    [InlineData("42", "the top-level JSON value is a number, not an array of objects")]
    public async Task ATopLevelValueThatIsNotAnArrayIsAnError(string json, string problem)
    {
        var error = await PeopleJsonErrorAsync(json);

        Assert.EndsWith(": " + problem, error.Message);
        Assert.Equal(json.Count(c => c == '\n') + 1, error.Line);
    }

    [Fact]
    public async Task AnElementThatIsNotAnObjectIsAnError()
    {
        var error = await PeopleJsonErrorAsync("[{\"id\":1,\"name\":\"a\"},\n[1,2]]");

        Assert.Equal("s3://test-bucket/people/p.json, line 2 (row 2): the array element is an array, not an object", error.Message);
    }

    [Fact]
    public async Task DataAfterTheArrayIsAnError()
    {
        var error = await PeopleJsonErrorAsync("[{\"id\":1,\"name\":\"a\"}]\n\n  {\"id\":2,\"name\":\"b\"}");

        Assert.Equal("s3://test-bucket/people/p.json, line 3: unexpected data after the top-level array: '{\"id\":2,\"name\":\"b\"}'", error.Message);
    }

    [Fact]
    public async Task MalformedJsonIsAnError()
    {
        var error = await PeopleJsonErrorAsync("[{\"id\":1,\"name\":\"a\",}]");

        Assert.Equal("s3://test-bucket/people/p.json, line 1 (row 1): invalid JSON: The JSON object contains a trailing comma at the end which is not supported in this mode. Change the reader options.", error.Message);
    }

    [Fact]
    public async Task AJsonLinesLineWithTwoObjectsIsAnError()
    {
        var error = await PeopleJsonLinesErrorAsync("{\"id\":1,\"name\":\"a\"}\n{\"id\":2,\"name\":\"b\"} {\"id\":3,\"name\":\"c\"}\n");

        Assert.Equal("s3://test-bucket/people/p.jsonl, line 2 (row 2): unexpected data after the line's JSON object: '{\"id\":3,\"name\":\"c\"}'", error.Message);
    }

    [Fact]
    public async Task AJsonLinesLineOfGarbageIsAnError()
    {
        var error = await PeopleJsonLinesErrorAsync("{\"id\":1,\"name\":\"a\"}\n\nhello world\n");

        Assert.Equal("s3://test-bucket/people/p.jsonl, line 3 (row 2): invalid JSON: 'h' is an invalid start of a value.", error.Message);
    }

    [Fact]
    public async Task AJsonLinesLineThatIsNotAnObjectIsAnError()
    {
        var error = await PeopleJsonLinesErrorAsync("[{\"id\":1,\"name\":\"a\"}]\n");

        Assert.Equal("s3://test-bucket/people/p.jsonl, line 1 (row 1): the line is an array, not a JSON object", error.Message);
    }

    [Fact]
    public async Task AnObjectSpreadOverSeveralJsonLinesIsAnError()
    {
        var error = await PeopleJsonLinesErrorAsync("{\"id\":1,\n\"name\":\"a\"}\n");

        Assert.Equal("s3://test-bucket/people/p.jsonl, line 1 (row 1): invalid JSON: Expected start of a property name or value, but instead reached end of data.", error.Message);
    }

    [Fact]
    public async Task ATruncatedLastJsonLineIsAnError()
    {
        var error = await PeopleJsonLinesErrorAsync("{\"id\":1,\"name\":\"a\"}\n{\"id\":2,\"name\":\"b");

        Assert.Equal("s3://test-bucket/people/p.jsonl, line 2 (row 2): invalid JSON: Expected end of string, but instead reached end of data.", error.Message);
    }
}
