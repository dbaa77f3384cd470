using Microsoft.Extensions.Time.Testing;
using Typed.S3.Tests.Data;
using static Typed.S3.Tests.Csv.CsvTestData;

namespace Typed.S3.Tests.Datasets;

/// <summary>The long-lived sink: part files completed by row count, bytes, age or flush; each visible only when complete.</summary>
public sealed class DatasetSinkTests : IDisposable
{
    private readonly TempFolder _root = new();
    private readonly IObjectStore _store;

    public DatasetSinkTests()
    {
        _root.CreateBucket("test-bucket");
        _store = ObjectStore.Open(_root.Path);
    }

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task CompletesAPartAtTheSchemasRowLimitAndTheLastOneOnDispose()
    {
        DatasetSink<RolledPerson> sink = Rolled.CreateSink(_store);
        for (int i = 1; i <= 5; i++)
        {
            await sink.WriteAsync(new RolledPerson { Id = i, Name = "p" + i });
        }

        Assert.Equal(2, sink.Written.Count);
        Assert.Equal(2, VisibleObjects("rolled").Length);
        await sink.DisposeAsync();

        Assert.Equal(new long[] { 2, 2, 1 }, sink.Written.Select(w => w.RowCount));
        Assert.Equal(Enumerable.Range(0, 3).Select(i => $"rolled/rolled/{sink.LoadId}.{i:D5}.csv.gz"), sink.Written.Select(w => w.Location.Key));
        Assert.Equal(Enumerable.Range(1, 5).Select(i => (long)i), (await CollectAsync(Rolled.ReadAsync(_store))).Select(r => r.Id));
    }

    [Fact]
    public async Task NothingIsVisibleUntilAPartCompletes()
    {
        await using DatasetSink<Person> sink = People.CreateSink(_store);
        await sink.WriteAsync(new Person { Id = 1, Name = "a" });

        Assert.Empty(VisibleObjects("out"));
        WrittenObject? flushed = await sink.FlushAsync();

        Assert.NotNull(flushed);
        Assert.Equal(1, flushed.RowCount);
        Assert.Single(VisibleObjects("out"));
        Assert.Null(await sink.FlushAsync());
    }

    [Fact]
    public async Task OneRecordPerFile()
    {
        await using (DatasetSink<Person> sink = People.CreateSink(_store, new DatasetSinkOptions { OneRecordPerFile = true }))
        {
            await sink.WriteAsync(new Person { Id = 1, Name = "a" });
            await sink.WriteAsync(new Person { Id = 2, Name = "b" });
            await sink.WriteAsync(new Person { Id = 3, Name = "c" });
        }

        Assert.Equal(3, VisibleObjects("out").Length);
    }

    [Fact]
    public async Task AnAgedPartIsCompletedWithoutNewRecords()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2024, 4, 14, 8, 0, 0, TimeSpan.Zero));
        await using DatasetSink<Person> sink = People.CreateSink(_store, new DatasetSinkOptions { MaxFileAge = TimeSpan.FromMinutes(5), TimeProvider = time });
        await sink.WriteAsync(new Person { Id = 1, Name = "a" });
        time.Advance(TimeSpan.FromMinutes(4));
        Assert.Empty(VisibleObjects("out"));

        time.Advance(TimeSpan.FromMinutes(1));

        WrittenObject written = await WaitForAsync(() => sink.Written.SingleOrDefault());
        Assert.Equal(1, written.RowCount);
        Assert.StartsWith("out/people/1713081600.000000.00000.", written.Location.Key, StringComparison.Ordinal);
        await sink.WriteAsync(new Person { Id = 2, Name = "b" });
        Assert.Single(VisibleObjects("out"));
    }

    [Fact]
    public async Task TheLayoutGetsThePartitionAndTheOffsetOfEachPart()
    {
        DatasetSink<Tick> sink = Ticks.CreateSink(_store, new DatasetSinkOptions { MaxRowsPerFile = 2, Partition = 7 });
        await using (sink)
        {
            for (int i = 0; i < 5; i++)
            {
                await sink.WriteAsync(new Tick { Id = i });
            }
        }

        Assert.Equal(new[] { "stream/ticks/p7/0.csv", "stream/ticks/p7/2.csv", "stream/ticks/p7/4.csv" }, sink.Written.Select(w => w.Location.Key));
        Assert.Equal(3, VisibleObjects("stream").Length);
    }

    [Fact]
    public async Task AbortDiscardsTheCurrentPartAndKeepsCompletedOnes()
    {
        await using DatasetSink<RolledPerson> sink = Rolled.CreateSink(_store);
        for (int i = 1; i <= 3; i++)
        {
            await sink.WriteAsync(new RolledPerson { Id = i, Name = "p" });
        }

        await sink.AbortAsync();

        Assert.Single(VisibleObjects("rolled"));
        Assert.Empty(Directory.GetFiles(Path.Combine(_root.Path, ".typeds3-tmp")));
    }

    [Fact]
    public async Task NullRecordsAreRefused()
    {
        await using DatasetSink<Person> sink = People.CreateSink(_store);

        await Assert.ThrowsAsync<ArgumentNullException>(async () => await sink.WriteAsync(null!));
    }

    [Fact]
    public async Task WritingAfterDisposeIsAnError()
    {
        DatasetSink<Person> sink = People.CreateSink(_store);
        await sink.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await sink.WriteAsync(new Person { Id = 1, Name = "a" }));
    }

    private string[] VisibleObjects(string prefix)
    {
        string folder = Path.Combine(_root.Path, "test-bucket", prefix);
        return Directory.Exists(folder) ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories) : Array.Empty<string>();
    }

    private static async Task<TResult> WaitForAsync<TResult>(Func<TResult?> probe)
        where TResult : class
    {
        // The timer completes the part on the thread pool: wait for it, bounded.
        for (int i = 0; i < 500; i++)
        {
            if (probe() is { } result)
            {
                return result;
            }

            await Task.Delay(10);
        }

        throw new TimeoutException("the aged part was not completed");
    }
}
