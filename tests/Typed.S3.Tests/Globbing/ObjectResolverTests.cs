namespace Typed.S3.Tests.Globbing;

public sealed class ObjectResolverTests : IDisposable
{
    private readonly TempFolder _root = new();
    private readonly LocalFolderStore _store;

    public ObjectResolverTests()
    {
        _root.CreateBucket("b");
        foreach (string key in new[] { "data/2024/02.csv", "data/2024/01.csv", "data/2023/12.csv", "data/2024/notes.txt", "data/x y#1.csv", "other/1.csv", "data/2024/sub/03.csv" })
        {
            _root.WriteFile("b", key, key);
        }

        _store = new LocalFolderStore(_root.Path);
    }

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task YieldsGlobMatchesInKeyOrder()
    {
        Assert.Equal(
            ["data/2023/12.csv", "data/2024/01.csv", "data/2024/02.csv", "data/2024/sub/03.csv", "data/x y#1.csv"],
            await KeysAsync("s3://b/data/**/*.csv"));
        Assert.Equal(["data/2024/01.csv", "data/2024/02.csv"], await KeysAsync("s3://b/data/2024/*.csv"));
        Assert.Equal(["data/2023/12.csv", "data/2024/01.csv"], await KeysAsync("s3://b/data/{2023/12,2024/01}.csv"));
    }

    [Fact]
    public async Task YieldsTheOneObjectOfALiteralLocation()
    {
        List<ObjectInfo> found = await ToListAsync(ObjectResolver.ResolveAsync(_store, "s3://b/data/x y#1.csv"));
        ObjectInfo only = Assert.Single(found);
        Assert.Equal(new ObjectLocation("b", "data/x y#1.csv"), only.Location);
        Assert.Equal("data/x y#1.csv".Length, only.Size);

        Assert.Equal(["data/2024/01.csv"], await KeysAsync("s3://b/data/2024/\\0\\1.csv"));
    }

    [Fact]
    public async Task AMissingLiteralObjectIsAnError()
    {
        var error = await Assert.ThrowsAsync<ObjectNotFoundException>(() => ToListAsync(ObjectResolver.ResolveAsync(_store, "s3://b/data/missing.csv")));
        Assert.Contains("no object at s3://b/data/missing.csv", error.Message);
    }

    [Fact]
    public async Task AGlobMatchingNothingIsAnError()
    {
        var noMatch = await Assert.ThrowsAsync<ObjectNotFoundException>(() => ToListAsync(ObjectResolver.ResolveAsync(_store, "s3://b/data/**/*.parquet")));
        Assert.Contains("no object matches s3://b/data/**/*.parquet", noMatch.Message);

        var noListing = await Assert.ThrowsAsync<ObjectNotFoundException>(() => ToListAsync(ObjectResolver.ResolveAsync(_store, "s3://b/nothing/*.csv")));
        Assert.Contains("no object matches s3://b/nothing/*.csv", noListing.Message);
    }

    [Fact]
    public async Task AMissingBucketIsAnError()
    {
        var error = await Assert.ThrowsAsync<ObjectNotFoundException>(() => ToListAsync(ObjectResolver.ResolveAsync(_store, "s3://nope/*.csv")));
        Assert.Contains("bucket 'nope' does not exist", error.Message);
    }

    [Fact]
    public async Task StreamsWithoutReadingTheWholeListing()
    {
        var store = new CountingStore(_store);
        await foreach (ObjectInfo info in ObjectResolver.ResolveAsync(store, DatasetLocation.Parse("s3://b/data/**/*.csv")))
        {
            Assert.Equal("data/2023/12.csv", info.Location.Key);
            break;
        }

        Assert.Equal("data/", store.LastPrefix);
        Assert.Equal(1, store.Yielded);
    }

    private async Task<string[]> KeysAsync(string location) =>
        (await ToListAsync(ObjectResolver.ResolveAsync(_store, location))).Select(o => o.Location.Key).ToArray();

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (T item in items)
        {
            list.Add(item);
        }

        return list;
    }

    private sealed class CountingStore(IObjectStore inner) : IObjectStore
    {
        public string? LastPrefix { get; private set; }

        public int Yielded { get; private set; }

        public ValueTask DisposeAsync() => inner.DisposeAsync();

        public async IAsyncEnumerable<ObjectInfo> ListAsync(string bucket, string prefix, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            LastPrefix = prefix;
            await foreach (ObjectInfo info in inner.ListAsync(bucket, prefix, cancellationToken))
            {
                Yielded++;
                yield return info;
            }
        }

        public Task<ObjectInfo?> GetInfoAsync(ObjectLocation location, CancellationToken cancellationToken = default) => inner.GetInfoAsync(location, cancellationToken);

        public Task<Stream> OpenReadAsync(ObjectLocation location, CancellationToken cancellationToken = default) => inner.OpenReadAsync(location, cancellationToken);

        public Task<Stream> OpenReadRangeAsync(ObjectLocation location, long offset, long length, CancellationToken cancellationToken = default) => inner.OpenReadRangeAsync(location, offset, length, cancellationToken);

        public Task<ObjectWriteStream> OpenWriteAsync(ObjectLocation location, CancellationToken cancellationToken = default) => inner.OpenWriteAsync(location, cancellationToken);

        public Task DeleteAsync(ObjectLocation location, CancellationToken cancellationToken = default) => inner.DeleteAsync(location, cancellationToken);
    }
}
