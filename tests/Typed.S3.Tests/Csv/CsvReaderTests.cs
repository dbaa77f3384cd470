using System.Globalization;
using System.Text;
using Typed.S3.Tests.Data;
using static Typed.S3.Tests.Csv.CsvTestData;

namespace Typed.S3.Tests.Csv;

/// <summary>The generated CSV reader against every RFC 4180 case and the header rules of the schema.</summary>
public class CsvReaderTests
{
    private const string Header = "id,name,nickname,age,balance,born,active";

    [Fact]
    public async Task ReadsTypedValues()
    {
        var people = await ReadPeopleAsync(Header + "\r\n1,Ada,ada,36,1520.50,1815-12-10,true\r\n");

        Person ada = Assert.Single(people);
        Assert.Equal(new Person { Id = 1, Name = "Ada", Nickname = "ada", Age = 36, Balance = 1520.50m, Born = new DateOnly(1815, 12, 10), Active = true }, ada);
    }

    [Fact]
    public async Task QuotedFieldsMayHoldDelimitersQuotesAndLineBreaks()
    {
        string csv = Header + "\n"
            + "1,\"Lovelace, Ada\",\"the \"\"countess\"\"\",,,,\n"
            + "2,\"Grace\r\nHopper\",\"line\nbreak\",,,,\n"
            + "3,\"\",\"\"\"\",,,,\n";

        var people = await ReadPeopleAsync(csv);

        Assert.Equal(3, people.Count);
        Assert.Equal("Lovelace, Ada", people[0].Name);
        Assert.Equal("the \"countess\"", people[0].Nickname);
        Assert.Equal("Grace\r\nHopper", people[1].Name);
        Assert.Equal("line\nbreak", people[1].Nickname);
        Assert.Equal(string.Empty, people[2].Name);
        Assert.Equal("\"", people[2].Nickname);
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\n")]
    [InlineData("\r")]
    public async Task AcceptsEveryLineEnding(string newLine)
    {
        string csv = string.Join(newLine, Header, "1,a,,,,,", "2,b,,,,,", "3,c,,,,,");

        var people = await ReadPeopleAsync(csv);

        Assert.Equal(new long[] { 1, 2, 3 }, people.Select(p => p.Id));
        Assert.Equal(new[] { "a", "b", "c" }, people.Select(p => p.Name));
    }

    [Fact]
    public async Task SkipsUtf8ByteOrderMark()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("id,name\n7,Zoë\n")];
        using var stream = new MemoryStream(bytes);

        var people = await CollectAsync(People.ReadCsvAsync(stream));

        Assert.Equal(7, Assert.Single(people).Id);
        Assert.Equal("Zoë", people[0].Name);
    }

    [Fact]
    public async Task EmptyFieldsAreNullAndQuotedEmptyStringsAreEmpty()
    {
        var people = await ReadPeopleAsync(Header + "\n1,x,,,,,\n2,y,\"\",,,,\n");

        Assert.Null(people[0].Nickname);
        Assert.Null(people[0].Age);
        Assert.Null(people[0].Balance);
        Assert.Null(people[0].Born);
        Assert.Null(people[0].Active);
        Assert.Equal(string.Empty, people[1].Nickname);
    }

    [Fact]
    public async Task BindsColumnsByHeaderNameInAnyOrderIgnoringExtraColumns()
    {
        var people = await ReadPeopleAsync("active,extra,born,NAME,id,balance,nickname,age,more\ntrue,zzz,2000-01-02,Bo,5,-3.25,b,40,q\n");

        Assert.Equal(new Person { Id = 5, Name = "Bo", Nickname = "b", Age = 40, Balance = -3.25m, Born = new DateOnly(2000, 1, 2), Active = true }, Assert.Single(people));
    }

    [Fact]
    public async Task MissingOptionalColumnsReadAsNull()
    {
        var people = await ReadPeopleAsync("name,id\nCy,9\n");

        Assert.Equal(new Person { Id = 9, Name = "Cy" }, Assert.Single(people));
    }

    [Fact]
    public async Task ParsesWithInvariantCultureWhateverTheCurrentCulture()
    {
        CultureInfo saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            var people = await ReadPeopleAsync("id,name,balance\n1,x,1234.56\n");
            Assert.Equal(1234.56m, people[0].Balance);

            using var output = new MemoryStream();
            await People.WriteCsvAsync(output, people);
            Assert.Contains("1234.56", Encoding.UTF8.GetString(output.ToArray()));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public async Task ReadsTabSeparatedFilesWithoutHeaderByPosition()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("1\tone\t1.5\n2\t\"t\two\"\t-2e3\n3\t\t\n"));

        var rows = await CollectAsync(TabPeople.ReadCsvAsync(stream));

        Assert.Equal(new TabPerson { Id = 1, Name = "one", Score = 1.5 }, rows[0]);
        Assert.Equal(new TabPerson { Id = 2, Name = "t\two", Score = -2000 }, rows[1]);
        Assert.Equal(new TabPerson { Id = 3 }, rows[2]);
    }

    [Fact]
    public async Task EmptyInputAndHeaderOnlyInputHaveNoRecords()
    {
        Assert.Empty(await ReadPeopleAsync(string.Empty));
        Assert.Empty(await ReadPeopleAsync(Header + "\r\n"));
    }

    [Fact]
    public async Task SkipsEmptyLines()
    {
        var people = await ReadPeopleAsync(Header + "\n\n1,a,,,,,\n\n2,b,,,,,\n");

        Assert.Equal(2, people.Count);
    }
}
