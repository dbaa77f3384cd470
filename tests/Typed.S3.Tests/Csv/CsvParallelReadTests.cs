using System.Globalization;
using System.IO.Compression;
using System.Text;
using Typed.S3.Tests.Data;
using static Typed.S3.Tests.Csv.CsvTestData;

namespace Typed.S3.Tests.Csv;

/// <summary>
/// Mapping records on several threads (<see cref="DatasetReadOptions.MaxDegreeOfParallelism"/>) gives exactly the records,
/// order and errors of reading on one thread, and stops its threads when the reader stops early.
/// </summary>
public sealed class CsvParallelReadTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "typeds3-parallel-" + Guid.NewGuid().ToString("N"));
    private static readonly DatasetReadOptions TwoThreads = new() { MaxDegreeOfParallelism = 2 };

    public CsvParallelReadTests() => Directory.CreateDirectory(Path.Combine(_root, "test-bucket", "people"));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    // Enough records for many batches, with quoted fields, line breaks inside quotes, nulls and quoted empty strings.
    private static string People(int rows, int badRow = 0)
    {
        var text = new StringBuilder("id,name,nickname,age,balance,born,active\n");
        for (int i = 1; i <= rows; i++)
        {
            text.Append(i).Append(',')
                .Append(i % 7 == 0 ? "\"Smith, J\"" : i % 11 == 0 ? "\"two\nlines\"" : "n" + i).Append(',')
                .Append(i % 3 == 0 ? string.Empty : i % 5 == 0 ? "\"\"" : "nick").Append(',')
                .Append(i == badRow ? "old" : (i % 90).ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append((i % 1000 / 100m).ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(new DateOnly(2000, 1, 1).AddDays(i % 9000).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',')
                .Append(i % 2 == 0 ? "true" : string.Empty).Append('\n');
        }

        return text.ToString();
    }

    private static async Task<List<Person>> ReadInParallelAsync(string csv, DatasetReadOptions options, string objectName = "s3://test-bucket/people/p.csv")
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        return await CollectAsync(Data.People.ReadCsvAsync(stream, objectName, options));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(-1)]
    public async Task GivesTheSameRecordsInTheSameOrder(int threads)
    {
        string csv = People(60_000);

        List<Person> sequential = await ReadPeopleAsync(csv);
        List<Person> parallel = await ReadInParallelAsync(csv, new DatasetReadOptions { MaxDegreeOfParallelism = threads });

        Assert.Equal(60_000, parallel.Count);
        Assert.Equal(sequential, parallel);
    }

    [Fact]
    public async Task ABadValueFailsWithTheSameErrorAfterTheRecordsBeforeIt()
    {
        string csv = People(30_000, badRow: 20_000);
        var seen = new List<long>();

        var sequential = await ReadPeopleErrorAsync(csv);
        var parallel = await Assert.ThrowsAsync<DatasetFormatException>(async () =>
        {
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
            await foreach (Person person in Data.People.ReadCsvAsync(stream, "s3://test-bucket/people/p.csv", TwoThreads))
            {
                seen.Add(person.Id);
            }
        });

        Assert.Equal(sequential.Message, parallel.Message);
        Assert.Equal(20_000, parallel.Row);
        Assert.Equal(Enumerable.Range(1, 19_999).Select(i => (long)i), seen);
    }

    [Fact]
    public async Task MalformedCsvIsADatasetFormatError()
    {
        string csv = People(10_000) + "1,a,b,2,3.5,2020-01-01,true,extra\n";

        var error = await Assert.ThrowsAsync<DatasetFormatException>(() => ReadInParallelAsync(csv, TwoThreads));

        Assert.Equal((await ReadPeopleErrorAsync(csv)).Message, error.Message);
    }

    [Fact]
    public async Task StoppingEarlyStopsTheMappingThreads()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(People(100_000)));
        var first = new List<long>();
        await foreach (Person person in Data.People.ReadCsvAsync(stream, "p.csv", TwoThreads))
        {
            first.Add(person.Id);
            if (first.Count == 10)
            {
                break;
            }
        }

        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), first);

        // The enumeration has ended: the threads no longer read the stream, so it can be used again at once.
        long position = stream.Position;
        await Task.Delay(50);
        Assert.Equal(position, stream.Position);
    }

    [Fact]
    public async Task CancellationStopsReading()
    {
        using var cancel = new CancellationTokenSource();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(People(100_000)));
        int count = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (Person person in Data.People.ReadCsvAsync(stream, "p.csv", TwoThreads).WithCancellation(cancel.Token))
            {
                if (++count == 5_000)
                {
                    await cancel.CancelAsync();
                }
            }
        });
        Assert.Equal(5_000, count);
    }

    [Fact]
    public async Task AnEmptyObjectHasNoRecords()
    {
        Assert.Empty(await ReadInParallelAsync(string.Empty, TwoThreads));
        Assert.Empty(await ReadInParallelAsync("id,name\n", TwoThreads));
    }

    [Fact]
    public async Task DatasetReadsMapEveryObjectOnSeveralThreadsIncludingCompressedOnes()
    {
        string a = People(25_000);
        string b = People(5_000);
        await File.WriteAllTextAsync(Path.Combine(_root, "test-bucket", "people", "a.csv"), a);
        await using (FileStream file = File.Create(Path.Combine(_root, "test-bucket", "people", "b.csv.gz")))
        await using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        {
            await gzip.WriteAsync(Encoding.UTF8.GetBytes(b));
        }

        IObjectStore store = ObjectStore.Open(_root);
        string location = "s3://test-bucket/people/*.csv*";

        List<Person> sequential = await CollectAsync(Data.People.ReadAsync(store, location));
        List<Person> parallel = await CollectAsync(Data.People.ReadAsync(store, location, TwoThreads));

        Assert.Equal(30_000, parallel.Count);
        Assert.Equal(sequential, parallel);
    }

    [Fact]
    public async Task GzipGarbageStillNamesTheObject()
    {
        await File.WriteAllBytesAsync(Path.Combine(_root, "test-bucket", "people", "bad.csv.gz"), [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5]);
        IObjectStore store = ObjectStore.Open(_root);

        var error = await Assert.ThrowsAsync<DatasetFormatException>(() => CollectAsync(Data.People.ReadAsync(store, "s3://test-bucket/people/bad.csv.gz", TwoThreads)));

        Assert.Equal("s3://test-bucket/people/bad.csv.gz", error.ObjectName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void ThreadCountsMustBePositiveOrMinusOne(int threads)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DatasetReadOptions { MaxDegreeOfParallelism = threads });
    }
}
