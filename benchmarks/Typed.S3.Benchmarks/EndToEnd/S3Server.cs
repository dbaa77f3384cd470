using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using Amazon.Runtime;
using Amazon.S3;

using Typed.S3.Testing;

namespace Typed.S3.Benchmarks.EndToEnd;

/// <summary>
/// The S3 server of the end-to-end suites: s3rver (pinned in <c>EndToEnd/s3rver/package.json</c> +
/// <c>package-lock.json</c>, the same pin as the integration tests), installed with <c>npm ci</c> when missing and
/// started with node on 127.0.0.1 on a free port; traffic never leaves the loopback. Killed with its process tree
/// on dispose, and it exits by itself when the process that started it is gone (<c>exit-with-parent.js</c>). The
/// logic follows the integration tests' <c>S3ServerFixture</c>.
/// </summary>
public sealed class S3Server : IDisposable
{
    /// <summary>s3rver's fixed access key id (not a secret: the server accepts only this one).</summary>
    public const string AccessKey = "S3RVER";

    /// <summary>s3rver's fixed secret access key.</summary>
    public const string SecretKey = "S3RVER";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly StringBuilder _output = new();
    private readonly bool _ownsDataFolder;
    private Process? _server;

    private S3Server(string dataFolder, bool ownsDataFolder)
    {
        DataFolder = dataFolder;
        _ownsDataFolder = ownsDataFolder;
    }

    /// <summary>The server's base URL, <c>http://127.0.0.1:PORT</c>.</summary>
    public string ServiceUrl { get; private set; } = "";

    /// <summary>The folder where s3rver keeps buckets and objects.</summary>
    public string DataFolder { get; }

    /// <summary>The processor time the server has used so far (it is one Node.js process).</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            if (_server is null || _server.HasExited)
            {
                return TimeSpan.Zero;
            }

            _server.Refresh();
            return _server.TotalProcessorTime;
        }
    }

    /// <summary>
    /// Installs s3rver if needed and starts it with <paramref name="buckets"/>. With a <paramref name="dataFolder"/>,
    /// the objects stay there when the server stops (the next benchmark process starts a server on the same data;
    /// the caller deletes the folder); without one, a fresh temporary folder is deleted on dispose.
    /// </summary>
    /// <param name="dataFolder">The data folder to keep, or <see langword="null"/> for a temporary one.</param>
    /// <param name="buckets">The buckets to create (existing ones keep their objects).</param>
    /// <returns>The running server.</returns>
    public static async Task<S3Server> StartAsync(string? dataFolder, params string[] buckets)
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

        bool owns = string.IsNullOrEmpty(dataFolder);
        dataFolder = owns ? Path.Combine(Path.GetTempPath(), "typeds3-bench-s3rver-" + Guid.NewGuid().ToString("N")) : dataFolder!;
        Directory.CreateDirectory(dataFolder);
        var server = new S3Server(dataFolder, owns);
        try
        {
            await server.RunAsync(packageFolder, serverScript, buckets);
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    /// <summary>A client configured as a user configures one for an S3-compatible store.</summary>
    /// <returns>The client; the caller disposes it.</returns>
    public AmazonS3Client CreateClient() => CreateClient(ServiceUrl);

    /// <summary>A client configured as a user configures one for an S3-compatible store.</summary>
    /// <param name="serviceUrl">The server's URL.</param>
    /// <returns>The client; the caller disposes it.</returns>
    public static AmazonS3Client CreateClient(string serviceUrl) => new(new BasicAWSCredentials(AccessKey, SecretKey), new AmazonS3Config
    {
        ServiceURL = serviceUrl,
        ForcePathStyle = true,
        AuthenticationRegion = "us-east-1",

        // S3-compatible stores refuse or mangle the SDK's default trailing checksums.
        RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
        ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
    });

    /// <summary>Stops the server (and deletes its data folder when it made one).</summary>
    public void Dispose()
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

        if (_ownsDataFolder)
        {
            DeleteFolder(DataFolder);
        }
    }

    /// <summary>Deletes a data folder; a leftover temporary folder is harmless, so failures are ignored.</summary>
    /// <param name="folder">The folder.</param>
    public static void DeleteFolder(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"Could not delete {folder}: {exception.Message}");
        }
    }

    private async Task RunAsync(string packageFolder, string serverScript, string[] buckets)
    {
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
        // exit-with-parent.js ends the server with this process, should it die before disposing the server.
        string watchdog = Path.Combine(packageFolder, "exit-with-parent.js");
        foreach (string argument in new[] { "--openssl-legacy-provider", "--require", watchdog, serverScript, "-d", DataFolder, "-a", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "--silent" })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (string bucket in buckets)
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
            throw Fail($"Node.js ('node') could not be started ({exception.Message}); the end-to-end benchmarks need Node 18 or later on the PATH");
        }

        _server.OutputDataReceived += (_, e) => Collect(e.Data);
        _server.ErrorDataReceived += (_, e) => Collect(e.Data);
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();

        var waited = Stopwatch.StartNew();
        while (!await S3ServerSteps.AnswersAsync(port))
        {
            if (_server.HasExited)
            {
                throw Fail($"s3rver exited with code {_server.ExitCode} before answering on {ServiceUrl}; its output:\n{Output}");
            }

            if (waited.Elapsed > StartTimeout)
            {
                throw Fail($"s3rver did not answer on {ServiceUrl} within {StartTimeout.TotalSeconds:0} s; its output:\n{Output}");
            }

            await Task.Delay(100);
        }
    }

    private string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    private void Collect(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    private static string FindPackageFolder()
    {
        string? folder = typeof(S3Server).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "S3ServerPackageFolder")?.Value;
        if (folder is null || !File.Exists(Path.Combine(folder, "package-lock.json")))
        {
            throw Fail($"the folder with the S3 server's package.json and package-lock.json was not found (build metadata says '{folder}')");
        }

        return folder;
    }

    private static InvalidOperationException Fail(string reason) => new($"The S3 test server could not be started: {reason}");
}
