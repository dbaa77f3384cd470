using Amazon.S3;
using Amazon.S3.Model;
using Typed.S3.IntegrationTests.Infrastructure;

namespace Typed.S3.IntegrationTests.Stores;

/// <summary>The behaviour suite against Ceph's RADOS Gateway, a real S3 implementation.</summary>
[Collection(S3ServerCollection.Name)]
public sealed class S3StoreBehaviourTests : ObjectStoreBehaviourTests, IDisposable
{
    private readonly S3ServerFixture _server;
    private readonly RecordingHttpClientFactory _requests = new();
    private readonly S3ObjectStore _store;
    private readonly List<S3ObjectStore> _paged = [];

    public S3StoreBehaviourTests(S3ServerFixture server)
    {
        _server = server;
        _store = server.CreateStore(
            o =>
            {
                o.PartSize = S3StoreOptions.MinimumPartSize;
                o.MaxConcurrentParts = 2;
            },
            httpClientFactory: _requests);
    }

    protected override IObjectStore Store => _store;

    public void Dispose()
    {
        _store.Dispose();
        foreach (S3ObjectStore paged in _paged)
        {
            paged.Dispose();
        }
    }

    protected override IObjectStore StoreWithListPagesOf(int size)
    {
        S3ObjectStore paged = new(_server.CreateClient(), new S3StoreOptions { EndpointUrl = _server.ServiceUrl }, ownsClient: true) { ListPageSize = size };
        _paged.Add(paged);
        return paged;
    }

    protected override async Task PutFolderMarkerAsync(string key)
    {
        using AmazonS3Client client = _server.CreateClient();
        await client.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = key, ContentBody = "" });
    }

    // The server keeps an upload that was neither completed nor aborted (its parts use storage until a lifecycle
    // rule removes them): a multipart upload of the key was started (the test wrote enough), and none is left open.
    protected override async Task AssertNoUnfinishedWriteAsync(ObjectLocation location)
    {
        string path = "/" + location.Bucket + "/" + location.Key;
        Assert.Contains(_requests.Requests, r => r.Method == "POST" && r.Uri.Query.Contains("uploads", StringComparison.Ordinal) && Uri.UnescapeDataString(r.Uri.AbsolutePath) == path);
        using AmazonS3Client client = _server.CreateClient();
        ListMultipartUploadsResponse uploads = await client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = location.Bucket, Prefix = location.Key });
        Assert.Empty((uploads.MultipartUploads ?? []).Where(u => u.Key == location.Key).Select(u => u.UploadId));
    }
}

/// <summary>The same behaviour suite against the local-folder store.</summary>
public sealed class LocalFolderStoreBehaviourTests : ObjectStoreBehaviourTests, IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "typeds3-behaviour-" + Guid.NewGuid().ToString("N"));
    private readonly LocalFolderStore _store;

    public LocalFolderStoreBehaviourTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, Bucket));
        Directory.CreateDirectory(Path.Combine(_root, DatasetBucket));
        _store = new LocalFolderStore(_root);
    }

    protected override IObjectStore Store => _store;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    // A folder lists no pages: it is read whole, in key order.
    protected override IObjectStore StoreWithListPagesOf(int size) => _store;

    protected override Task PutFolderMarkerAsync(string key)
    {
        Directory.CreateDirectory(Path.Combine(_root, Bucket, key));
        return Task.CompletedTask;
    }

    protected override Task AssertNoUnfinishedWriteAsync(ObjectLocation location)
    {
        string temporary = Path.Combine(_root, LocalFolderStore.TemporaryFolderName);
        Assert.True(!Directory.Exists(temporary) || Directory.GetFileSystemEntries(temporary).Length == 0, "a temporary file of an unfinished write is left");
        return Task.CompletedTask;
    }
}
