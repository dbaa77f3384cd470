using System.Diagnostics;
using System.Text;
using Amazon.S3;
using Amazon.S3.Model;
using Typed.S3.IntegrationTests.Data;
using Typed.S3.IntegrationTests.Infrastructure;

namespace Typed.S3.IntegrationTests.Stores;

/// <summary>
/// Reads that meet a broken network, against the real server through <see cref="FaultProxy"/>: a body cut part way
/// (a reset, a premature end, an end that looks clean, a stall) is resumed from the next byte, pinned to the ETag,
/// and every record arrives exactly once, in order; what cannot be recovered is an <see cref="ObjectReadException"/>
/// naming the object and the offset, never a raw transport exception or a short read taken for the whole.
/// </summary>
[Collection(S3ServerCollection.Name)]
public sealed class ResumedReadTests : IAsyncLifetime
{
    private const int Rows = 180_000;
    private const string Bucket = S3ServerFixture.DatasetBucket;

    private readonly S3ServerFixture _server;
    private readonly string _prefix = "resume-" + Guid.NewGuid().ToString("N")[..12] + "/";
    private FaultProxy _proxy = null!;

    public ResumedReadTests(S3ServerFixture server) => _server = server;

    public Task InitializeAsync()
    {
        _proxy = new FaultProxy(_server.ServiceUrl);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _proxy.DisposeAsync();

    [Theory]
    [InlineData("reset")]
    [InlineData("premature end")]
    [InlineData("end without a length")]
    public async Task A20MegabyteCsvCutAfter5MegabytesReadsEveryRowOnceInOrder(string kind)
    {
        (string key, byte[] csv) = await PutCsvAsync("cut.csv");
        string etag = await ETagAsync(key);
        long cut = 5_000_000;
        _proxy.Arm(r => r.Method == "GET" && r.Path.EndsWith(key, StringComparison.Ordinal) && r.Range.Length == 0, FaultOf(kind, cut));

        await using S3ObjectStore store = ProxiedStore();
        List<Reading> read = await ReadAllAsync(Readings.ReadAsync(store, $"s3://{Bucket}/{key}"));

        AssertEveryRowOnce(read);
        ProxiedRequest[] gets = Gets(key);
        Assert.Equal(2, gets.Length);
        Assert.Equal(etag, gets[0].IfMatch);

        // The resume asks for the bytes after the last one delivered, of the same version. (A reset may drop bytes
        // that reached the machine but not the reader: then the resume starts earlier, never later.)
        Assert.Equal(etag, gets[1].IfMatch);
        if (kind == "reset")
        {
            Assert.Matches($"^bytes=[0-9]+-{csv.Length - 1}$", gets[1].Range);
            Assert.InRange(long.Parse(gets[1].Range[6..gets[1].Range.IndexOf('-')]), 1, cut);
        }
        else
        {
            Assert.Equal($"bytes={cut}-{csv.Length - 1}", gets[1].Range);
        }
    }

    [Fact]
    public async Task CutsAtSeveralOffsetsOfOneReadAreAllResumed()
    {
        (string key, byte[] csv) = await PutCsvAsync("many-cuts.csv");
        _proxy.Arm(r => r.Path.EndsWith(key, StringComparison.Ordinal) && r.Method == "GET" && r.Range.Length == 0, new Fault.EndEarly(1));
        _proxy.Arm(r => r.Path.EndsWith(key, StringComparison.Ordinal) && r.Method == "GET" && r.Range.Length > 0, new Fault.EndEarly(3_000_000), times: 2);
        _proxy.Arm(r => r.Path.EndsWith(key, StringComparison.Ordinal) && r.Method == "GET" && r.Range.Length > 0, new Fault.EndEarly(65_537));
        _proxy.Arm(r => r.Path.EndsWith(key, StringComparison.Ordinal) && r.Method == "GET" && r.Range.Length > 0, new Fault.UnknownLengthEnd(4_000_000));

        await using S3ObjectStore store = ProxiedStore();
        await using Stream stream = await store.OpenReadAsync(new ObjectLocation(Bucket, key));
        byte[] bytes = await ReadBytesAsync(stream);

        Assert.Equal(csv, bytes);
        Assert.Equal(
            ["", "bytes=1-", "bytes=3000001-", "bytes=6000001-", "bytes=6065538-", "bytes=10065538-"],
            Gets(key).Select(g => g.Range.Length == 0 ? "" : g.Range[..(g.Range.IndexOf('-') + 1)]));
    }

    [Fact]
    public async Task AResponseWithoutALengthCutAtARowBoundaryIsNotTakenForTheEnd()
    {
        (string key, byte[] csv) = await PutCsvAsync("no-length.csv");

        // The cut falls exactly after a record: with no length and a clean close, the body looks complete.
        int boundary = Array.IndexOf(csv, (byte)'\n', csv.Length / 4) + 1;
        _proxy.Arm(r => r.Method == "GET" && r.Path.EndsWith(key, StringComparison.Ordinal), new Fault.UnknownLengthEnd(boundary));

        await using S3ObjectStore store = ProxiedStore();

        // Through a listing (the size is known) and through a bare location (the end is confirmed by asking for more).
        AssertEveryRowOnce(await ReadAllAsync(Readings.ReadAsync(store, $"s3://{Bucket}/{_prefix}no-length.*")));
        _proxy.Arm(r => r.Method == "GET" && r.Path.EndsWith(key, StringComparison.Ordinal), new Fault.UnknownLengthEnd(boundary));
        await using Stream stream = await store.OpenReadAsync(new ObjectLocation(Bucket, key));
        Assert.Equal(csv, await ReadBytesAsync(stream));
    }

    [Fact]
    public async Task AStalledBodyIsGivenUpAfterTheReadTimeoutAndResumed()
    {
        (string key, byte[] csv) = await PutCsvAsync("stall.csv");
        _proxy.Arm(r => r.Method == "GET" && r.Path.EndsWith(key, StringComparison.Ordinal), new Fault.Stall(2_000_000, TimeSpan.FromSeconds(60)));

        await using S3ObjectStore store = ProxiedStore(o => o.ReadTimeout = TimeSpan.FromSeconds(1));
        var watch = Stopwatch.StartNew();
        await using Stream stream = await store.OpenReadAsync(new ObjectLocation(Bucket, key));
        byte[] bytes = await ReadBytesAsync(stream);

        Assert.Equal(csv, bytes);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"the read took {watch.Elapsed}: the stall was waited out, not cut short");
        Assert.Equal("bytes=2000000-" + (csv.Length - 1), Gets(key)[1].Range);
    }

