using System.IO.Compression;
using System.Text;
using Typed.S3.Tests.Data;
using static Typed.S3.Tests.Csv.CsvTestData;

namespace Typed.S3.Tests.Datasets;

/// <summary>Generated ReadAsync/WriteAsync over the local-folder store: globs, key order, layouts, compression.</summary>
public sealed class LocalStoreDatasetTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "typeds3-dataset-" + Guid.NewGuid().ToString("N"));
    private readonly IObjectStore _store;

    public LocalStoreDatasetTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "test-bucket"));
        _store = ObjectStore.Open(_root);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task ReadsEveryObjectMatchingTheGlobInKeyOrder()
    {
        Put("people/2025/b.csv", "id,name\n3,c\n");
        Put("people/2024/z.csv", "name,id\nb,2\n");
        Put("people/2024/a.csv", "id,name\n1,a\n");
        Put("people/2024/notes.txt", "not csv");
        Put("elsewhere/x.csv", "id,name\n99,no\n");

        var people = await CollectAsync(People.ReadAsync(_store));

        Assert.Equal(new long[] { 1, 2, 3 }, people.Select(p => p.Id));
    }

    [Fact]
    public async Task ReadsAnExplicitLocation()
    {
        Put("people/one.csv", "id,name\n1,a\n");
        Put("people/two.csv", "id,name\n2,b\n");

        var people = await CollectAsync(People.ReadAsync(_store, "s3://test-bucket/people/two.csv"));

        Assert.Equal(2, Assert.Single(people).Id);
    }

    [Fact]
    public async Task ErrorsNameTheObjectTheyCameFrom()
    {
        Put("people/good.csv", "id,name\n1,a\n");
        Put("people/bad file.csv", "id,name\nx,a\n");

        var error = await Assert.ThrowsAsync<DatasetFormatException>(() => CollectAsync(People.ReadAsync(_store)));

        Assert.Equal("s3://test-bucket/people/bad file.csv", error.ObjectName);
        Assert.StartsWith("s3://test-bucket/people/bad file.csv, line 2 (row 1), column 'id'", error.Message);
    }

    [Fact]
    public async Task StatisticsCountRecordsObjectsAndBytesInAllAndPerObject()
    {
        Put("people/2024/a.csv", "id,name\n1,a\n2,b\n");
        PutBytes("people/2024/b.csv", Gzip("id,name\n3,c\n"));
        Put("people/2025/c.csv", "id,name\n");
        long bytes = new[] { "a.csv", "b.csv" }.Sum(f => new FileInfo(Path.Combine(_root, "test-bucket", "people", "2024", f)).Length)
            + new FileInfo(Path.Combine(_root, "test-bucket", "people", "2025", "c.csv")).Length;
        var statistics = new DatasetReadStatistics();

        var people = await CollectAsync(People.ReadAsync(_store, new DatasetReadOptions { Statistics = statistics }));

        Assert.Equal(3, people.Count);
        Assert.Equal(3, statistics.Records);
        Assert.Equal(0, statistics.SkippedRecords);
        Assert.Equal(3, statistics.Objects);
        Assert.Equal(bytes, statistics.Bytes);
        Assert.Equal(
            new[] { ("s3://test-bucket/people/2024/a.csv", 2L, true), ("s3://test-bucket/people/2024/b.csv", 1L, true), ("s3://test-bucket/people/2025/c.csv", 0L, true) },
            statistics.PerObject.Select(o => (o.ObjectName, o.Records, o.Completed)));
        Assert.Equal($"3 records (0 skipped) from 3 objects, {bytes} bytes", statistics.ToString());

        // A second read adds up in the same statistics; stopping early leaves the object not completed.
        await foreach (Person person in People.ReadAsync(_store, new DatasetReadOptions { Statistics = statistics }))
        {
            break;
        }

        Assert.Equal(4, statistics.Records);
        Assert.Equal(4, statistics.Objects);
        Assert.False(statistics.PerObject[^1].Completed);
        Assert.EndsWith("not read to its end", statistics.PerObject[^1].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AGlobMatchingNothingIsAnError()
    {
        Put("people/readme.txt", "x");

        await Assert.ThrowsAnyAsync<ObjectStoreException>(() => CollectAsync(People.ReadAsync(_store)));
    }

    [Fact]
    public async Task ReadsGzipObjectsDetectedByTheirBytes()
    {
        PutBytes("every/plain.csv", Encoding.UTF8.GetBytes("id,name\n1,a\n"));
        PutBytes("every/zipped.csv.gz", Gzip("id,name\n2,b\n"));
        PutBytes("every/mislabelled.csv", Gzip("id,name\n3,c\n"));

        var rows = await CollectAsync(EveryTypes.ReadAsync(_store));

        Assert.Equal(new long[] { 3, 1, 2 }, rows.Select(r => r.Id));
    }

    [Fact]
    public async Task WritesOneObjectThroughTheLayoutAndReadsItBack()
    {
        var people = new[] { new Person { Id = 1, Name = "a", Balance = 2.50m }, new Person { Id = 2, Name = "b" } };

        WriteResult result = await People.WriteAsync(_store, people);

        WrittenObject written = Assert.Single(result.Objects);
        Assert.Equal(2, written.RowCount);
        Assert.Equal(2, result.RowCount);
        Assert.Equal("test-bucket", written.Location.Bucket);
        Assert.Matches(@"^out/people/\d{10}\.\d{6}\.00000\.csv$", written.Location.Key);
        Assert.Contains(result.LoadId, written.Location.Key);
        Assert.Equal(new FileInfo(Path.Combine(_root, "test-bucket", written.Location.Key)).Length, written.Size);
        Assert.Equal(people, await CollectAsync(People.ReadAsync(_store, written.Location.ToString())));
    }

    [Fact]
    public async Task WritesGzipWithTheCompressedExtensionAndSchemaNameInTheLayout()
    {
        var rows = new[] { new EveryTypeRow { Id = 1, Name = "x", Note = "y" } };

        WriteResult result = await EveryTypes.WriteAsync(_store, ToAsync(rows));

        WrittenObject written = Assert.Single(result.Objects);
        Assert.Matches(@"^every-out/every-type/every_types/\d{10}\.\d{6}\.00000\.csv\.gz$", written.Location.Key);
        byte[] stored = File.ReadAllBytes(Path.Combine(_root, "test-bucket", written.Location.Key));
        Assert.Equal(new byte[] { 0x1F, 0x8B }, stored[..2]);
        var read = await CollectAsync(EveryTypes.ReadAsync(_store, written.Location.ToString()));
        Assert.Equal("y", Assert.Single(read).Note);
    }

    [Fact]
    public async Task WritesBelowAnotherLocation()
    {
        WriteResult result = await People.WriteAsync(_store, "s3://test-bucket/elsewhere/deep", new[] { new Person { Id = 1, Name = "a" } });

        Assert.StartsWith("elsewhere/deep/people/", Assert.Single(result.Objects).Location.Key);
    }

    [Fact]
    public async Task NoRowsWriteNoObject()
    {
        WriteResult result = await People.WriteAsync(_store, Array.Empty<Person>());

        Assert.Empty(result.Objects);
        Assert.Equal(0, result.RowCount);
        Assert.False(Directory.Exists(Path.Combine(_root, "test-bucket", "out")));
    }

    [Fact]
    public async Task AFailedWriteLeavesNoObject()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => People.WriteAsync(_store, Failing()));

        string output = Path.Combine(_root, "test-bucket", "out");
        Assert.True(!Directory.Exists(output) || Directory.GetFiles(output, "*", SearchOption.AllDirectories).Length == 0);
    }

    [Fact]
    public async Task ACancelledWriteLeavesNoObject()
    {
        using var cancellation = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => People.WriteAsync(_store, CancelAfterFirst(cancellation), cancellation.Token));

        string output = Path.Combine(_root, "test-bucket", "out");
        Assert.True(!Directory.Exists(output) || Directory.GetFiles(output, "*", SearchOption.AllDirectories).Length == 0);
    }

    private static async IAsyncEnumerable<Person> Failing()
    {
        yield return new Person { Id = 1, Name = "a" };
        await Task.Yield();
        throw new InvalidOperationException("source failed");
    }

    private static async IAsyncEnumerable<Person> CancelAfterFirst(CancellationTokenSource cancellation)
    {
        yield return new Person { Id = 1, Name = "a" };
        await Task.Yield();
        cancellation.Cancel();
        yield return new Person { Id = 2, Name = "b" };
    }

    private static async IAsyncEnumerable<T> ToAsync<T>(IEnumerable<T> items)
    {
        foreach (T item in items)
        {
            await Task.Yield();
            yield return item;
        }
    }

    private static byte[] Gzip(string text)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return output.ToArray();
    }

    private void Put(string key, string text) => PutBytes(key, Encoding.UTF8.GetBytes(text));

    private void PutBytes(string key, byte[] bytes)
    {
        string path = Path.Combine(_root, "test-bucket", key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }
}
