using Typed.S3.IntegrationTests.Formats;
using System.Security.Cryptography;
using System.Text;
using Typed.S3.IntegrationTests.Data;
using Typed.S3.IntegrationTests.Infrastructure;

namespace Typed.S3.IntegrationTests.Stores;

/// <summary>
/// One behaviour, two stores: every test here runs against Ceph's RADOS Gateway (a real S3 implementation) and
/// against the local-folder store. Each test works under its own key prefix, so tests share buckets without seeing each other's objects.
/// </summary>
public abstract class ObjectStoreBehaviourTests
{
    protected const string Bucket = S3ServerFixture.BehaviourBucket;
    protected const string DatasetBucket = S3ServerFixture.DatasetBucket;
    protected const string MissingBucket = "no-such-bucket";
    protected const int MiB = 1024 * 1024;

    protected string Prefix { get; } = "t-" + Guid.NewGuid().ToString("N") + "/";

    /// <summary>The store under test (part size 5 MiB, at most 2 parts in flight).</summary>
    protected abstract IObjectStore Store { get; }

    /// <summary>Asserts that no unfinished write of <paramref name="location"/> is left in the store.</summary>
    protected abstract Task AssertNoUnfinishedWriteAsync(ObjectLocation location);

    /// <summary>The store under test, listing <paramref name="size"/> keys a page (where the store lists in pages).</summary>
    protected abstract IObjectStore StoreWithListPagesOf(int size);

    /// <summary>Creates what tools leave for an empty "folder": a key ending in '/' (S3), a folder (local).</summary>
    protected abstract Task PutFolderMarkerAsync(string key);

    [Fact]
    public async Task ListsKeysWithSpecialCharactersInUtf8KeyOrderAndReadsThemBack()
    {
        string[] names =
        [
            "a b.csv", "a#b.csv", "a%b.csv", "a%20b.csv", "a+b.csv", "a=b.csv", "a&b.csv", "a.csv", "Z.csv",
            "sub/x y.csv", "é.csv", "ü x.csv", "\uE000.csv", "\U0001F600.csv", "日本語.csv",
        ];
        foreach (string name in names)
        {
            await PutAsync(Prefix + name, Encoding.UTF8.GetBytes(name));
        }

        List<ObjectInfo> listed = await ListAsync(Bucket, Prefix);

        string[] expected = names.Select(n => Prefix + n).OrderBy(k => Encoding.UTF8.GetBytes(k), ByteOrder.Instance).ToArray();
        Assert.Equal(expected, listed.Select(o => o.Location.Key).ToArray());
        Assert.All(listed, o => Assert.Equal(Bucket, o.Location.Bucket));
        Assert.All(listed, o => Assert.Equal(Encoding.UTF8.GetByteCount(o.Location.Key.Substring(Prefix.Length)), o.Size));
        Assert.All(listed, o => Assert.Equal(TimeSpan.Zero, o.LastModified.Offset));
        Assert.All(listed, o => Assert.InRange(o.LastModified, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(1)));
        foreach (string name in names)
        {
            Assert.Equal(name, Encoding.UTF8.GetString(await ReadAllAsync(new ObjectLocation(Bucket, Prefix + name))));
        }
    }

    [Fact]
    public async Task ListsOnlyKeysStartingWithThePrefix()
    {
        foreach (string key in new[] { "sales/2023.csv", "sales/2024_01.csv", "sales/2024/02.csv", "sales/2024/03/x.csv", "salesX/2024.csv", "other.csv" })
        {
            await PutAsync(Prefix + key, [1]);
        }

        Assert.Equal(["sales/2024/02.csv", "sales/2024/03/x.csv", "sales/2024_01.csv"], await KeysAsync("sales/2024"));
        Assert.Equal(["sales/2023.csv", "sales/2024/02.csv", "sales/2024/03/x.csv", "sales/2024_01.csv"], await KeysAsync("sales/"));
        Assert.Equal(["sales/2023.csv", "sales/2024/02.csv", "sales/2024/03/x.csv", "sales/2024_01.csv", "salesX/2024.csv"], await KeysAsync("sales"));
        Assert.Equal(["other.csv"], await KeysAsync("o"));
        Assert.Empty(await KeysAsync("missing/"));
        Assert.Empty(await KeysAsync("other.csv/x"));
    }

