using System.ComponentModel;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using Amazon.Runtime;
using Amazon.S3;

using Typed.S3.Testing;

namespace Typed.S3.IntegrationTests.Infrastructure;

/// <summary>
/// A real S3 server for the tests: s3rver (pinned in package.json + package-lock.json beside this project),
/// installed with <c>npm ci</c> when missing, started with node on 127.0.0.1 on a free port with a fresh data
/// folder and the test buckets, and killed (with its process tree) when the tests end. When the server cannot be
/// installed or started, every test of the collection fails with the reason: they are never skipped.
/// </summary>
public sealed class S3ServerFixture : IAsyncLifetime
{
    /// <summary>s3rver's fixed access key id.</summary>
    public const string AccessKey = "S3RVER";

    /// <summary>s3rver's fixed secret access key.</summary>
    public const string SecretKey = "S3RVER";

    /// <summary>The bucket the behaviour suite works in (each test under its own prefix).</summary>
    public const string BehaviourBucket = "behaviour";

    /// <summary>The bucket of the generated dataset's schema location.</summary>
    public const string DatasetBucket = "datasets";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly StringBuilder _serverOutput = new();
    private Process? _server;

    /// <summary>The server's base URL, <c>http://127.0.0.1:PORT</c>.</summary>
    public string ServiceUrl { get; private set; } = "";

    /// <summary>The server's data folder (fresh for each test run).</summary>
    public string DataFolder { get; private set; } = "";

    public async Task InitializeAsync()
    {
        string packageFolder = FindPackageFolder();
        string serverScript = Path.Combine(packageFolder, "node_modules", "s3rver", "bin", "s3rver.js");
        if (!File.Exists(serverScript))
        {
            await S3ServerSteps.InstallAsync(packageFolder, Fail);
            if (!File.Exists(serverScript))
            {
                throw Fail($"'npm ci' in {packageFolder} finished but {serverScript} does not exist");
            }
        }

        DataFolder = Path.Combine(Path.GetTempPath(), "typeds3-s3rver-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataFolder);
        int port = S3ServerSteps.FindFreePort();
        ServiceUrl = $"http://127.0.0.1:{port}";

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = packageFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // s3rver's continuation tokens are DES-encrypted, which OpenSSL 3 (Node 17 and later) keeps in its legacy provider.
        foreach (string argument in new[] { "--openssl-legacy-provider", serverScript, "-d", DataFolder, "-a", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--silent" })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (string bucket in new[] { BehaviourBucket, DatasetBucket })
        {
            start.ArgumentList.Add("--configure-bucket");
            start.ArgumentList.Add(bucket);
        }

        try
        {
            _server = Process.Start(start) ?? throw Fail("node did not start");
        }
        catch (Win32Exception exception)
        {
            throw Fail($"Node.js ('node') could not be started ({exception.Message}); the S3 integration tests need Node 18 or later on the PATH");
        }

        _server.OutputDataReceived += (_, e) => Collect(e.Data);
        _server.ErrorDataReceived += (_, e) => Collect(e.Data);
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();

        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (_server.HasExited)
            {
                throw Fail($"s3rver exited with code {_server.ExitCode} before answering on {ServiceUrl}; its output:\n{ServerOutput}");
            }

            if (await S3ServerSteps.AnswersAsync(port))
            {
                return;
            }

            if (waited.Elapsed > StartTimeout)
            {
                throw Fail($"s3rver did not answer on {ServiceUrl} within {StartTimeout.TotalSeconds:0} s; its output:\n{ServerOutput}");
            }

            await Task.Delay(100);
        }
    }

    public Task DisposeAsync()
    {
        if (_server is not null)
        {
            try
            {
                if (!_server.HasExited)
                {
                    _server.Kill(entireProcessTree: true);
                    _server.WaitForExit(10_000);
                }
            }
            catch (InvalidOperationException)
            {
                // It exited meanwhile.
            }

            _server.Dispose();
            _server = null;
        }

        if (DataFolder.Length > 0 && Directory.Exists(DataFolder))
        {
            try
            {
                Directory.Delete(DataFolder, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temporary folder is harmless.
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>What the server printed so far.</summary>
    public string ServerOutput
    {
        get
        {
            lock (_serverOutput)
            {
                return _serverOutput.ToString();
            }
        }
    }

    /// <summary>A client for the server, configured as for an S3-compatible store.</summary>
    /// <param name="accessKey">The access key id.</param>
    /// <param name="secretKey">The secret.</param>
    /// <param name="httpClientFactory">A factory for the client's HTTP clients (to record requests), or <see langword="null"/>.</param>
    /// <param name="serviceUrl">Another endpoint (an unreachable one, to test errors), or <see langword="null"/> for the server.</param>
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

    private static string FindPackageFolder()
    {
        string? folder = typeof(S3ServerFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "S3ServerPackageFolder")?.Value;
        if (folder is null || !File.Exists(Path.Combine(folder, "package-lock.json")))
        {
            throw Fail($"the folder with the S3 server's package.json and package-lock.json was not found (build metadata says '{folder}')");
        }

        return folder;
    }

    private static InvalidOperationException Fail(string reason)
    {
        string ci = Environment.GetEnvironmentVariable("CI") == "true" ? " (CI=true: the S3 integration tests must run)" : "";
        return new InvalidOperationException($"The S3 test server could not be started{ci}: {reason}");
    }

    private void Collect(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_serverOutput)
        {
            _serverOutput.AppendLine(line);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class S3ServerCollection : ICollectionFixture<S3ServerFixture>
{
    public const string Name = "S3 server";
}
