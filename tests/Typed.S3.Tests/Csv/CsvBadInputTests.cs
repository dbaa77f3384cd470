using static Typed.S3.Tests.Csv.CsvTestData;

namespace Typed.S3.Tests.Csv;

/// <summary>Bad CSV gives one clear, typed error naming the object, line, column, type and value.</summary>
public class CsvBadInputTests
{
    [Fact]
    public async Task WrongTypeNamesObjectLineColumnTypeAndValue()
    {
        var error = await ReadPeopleErrorAsync("id,name,age\n1,a,30\n2,b,thirty\n");

        Assert.Equal("s3://test-bucket/people/p.csv, line 3 (row 2), column 'age': invalid value (expected int32, found 'thirty')", error.Message);
        Assert.Equal("s3://test-bucket/people/p.csv", error.ObjectName);
        Assert.Equal(3, error.Line);
        Assert.Equal(2, error.Row);
        Assert.Equal("age", error.Column);
        Assert.Equal("int32", error.ExpectedType);
        Assert.Equal("thirty", error.Value);
    }

    [Fact]
    public async Task LineCountsLineBreaksInsideQuotedFields()
    {
        var error = await ReadPeopleErrorAsync("id,name,born\n1,\"two\nlines\",2020-01-01\n2,b,2020-02-30\n");

        Assert.Equal("s3://test-bucket/people/p.csv, line 4 (row 2), column 'born': invalid value (expected date, found '2020-02-30')", error.Message);
    }

    [Fact]
    public async Task MissingRequiredColumnNamesItAndTheHeader()
    {
        var error = await ReadPeopleErrorAsync("name,age\na,1\n");

        Assert.Equal("s3://test-bucket/people/p.csv, line 1, column 'id': the header has no such column (name, age)", error.Message);
    }

    [Fact]
    public async Task SeveralMissingRequiredColumnsAreNamedTogether()
    {
        var error = await ReadPeopleErrorAsync("age\n1\n");

        Assert.Contains("the header lacks the columns 'id', 'name' (age)", error.Message);
    }

    [Fact]
    public async Task EmptyRequiredValueIsAnError()
    {
        var error = await ReadPeopleErrorAsync("id,name\n1,a\n,b\n");

        Assert.Equal("s3://test-bucket/people/p.csv, line 3 (row 2), column 'id': the column is required but the field is empty (expected int64)", error.Message);
    }

    [Fact]
    public async Task UnterminatedQuoteIsAnErrorNotASilentlySwallowedFile()
    {
        var error = await ReadPeopleErrorAsync("id,name\n1,\"open\n2,b\n3,c\n");

        Assert.StartsWith("s3://test-bucket/people/p.csv, line 2", error.Message);
        Assert.Contains("quote", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public async Task TextAfterClosingQuoteIsAnError()
    {
        var error = await ReadPeopleErrorAsync("id,name\n1,\"ab\"c\n");

        Assert.StartsWith("s3://test-bucket/people/p.csv, line 2", error.Message);
    }

    [Theory]
    [InlineData("id,name\n1,a\n2,b,extra\n")]
    [InlineData("id,name,age\n1,a,3\n2,b\n")]
    public async Task RaggedRowsAreErrors(string csv)
    {
        var error = await ReadPeopleErrorAsync(csv);

        Assert.StartsWith("s3://test-bucket/people/p.csv, line 3", error.Message);
        Assert.Equal(3, error.Line);
    }

    [Theory]
    [InlineData("id,name,balance\n1,a,12.345\n", "balance", "12.345", "decimal(10,2)")]
    [InlineData("id,name,balance\n1,a,123456789.00\n", "balance", "123456789.00", "decimal(10,2)")]
    [InlineData("id,name,age\n1,a,2147483648\n", "age", "2147483648", "int32")]
    [InlineData("id,name,active\n1,a,maybe\n", "active", "maybe", "bool")]
    [InlineData("id,name,born\n1,a,10/12/1815\n", "born", "10/12/1815", "date")]
    [InlineData("id,name\n1.0,a\n", "id", "1.0", "int64")]
    public async Task ValuesThatDoNotFitTheColumnAreRejectedNotRounded(string csv, string column, string value, string type)
    {
        var error = await ReadPeopleErrorAsync(csv);

        Assert.Equal(column, error.Column);
        Assert.Equal(type, error.ExpectedType);
        Assert.Equal(value, error.Value);
    }

    [Fact]
    public async Task LongValuesAreCutShortInMessages()
    {
        string value = new('x', 500);
        var error = await ReadPeopleErrorAsync($"id,name,age\n1,a,{value}\n");

        Assert.Equal(new string('x', DatasetFormatException.MaxValueLength) + "…", error.Value);
        Assert.True(error.Message.Length < 250, error.Message);
    }
}
