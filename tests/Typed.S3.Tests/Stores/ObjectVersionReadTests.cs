using System.Text;

namespace Typed.S3.Tests.Stores;

/// <summary>
/// Reads of a listed object (<see cref="IObjectStore.OpenReadAsync(ObjectInfo, CancellationToken)"/>): exactly the
/// listed size of the listed version, or an error naming the object and the offset. On the local-folder store, and on
/// a store of a user's own that only implements the location reads (the interface's default implementation).
/// </summary>
public sealed class ObjectVersionReadTests : IDisposable
{
    private readonly TempFolder _root = new();
    private readonly LocalFolderStore _local;

    public ObjectVersionReadTests()
    {
        _root.CreateBucket("bucket");
        _local = new LocalFolderStore(_root.Path);
    }

    public void Dispose() => _root.Dispose();

    public static TheoryData<string> Stores => new() { "local", "own" };

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task AnUnchangedObjectReadsWholeAndInRanges(string kind)
    {
        IObjectStore store = Store(kind);
        ObjectInfo listed = await PutAndListAsync("a.csv", "0123456789");

        Assert.Equal("0123456789", await ReadTextAsync(store.OpenReadAsync(listed)));
        Assert.Equal("234", await ReadTextAsync(store.OpenReadRangeAsync(listed, 2, 3)));
        Assert.Equal("89", await ReadTextAsync(store.OpenReadRangeAsync(listed, 8, 100)));
        Assert.Equal("", await ReadTextAsync(store.OpenReadRangeAsync(listed, 10, 5)));
        Assert.Equal("", await ReadTextAsync(store.OpenReadRangeAsync(listed, 3, 0)));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task AnObjectThatGrewSinceItWasListedIsAChangeNeverItsFirstBytes(string kind)
    {
        IObjectStore store = Store(kind);
        ObjectInfo listed = await PutAndListAsync("grew.csv", "id\n1\n");
        _root.WriteFile("bucket", "grew.csv", "id\n1\n2\n3\n");

        var error = await Assert.ThrowsAsync<ObjectChangedException>(() => ReadTextAsync(store.OpenReadAsync(listed)));

        Assert.Equal(new ObjectLocation("bucket", "grew.csv"), error.Location);
        Assert.Contains("s3://bucket/grew.csv", error.Message, StringComparison.Ordinal);
        Assert.Contains("read it again", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task AnObjectThatShrankSinceItWasListedIsNeverAShortSuccessfulRead(string kind)
    {
        IObjectStore store = Store(kind);
        ObjectInfo listed = await PutAndListAsync("shrank.csv", "id\n1\n2\n3\n");
        _root.WriteFile("bucket", "shrank.csv", "id\n1\n");

        var error = await Assert.ThrowsAnyAsync<ObjectReadException>(() => ReadTextAsync(store.OpenReadAsync(listed)));
        Assert.Equal(new ObjectLocation("bucket", "shrank.csv"), error.Location);

        // A store that cannot tell a change from a cut says where the bytes ended.
        if (kind == "own")
        {
            Assert.Equal(5, error.Offset);
            Assert.Contains("ended after 5 bytes, before the 9 bytes it had when listed", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ADatasetReadOfAnObjectCutShortByItsStoreFailsAfterTheRecordsBeforeTheCut()
    {
        // A store of a user's own whose reads stop early (a proxy that drops the end, say) without an error.
        string csv = "id,name\n" + string.Concat(Enumerable.Range(0, 20_000).Select(i => $"{i},person {i}\n"));
        await PutAndListAsync("people.csv", csv);
        int cut = csv.Length / 2;
        var store = new OwnStore(_local, cutAfter: cut);
        var read = new List<long>();

        var error = await Assert.ThrowsAsync<ObjectReadException>(async () =>
        {
            await foreach (Typed.S3.Tests.Data.Person person in Typed.S3.Tests.Data.People.ReadAsync(store, "s3://bucket/people.csv"))
            {
                read.Add(person.Id);
            }
        });

        Assert.Equal(cut, error.Offset);
        Assert.Equal(new ObjectLocation("bucket", "people.csv"), error.Location);

        // The records read were those before the cut, in order, none made up of the cut's half record.
        Assert.NotEmpty(read);
        Assert.Equal(Enumerable.Range(0, read.Count).Select(i => (long)i), read);
        Assert.True(csv.IndexOf($"\n{read[^1]},", StringComparison.Ordinal) < cut);
    }

    private IObjectStore Store(string kind) => kind == "local" ? _local : new OwnStore(_local, cutAfter: long.MaxValue);

    private async Task<ObjectInfo> PutAndListAsync(string key, string text)
    {
        _root.WriteFile("bucket", key, text);
        return (await _local.GetInfoAsync(new ObjectLocation("bucket", key)))!;
    }

    private static async Task<string> ReadTextAsync(Task<Stream> opening)
    {
        await using Stream stream = await opening;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }

    // A store that implements only what IObjectStore requires (the ObjectInfo reads come from the interface), and
    // whose whole-object reads end quietly after cutAfter bytes.
    private sealed class OwnStore(IObjectStore inner, long cutAfter) : IObjectStore
    {
        public IAsyncEnumerable<ObjectInfo> ListAsync(string bucket, string prefix, CancellationToken cancellationToken = default) => inner.ListAsync(bucket, prefix, cancellationToken);

        public Task<ObjectInfo?> GetInfoAsync(ObjectLocation location, CancellationToken cancellationToken = default) => inner.GetInfoAsync(location, cancellationToken);

        public async Task<Stream> OpenReadAsync(ObjectLocation location, CancellationToken cancellationToken = default)
        {
            await using Stream whole = await inner.OpenReadAsync(location, cancellationToken);
            using var copy = new MemoryStream();
            await whole.CopyToAsync(copy, cancellationToken);
            byte[] bytes = copy.ToArray();
            return new MemoryStream(bytes, 0, (int)Math.Min(bytes.Length, cutAfter), writable: false);
        }

        public Task<Stream> OpenReadRangeAsync(ObjectLocation location, long offset, long length, CancellationToken cancellationToken = default) => inner.OpenReadRangeAsync(location, offset, length, cancellationToken);

        public Task<ObjectWriteStream> OpenWriteAsync(ObjectLocation location, CancellationToken cancellationToken = default) => inner.OpenWriteAsync(location, cancellationToken);

        public Task DeleteAsync(ObjectLocation location, CancellationToken cancellationToken = default) => inner.DeleteAsync(location, cancellationToken);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
