using System.Text;
using Typed.S3.Tests.Data;

namespace Typed.S3.Tests.Json;

/// <summary>Runs the generated JSON and JSON Lines readers over text held in memory.</summary>
internal static class JsonTestData
{
    public const string JsonObject = "s3://test-bucket/people/p.json";
    public const string JsonLinesObject = "s3://test-bucket/people/p.jsonl";

    public static async Task<List<Person>> ReadPeopleJsonAsync(string json)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return await Csv.CsvTestData.CollectAsync(People.ReadJsonAsync(stream, JsonObject));
    }

    public static async Task<List<Person>> ReadPeopleJsonLinesAsync(string jsonLines)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(jsonLines));
        return await Csv.CsvTestData.CollectAsync(People.ReadJsonLinesAsync(stream, JsonLinesObject));
    }

    public static async Task<List<EveryTypeRow>> ReadEveryTypeJsonAsync(string json)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return await Csv.CsvTestData.CollectAsync(EveryTypes.ReadJsonAsync(stream, "s3://test-bucket/every/e.json"));
    }

    public static async Task<DatasetFormatException> PeopleJsonErrorAsync(string json) =>
        await Assert.ThrowsAsync<DatasetFormatException>(() => ReadPeopleJsonAsync(json));

    public static async Task<DatasetFormatException> PeopleJsonLinesErrorAsync(string jsonLines) =>
        await Assert.ThrowsAsync<DatasetFormatException>(() => ReadPeopleJsonLinesAsync(jsonLines));

    public static async Task<DatasetFormatException> EveryTypeJsonErrorAsync(string json) =>
        await Assert.ThrowsAsync<DatasetFormatException>(() => ReadEveryTypeJsonAsync(json));

    // byte[] compares by reference in a record's equality: compare its content instead.
    public static object Normalize(EveryTypeRow row) =>
        (row with { Payload = null }, row.Payload is null ? null : Convert.ToBase64String(row.Payload));
}
