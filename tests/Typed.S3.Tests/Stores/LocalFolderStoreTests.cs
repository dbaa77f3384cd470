using System.Text;

namespace Typed.S3.Tests.Stores;

public sealed class LocalFolderStoreTests : IDisposable
{
    private readonly TempFolder _root = new();
    private readonly LocalFolderStore _store;

    public LocalFolderStoreTests()
    {
        _root.CreateBucket("bucket");
        _store = new LocalFolderStore(_root.Path);
    }

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task ListsEveryObjectInUtf8KeyOrder()
    {
        string[] keys =
        [
            "a b/x.csv", "a#b.csv", "a%20b.csv", "a+b=c.csv", "a-b/c.csv", "a/b.csv", "a.csv",
            "\uE000.csv", "\U0001F600.csv", "é/ü.csv", "Z.csv", "data/sales/2024/01.csv", ".keep",
        ];
        foreach (string key in keys)
        {
            _root.WriteFile("bucket", key, key);
        }

        List<ObjectInfo> listed = await ToListAsync(_store.ListAsync("bucket", ""));

        string[] expected = keys.OrderBy(k => Encoding.UTF8.GetBytes(k), new BytesComparer()).ToArray();
        Assert.Equal(expected, listed.Select(o => o.Location.Key).ToArray());
        Assert.All(listed, o => Assert.Equal("bucket", o.Location.Bucket));
        Assert.All(listed, o => Assert.Equal(Encoding.UTF8.GetByteCount(o.Location.Key), o.Size));

        // The emoji key sorts after U+E000 (UTF-8 order), not before (UTF-16 ordinal order).
        Assert.True(Array.IndexOf(expected, "\U0001F600.csv") > Array.IndexOf(expected, "\uE000.csv"));
    }

    [Fact]
    public async Task ListsOnlyKeysStartingWithThePrefix()
    {
        foreach (string key in new[] { "data/sales/2023.csv", "data/sales/2024-01.csv", "data/sales/2024/02.csv", "data/sales/2024/03/x.csv", "data/salesX/2024.csv", "data/other.csv", "top.csv" })
        {
            _root.WriteFile("bucket", key, "x");
        }

        Assert.Equal(
            ["data/sales/2024-01.csv", "data/sales/2024/02.csv", "data/sales/2024/03/x.csv"],
            await KeysAsync("data/sales/2024"));
        Assert.Equal(
            ["data/sales/2023.csv", "data/sales/2024-01.csv", "data/sales/2024/02.csv", "data/sales/2024/03/x.csv"],
            await KeysAsync("data/sales/"));
        Assert.Equal(
            ["data/sales/2023.csv", "data/sales/2024-01.csv", "data/sales/2024/02.csv", "data/sales/2024/03/x.csv", "data/salesX/2024.csv"],
            await KeysAsync("data/sales"));
        Assert.Equal(["top.csv"], await KeysAsync("t"));
        Assert.Empty(await KeysAsync("data/missing/"));
        Assert.Empty(await KeysAsync("nothing/here/at/all"));
        Assert.Empty(await KeysAsync("top.csv/x"));
    }

    [Fact]
    public async Task ListingWalksOnlyTheFolderThePrefixNames()
    {
        _root.WriteFile("bucket", "data/a.csv", "x");
        _root.WriteFile("bucket", "locked/b.csv", "x");
        string locked = Path.Combine(_root.Path, "bucket", "locked");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(locked, UnixFileMode.None);
        }

