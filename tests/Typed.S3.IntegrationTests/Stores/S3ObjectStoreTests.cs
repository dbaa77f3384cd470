using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Amazon.S3;
using Amazon.S3.Model;
using Typed.S3.IntegrationTests.Infrastructure;

namespace Typed.S3.IntegrationTests.Stores;

/// <summary>What only the S3 store has: refused credentials, the requests it sends, an unreachable endpoint.</summary>
[Collection(S3ServerCollection.Name)]
public sealed class S3ObjectStoreTests(S3ServerFixture server)
{
    private const string Bucket = S3ServerFixture.BehaviourBucket;
    private const string WrongKey = "UNKNOWN-TEST-KEY-000";
    private const string WrongSecret = "wrong-secret-Zq8xKp3vN7";

    private readonly string _prefix = "s3-" + Guid.NewGuid().ToString("N") + "/";

    // An unknown key id (InvalidAccessKeyId, 403).
    [Fact]
    public async Task WrongKeysAreAccessDeniedWithAClearMessageWithoutTheSecret()
    {
        var location = new ObjectLocation(Bucket, _prefix + "secret.csv");
        using S3ObjectStore good = server.CreateStore();
        await WriteAsync(good, location, [1, 2, 3]);
        using S3ObjectStore wrong = server.CreateStore(accessKey: WrongKey, secretKey: WrongSecret, httpClientFactory: OwnConnections());

        var read = await Assert.ThrowsAsync<ObjectStoreAccessDeniedException>(() => wrong.OpenReadAsync(location));
        Assert.Equal(location, read.Location);
        Assert.Equal("read", read.Operation);
        Assert.StartsWith($"access denied: {wrong} refused the credentials to read {location} (InvalidAccessKeyId)", read.Message);

        var list = await Assert.ThrowsAsync<ObjectStoreAccessDeniedException>(() => CountAsync(wrong.ListAsync(Bucket, _prefix)));
        Assert.Contains($"refused the credentials to list s3://{Bucket}/{_prefix}", list.Message);

        var range = await Assert.ThrowsAsync<ObjectStoreAccessDeniedException>(() => wrong.OpenReadRangeAsync(location, 0, 2));
        var delete = await Assert.ThrowsAsync<ObjectStoreAccessDeniedException>(() => wrong.DeleteAsync(location));
        var info = await Assert.ThrowsAsync<ObjectStoreAccessDeniedException>(() => wrong.GetInfoAsync(location));

        // Last: when the gateway refuses a PUT sent with "Expect: 100-continue" it keeps the connection without
        // reading the body, and should the body follow anyway, it reads the next request from the body's bytes (400,
        // no error body). A request after the refused write on that connection would test that, not the store.
        var write = await Assert.ThrowsAsync<ObjectStoreAccessDeniedException>(() => WriteAsync(wrong, new ObjectLocation(Bucket, _prefix + "new.csv"), [1]));
        Assert.Contains("refused the credentials to write", write.Message);

        foreach (ObjectStoreException error in new ObjectStoreException[] { read, list, write, range, delete, info })
        {
            Assert.DoesNotContain(WrongSecret, error.ToString());
            Assert.DoesNotContain(WrongKey, error.Message);
            Assert.IsType<AmazonS3Exception>(error.InnerException);
        }

        Assert.DoesNotContain(WrongSecret, wrong.ToString());
        Assert.Null(await good.GetInfoAsync(new ObjectLocation(Bucket, _prefix + "new.csv")));
        Assert.Equal(3, (await good.GetInfoAsync(location))!.Size);
    }

