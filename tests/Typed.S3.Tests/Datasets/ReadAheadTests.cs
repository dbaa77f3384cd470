using System.Runtime.CompilerServices;
using Typed.S3.Tests.Data;

namespace Typed.S3.Tests.Datasets;

/// <summary>The dataset reader's read-ahead: objects opened ahead in key order, bounded, closed on every exit.</summary>
public sealed class ReadAheadTests : IDisposable
{
    private readonly TempFolder _root = new();
    private readonly CountingStore _store;

    public ReadAheadTests()
    {
        _root.CreateBucket("test-bucket");
        for (int i = 0; i < 20; i++)
        {
            _root.WriteFile("test-bucket", $"people/{i:D2}.csv", $"id,name\n{i},p{i}\n{i + 100},q{i}\n");
        }

        _store = new CountingStore(new LocalFolderStore(_root.Path), readAhead: 3);
    }

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task ReadsInKeyOrderWithTheBoundedNumberOfObjectsOpen()
    {
        var ids = new List<long>();
        await foreach (Person person in People.ReadAsync(_store))
        {
            ids.Add(person.Id);
        }

        Assert.Equal(Enumerable.Range(0, 20).SelectMany(i => new long[] { i, i + 100 }), ids);
        Assert.Equal(20, _store.Opened);

        // The object being read and the three opened ahead of it, never more.
        Assert.Equal(4, _store.MaxOpenAtOnce);
        Assert.Equal(0, _store.OpenNow);
    }

    [Fact]
    public async Task StoppingEarlyClosesTheObjectsOpenedAhead()
    {
        await foreach (Person person in People.ReadAsync(_store))
        {
            Assert.Equal(0, person.Id);
            Assert.Equal(4, _store.OpenNow);
            break;
        }

        Assert.Equal(0, _store.OpenNow);
        Assert.Equal(4, _store.Opened);
    }

    [Fact]
    public async Task AnErrorClosesTheObjectsOpenedAhead()
    {
        _root.WriteFile("test-bucket", "people/05.csv", "id,name\nnot-a-number,x\n");

        var error = await Assert.ThrowsAsync<DatasetFormatException>(async () =>
        {
            await foreach (Person person in People.ReadAsync(_store))
            {
                Assert.True(person.Id % 100 < 5);
            }
        });

        Assert.Equal("s3://test-bucket/people/05.csv", error.ObjectName);
        Assert.Equal(0, _store.OpenNow);
    }

    [Fact]
    public async Task CancellingClosesTheObjectsOpenedAhead()
    {
        using var cancel = new CancellationTokenSource();
        int read = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (Person person in People.ReadAsync(_store, cancel.Token))
            {
                if (++read == 3)
                {
                    cancel.Cancel();
                }
            }
        });

        Assert.Equal(0, _store.OpenNow);
    }

    [Fact]
    public async Task WithoutReadAheadObjectsAreOpenedOneAtATime()
    {
        var store = new CountingStore(new LocalFolderStore(_root.Path), readAhead: 0);
        int count = 0;
        await foreach (Person person in People.ReadAsync(store))
        {
            count++;
        }

        Assert.Equal(40, count);
        Assert.Equal(1, store.MaxOpenAtOnce);
    }

    /// <summary>A local store that says it wants read-ahead and counts the streams open at once.</summary>
    private sealed class CountingStore(IObjectStore inner, int readAhead) : IObjectStore, IReadAheadHint
    {
        private int _openNow;
        private int _maxOpen;
        private int _opened;

        public int ReadAhead => readAhead;

        public ValueTask DisposeAsync() => inner.DisposeAsync();

        public int OpenNow => Volatile.Read(ref _openNow);

        public int MaxOpenAtOnce => Volatile.Read(ref _maxOpen);

        public int Opened => Volatile.Read(ref _opened);

        public IAsyncEnumerable<ObjectInfo> ListAsync(string bucket, string prefix, CancellationToken cancellationToken = default) =>
            inner.ListAsync(bucket, prefix, cancellationToken);

        public Task<ObjectInfo?> GetInfoAsync(ObjectLocation location, CancellationToken cancellationToken = default) =>
            inner.GetInfoAsync(location, cancellationToken);

        public async Task<Stream> OpenReadAsync(ObjectLocation location, CancellationToken cancellationToken = default)
        {
            Stream stream = await inner.OpenReadAsync(location, cancellationToken);
            Interlocked.Increment(ref _opened);
            int now = Interlocked.Increment(ref _openNow);
            int max;
            while (now > (max = Volatile.Read(ref _maxOpen)) && Interlocked.CompareExchange(ref _maxOpen, now, max) != max)
            {
            }

            return new CountedStream(stream, () => Interlocked.Decrement(ref _openNow));
        }

        public Task<Stream> OpenReadRangeAsync(ObjectLocation location, long offset, long length, CancellationToken cancellationToken = default) =>
            inner.OpenReadRangeAsync(location, offset, length, cancellationToken);

        public Task<ObjectWriteStream> OpenWriteAsync(ObjectLocation location, CancellationToken cancellationToken = default) =>
            inner.OpenWriteAsync(location, cancellationToken);

        public Task DeleteAsync(ObjectLocation location, CancellationToken cancellationToken = default) =>
            inner.DeleteAsync(location, cancellationToken);
    }

    private sealed class CountedStream(Stream inner, Action closed) : Stream
    {
        private int _disposed;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                inner.Dispose();
                closed();
            }

            base.Dispose(disposing);
        }
    }
}
