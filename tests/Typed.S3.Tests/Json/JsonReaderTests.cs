using System.Text;
using Typed.S3.Codecs;
using Typed.S3.Tests.Data;
using static Typed.S3.Tests.Csv.CsvTestData;
using static Typed.S3.Tests.Json.JsonTestData;

namespace Typed.S3.Tests.Json;

/// <summary>The generated JSON readers on JSON other tools write: any property order, extra properties, any layout.</summary>
public class JsonReaderTests
{
    [Fact]
    public async Task BindsPropertiesByNameInAnyOrder()
    {
        var people = await ReadPeopleJsonAsync("""
            [{"active":true,"born":"1990-05-17","balance":12.5,"age":42,"nickname":"Al","name":"Alice","id":1},
             {"name":"Bob","id":2}]
            """);

        Assert.Equal(
            new[]
            {
                new Person { Id = 1, Name = "Alice", Nickname = "Al", Age = 42, Balance = 12.5m, Born = new DateOnly(1990, 5, 17), Active = true },
                new Person { Id = 2, Name = "Bob" },
            },
            people);
    }

    [Fact]
    public async Task SkipsUnknownPropertiesWhateverTheirValues()
    {
        var people = await ReadPeopleJsonAsync("""
            [{"extra":{"nested":{"deeper":[1,{"id":99},[[]]]},"name":"not me"},"id":1,"list":[1,"two",null,true,{"a":[]}],
              "s":"text with \"id\": 5","n":-1.5e300,"t":true,"f":false,"z":null,"name":"Alice","":0,"NAMES":"not a column"}]
            """);

        Assert.Equal(new Person { Id = 1, Name = "Alice" }, Assert.Single(people));
    }

    [Fact]
    public async Task ReadsWhitespaceAndLineBreaksAnywhere()
    {
        var people = await ReadPeopleJsonAsync("\uFEFF \r\n[\r\n\t{ \"id\" :\n 1 ,\n\"name\"\t:\t\"a\" } ,\n\n{\"id\":2,\"name\":\"b\"}\n]\r\n\t ");

        Assert.Equal(new long[] { 1, 2 }, people.Select(p => p.Id));
    }

    [Fact]
    public async Task UnescapesStringsAndPropertyNames()
    {
        var people = await ReadPeopleJsonAsync("""
            [{"\u0069d":1,"name":"Zo\u00eb \"quoted\" \\ \/ \ud83d\ude00 \t","nickname":"\u6771\u4eac","b\u006Frn":"2020\u002d02-29"}]
            """);

        Person person = Assert.Single(people);
        Assert.Equal("Zoë \"quoted\" \\ / 😀 \t", person.Name);
        Assert.Equal("東京", person.Nickname);
        Assert.Equal(new DateOnly(2020, 2, 29), person.Born);
    }

    [Fact]
    public async Task NullAndAbsentPropertiesAreNullForNullableColumns()
    {
        var people = await ReadPeopleJsonAsync("""[{"id":1,"name":"a","nickname":null,"age":null,"balance":null,"born":null,"active":null},{"id":2,"name":"b"}]""");

        Assert.Equal(new[] { new Person { Id = 1, Name = "a" }, new Person { Id = 2, Name = "b" } }, people);
    }

    [Fact]
    public async Task ReadsNumbersInEveryJsonForm()
    {
        var rows = await ReadEveryTypeJsonAsync("""
            [{"id":-0,"name":"n","ratio":1.5E3,"score":-2.5e-3,"amount":1E2,"tiny":-128,"u_big":18446744073709551615,"big":-9223372036854775808},
             {"id":2,"name":"n","ratio":"NaN","score":"-Infinity","amount":-0.5},
             {"id":3,"name":"n","ratio":"Infinity","score":"NaN","amount":0.1234567890}]
            """);

        Assert.Equal(1500f, rows[0].Ratio);
        Assert.Equal(-0.0025, rows[0].Score);
        Assert.Equal(100m, rows[0].Amount);
        Assert.Equal(sbyte.MinValue, rows[0].Tiny);
        Assert.Equal(ulong.MaxValue, rows[0].UBig);
        Assert.Equal(long.MinValue, rows[0].Big);
        Assert.True(float.IsNaN(rows[1].Ratio!.Value));
        Assert.Equal(double.NegativeInfinity, rows[1].Score);
        Assert.Equal(-0.5m, rows[1].Amount);
        Assert.Equal(float.PositiveInfinity, rows[2].Ratio);
        Assert.True(double.IsNaN(rows[2].Score!.Value));
    }