    // The server verifies SigV4 signatures: the right key id with a wrong secret is SignatureDoesNotMatch.
    [Fact]
    public async Task AWrongSecretForARealKeyIsAccessDeniedWithoutTheSecret()
    {
        var location = new ObjectLocation(Bucket, _prefix + "signed.csv");
        using S3ObjectStore good = server.CreateStore();
        await WriteAsync(good, location, [1, 2, 3]);
        using S3ObjectStore wrong = server.CreateStore(secretKey: WrongSecret, httpClientFactory: OwnConnections());

        var read = await Assert.ThrowsAsync<ObjectStoreAccessDeniedException>(() => wrong.OpenReadAsync(location));
        var write = await Assert.ThrowsAsync<ObjectStoreAccessDeniedException>(() => WriteAsync(wrong, new ObjectLocation(Bucket, _prefix + "unsigned.csv"), [1]));

        Assert.Contains("(SignatureDoesNotMatch)", read.Message, StringComparison.Ordinal);
        Assert.Contains("(SignatureDoesNotMatch)", write.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(WrongSecret, read.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(WrongSecret, write.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(S3ServerFixture.SecretKey, read.ToString() + write.ToString() + wrong, StringComparison.Ordinal);
        Assert.Null(await good.GetInfoAsync(new ObjectLocation(Bucket, _prefix + "unsigned.csv")));
    }

    [Fact]
    public async Task AnUnreachableEndpointNamesTheEndpointAndTheOperation()
    {
        string endpoint = $"http://127.0.0.1:{ClosedPort()}";
        using S3ObjectStore store = server.CreateStore(serviceUrl: endpoint);
        var location = new ObjectLocation(Bucket, "x.csv");

        var error = await Assert.ThrowsAsync<ObjectStoreException>(() => store.OpenReadAsync(location));

        Assert.StartsWith($"cannot read {location}: S3 (region us-east-1, endpoint {endpoint}", error.Message);
        Assert.Contains("could not be reached", error.Message);
        Assert.NotNull(error.InnerException);
        Assert.IsNotType<ObjectNotFoundException>(error);
        Assert.IsNotType<ObjectStoreAccessDeniedException>(error);
    }

    [Fact]
    public async Task UploadsAreSentWithoutChunkEncodingAndPartsInOrder()
    {
        var requests = new RecordingHttpClientFactory();
        using S3ObjectStore store = server.CreateStore(o => o.PartSize = S3StoreOptions.MinimumPartSize, httpClientFactory: requests);
        byte[] small = RandomNumberGenerator.GetBytes(1000);
        byte[] large = RandomNumberGenerator.GetBytes(11 * 1024 * 1024);
        var smallLocation = new ObjectLocation(Bucket, _prefix + "small.bin");
        var largeLocation = new ObjectLocation(Bucket, _prefix + "large.bin");

        await WriteAsync(store, smallLocation, small);
        await WriteAsync(store, largeLocation, large);

        RecordedRequest[] puts = requests.Requests.Where(r => r.Method == "PUT").ToArray();
        Assert.Equal(4, puts.Length);
        Assert.All(puts, r => Assert.DoesNotContain("aws-chunked", r.ContentEncoding));
        Assert.All(puts, r => Assert.DoesNotMatch("^STREAMING-", r.PayloadHash));
        Assert.All(puts, r => Assert.Equal(200, r.Status));
        Assert.Equal(
            ["partNumber=1", "partNumber=2", "partNumber=3"],
            puts.Where(r => r.Uri.Query.Contains("uploadId=")).Select(r => r.Uri.Query.TrimStart('?').Split('&').Single(p => p.StartsWith("partNumber="))).Order());
        Assert.Single(requests.Requests, r => r.Method == "POST" && r.Uri.Query.Contains("uploadId="));

        // And what the server stored is what was written.
        Assert.Equal(small, await ReadAllAsync(store, smallLocation));
        Assert.Equal(SHA256.HashData(large), SHA256.HashData(await ReadAllAsync(store, largeLocation)));
    }

    [Theory]
    [InlineData(0, 1)] // exactly one part: one PutObject
    [InlineData(1, 2)] // one byte more: two parts (PUTs; starting and completing the upload are POSTs)
    public async Task SmallWritesThatGrowTheBufferStillCutPartsAtThePartSize(int extra, int puts)
    {
        var requests = new RecordingHttpClientFactory();
        using S3ObjectStore store = server.CreateStore(o => o.PartSize = S3StoreOptions.MinimumPartSize, httpClientFactory: requests);
        byte[] data = RandomNumberGenerator.GetBytes(S3StoreOptions.MinimumPartSize + extra);
        var location = new ObjectLocation(Bucket, _prefix + $"pieces-{extra}.bin");

        // Pieces of an odd size, so that they straddle every buffer doubling and the part boundary.
        await using (ObjectWriteStream stream = await store.OpenWriteAsync(location))
        {
            for (int offset = 0; offset < data.Length; offset += 4099)
            {
                await stream.WriteAsync(data.AsMemory(offset, Math.Min(4099, data.Length - offset)));
            }

            Assert.Equal(data.Length, stream.BytesWritten);
            await stream.CompleteAsync();
        }

        Assert.Equal(puts, requests.Requests.Count(r => r.Method == "PUT"));
        Assert.Equal(SHA256.HashData(data), SHA256.HashData(await ReadAllAsync(store, location)));
    }

    [Fact]
    public async Task AFailedMultipartWriteSendsTheAbortAndKeepsTheOriginalError()
    {
        var requests = new RecordingHttpClientFactory();
        using S3ObjectStore store = server.CreateStore(o => o.PartSize = S3StoreOptions.MinimumPartSize, httpClientFactory: requests);
        var location = new ObjectLocation(Bucket, _prefix + "aborted.bin");
        string? uploadId = null;

        var error = await Assert.ThrowsAsync<TimeoutException>(async () =>
        {
            await using ObjectWriteStream stream = await store.OpenWriteAsync(location);
            await stream.WriteAsync(RandomNumberGenerator.GetBytes(6 * 1024 * 1024));
            uploadId = ((S3ObjectWriteStream)stream).UploadId;
            throw new TimeoutException("the source stopped answering");
        });

        Assert.Equal("the source stopped answering", error.Message);
        Assert.NotNull(uploadId);

        // The store sent the abort, and the server holds nothing of the upload: no object, no open upload, no parts.
        RecordedRequest abort = Assert.Single(requests.Requests, r => r.Method == "DELETE");
        Assert.Contains("uploadId=" + uploadId, abort.Uri.Query);
        Assert.Equal("/" + Bucket + "/" + location.Key, abort.Uri.AbsolutePath);
        Assert.Equal(204, abort.Status);
        Assert.DoesNotContain(requests.Requests, r => r.Method == "POST" && r.Uri.Query.Contains("uploadId="));
        Assert.Null(await store.GetInfoAsync(location));
        using AmazonS3Client client = server.CreateClient();
        ListMultipartUploadsResponse uploads = await client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = Bucket, Prefix = location.Key });
        Assert.Empty(uploads.MultipartUploads ?? []);
        var parts = await Assert.ThrowsAsync<AmazonS3Exception>(() => client.ListPartsAsync(new ListPartsRequest { BucketName = Bucket, Key = location.Key, UploadId = uploadId }));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, parts.StatusCode); // S3: NoSuchUpload; the gateway says NoSuchKey
        Assert.Contains(parts.ErrorCode, new[] { "NoSuchUpload", "NoSuchKey" });
    }

