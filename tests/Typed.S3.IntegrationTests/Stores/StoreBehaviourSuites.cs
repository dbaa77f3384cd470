using Typed.S3.IntegrationTests.Infrastructure;

namespace Typed.S3.IntegrationTests.Stores;

/// <summary>The behaviour suite against s3rver, a real S3 server.</summary>
[Collection(S3ServerCollection.Name)]
public sealed class S3StoreBehaviourTests : ObjectStoreBehaviourTests, IDisposable
{
    private readonly RecordingHttpClientFactory _requests = new();
    private readonly S3ObjectStore _store;

    public S3StoreBehaviourTests(S3ServerFixture server)
    {
        _store = server.CreateStore(
            o =>
            {
                o.PartSize = S3StoreOptions.MinimumPartSize;
                o.MaxConcurrentParts = 2;
            },
            httpClientFactory: _requests);
    }

    protected override IObjectStore Store => _store;

    public void Dispose() => _store.Dispose();

    // s3rver implements neither ListMultipartUploads (NotImplemented) nor AbortMultipartUpload (405), so what is
    // checked is what the store sent: every multipart upload started for the key was completed or aborted.
    protected override Task AssertNoUnfinishedWriteAsync(ObjectLocation location)
    {
        string path = "/" + location.Bucket + "/" + location.Key;
        RecordedRequest[] forKey = _requests.Requests.Where(r => Uri.UnescapeDataString(r.Uri.AbsolutePath) == path).ToArray();
        int started = forKey.Count(r => r.Method == "POST" && r.Uri.Query.Contains("uploads", StringComparison.Ordinal));
        int completed = forKey.Count(r => r.Method == "POST" && r.Uri.Query.Contains("uploadId=", StringComparison.Ordinal));
        int aborted = forKey.Count(r => r.Method == "DELETE" && r.Uri.Query.Contains("uploadId=", StringComparison.Ordinal));
        Assert.True(started > 0, $"no multipart upload of {location} was started: the test wrote too little");
        Assert.Equal(started, completed + aborted);
        return Task.CompletedTask;
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

    protected override Task AssertNoUnfinishedWriteAsync(ObjectLocation location)
    {
        string temporary = Path.Combine(_root, LocalFolderStore.TemporaryFolderName);
        Assert.True(!Directory.Exists(temporary) || Directory.GetFileSystemEntries(temporary).Length == 0, "a temporary file of an unfinished write is left");
        return Task.CompletedTask;
    }
}
