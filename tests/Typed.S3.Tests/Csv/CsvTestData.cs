using System.Text;
using Typed.S3.Tests.Data;

namespace Typed.S3.Tests.Csv;

/// <summary>Runs the generated CSV readers over text held in memory.</summary>
internal static class CsvTestData
{
    public static async Task<List<Person>> ReadPeopleAsync(string csv, string objectName = "s3://test-bucket/people/p.csv")
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        return await CollectAsync(People.ReadCsvAsync(stream, objectName));
    }

    public static async Task<List<T>> CollectAsync<T>(IAsyncEnumerable<T> records)
    {
        var list = new List<T>();
        await foreach (T record in records)
        {
            list.Add(record);
        }

        return list;
    }

    public static async Task<DatasetFormatException> ReadPeopleErrorAsync(string csv) =>
        await Assert.ThrowsAsync<DatasetFormatException>(() => ReadPeopleAsync(csv));
}
