using Amazon.Runtime;
using Amazon.S3;
using Typed.S3.TestServers;

namespace Typed.S3.IntegrationTests.Infrastructure;

/// <summary>
/// A real S3 server for the tests: Ceph's RADOS Gateway (<see cref="RadosGateway"/>), installed from Debian's
/// packages when missing and started on 127.0.0.1 on free ports with the test buckets, stopped when the tests end.
/// When it cannot be installed or started, every test of the collection fails with the reason: never skipped.
/// </summary>
public sealed class S3ServerFixture : IAsyncLifetime
{
    /// <summary>The access key id of the server's test user.</summary>
    public const string AccessKey = RadosGateway.AccessKey;

    /// <summary>The secret of the server's test user.</summary>
    public const string SecretKey = RadosGateway.SecretKey;

    /// <summary>The bucket the behaviour suite works in (each test under its own prefix).</summary>
    public const string BehaviourBucket = "behaviour";

    /// <summary>The bucket of the generated dataset's schema location.</summary>
    public const string DatasetBucket = "datasets";

    private RadosGateway? _gateway;

    /// <summary>The server's base URL, <c>http://127.0.0.1:PORT</c>.</summary>
    public string ServiceUrl => Gateway.ServiceUrl;

    /// <summary>The running gateway.</summary>
    public RadosGateway Gateway => _gateway ?? throw new InvalidOperationException("the S3 test server is not running");

    public async Task InitializeAsync() =>
        _gateway = await RadosGateway.StartAsync(Fail, [BehaviourBucket, DatasetBucket]);

    public async Task DisposeAsync()
    {
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }
    }

    /// <summary>A client for the server, configured as for an S3-compatible store.</summary>
    /// <param name="accessKey">The access key id.</param>
    /// <param name="secretKey">The secret.</param>
    /// <param name="httpClientFactory">A factory for the client's HTTP clients (to record requests), or <see langword="null"/>.</param>
    /// <param name="serviceUrl">Another endpoint (a proxy, or an unreachable one to test errors), or <see langword="null"/> for the server.</param>
    /// <returns>The client.</returns>
    public AmazonS3Client CreateClient(string accessKey = AccessKey, string secretKey = SecretKey, HttpClientFactory? httpClientFactory = null, string? serviceUrl = null)
    {
        var config = new AmazonS3Config
        {
            ServiceURL = serviceUrl ?? ServiceUrl,
            ForcePathStyle = true,
            AuthenticationRegion = "us-east-1",
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            MaxErrorRetry = 1,
            Timeout = TimeSpan.FromSeconds(60),
        };
        if (httpClientFactory is not null)
        {
            config.HttpClientFactory = httpClientFactory;
        }

        return new AmazonS3Client(new BasicAWSCredentials(accessKey, secretKey), config);
    }

    /// <summary>A store on the server, owning its client.</summary>
    /// <param name="configure">Changes to the options (part size, …).</param>
    /// <param name="accessKey">The access key id.</param>
    /// <param name="secretKey">The secret.</param>
    /// <param name="httpClientFactory">A factory for the client's HTTP clients, or <see langword="null"/>.</param>
    /// <param name="serviceUrl">Another endpoint, or <see langword="null"/> for the server.</param>
    /// <returns>The store.</returns>
    public S3ObjectStore CreateStore(
        Action<S3StoreOptions>? configure = null,
        string accessKey = AccessKey,
        string secretKey = SecretKey,
        HttpClientFactory? httpClientFactory = null,
        string? serviceUrl = null)
    {
        var options = new S3StoreOptions
        {
            EndpointUrl = serviceUrl ?? ServiceUrl,
            AccessKeyId = accessKey,
            SecretAccessKey = secretKey,
        };
        configure?.Invoke(options);
        return new S3ObjectStore(CreateClient(accessKey, secretKey, httpClientFactory, serviceUrl), options, ownsClient: true);
    }

    private static InvalidOperationException Fail(string reason)
    {
        string ci = Environment.GetEnvironmentVariable("CI") == "true" ? " (CI=true: the S3 integration tests must run)" : "";
        return new InvalidOperationException($"The S3 test server (Ceph RADOS Gateway) could not be started{ci}: {reason}");
    }
}

[CollectionDefinition(Name)]
public sealed class S3ServerCollection : ICollectionFixture<S3ServerFixture>
{
    public const string Name = "S3 server";
}
