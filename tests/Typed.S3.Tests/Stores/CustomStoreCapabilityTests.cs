using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Typed.S3.Layout;
using Typed.S3.Tests.Data;

namespace Typed.S3.Tests.Stores;

/// <summary>
/// A store written outside Typed.S3 (in memory, as a user would write one) opts into the public store capabilities,
/// and the dataset readers and writers use them: ranged reads for Parquet, seekable reads instead, read-ahead, and a
/// write layout that replaces the schema's.
/// </summary>
public sealed class CustomStoreCapabilityTests
{
    private static readonly Reading[] Rows = Enumerable.Range(1, 250)
        .Select(i => new Reading { Id = i, Sensor = "s" + (i % 7), Value = i / 4.0, Amount = i * 1.5m, At = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(i) })
        .ToArray();

    [Fact]
    public async Task AParquetReadOverAStoreWithRangedReadsOnlyFetchesRanges()
    {
        var store = new MemoryStore();
        WriteResult written = await Readings.WriteAsync(store, Rows);

        List<Reading> read = await CollectAsync(Readings.ReadAsync(store));

        Assert.Equal(Rows, read);
        WrittenObject part = Assert.Single(written.Objects);
        Assert.True(store.RangeReads > 0, "the Parquet object was read by ranges");
        Assert.All(store.Ranges, range => Assert.Equal(part.Location, range.Location));
        Assert.Equal(0, store.WholeReads);
    }

    [Fact]
    public async Task AParquetReadOverASeekableStoreOpensItOnceAndFetchesNoRanges()
    {
        var store = new SeekableMemoryStore();
        await Readings.WriteAsync(store, Rows);

        List<Reading> read = await CollectAsync(Readings.ReadAsync(store));

        Assert.Equal(Rows, read);
        Assert.Equal(1, store.SeekableReads);
        Assert.Equal(0, store.RangeReads);
        Assert.Equal(0, store.WholeReads);
    }

    [Fact]
    public async Task AReadAheadHintOpensTheNextObjectsAhead()
    {
        var store = new ReadAheadMemoryStore(readAhead: 2);
        for (int i = 0; i < 6; i++)
        {
            store.Put(new ObjectLocation("test-bucket", $"people/{i}.csv"), $"id,name\n{i},p{i}\n");
        }

        List<Person> people = await CollectAsync(People.ReadAsync(store));

        Assert.Equal(Enumerable.Range(0, 6).Select(i => (long)i), people.Select(p => p.Id));
        Assert.True(store.HintRead, "the reader asked the store for its read-ahead");

        // The object being read and the two opened ahead of it.
        Assert.Equal(3, store.MaxOpenAtOnce);
        Assert.Equal(0, store.OpenNow);
    }

    [Fact]
    public async Task WithoutTheHintObjectsAreOpenedOneAtATime()
    {
        var store = new MemoryStore();
        for (int i = 0; i < 4; i++)
        {
            store.Put(new ObjectLocation("test-bucket", $"people/{i}.csv"), $"id,name\n{i},p{i}\n");
        }

        List<Person> people = await CollectAsync(People.ReadAsync(store));

        Assert.Equal(4, people.Count);
        Assert.Equal(1, store.MaxOpenAtOnce);
    }

    [Fact]
    public async Task AWriteLayoutOverrideDecidesWhereWritesAndSinksPutObjects()
    {
        var store = new LayoutMemoryStore(KeyLayout.Parse("custom/{table_name}/{file_id}.{ext}"));

        WriteResult written = await People.WriteAsync(store, [new Person { Id = 1, Name = "a" }]);
        await using (DatasetSink<Person> sink = People.CreateSink(store))
        {
            await sink.WriteAsync(new Person { Id = 2, Name = "b" });
        }

        Assert.Equal(new ObjectLocation("test-bucket", "out/custom/people/00000.csv"), Assert.Single(written.Objects).Location);
        Assert.Equal(
            ["out/custom/people/00000.csv", "out/custom/people/00000.csv"],
            store.Writes.Select(location => location.Key));
    }

    private static async Task<List<T>> CollectAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (T item in items)
        {
            list.Add(item);
        }

