using System.Net.Http.Headers;
using Typed.S3.IntegrationTests.Data;
using Typed.S3.IntegrationTests.Infrastructure;

namespace Typed.S3.IntegrationTests.Datasets;

/// <summary>Parquet on the real S3 server: written with a multipart upload, read back with ranged GETs of only the needed column chunks.</summary>
[Collection(S3ServerCollection.Name)]
public sealed class ParquetRangedReadTests(S3ServerFixture server)
{
    [Fact]
    public async Task ReadingTwoColumnsOfAWideFileFetchesRangesWellBelowTheObjectSize()
    {
        string prefix = "s3://" + S3ServerFixture.DatasetBucket + "/wide/" + Guid.NewGuid().ToString("N") + "/";
        var random = new Random(5);
        var rows = Enumerable.Range(0, 50_000).Select(i => new WideRow
        {
            Id = i,
            Label = Guid.NewGuid().ToString(),
            Text = Convert.ToBase64String(Bytes(random, 135)),
            Score = random.NextDouble(),
            Count = random.NextInt64(),
            Comment = Convert.ToHexString(Bytes(random, 50)),
            Blob = Bytes(random, 32),
            At = DateTimeOffset.UnixEpoch.AddSeconds(random.Next()),
        }).ToList();
        using (S3ObjectStore writer = server.CreateStore())
        {
            WriteResult written = await WideRows.WriteAsync(writer, prefix, rows);
            Assert.True(Assert.Single(written.Objects).Size > 10_000_000, $"the object is {written.Objects[0].Size} bytes");
        }

        var requests = new RecordingHttpClientFactory();
        using S3ObjectStore store = server.CreateStore(httpClientFactory: requests);
        ObjectInfo info = await SingleObjectAsync(store, prefix);

        var read = new List<NarrowRow>();
        var statistics = new DatasetReadStatistics();
        await foreach (NarrowRow row in NarrowRows.ReadAsync(store, prefix + "**/*.parquet", new DatasetReadOptions { Statistics = statistics }))
        {
            read.Add(row);
        }

        Assert.Equal(rows.Select(r => new NarrowRow { Id = r.Id, Score = r.Score }), read);
        RecordedRequest[] gets = requests.Requests.Where(r => r.Method == "GET" && r.Uri.AbsolutePath.EndsWith(".parquet", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(gets);
        Assert.All(gets, r => Assert.StartsWith("bytes=", r.Range));
        Assert.All(gets, r => Assert.Equal(206, r.Status));
        long fetched = gets.Sum(r => RangeLength(r.Range));
        Assert.True(fetched < info.Size / 3, $"fetched {fetched} of {info.Size} bytes in {gets.Length} ranged GETs");

        // The read's statistics count the bytes fetched, not the object's size.
        Assert.Equal(fetched, statistics.Bytes);
        Assert.Equal(rows.Count, statistics.Records);
        Assert.True(Assert.Single(statistics.PerObject).Completed);
    }

    private static async Task<ObjectInfo> SingleObjectAsync(IObjectStore store, string prefix)
    {
        var found = new List<ObjectInfo>();
        ObjectLocation location = ObjectLocation.Parse(prefix);
        await foreach (ObjectInfo info in store.ListAsync(location.Bucket, location.Key))
        {
            found.Add(info);
        }

        return Assert.Single(found);
    }

    private static long RangeLength(string header)
    {
        RangeItemHeaderValue item = Assert.Single(RangeHeaderValue.Parse(header).Ranges);
        return item.To!.Value - item.From!.Value + 1;
    }

    private static byte[] Bytes(Random random, int length)
    {
        byte[] bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