        try
        {
            // Listing "data/" must not open the unreadable sibling folder.
            Assert.Equal(["data/a.csv"], await KeysAsync("data/"));
            Assert.Equal(["data/a.csv"], await KeysAsync("data/a"));
        }
        finally
        {
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }
    }

    [Fact]
    public async Task ListingSkipsFoldersAndTheTemporaryFolder()
    {
        Directory.CreateDirectory(Path.Combine(_root.Path, "bucket", "empty", "deeper"));
        _root.WriteFile("bucket", "real.csv", "x");
        await using ObjectWriteStream pending = await _store.OpenWriteAsync(new ObjectLocation("bucket", "pending.csv"));
        await pending.WriteAsync(new byte[] { 1, 2, 3 });

        Assert.Equal(["real.csv"], await KeysAsync(""));
        Assert.Empty(await KeysAsync("empty"));
    }

    [Fact]
    public async Task AMissingBucketIsAClearError()
    {
        var listing = await Assert.ThrowsAsync<ObjectNotFoundException>(() => ToListAsync(_store.ListAsync("nope", "")));
        Assert.Equal($"bucket 'nope' does not exist in local store {_store.RootPath}", listing.Message);

        var write = await Assert.ThrowsAsync<ObjectNotFoundException>(() => _store.OpenWriteAsync(new ObjectLocation("nope", "k.csv")));
        Assert.Contains("bucket 'nope' does not exist", write.Message);
        Assert.False(Directory.Exists(Path.Combine(_root.Path, "nope")));

        await Assert.ThrowsAsync<ObjectNotFoundException>(() => _store.OpenReadAsync(new ObjectLocation("nope", "k.csv")));
    }

    [Fact]
    public async Task TheTemporaryFolderIsNoBucket()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => ToListAsync(_store.ListAsync(LocalFolderStore.TemporaryFolderName, "")));
        await Assert.ThrowsAsync<ArgumentException>(() => _store.OpenReadAsync(new ObjectLocation(".hidden", "k")));
    }

    [Fact]
    public async Task AMissingObjectIsNotFound()
    {
        var location = new ObjectLocation("bucket", "dir/missing file.csv");
        var error = await Assert.ThrowsAsync<ObjectNotFoundException>(() => _store.OpenReadAsync(location));
        Assert.Contains("s3://bucket/dir/missing file.csv", error.Message);
        Assert.Equal(location, error.Location);
        await Assert.ThrowsAsync<ObjectNotFoundException>(() => _store.OpenReadRangeAsync(location, 0, 10));
        Assert.Null(await _store.GetInfoAsync(location));

        // A folder is not an object.
        Directory.CreateDirectory(Path.Combine(_root.Path, "bucket", "dir"));
        Assert.Null(await _store.GetInfoAsync(new ObjectLocation("bucket", "dir")));
        await Assert.ThrowsAsync<ObjectNotFoundException>(() => _store.OpenReadAsync(new ObjectLocation("bucket", "dir")));
    }

    [Fact]
    public async Task ReadsWholeObjectsAndRanges()
    {
        _root.WriteFile("bucket", "n/0123456789.txt", "0123456789");
        var location = new ObjectLocation("bucket", "n/0123456789.txt");

        ObjectInfo? info = await _store.GetInfoAsync(location);
        Assert.NotNull(info);
        Assert.Equal(10, info.Size);
        Assert.Equal(TimeSpan.Zero, info.LastModified.Offset);
        Assert.Equal(File.GetLastWriteTimeUtc(Path.Combine(_root.Path, "bucket", "n", "0123456789.txt")), info.LastModified.UtcDateTime);

        Assert.Equal("0123456789", await ReadAllAsync(await _store.OpenReadAsync(location)));
        Assert.Equal("345", await ReadAllAsync(await _store.OpenReadRangeAsync(location, 3, 3)));
        Assert.Equal("0", await ReadAllAsync(await _store.OpenReadRangeAsync(location, 0, 1)));
        Assert.Equal("789", await ReadAllAsync(await _store.OpenReadRangeAsync(location, 7, 100)));
        Assert.Equal("", await ReadAllAsync(await _store.OpenReadRangeAsync(location, 10, 5)));
        Assert.Equal("", await ReadAllAsync(await _store.OpenReadRangeAsync(location, 50, 5)));
        Assert.Equal("", await ReadAllAsync(await _store.OpenReadRangeAsync(location, 2, 0)));

        using Stream range = await _store.OpenReadRangeAsync(location, 4, 4);
        var buffer = new byte[10];
        Assert.Equal(4, range.Read(buffer, 0, 10));
        Assert.Equal("4567", Encoding.ASCII.GetString(buffer, 0, 4));
        Assert.Equal(0, range.Read(buffer, 0, 10));

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _store.OpenReadRangeAsync(location, -1, 3));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _store.OpenReadRangeAsync(location, 0, -3));
    }

    [Fact]
    public async Task AWriteIsInvisibleUntilComplete()
    {
        var location = new ObjectLocation("bucket", "out/new dir/ü #1.csv");
        await using (ObjectWriteStream stream = await _store.OpenWriteAsync(location))
        {
            Assert.Equal(location, stream.Location);
            await stream.WriteAsync(Encoding.UTF8.GetBytes("id,name\n"));
            stream.Write(Encoding.UTF8.GetBytes("1,a\n"));
            Assert.Equal(12, stream.BytesWritten);
            Assert.Equal(12, stream.Position);

            Assert.Null(await _store.GetInfoAsync(location));
            Assert.Empty(await KeysAsync(""));
            Assert.Single(TemporaryFiles());

            await stream.CompleteAsync();
            Assert.Throws<InvalidOperationException>(() => stream.Write(new byte[1], 0, 1));
        }

        Assert.Equal("id,name\n1,a\n", await ReadAllAsync(await _store.OpenReadAsync(location)));
        Assert.Equal(["out/new dir/ü #1.csv"], await KeysAsync(""));
        Assert.Empty(TemporaryFiles());
    }

    [Fact]
    public async Task DisposingWithoutCompletingAbortsTheWrite()
    {
        var location = new ObjectLocation("bucket", "aborted.csv");
        await using (ObjectWriteStream stream = await _store.OpenWriteAsync(location))
        {
            await stream.WriteAsync(new byte[100]);
        }

        using (ObjectWriteStream stream = await _store.OpenWriteAsync(location))
        {
            stream.Write(new byte[100], 0, 100);
        }

        Assert.Null(await _store.GetInfoAsync(location));
        Assert.Empty(await KeysAsync(""));
        Assert.Empty(TemporaryFiles());
    }

    [Fact]
    public async Task ACancelledCompleteAbortsTheWrite()
    {
        var location = new ObjectLocation("bucket", "cancelled.csv");
        await using ObjectWriteStream stream = await _store.OpenWriteAsync(location);
        await stream.WriteAsync(new byte[10]);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stream.CompleteAsync(new CancellationToken(canceled: true)));
        Assert.Null(await _store.GetInfoAsync(location));
        Assert.Empty(TemporaryFiles());
    }

    [Fact]
    public async Task AWriteReplacesAnExistingObject()
    {
        _root.WriteFile("bucket", "k.csv", "old content that is longer");
        var location = new ObjectLocation("bucket", "k.csv");
        await using (ObjectWriteStream stream = await _store.OpenWriteAsync(location))
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes("new"));
            Assert.Equal("old content that is longer", await ReadAllAsync(await _store.OpenReadAsync(location)));
            await stream.CompleteAsync();
        }

        Assert.Equal("new", await ReadAllAsync(await _store.OpenReadAsync(location)));
    }

    [Fact]
    public async Task DeleteIsIdempotent()
    {
        _root.WriteFile("bucket", "d/k.csv", "x");
        var location = new ObjectLocation("bucket", "d/k.csv");
        await _store.DeleteAsync(location);
        Assert.Null(await _store.GetInfoAsync(location));
        await _store.DeleteAsync(location);
        await _store.DeleteAsync(new ObjectLocation("bucket", "never/was.csv"));
        Assert.Empty(await KeysAsync(""));
    }

    [Theory]
    [InlineData("../escape.csv")]
    [InlineData("a/../../escape.csv")]
    [InlineData("a/./b.csv")]
    [InlineData("..")]
    [InlineData("/abs.csv")]
    [InlineData("a\\b.csv")]
    [InlineData("a//b.csv")]
    [InlineData("dir/")]
    [InlineData("a\0b")]
    [InlineData("")]
    public async Task KeysThatCouldEscapeAreRejected(string key)
    {
        var location = new ObjectLocation("bucket", key);
        var read = await Assert.ThrowsAsync<ArgumentException>(() => _store.OpenReadAsync(location));
        Assert.Contains("'" + key + "'", read.Message);
        await Assert.ThrowsAsync<ArgumentException>(() => _store.OpenWriteAsync(location));
        await Assert.ThrowsAsync<ArgumentException>(() => _store.GetInfoAsync(location));
        await Assert.ThrowsAsync<ArgumentException>(() => _store.DeleteAsync(location));
        await Assert.ThrowsAsync<ArgumentException>(() => _store.OpenReadRangeAsync(location, 0, 1));
    }

    [Fact]
    public async Task PrefixesThatCouldEscapeAreRejected()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => ToListAsync(_store.ListAsync("bucket", "../")));
        await Assert.ThrowsAsync<ArgumentException>(() => ToListAsync(_store.ListAsync("bucket", "a/../../x")));
    }

    [Fact]
    public void DescribesItself() => Assert.Equal("local folder " + Path.GetFullPath(_root.Path).TrimEnd(Path.DirectorySeparatorChar), _store.ToString());

    [Fact]
    public void TheRootMustExist()
    {
        string missing = Path.Combine(_root.Path, "does-not-exist");
        var error = Assert.Throws<ObjectStoreException>(() => new LocalFolderStore(missing));
        Assert.Contains(missing, error.Message);
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (T item in items)
        {
            list.Add(item);
        }

        return list;
    }

    private static async Task<string> ReadAllAsync(Stream stream)
    {
        await using (stream)
        {
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return await reader.ReadToEndAsync();
        }
    }

    private async Task<string[]> KeysAsync(string prefix) =>
        (await ToListAsync(_store.ListAsync("bucket", prefix))).Select(o => o.Location.Key).ToArray();

    private string[] TemporaryFiles()
    {
        string folder = Path.Combine(_root.Path, LocalFolderStore.TemporaryFolderName);
        return Directory.Exists(folder) ? Directory.GetFiles(folder) : [];
    }

    private sealed class BytesComparer : IComparer<byte[]>
    {
        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y.AsSpan());
    }
}