    [Fact]
    public async Task AMultipartWriteToABucketThatWentAwayFailsWithTheBucketNamed()
    {
        using S3ObjectStore store = server.CreateStore(o => o.PartSize = S3StoreOptions.MinimumPartSize);
        using AmazonS3Client client = server.CreateClient();

        // The bucket goes away after the write stream is opened and before any part is sent: deterministic,
        // unlike deleting it while parts are in flight.
        string bucket = "vanishing-" + Guid.NewGuid().ToString("N").Substring(0, 8);
        await client.PutBucketAsync(new PutBucketRequest { BucketName = bucket });
        var vanishing = new ObjectLocation(bucket, "x.bin");
        await using ObjectWriteStream stream = await store.OpenWriteAsync(vanishing);
        await client.DeleteBucketAsync(bucket);

        var error = await Assert.ThrowsAsync<ObjectNotFoundException>(async () =>
        {
            await stream.WriteAsync(RandomNumberGenerator.GetBytes((2 * S3StoreOptions.MinimumPartSize) + 1));
            await stream.CompleteAsync();
        });

        Assert.Contains($"bucket '{bucket}' does not exist", error.Message);
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await stream.WriteAsync(new byte[1]));
    }

    [Fact]
    public async Task AStoreOnTheCallersClientLeavesTheClientOpen()
    {
        using AmazonS3Client client = server.CreateClient();
        var location = new ObjectLocation(Bucket, _prefix + "own-client.txt");
        using (var store = new S3ObjectStore(client, new S3StoreOptions { EndpointUrl = server.ServiceUrl }))
        {
            await WriteAsync(store, location, "hello"u8.ToArray());
            Assert.Equal($"S3 (region us-east-1, endpoint {server.ServiceUrl}, default credential chain, path-style)", store.ToString());
        }

        GetObjectMetadataResponse head = await client.GetObjectMetadataAsync(Bucket, location.Key);
        Assert.Equal(5, head.Headers.ContentLength);
        Assert.Throws<ArgumentException>(() => new S3ObjectStore(client, new S3StoreOptions { PartSize = 1024 }));
    }

    // Connections of the store's own (not the SDK's shared cache), so that a refused write (see above) cannot
    // disturb another store's requests.
    private static RecordingHttpClientFactory OwnConnections() => new();

    private static async Task WriteAsync(IObjectStore store, ObjectLocation location, byte[] data)
    {
        await using ObjectWriteStream stream = await store.OpenWriteAsync(location);
        await stream.WriteAsync(data);
        await stream.CompleteAsync();
    }

    private static async Task<byte[]> ReadAllAsync(IObjectStore store, ObjectLocation location)
    {
        await using Stream stream = await store.OpenReadAsync(location);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    private static async Task<int> CountAsync(IAsyncEnumerable<ObjectInfo> items)
    {
        int count = 0;
        await foreach (ObjectInfo item in items)
        {
            count++;
        }

        return count;
    }

    // A loopback port nothing listens on (taken from the system, then released).
    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
