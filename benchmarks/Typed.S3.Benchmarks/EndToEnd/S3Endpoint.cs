using Amazon.Runtime;
using Amazon.S3;
using Typed.S3.TestServers;

namespace Typed.S3.Benchmarks.EndToEnd;

/// <summary>
/// The S3 server as a benchmark process sees it: the RADOS Gateway that the host process started
/// (<see cref="EndToEndHost"/>), found through two environment variables that BenchmarkDotNet's benchmark processes
/// inherit from the host. A benchmark process never starts a server: the objects live in the gateway's memory, so
/// only the process that uploaded them can keep them alive.
/// </summary>
/// <param name="serviceUrl">The gateway's base URL.</param>
/// <param name="clusterFolder">The cluster's folder (its daemons' pid files), or <see langword="null"/> when the server's processor time is not wanted.</param>
public sealed class S3Endpoint(string serviceUrl, string? clusterFolder)
{
    /// <summary>The environment variable with the gateway's base URL, <c>http://127.0.0.1:PORT</c>.</summary>
    public const string ServiceUrlVariable = "TYPEDS3_BENCH_S3_ENDPOINT";

    /// <summary>The environment variable with the cluster's folder, whose pid files name the daemons whose processor time is counted.</summary>
    public const string ClusterFolderVariable = "TYPEDS3_BENCH_S3_CLUSTER";

    /// <summary>The gateway's base URL.</summary>
    public string ServiceUrl { get; } = serviceUrl;

    /// <summary>
    /// The processor time the gateway's daemons (radosgw, its monitor and its in-memory OSD) have used so far, all of
    /// which serve a request; zero without a cluster folder.
    /// </summary>
    public TimeSpan ProcessorTime => clusterFolder is null ? TimeSpan.Zero : RadosGateway.ProcessorTimeOf(clusterFolder);

    /// <summary>The gateway the host published (<see cref="Publish"/>).</summary>
    /// <returns>The endpoint.</returns>
    /// <exception cref="InvalidOperationException">No host published one: the benchmark was started another way than through the benchmark program.</exception>
    public static S3Endpoint FromEnvironment()
    {
        string? url = Environment.GetEnvironmentVariable(ServiceUrlVariable);
        if (string.IsNullOrEmpty(url))
        {
            throw new InvalidOperationException(
                $"{ServiceUrlVariable} is not set: the end-to-end benchmarks read from the RADOS Gateway that the benchmark program (Program.cs, through benchmarks/run.sh or dotnet run) starts for them.");
        }

        return new S3Endpoint(url, Environment.GetEnvironmentVariable(ClusterFolderVariable));
    }

    /// <summary>Tells this process and the benchmark processes it starts where <paramref name="gateway"/> is.</summary>
    /// <param name="gateway">The running gateway, or <see langword="null"/> to withdraw it.</param>
    public static void Publish(RadosGateway? gateway)
    {
        Environment.SetEnvironmentVariable(ServiceUrlVariable, gateway?.ServiceUrl);
        Environment.SetEnvironmentVariable(ClusterFolderVariable, gateway?.Folder);
    }

    /// <summary>A Typed.S3 store on the gateway, opened as a user opens one for an S3-compatible endpoint.</summary>
    /// <param name="configure">Changes to the store's options, or <see langword="null"/>.</param>
    /// <returns>The store; the caller disposes it.</returns>
    public S3ObjectStore OpenStore(Action<S3StoreOptions>? configure = null)
    {
        var options = new S3StoreOptions
        {
            EndpointUrl = ServiceUrl,
            AccessKeyId = RadosGateway.AccessKey,
            SecretAccessKey = RadosGateway.SecretKey,
        };
        configure?.Invoke(options);
        return ObjectStore.OpenS3(options);
    }

    /// <summary>
    /// An AWS SDK client for the gateway, configured as a user configures one for an S3-compatible store: the
    /// hand-written peers measure this configuration, so it is the benchmarks' own rather than the test servers'.
    /// </summary>
    /// <returns>The client; the caller disposes it.</returns>
    public AmazonS3Client CreateClient() => new(new BasicAWSCredentials(RadosGateway.AccessKey, RadosGateway.SecretKey), new AmazonS3Config
    {
        ServiceURL = ServiceUrl,
        ForcePathStyle = true,
        AuthenticationRegion = "us-east-1",

        // S3-compatible stores refuse or mangle the SDK's default trailing checksums.
        RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
        ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
    });
}