        return list;
    }

    /// <summary>A store with only what <see cref="IObjectStore"/> requires, keeping objects in memory and counting reads.</summary>
    private class MemoryStore : IObjectStore
    {
        private readonly ConcurrentDictionary<ObjectLocation, byte[]> _objects = new();
        private int _openNow;
        private int _maxOpen;
        private int _wholeReads;

        public ConcurrentQueue<(ObjectLocation Location, long Offset, long Length)> Ranges { get; } = new();

        public ConcurrentQueue<ObjectLocation> Writes { get; } = new();

        public int RangeReads => Ranges.Count;

        public int WholeReads => Volatile.Read(ref _wholeReads);

        public int OpenNow => Volatile.Read(ref _openNow);

        public int MaxOpenAtOnce => Volatile.Read(ref _maxOpen);

        public void Put(ObjectLocation location, string text) => _objects[location] = System.Text.Encoding.UTF8.GetBytes(text);

        public async IAsyncEnumerable<ObjectInfo> ListAsync(string bucket, string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            foreach (KeyValuePair<ObjectLocation, byte[]> entry in _objects
                .Where(e => e.Key.Bucket == bucket && e.Key.Key.StartsWith(prefix, StringComparison.Ordinal))
                .OrderBy(e => e.Key.Key, StringComparer.Ordinal))
            {
                yield return Info(entry.Key, entry.Value);
            }
        }

        public Task<ObjectInfo?> GetInfoAsync(ObjectLocation location, CancellationToken cancellationToken = default) =>
            Task.FromResult(_objects.TryGetValue(location, out byte[]? data) ? Info(location, data) : null);

        public Task<Stream> OpenReadAsync(ObjectLocation location, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _wholeReads);
            int now = Interlocked.Increment(ref _openNow);
            int max;
            while (now > (max = Volatile.Read(ref _maxOpen)) && Interlocked.CompareExchange(ref _maxOpen, now, max) != max)
            {
            }

            return Task.FromResult<Stream>(new ClosingStream(Get(location), () => Interlocked.Decrement(ref _openNow)));
        }

        public Task<Stream> OpenReadRangeAsync(ObjectLocation location, long offset, long length, CancellationToken cancellationToken = default)
        {
            Ranges.Enqueue((location, offset, length));
            byte[] data = Get(location);
            int start = (int)Math.Min(offset, data.Length);
            int count = (int)Math.Min(length, data.Length - start);
            return Task.FromResult<Stream>(new MemoryStream(data, start, count, writable: false));
        }

        public Task<ObjectWriteStream> OpenWriteAsync(ObjectLocation location, CancellationToken cancellationToken = default) =>
            Task.FromResult<ObjectWriteStream>(new MemoryWriteStream(location, data =>
            {
                _objects[location] = data;
                Writes.Enqueue(location);
            }));

        public Task DeleteAsync(ObjectLocation location, CancellationToken cancellationToken = default)
        {
            _objects.TryRemove(location, out _);
            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;

        protected byte[] Get(ObjectLocation location) =>
            _objects.TryGetValue(location, out byte[]? data) ? data : throw new ObjectNotFoundException(location, $"no object at {location} in memory");

        private static ObjectInfo Info(ObjectLocation location, byte[] data) => new(location, data.Length, DateTimeOffset.UnixEpoch);
    }

    /// <summary>A memory store that opens objects as seekable streams itself.</summary>
    private sealed class SeekableMemoryStore : MemoryStore, ISeekableReads
    {
        private int _seekableReads;

        public int SeekableReads => Volatile.Read(ref _seekableReads);

        public Task<Stream> OpenSeekableReadAsync(ObjectInfo @object, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _seekableReads);
            byte[] data = Get(@object.Location);
            if (data.Length != @object.Size)
            {
                throw new ObjectChangedException(@object.Location, 0, $"{@object.Location} changed after it was listed");
            }

            return Task.FromResult<Stream>(new MemoryStream(data, writable: false));
        }
    }

    /// <summary>A memory store that asks for objects to be opened ahead, as a store with slow opens would.</summary>
    private sealed class ReadAheadMemoryStore(int readAhead) : MemoryStore, IReadAheadHint
    {
        private volatile bool _hintRead;

        public bool HintRead => _hintRead;

        public int ReadAhead
        {
            get
            {
                _hintRead = true;
                return readAhead;
            }
        }
    }

    /// <summary>A memory store whose writes use a layout of its own.</summary>
    private sealed class LayoutMemoryStore(KeyLayout layout) : MemoryStore, IWriteLayoutOverride
    {
        public KeyLayout? WriteLayout => layout;
    }

    private sealed class ClosingStream(byte[] data, Action closed) : MemoryStream(data, writable: false)
    {
        private int _closed;

        protected override void Dispose(bool disposing)
        {
            if (Interlocked.Exchange(ref _closed, 1) == 0)
            {
                closed();
            }

            base.Dispose(disposing);
        }
    }

    private sealed class MemoryWriteStream(ObjectLocation location, Action<byte[]> complete) : ObjectWriteStream
    {
        private readonly MemoryStream _buffer = new();

        public override ObjectLocation Location => location;

        public override long BytesWritten => _buffer.Length;

        public override Task CompleteAsync(CancellationToken cancellationToken = default)
        {
            complete(_buffer.ToArray());
            return Task.CompletedTask;
        }

        public override void Flush()
        {
        }

        public override void Write(byte[] buffer, int offset, int count) => _buffer.Write(buffer, offset, count);
    }
}