    [Fact]
    public async Task SlowDownAnswersToAResumeAreRetriedWithPauses()
    {
        (string key, byte[] csv) = await PutCsvAsync("slowdown.csv");
        _proxy.Arm(r => r.Method == "GET" && r.Path.EndsWith(key, StringComparison.Ordinal) && r.Range.Length == 0, new Fault.Reset(1_000_000));
        _proxy.Arm(r => r.Method == "GET" && r.Path.EndsWith(key, StringComparison.Ordinal) && r.Range.Length > 0, new Fault.SlowDown(), times: 4);

        await using S3ObjectStore store = ProxiedStore(o => o.ReadRetryDelay = TimeSpan.FromMilliseconds(20));
        await using Stream stream = await store.OpenReadAsync(new ObjectLocation(Bucket, key));

        Assert.Equal(csv, await ReadBytesAsync(stream));
        Assert.Equal(4, Gets(key).Count(g => g.Fault?.Contains("SlowDown", StringComparison.Ordinal) == true));
    }

    [Fact]
    public async Task ACutThatKeepsRecurringFailsWithTheObjectAndOffsetAfterTheRecordsBeforeIt()
    {
        (string key, _) = await PutCsvAsync("hopeless.csv");
        _proxy.Arm(r => r.Method == "GET" && r.Path.EndsWith(key, StringComparison.Ordinal) && r.Range.Length == 0, new Fault.EndEarly(5_000_000));
        _proxy.Arm(r => r.Method == "GET" && r.Path.EndsWith(key, StringComparison.Ordinal) && r.Range.Length > 0, new Fault.EndEarly(0), times: 100);

        await using S3ObjectStore store = ProxiedStore(o =>
        {
            o.ReadRetries = 3;
            o.ReadRetryDelay = TimeSpan.FromMilliseconds(10);
        });
        var read = new List<Reading>();
        var error = await Assert.ThrowsAsync<ObjectReadException>(async () =>
        {
            await foreach (Reading reading in Readings.ReadAsync(store, $"s3://{Bucket}/{key}"))
            {
                read.Add(reading);
            }
        });

        Assert.IsNotType<ObjectChangedException>(error);
        Assert.Equal(new ObjectLocation(Bucket, key), error.Location);
        Assert.Equal(5_000_000, error.Offset);
        Assert.Contains($"cannot read s3://{Bucket}/{key}", error.Message, StringComparison.Ordinal);
        Assert.Contains("past byte 5000000", error.Message, StringComparison.Ordinal);
        Assert.Contains("3 resume(s) in a row", error.Message, StringComparison.Ordinal);
        Assert.Equal(1 + 3, Gets(key).Length);

        // Every whole record before the cut was delivered, in order, none twice.
        Assert.InRange(read.Count, 40_000, 45_000);
        Assert.Equal(Enumerable.Range(0, read.Count), read.Select(r => r.Seq));
        Assert.DoesNotContain(RadosGatewaySecret, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutRetriesTheFirstCutIsTheError()
    {
        (string key, _) = await PutCsvAsync("no-retries.csv");
        _proxy.Arm(r => r.Method == "GET" && r.Path.EndsWith(key, StringComparison.Ordinal), new Fault.EndEarly(100_000));

        await using S3ObjectStore store = ProxiedStore(o => o.ReadRetries = 0);
        await using Stream stream = await store.OpenReadAsync(new ObjectLocation(Bucket, key));
        var error = await Assert.ThrowsAsync<ObjectReadException>(() => ReadBytesAsync(stream));

        Assert.Equal(100_000, error.Offset);
        Assert.IsAssignableFrom<IOException>(error.InnerException);
        Assert.Single(Gets(key));
    }

    [Fact]
    public async Task AnObjectReplacedDuringARead()
    {
        (string key, _) = await PutCsvAsync("replaced.csv");
        _proxy.Arm(r => r.Method == "GET" && r.Path.EndsWith(key, StringComparison.Ordinal), new Fault.EndEarly(5_000_000));

        await using S3ObjectStore store = ProxiedStore();
        var read = new List<Reading>();
        var error = await Assert.ThrowsAsync<ObjectChangedException>(async () =>
        {
            await foreach (Reading reading in Readings.ReadAsync(store, $"s3://{Bucket}/{key}"))
            {
                if (read.Count == 0)
                {
                    // The object is replaced (same size, other bytes) while its first body is still being read.
                    await PutAsync(key, CsvBytes(Rows, sensor: "other"));
                }

                read.Add(reading);
            }
        });

        Assert.Equal(5_000_000, error.Offset);
        Assert.Contains("changed while being read", error.Message, StringComparison.Ordinal);
        Assert.All(read, r => Assert.StartsWith("sensor-", r.Sensor, StringComparison.Ordinal));
        Assert.Equal(412, (int)Assert.IsType<AmazonS3Exception>(error.InnerException).StatusCode);
    }

    [Fact]
    public async Task AnObjectDeletedDuringAReadOrReplacedAfterItWasListed()
    {
        (string key, _) = await PutCsvAsync("deleted.csv");
        _proxy.Arm(r => r.Method == "GET" && r.Path.EndsWith(key, StringComparison.Ordinal), new Fault.EndEarly(1_000_000));
        await using S3ObjectStore store = ProxiedStore();
        await using (Stream stream = await store.OpenReadAsync(new ObjectLocation(Bucket, key)))
        {
            byte[] first = new byte[1000];
            await stream.ReadExactlyAsync(first);
            await store.DeleteAsync(new ObjectLocation(Bucket, key));
            var deleted = await Assert.ThrowsAsync<ObjectChangedException>(() => ReadBytesAsync(stream));
            Assert.Contains("it was deleted", deleted.Message, StringComparison.Ordinal);
        }

        // Listed, then replaced before the read starts: the listed ETag is sent with the first GET.
        (string listedKey, _) = await PutCsvAsync("listed.csv");
        ObjectInfo listed = (await store.GetInfoAsync(new ObjectLocation(Bucket, listedKey)))!;
        Assert.NotNull(listed.ETag);
        await PutAsync(listedKey, Encoding.UTF8.GetBytes("sensor,seq,value\nx,1,2\n"));
        var changed = await Assert.ThrowsAsync<ObjectChangedException>(() => store.OpenReadAsync(listed));
        Assert.Equal(0, changed.Offset);
    }

    [Fact]
    public async Task ParallelCsvReadsAreResumedToo()
    {
        (string key, _) = await PutCsvAsync("parallel.csv");
        _proxy.Arm(r => r.Method == "GET" && r.Path.EndsWith(key, StringComparison.Ordinal), new Fault.Reset(3_333_333), times: 3);

        await using S3ObjectStore store = ProxiedStore();
        List<Reading> read = await ReadAllAsync(Readings.ReadAsync(store, $"s3://{Bucket}/{key}", new DatasetReadOptions { MaxDegreeOfParallelism = 2 }));

        AssertEveryRowOnce(read);
        Assert.Equal(4, Gets(key).Length);
    }

    [Fact]
    public async Task ParquetRangedReadsAreResumed()
    {
        string prefix = $"s3://{Bucket}/{_prefix}parquet/";
        var rows = Enumerable.Range(0, 60_000).Select(i => new WideRow
        {
            Id = i,
            Label = "label " + i,
            Text = new string((char)('a' + (i % 26)), 100),
            Score = i * 0.5,
            Count = i,
            Comment = null,
            Blob = BitConverter.GetBytes(i),
            At = DateTimeOffset.UnixEpoch.AddSeconds(i),
        }).ToList();
        await using (S3ObjectStore direct = _server.CreateStore())
        {
            await WideRows.WriteAsync(direct, prefix, rows);
        }

        // Every ranged GET of the Parquet object is reset part way through its first attempt.
        _proxy.Arm(r => r.Method == "GET" && r.Path.EndsWith(".parquet", StringComparison.Ordinal) && r.Range.Length > 0, new Fault.EndEarly(100_000), times: 50);
        await using S3ObjectStore store = ProxiedStore(o => o.ReadRetryDelay = TimeSpan.Zero);
        List<WideRow> read = await ReadAllAsync(WideRows.ReadAsync(store, prefix + "**"));

        Assert.Equal(rows, read, new WideRowComparer());
        ProxiedRequest[] gets = _proxy.Requests.Where(r => r.Method == "GET" && r.Path.EndsWith(".parquet", StringComparison.Ordinal)).ToArray();
        Assert.Contains(gets, g => g.Fault is not null);
        Assert.All(gets, g => Assert.NotEqual("", g.IfMatch));
    }

    private const string RadosGatewaySecret = S3ServerFixture.SecretKey;

    private static Fault FaultOf(string kind, long at) => kind switch
    {
        "reset" => new Fault.Reset(at),
        "premature end" => new Fault.EndEarly(at),
        "end without a length" => new Fault.UnknownLengthEnd(at),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static void AssertEveryRowOnce(List<Reading> read)
    {
        Assert.Equal(Rows, read.Count);
        for (int i = 0; i < read.Count; i++)
        {
            Assert.True(read[i].Seq == i, $"row {i} has seq {read[i].Seq}");
        }

        Assert.Equal(Sensor(12_345), read[12_345].Sensor);
        Assert.Equal(179_999.99m, read[^1].Value);
    }

    // Rows of about 115 bytes: 180,000 of them make a 20 MB object.
    private static string Sensor(int i, string name = "sensor") => $"{name}-{i:D6}-" + new string('x', 92 - name.Length);

    private static byte[] CsvBytes(int rows, string sensor = "sensor")
    {
        var text = new StringBuilder("sensor,seq,value\n", rows * 120);
        for (int i = 0; i < rows; i++)
        {
            text.Append(Sensor(i, sensor)).Append(',').Append(i).Append(',').Append(i).Append(".99\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private async Task<(string Key, byte[] Csv)> PutCsvAsync(string name)
    {
        string key = _prefix + name;
        byte[] csv = CsvBytes(Rows);
        Assert.InRange(csv.Length, 19_000_000, 22_000_000);

        // One PUT (not multipart), as most tools write objects of this size.
        using AmazonS3Client client = _server.CreateClient();
        await client.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = key, InputStream = new MemoryStream(csv), UseChunkEncoding = false });
        return (key, csv);
    }

    private async Task PutAsync(string key, byte[] data)
    {
        using AmazonS3Client client = _server.CreateClient();
        await client.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = key, InputStream = new MemoryStream(data), UseChunkEncoding = false });
    }

    private async Task<string> ETagAsync(string key)
    {
        using AmazonS3Client client = _server.CreateClient();
        return (await client.GetObjectMetadataAsync(Bucket, key)).ETag;
    }

    private S3ObjectStore ProxiedStore(Action<S3StoreOptions>? configure = null) =>
        _server.CreateStore(
            o =>
            {
                o.ReadRetryDelay = TimeSpan.FromMilliseconds(50);
                configure?.Invoke(o);
            },
            serviceUrl: _proxy.Url);

    private ProxiedRequest[] Gets(string key) =>
        _proxy.Requests.Where(r => r.Method == "GET" && r.Path == "/" + Bucket + "/" + key).ToArray();

    private static async Task<byte[]> ReadBytesAsync(Stream stream)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, 81_920);
        return copy.ToArray();
    }

    private static async Task<List<T>> ReadAllAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (T item in items)
        {
            list.Add(item);
        }

        return list;
    }

    private sealed class WideRowComparer : IEqualityComparer<WideRow>
    {
        public bool Equals(WideRow? x, WideRow? y) =>
            x is not null && y is not null && x.Id == y.Id && x.Label == y.Label && x.Text == y.Text && x.Score.Equals(y.Score)
            && x.Count == y.Count && x.Comment == y.Comment && x.At == y.At && (x.Blob ?? []).AsSpan().SequenceEqual(y.Blob ?? []);

        public int GetHashCode(WideRow obj) => obj.Id.GetHashCode();
    }
}