    [Fact]
    public async Task ListsMoreThanOnePageOfKeys()
    {
        const int Count = 1100;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, Count),
            new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (i, ct) => await PutAsync(Prefix + $"k{i:D5}.txt", [(byte)i], ct));

        List<ObjectInfo> listed = await ListAsync(Bucket, Prefix);

        Assert.Equal(Enumerable.Range(0, Count).Select(i => Prefix + $"k{i:D5}.txt"), listed.Select(o => o.Location.Key));
        Assert.All(listed, o => Assert.Equal(1, o.Size));
    }

    [Fact]
    public async Task ListsInByteOrderAcrossPagesOfTwo()
    {
        // Byte order ('-' < '.' < '/' < '0') differs from an order that walks folders before their siblings.
        string[] keys = ["a0", "a/b", "b", "a.txt", "a/c/d", "a-b", "a/", "a/b0"];
        foreach (string key in keys)
        {
            if (key.EndsWith('/'))
            {
                await PutFolderMarkerAsync(Prefix + key);
            }
            else
            {
                await PutAsync(Prefix + key, [1]);
            }
        }

        IObjectStore paged = StoreWithListPagesOf(2);
        var listed = new List<string>();
        await foreach (ObjectInfo info in paged.ListAsync(Bucket, Prefix))
        {
            listed.Add(info.Location.Key.Substring(Prefix.Length));
        }

        Assert.Equal(["a-b", "a.txt", "a/b", "a/b0", "a/c/d", "a0", "b"], listed);
        Assert.Equal(["a/b", "a/b0", "a/c/d"], (await ListAsync(Bucket, Prefix + "a/")).Select(o => o.Location.Key.Substring(Prefix.Length)));
    }

    [Fact]
    public async Task StopsListingWhenTheCallerStops()
    {
        for (int i = 0; i < 3; i++)
        {
            await PutAsync(Prefix + $"{i}.txt", [1]);
        }

        await foreach (ObjectInfo info in Store.ListAsync(Bucket, Prefix))
        {
            Assert.Equal(Prefix + "0.txt", info.Location.Key);
            break;
        }

        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ListAsync(Bucket, Prefix, cancel.Token));
    }

    [Fact]
    public async Task GetsInformationOfObjectsAndNullForMissingOnes()
    {
        var location = new ObjectLocation(Bucket, Prefix + "dir/info file.bin");
        await PutAsync(location.Key, new byte[1234]);

        ObjectInfo? info = await Store.GetInfoAsync(location);

        Assert.NotNull(info);
        Assert.Equal(location, info.Location);
        Assert.Equal(1234, info.Size);
        Assert.Null(await Store.GetInfoAsync(new ObjectLocation(Bucket, Prefix + "dir/missing.bin")));
        Assert.Null(await Store.GetInfoAsync(new ObjectLocation(Bucket, Prefix + "dir")));
    }

    [Fact]
    public async Task AMissingObjectIsNotFoundAndNamesItsLocation()
    {
        var location = new ObjectLocation(Bucket, Prefix + "missing file #1.csv");

        var read = await Assert.ThrowsAsync<ObjectNotFoundException>(() => Store.OpenReadAsync(location));
        Assert.Contains(location.ToString(), read.Message);
        Assert.Equal(location, read.Location);

        var range = await Assert.ThrowsAsync<ObjectNotFoundException>(() => Store.OpenReadRangeAsync(location, 0, 10));
        Assert.Equal(location, range.Location);
        await Assert.ThrowsAsync<ObjectNotFoundException>(() => Store.OpenReadRangeAsync(location, 0, 0));
    }

    [Fact]
    public async Task AMissingBucketIsAClearError()
    {
        var location = new ObjectLocation(MissingBucket, "k.csv");
        string expected = $"bucket '{MissingBucket}' does not exist";

        var listing = await Assert.ThrowsAsync<ObjectNotFoundException>(() => ListAsync(MissingBucket, ""));
        Assert.Contains(expected, listing.Message);
        var info = await Assert.ThrowsAsync<ObjectNotFoundException>(() => Store.GetInfoAsync(location));
        Assert.Contains(expected, info.Message);
        var read = await Assert.ThrowsAsync<ObjectNotFoundException>(() => Store.OpenReadAsync(location));
        Assert.Contains(expected, read.Message);
        var write = await Assert.ThrowsAsync<ObjectNotFoundException>(() => WriteAsync(location, [1, 2, 3]));
        Assert.Contains(expected, write.Message);
        var delete = await Assert.ThrowsAsync<ObjectNotFoundException>(() => Store.DeleteAsync(location));
        Assert.Contains(expected, delete.Message);
    }

    [Fact]
    public async Task ReadsWholeObjectsAndRanges()
    {
        var location = new ObjectLocation(Bucket, Prefix + "digits.txt");
        await PutAsync(location.Key, "0123456789"u8.ToArray());

        Assert.Equal("0123456789", await ReadTextAsync(Store.OpenReadAsync(location)));
        Assert.Equal("234", await ReadTextAsync(Store.OpenReadRangeAsync(location, 2, 3)));
        Assert.Equal("0", await ReadTextAsync(Store.OpenReadRangeAsync(location, 0, 1)));
        Assert.Equal("89", await ReadTextAsync(Store.OpenReadRangeAsync(location, 8, 10)));
        Assert.Equal("0123456789", await ReadTextAsync(Store.OpenReadRangeAsync(location, 0, long.MaxValue)));
        Assert.Equal("", await ReadTextAsync(Store.OpenReadRangeAsync(location, 5, 0)));
        Assert.Equal("", await ReadTextAsync(Store.OpenReadRangeAsync(location, 10, 5)));
        Assert.Equal("", await ReadTextAsync(Store.OpenReadRangeAsync(location, 50, 5)));
    }

    [Fact]
    public async Task ASmallWriteIsStoredByteForByte()
    {
        byte[] data = Enumerable.Range(0, 3000).Select(i => (byte)(i * 7)).ToArray();
        var location = new ObjectLocation(Bucket, Prefix + "small.bin");

        await using (ObjectWriteStream stream = await Store.OpenWriteAsync(location))
        {
            await stream.WriteAsync(data.AsMemory(0, 1000));
            stream.Write(data, 1000, 1000);
            await stream.WriteAsync(data.AsMemory(2000));
            await stream.FlushAsync();
            Assert.Equal(3000, stream.BytesWritten);
            Assert.Equal(location, stream.Location);

            // Nothing is visible before the write completes.
            Assert.Null(await Store.GetInfoAsync(location));
            await stream.CompleteAsync();
        }

        Assert.Equal(data, await ReadAllAsync(location));
        Assert.Equal(3000, (await Store.GetInfoAsync(location))!.Size);
    }

    [Fact]
    public async Task AnEmptyWriteStoresAnEmptyObject()
    {
        var location = new ObjectLocation(Bucket, Prefix + "empty.csv");
        await WriteAsync(location, []);

        Assert.Equal(0, (await Store.GetInfoAsync(location))!.Size);
        Assert.Empty(await ReadAllAsync(location));
    }

    [Fact]
    public async Task AWriteReplacesTheObject()
    {
        var location = new ObjectLocation(Bucket, Prefix + "replaced.txt");
        await WriteAsync(location, "first version, longer"u8.ToArray());
        await WriteAsync(location, "second"u8.ToArray());

        Assert.Equal("second", Encoding.UTF8.GetString(await ReadAllAsync(location)));
    }

    [Fact]
    public async Task AWriteOfSeveralPartsIsStoredByteForByte()
    {
        byte[] data = RandomData(12 * MiB + 12345, seed: 1);
        var location = new ObjectLocation(Bucket, Prefix + "big/multi part.bin");

        await using (ObjectWriteStream stream = await Store.OpenWriteAsync(location))
        {
            // Uneven writes that straddle part boundaries.
            int offset = 0;
            int size = 1;
            while (offset < data.Length)
            {
                int count = Math.Min(size, data.Length - offset);
                await stream.WriteAsync(data.AsMemory(offset, count));
                offset += count;
                size = size * 3 + 17;
            }

            Assert.Null(await Store.GetInfoAsync(location));
            await stream.CompleteAsync();
            Assert.Equal(data.Length, stream.BytesWritten);
        }

        Assert.Equal(data.Length, (await Store.GetInfoAsync(location))!.Size);
        Assert.Equal(SHA256.HashData(data), await HashAsync(Store.OpenReadAsync(location)));
        Assert.Equal(data.AsSpan(5 * MiB - 10, 20).ToArray(), await ReadAllAsync(Store.OpenReadRangeAsync(location, 5 * MiB - 10, 20)));
    }

    [Fact]
    public async Task AnObjectOfExactlyOnePartIsStoredByteForByte()
    {
        byte[] data = RandomData(5 * MiB, seed: 2);
        var location = new ObjectLocation(Bucket, Prefix + "one-part.bin");

        await WriteAsync(location, data);

        Assert.Equal(SHA256.HashData(data), await HashAsync(Store.OpenReadAsync(location)));
    }

    [Fact]
    public async Task DisposingAMultipartWriteBeforeCompletingItLeavesNoObject()
    {
        var location = new ObjectLocation(Bucket, Prefix + "abandoned.bin");
        await using (ObjectWriteStream stream = await Store.OpenWriteAsync(location))
        {
            await stream.WriteAsync(RandomData(11 * MiB, seed: 3));
        }

        Assert.Null(await Store.GetInfoAsync(location));
        Assert.Empty(await ListAsync(Bucket, Prefix));
        await AssertNoUnfinishedWriteAsync(location);
    }

    [Fact]
    public async Task AnErrorInTheMiddleOfAMultipartWriteLeavesNoObjectAndKeepsTheError()
    {
        var location = new ObjectLocation(Bucket, Prefix + "failed.bin");
        await PutAsync(location.Key, "previous"u8.ToArray());

        var error = await Assert.ThrowsAsync<InvalidDataException>(async () =>
        {
            await using ObjectWriteStream stream = await Store.OpenWriteAsync(location);
            await stream.WriteAsync(RandomData(7 * MiB, seed: 4));
            await stream.WriteAsync(RandomData(4 * MiB, seed: 5));
            throw new InvalidDataException("the rows ran out");
        });

        Assert.Equal("the rows ran out", error.Message);
        Assert.Equal("previous", Encoding.UTF8.GetString(await ReadAllAsync(location)));
        await AssertNoUnfinishedWriteAsync(location);
    }

    [Fact]
    public async Task ACancelledWriteLeavesNoObject()
    {
        var location = new ObjectLocation(Bucket, Prefix + "cancelled.bin");
        using var cancel = new CancellationTokenSource();
        await using (ObjectWriteStream stream = await Store.OpenWriteAsync(location))
        {
            await stream.WriteAsync(RandomData(6 * MiB, seed: 6));
            cancel.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await stream.WriteAsync(RandomData(6 * MiB, seed: 7), cancel.Token));
        }

        Assert.Null(await Store.GetInfoAsync(location));

        var completed = new ObjectLocation(Bucket, Prefix + "cancelled-complete.bin");
        await using (ObjectWriteStream stream = await Store.OpenWriteAsync(completed))
        {
            await stream.WriteAsync(RandomData(6 * MiB, seed: 8));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stream.CompleteAsync(cancel.Token));
            await Assert.ThrowsAnyAsync<InvalidOperationException>(async () => await stream.WriteAsync(new byte[1]));
        }

        Assert.Null(await Store.GetInfoAsync(completed));
        Assert.Empty(await ListAsync(Bucket, Prefix));
        await AssertNoUnfinishedWriteAsync(location);
        await AssertNoUnfinishedWriteAsync(completed);
    }

    [Fact]
    public async Task WritingAfterCompletingThrows()
    {
        var location = new ObjectLocation(Bucket, Prefix + "done.txt");
        await using ObjectWriteStream stream = await Store.OpenWriteAsync(location);
        await stream.WriteAsync("x"u8.ToArray());
        await stream.CompleteAsync();

        await Assert.ThrowsAnyAsync<InvalidOperationException>(async () => await stream.WriteAsync("y"u8.ToArray()));
        await Assert.ThrowsAnyAsync<InvalidOperationException>(() => stream.CompleteAsync());
        Assert.Equal("x", Encoding.UTF8.GetString(await ReadAllAsync(location)));
    }

    [Fact]
    public async Task DeletesAndDeletingTwiceIsNoError()
    {
        var location = new ObjectLocation(Bucket, Prefix + "to delete.txt");
        await PutAsync(location.Key, [1, 2]);

        await Store.DeleteAsync(location);
        await Store.DeleteAsync(location);

        Assert.Null(await Store.GetInfoAsync(location));
        await Store.DeleteAsync(new ObjectLocation(Bucket, Prefix + "never/existed.txt"));
    }

    [Fact]
    public async Task ReadsAGeneratedDatasetOverAGlobOfManyObjectsInKeyOrder()
    {
        const int Objects = 50;
        var expected = new List<(string Sensor, int Seq)>();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, Objects),
            new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (i, ct) =>
            {
                string sensor = $"s{i:D2}";
                string csv = $"sensor,seq,value\n{sensor},1,{i}.25\n{sensor},2,\n";
                await PutAsync(Prefix + $"readings/day {i % 3}/{sensor}.csv", Encoding.UTF8.GetBytes(csv), ct, DatasetBucket);
            });
        await PutAsync(Prefix + "readings/notes.txt", "not,a,dataset"u8.ToArray(), default, DatasetBucket);

        var read = new List<Reading>();
        await foreach (Reading reading in Readings.ReadAsync(Store, $"s3://{DatasetBucket}/{Prefix}readings/**/*.csv"))
        {
            read.Add(reading);
        }

        // Key order: "day 0/s00.csv", "day 0/s03.csv", ..., then "day 1/...", then "day 2/...".
        string[] sensorOrder = Enumerable.Range(0, Objects).OrderBy(i => i % 3).ThenBy(i => i).Select(i => $"s{i:D2}").ToArray();
        Assert.Equal(sensorOrder.SelectMany(s => new[] { (s, 1), (s, 2) }), read.Select(r => (r.Sensor, r.Seq)));
        Assert.Equal(12.25m, read.Single(r => r.Sensor == "s12" && r.Seq == 1).Value);
        Assert.Null(read.Single(r => r.Sensor == "s12" && r.Seq == 2).Value);

        // Stopping early is fine: the objects opened ahead are closed.
        await foreach (Reading reading in Readings.ReadAsync(Store, $"s3://{DatasetBucket}/{Prefix}readings/**/*.csv"))
        {
            Assert.Equal("s00", reading.Sensor);
            break;
        }
    }

    [Fact]
    public async Task DatasetLocationsThatNameNothingAreClearErrors()
    {
        await PutAsync(Prefix + "readings/a.txt", "x"u8.ToArray(), default, DatasetBucket);

        var literal = await Assert.ThrowsAsync<ObjectNotFoundException>(() => CollectAsync(Readings.ReadAsync(Store, $"s3://{DatasetBucket}/{Prefix}readings/missing.csv")));
        Assert.Contains($"s3://{DatasetBucket}/{Prefix}readings/missing.csv", literal.Message);

        var glob = await Assert.ThrowsAsync<ObjectNotFoundException>(() => CollectAsync(Readings.ReadAsync(Store, $"s3://{DatasetBucket}/{Prefix}readings/*.csv")));
        Assert.Contains("no object matches", glob.Message);

        var bucket = await Assert.ThrowsAsync<ObjectNotFoundException>(() => CollectAsync(Readings.ReadAsync(Store, $"s3://{MissingBucket}/readings/*.csv")));
        Assert.Contains($"bucket '{MissingBucket}' does not exist", bucket.Message);
    }

    [Fact]
    public async Task ABadValueNamesTheObjectItCameFrom()
    {
        await PutAsync(Prefix + "readings/a.csv", "sensor,seq,value\na,1,\n"u8.ToArray(), default, DatasetBucket);
        await PutAsync(Prefix + "readings/b #2.csv", "sensor,seq,value\nb,two,\n"u8.ToArray(), default, DatasetBucket);
        await PutAsync(Prefix + "readings/c.csv", "sensor,seq,value\nc,3,\n"u8.ToArray(), default, DatasetBucket);

        var error = await Assert.ThrowsAsync<DatasetFormatException>(() => CollectAsync(Readings.ReadAsync(Store, $"s3://{DatasetBucket}/{Prefix}readings/*.csv")));

        Assert.Equal($"s3://{DatasetBucket}/{Prefix}readings/b #2.csv", error.ObjectName);
        Assert.Equal("seq", error.Column);
    }

    protected static byte[] RandomData(int length, int seed)
    {
        byte[] data = new byte[length];
        new Random(seed).NextBytes(data);
        return data;
    }

    protected async Task PutAsync(string key, byte[] data, CancellationToken cancellationToken = default, string bucket = Bucket) =>
        await WriteAsync(new ObjectLocation(bucket, key), data, cancellationToken);

    protected async Task WriteAsync(ObjectLocation location, byte[] data, CancellationToken cancellationToken = default)
    {
        await using ObjectWriteStream stream = await Store.OpenWriteAsync(location, cancellationToken);
        await stream.WriteAsync(data, cancellationToken);
        await stream.CompleteAsync(cancellationToken);
    }

    [Fact]
    public async Task EveryFormatAndCompressionWritesThroughTheLayoutAndReadsBackWithFormatAuto()
    {
        string root = $"s3://{DatasetBucket}/{Prefix}formats/";
        var start = new DateTimeOffset(2024, 4, 14, 12, 0, 0, TimeSpan.Zero);
        List<CsvRow> rows = Enumerable.Range(0, 1000)
            .Select(i => new CsvRow { Sensor = "s" + (i % 7) + (i % 5 == 0 ? ", \"quoted\" ✓" : string.Empty), Seq = i, Value = i % 3 == 0 ? null : i * 1.25m, At = i % 4 == 0 ? null : start.AddSeconds(i) })
            .ToList();

        WriteResult csv = await CsvRows.WriteAsync(Store, root + "csv/", rows);
        WriteResult jsonLines = await JsonLinesRows.WriteAsync(Store, root + "jsonl/", rows.Select(r => new JsonLinesRow { Sensor = r.Sensor, Seq = r.Seq, Value = r.Value, At = r.At }));
        WriteResult json = await JsonRows.WriteAsync(Store, root + "json/", rows.Select(r => new JsonRow { Sensor = r.Sensor, Seq = r.Seq, Value = r.Value, At = r.At }));
        WriteResult parquet = await ParquetRows.WriteAsync(Store, root + "parquet/", rows.Select(r => new ParquetRow { Sensor = r.Sensor, Seq = r.Seq, Value = r.Value, At = r.At }));

        // The CSV write rolls over every 300 rows; each object's extension says its format and compression.
        Assert.Equal(new long[] { 300, 300, 300, 100 }, csv.Objects.Select(o => o.RowCount));
        Assert.All(csv.Objects, o => Assert.EndsWith(".csv.gz", o.Location.Key, StringComparison.Ordinal));
        Assert.EndsWith(".jsonl.gz", Assert.Single(jsonLines.Objects).Location.Key, StringComparison.Ordinal);
        Assert.EndsWith(".json", Assert.Single(json.Objects).Location.Key, StringComparison.Ordinal);
        Assert.EndsWith(".parquet", Assert.Single(parquet.Objects).Location.Key, StringComparison.Ordinal);
        foreach (WrittenObject written in csv.Objects.Concat(jsonLines.Objects).Concat(json.Objects).Concat(parquet.Objects))
        {
            Assert.Equal(written.Size, (await Store.GetInfoAsync(written.Location))!.Size);
        }

        // Format auto reads each object with the codec its extension names, gzip detected by its bytes.
        foreach (string format in new[] { "csv", "jsonl", "json", "parquet" })
        {
            List<CsvRow> read = await CollectAsync(CsvRows.ReadAsync(Store, root + format + "/**"));
            Assert.Equal(rows, read);
        }

        Assert.Equal(4 * rows.Count, (await CollectAsync(CsvRows.ReadAsync(Store, root + "**"))).Count);
    }

    protected async Task<byte[]> ReadAllAsync(ObjectLocation location) => await ReadAllAsync(Store.OpenReadAsync(location));

    protected async Task<List<ObjectInfo>> ListAsync(string bucket, string prefix, CancellationToken cancellationToken = default)
    {
        var list = new List<ObjectInfo>();
        await foreach (ObjectInfo info in Store.ListAsync(bucket, prefix, cancellationToken))
        {
            list.Add(info);
        }

        return list;
    }

    private static async Task<byte[]> ReadAllAsync(Task<Stream> opening)
    {
        await using Stream stream = await opening;
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    private static async Task<string> ReadTextAsync(Task<Stream> opening) => Encoding.UTF8.GetString(await ReadAllAsync(opening));

    private static async Task<byte[]> HashAsync(Task<Stream> opening)
    {
        await using Stream stream = await opening;
        return await SHA256.HashDataAsync(stream);
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

    private async Task<string[]> KeysAsync(string relativePrefix) =>
        (await ListAsync(Bucket, Prefix + relativePrefix)).Select(o => o.Location.Key.Substring(Prefix.Length)).ToArray();

    private sealed class ByteOrder : IComparer<byte[]>
    {
        public static readonly ByteOrder Instance = new();

        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}