    [Theory]
    [InlineData("2024-01-01 12:00:00+02", "2024-01-01T10:00:00Z")]
    [InlineData("2024-01-01T12:00:00.5-01:30", "2024-01-01T13:30:00.5Z")]
    [InlineData("2024-01-01T12:00:00\\u002B01:00", "2024-01-01T11:00:00Z")]
    public async Task ReadsTimestampsAsUtcInstants(string text, string expectedUtc)
    {
        EveryTypeRow row = Assert.Single(await ReadEveryTypeJsonAsync("[{\"id\":1,\"name\":\"n\",\"created_at\":\"" + text + "\"}]"));

        Assert.Equal(DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), row.CreatedAt);
        Assert.Equal(TimeSpan.Zero, row.CreatedAt!.Value.Offset);
    }

    [Fact]
    public async Task ReadsTemporalUuidAndBinaryStrings()
    {
        EveryTypeRow row = Assert.Single(await ReadEveryTypeJsonAsync("""
            [{"id":1,"name":"n","day":"2024-02-29","at_time":"13:45","local_at":"2024-02-29 13:45:10.25","key":"{0F8FAD5B-D9CB-469F-A165-70867728950E}","payload":"AAEC/w=="}]
            """));

        Assert.Equal(new DateOnly(2024, 2, 29), row.Day);
        Assert.Equal(new TimeOnly(13, 45), row.AtTime);
        Assert.Equal(new DateTime(2024, 2, 29, 13, 45, 10, 250), row.LocalAt);
        Assert.Equal(Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"), row.Key);
        Assert.Equal(new byte[] { 0, 1, 2, 255 }, row.Payload);
    }

    [Fact]
    public async Task AStringLargerThanTheInitialBufferIsReadWhole()
    {
        string big = string.Concat(Enumerable.Range(0, JsonInputBuffer.InitialSize / 2).Select(i => "ab\\\"é"));
        string expected = big.Replace("\\\"", "\"");
        string json = "[{\"id\":1,\"name\":\"small\"},{\"name\":\"" + big + "\",\"id\":2},{\"id\":3,\"name\":\"after\"}]";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));

        var people = await CollectAsync(People.ReadJsonAsync(new TrickleStream(stream, 4096)));

        Assert.True(Encoding.UTF8.GetByteCount(big) > 2 * JsonInputBuffer.InitialSize);
        Assert.Equal(new long[] { 1, 2, 3 }, people.Select(p => p.Id));
        Assert.Equal(expected, people[1].Name);
        Assert.Equal("after", people[2].Name);
    }

    [Fact]
    public async Task ALongJsonLinesLineIsReadWhole()
    {
        string big = new('x', 3 * JsonInputBuffer.InitialSize);
        string jsonLines = "{\"id\":1,\"name\":\"a\"}\n{\"id\":2,\"name\":\"" + big + "\"}\n{\"id\":3,\"name\":\"c\"}";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(jsonLines));

        var people = await CollectAsync(People.ReadJsonLinesAsync(new TrickleStream(stream, 1000)));

        Assert.Equal(new long[] { 1, 2, 3 }, people.Select(p => p.Id));
        Assert.Equal(big, people[1].Name);
    }

    [Fact]
    public async Task JsonLinesSkipsBlankLinesAndAcceptsCarriageReturns()
    {
        var people = await ReadPeopleJsonLinesAsync("\uFEFF{\"id\":1,\"name\":\"a\"}\r\n\r\n   \n{ \"name\" : \"b\" , \"id\" : 2 }  \r\n\n{\"id\":3,\"name\":\"c\",\"x\":{\"y\":[1,2]}}");

        Assert.Equal(new long[] { 1, 2, 3 }, people.Select(p => p.Id));
    }

    [Fact]
    public async Task ReadsRecordsAsTheyArriveWithoutWaitingForTheEnd()
    {
        var pipe = new System.IO.Pipelines.Pipe();
        await pipe.Writer.WriteAsync(Encoding.UTF8.GetBytes("{\"id\":1,\"name\":\"a\"}\n"));
        await pipe.Writer.FlushAsync();
        await using IAsyncEnumerator<Person> records = People.ReadJsonLinesAsync(pipe.Reader.AsStream()).GetAsyncEnumerator();

        Task<bool> first = records.MoveNextAsync().AsTask();
        Assert.True(await first.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(1, records.Current.Id);
        await pipe.Writer.WriteAsync(Encoding.UTF8.GetBytes("{\"id\":2,\"name\":\"b\"}"));
        await pipe.Writer.CompleteAsync();
        Assert.True(await records.MoveNextAsync());
        Assert.Equal(2, records.Current.Id);
        Assert.False(await records.MoveNextAsync());
    }
}
