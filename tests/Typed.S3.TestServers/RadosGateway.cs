using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace Typed.S3.TestServers;

/// <summary>
/// Ceph's RADOS Gateway, a real S3 implementation, on 127.0.0.1: a one-node cluster (one monitor, one OSD keeping
/// objects in memory) and one gateway, from Debian's packages (installed when missing), in a fresh folder on free
/// ports. It verifies SigV4 signatures, aborts multipart uploads, lists in byte order and answers ranges as S3 does.
/// Its daemons are stopped through their own pid files, and a watchdog stops them should the process that started
/// them end without disposing this object.
/// </summary>
public sealed class RadosGateway : IAsyncDisposable
{
    /// <summary>The access key id of the gateway's test user (not a real AWS key).</summary>
    public const string AccessKey = "typeds3-test-user";

    /// <summary>The secret access key of the test user; tests search output for it to prove it never leaks.</summary>
    public const string SecretKey = "typeds3-test-secret-8c1f0b";

    /// <summary>The programs the cluster is made of.</summary>
    public static readonly IReadOnlyList<string> Programs = ["ceph-mon", "ceph-osd", "radosgw", "radosgw-admin", "monmaptool", "ceph"];

    /// <summary>The Debian packages that hold <see cref="Programs"/>.</summary>
    public static readonly IReadOnlyList<string> Packages = ["radosgw", "ceph-mon", "ceph-osd", "ceph-common"];

    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(90);

    private readonly string _configuration;
    private Process? _watchdog;
    private bool _disposed;

    private RadosGateway(string folder, int port)
    {
        Folder = folder;
        Port = port;
        _configuration = Path.Combine(folder, "ceph.conf");
    }

    /// <summary>The gateway's base URL, <c>http://127.0.0.1:PORT</c>.</summary>
    public string ServiceUrl => "http://127.0.0.1:" + Port.ToString(CultureInfo.InvariantCulture);

    /// <summary>The gateway's port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>The folder of the cluster's configuration, pid files and logs (deleted on dispose).</summary>
    public string Folder { get; }

    /// <summary>The processor time the cluster's daemons have used so far.</summary>
    public TimeSpan ProcessorTime => ProcessorTimeOf(Folder);

    /// <summary>
    /// The processor time the daemons of the cluster in <paramref name="folder"/> have used so far, read through their
    /// pid files: for another process than the one that started the gateway (a benchmark process measuring the server).
    /// </summary>
    /// <param name="folder">The cluster's folder (<see cref="Folder"/>).</param>
    /// <returns>The total of its running daemons; zero when none runs.</returns>
    public static TimeSpan ProcessorTimeOf(string folder)
    {
        TimeSpan total = TimeSpan.Zero;
        foreach (int pid in DaemonPids(folder))
        {
            try
            {
                using Process daemon = Process.GetProcessById(pid);
                total += daemon.TotalProcessorTime;
            }
            catch (Exception exception) when (exception is ArgumentException or InvalidOperationException or Win32Exception)
            {
                // It ended meanwhile.
            }
        }

        return total;
    }

    /// <summary>Installs the packages if needed, starts the cluster and the gateway, and creates the test user and <paramref name="buckets"/>.</summary>
    /// <param name="fail">Makes the exception that says why the gateway cannot start.</param>
    /// <param name="buckets">The buckets to create.</param>
    /// <param name="memoryBytes">How many bytes of objects the in-memory OSD may hold.</param>
    /// <param name="cancellationToken">Cancels starting.</param>
    /// <returns>The running gateway.</returns>
    public static async Task<RadosGateway> StartAsync(Func<string, Exception> fail, IReadOnlyList<string> buckets, long memoryBytes = 4L << 30, CancellationToken cancellationToken = default)
    {
        await DebianPackages.EnsureAsync(Programs, Packages, fail, cancellationToken);
        string folder = Path.Combine(Path.GetTempPath(), "typeds3-rgw-" + Guid.NewGuid().ToString("N")[..12]);
        var gateway = new RadosGateway(folder, FreePort());
        try
        {
            await gateway.RunAsync(fail, FreePort(), memoryBytes, cancellationToken);
            using AmazonS3Client client = gateway.CreateClient();
            foreach (string bucket in buckets)
            {
                await client.PutBucketAsync(new PutBucketRequest { BucketName = bucket }, cancellationToken);
            }

            return gateway;
        }
        catch
        {
            await gateway.DisposeAsync();
            throw;
        }
    }

    /// <summary>A client for the gateway, configured as a user configures one for an S3-compatible store.</summary>
    /// <param name="accessKey">The access key id.</param>
    /// <param name="secretKey">The secret.</param>
    /// <param name="serviceUrl">Another endpoint (a proxy in front of the gateway), or <see langword="null"/> for the gateway.</param>
    /// <returns>The client; the caller disposes it.</returns>
    public AmazonS3Client CreateClient(string accessKey = AccessKey, string secretKey = SecretKey, string? serviceUrl = null) =>
        new(new BasicAWSCredentials(accessKey, secretKey), new AmazonS3Config
        {
            ServiceURL = serviceUrl ?? ServiceUrl,
            ForcePathStyle = true,
            AuthenticationRegion = "us-east-1",
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        });

    /// <summary>The last lines of the daemons' logs, for a failure message.</summary>
    /// <returns>The log tails.</returns>
    public string LogTails()
    {
        var text = new StringBuilder();
        string logs = Path.Combine(Folder, "log");
        if (!Directory.Exists(logs))
        {
            return "(no logs)";
        }

        foreach (string log in Directory.EnumerateFiles(logs, "*.log").Order(StringComparer.Ordinal))
        {
            string[] lines;
            try
            {
                lines = File.ReadAllLines(log);
            }
            catch (IOException)
            {
                continue;
            }

            text.Append("--- ").Append(Path.GetFileName(log)).AppendLine();
            foreach (string line in lines.TakeLast(15))
            {
                text.AppendLine(line);
            }
        }

        return text.ToString();
    }

    /// <summary>Stops the daemons (through their pid files) and deletes the cluster's folder.</summary>
    /// <returns>A task that completes when they are gone.</returns>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        var stopping = new List<Process>();
        foreach (int pid in DaemonPids())
        {
            try
            {
                Process daemon = Process.GetProcessById(pid);
                daemon.Kill();
                stopping.Add(daemon);
            }
            catch (Exception exception) when (exception is ArgumentException or InvalidOperationException or Win32Exception)
            {
                // It ended already.
            }
        }

        foreach (Process daemon in stopping)
        {
            using (daemon)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
                try
                {
                    await daemon.WaitForExitAsync(timeout.Token);
                }
                catch (OperationCanceledException)
                {
                    // A daemon that outlives SIGKILL for 15 s is the kernel's business; its folder goes anyway.
                }
            }
        }

        if (_watchdog is not null)
        {
            try
            {
                _watchdog.Kill();
            }
            catch (InvalidOperationException)
            {
                // It ended already.
            }

            _watchdog.Dispose();
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A leftover temporary folder is harmless.
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    private async Task RunAsync(Func<string, Exception> fail, int monitorPort, long memoryBytes, CancellationToken cancellationToken)
    {
        foreach (string sub in new[] { "run", "log", "mon", Path.Combine("osd", "0") })
        {
            Directory.CreateDirectory(Path.Combine(Folder, sub));
        }

        string fsid = Guid.NewGuid().ToString();
        await File.WriteAllTextAsync(_configuration, Configuration(fsid, monitorPort, memoryBytes), cancellationToken);
        string monitorAddress = $"[v2:127.0.0.1:{monitorPort.ToString(CultureInfo.InvariantCulture)}]";

        await StepAsync(fail, "monmaptool", ["--create", "--fsid", fsid, "--addv", "a", monitorAddress, Path.Combine(Folder, "monmap")], cancellationToken);
        await StepAsync(fail, "ceph-mon", ["-c", _configuration, "--mkfs", "-i", "a", "--monmap", Path.Combine(Folder, "monmap")], cancellationToken);
        await StepAsync(fail, "ceph-mon", ["-c", _configuration, "-i", "a"], cancellationToken);
        StartWatchdog();

        string osdUuid = Guid.NewGuid().ToString();
        string osdId = (await StepAsync(fail, "ceph", ["-c", _configuration, "--connect-timeout", "60", "osd", "new", osdUuid], cancellationToken)).Trim();
        if (!int.TryParse(osdId, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            throw fail($"'ceph osd new' answered '{osdId}', not an OSD id");
        }

        await StepAsync(fail, "ceph-osd", ["-c", _configuration, "-i", osdId, "--mkfs", "--osd-uuid", osdUuid], cancellationToken);
        await StepAsync(fail, "ceph-osd", ["-c", _configuration, "-i", osdId], cancellationToken);
        await StepAsync(fail, "radosgw", ["-c", _configuration, "-n", "client.rgw"], cancellationToken);
        await StepAsync(
            fail,
            "radosgw-admin",
            ["-c", _configuration, "user", "create", "--uid=typeds3-tests", "--display-name=Typed.S3 tests", "--access-key=" + AccessKey, "--secret-key=" + SecretKey],
            cancellationToken);

        var waited = Stopwatch.StartNew();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        while (true)
        {
            try
            {
                using HttpResponseMessage answer = await http.GetAsync(ServiceUrl + "/", cancellationToken);
                if (answer.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Listening but not answering yet.
            }

            if (waited.Elapsed > AnswerTimeout)
            {
                throw fail($"the gateway did not answer on {ServiceUrl} within {AnswerTimeout.TotalSeconds:0} s; its logs:\n{LogTails()}");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    // auth none between the daemons (S3 requests are still signed and checked); crc mode, or the gateway retries its
    // monitor login for 300 s; a short paxos interval, or the monitor takes 13-17 s to start; one replica of
    // everything on one OSD; tcp_nodelay on the gateway, or every GET waits ~44 ms for Nagle.
    private string Configuration(string fsid, int monitorPort, long memoryBytes)
    {
        string port = Port.ToString(CultureInfo.InvariantCulture);
        return $"""
            [global]
            fsid = {fsid}
            mon host = v2:127.0.0.1:{monitorPort.ToString(CultureInfo.InvariantCulture)}
            public addr = 127.0.0.1
            auth cluster required = none
            auth service required = none
            auth client required = none
            ms mon client mode = crc
            ms bind msgr2 = true
            ms bind msgr1 = false
            ms bind ipv6 = false
            paxos propose interval = 0.05
            osd pool default size = 1
            osd pool default min size = 1
            osd pool default pg num = 8
            osd pool default pgp num = 8
            osd pool default pg autoscale mode = off
            mon allow pool size one = true
            mon warn on pool no redundancy = false
            osd crush chooseleaf type = 0
            run dir = {Folder}/run
            pid file = {Folder}/run/$name.pid
            admin socket = {Folder}/run/$name.asok
            log file = {Folder}/log/$name.log
            mon data = {Folder}/mon/$name
            osd data = {Folder}/osd/$id
            osd objectstore = memstore
            memstore device bytes = {memoryBytes.ToString(CultureInfo.InvariantCulture)}
            rgw data = {Folder}/rgw

            [client.rgw]
            rgw frontends = beast endpoint=127.0.0.1:{port} tcp_nodelay=1
            rgw multipart min part size = 5242880

            """;
    }

    private async Task<string> StepAsync(Func<string, Exception> fail, string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(DebianPackages.FindOnPath(program) ?? program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Folder,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw fail(program + " did not start");
        }
        catch (Win32Exception exception)
        {
            throw fail($"{program} could not be started: {exception.Message}");
        }

        using (process)
        {
            // A daemon forks and its first process exits; the pipes close when the fork closes its copies of them.
            Task<string> output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            Task<string> errors = process.StandardError.ReadToEndAsync(cancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(StepTimeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                process.Kill(entireProcessTree: true);
                throw fail($"'{program} {string.Join(" ", arguments)}' did not finish within {StepTimeout.TotalSeconds:0} s; the logs:\n{LogTails()}");
            }

            if (process.ExitCode != 0)
            {
                string said = await Completed(errors) + await Completed(output);
                throw fail($"'{program} {string.Join(" ", arguments)}' failed with exit code {process.ExitCode}: {said}\nthe logs:\n{LogTails()}");
            }

            return await Completed(output);
        }
    }

    // A forked daemon may keep the pipe open for a moment: take what is there rather than wait for it.
    private static async Task<string> Completed(Task<string> text)
    {
        Task first = await Task.WhenAny(text, Task.Delay(TimeSpan.FromSeconds(2)));
        return first == text ? await text : "";
    }

    // Should this process end without disposing the gateway, the daemons must not run on: a shell waits for this
    // process to go, then stops every daemon by its pid file and removes the folder. It runs in a session of its own
    // (setsid), so that killing this process's group (a CI timeout) does not kill the watchdog with it.
    private void StartWatchdog()
    {
        var start = new ProcessStartInfo(DebianPackages.FindOnPath("setsid") ?? "setsid")
        {
            UseShellExecute = false,
            RedirectStandardInput = false,
            RedirectStandardOutput = false,
            RedirectStandardError = false,
        };
        start.ArgumentList.Add("/bin/sh");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("""
            while kill -0 "$0" 2>/dev/null && [ -d "$1/run" ]; do sleep 1; done
            for f in "$1"/run/*.pid; do
              [ -f "$f" ] || continue
              pid=$(cat "$f")
              grep -q "$1" "/proc/$pid/cmdline" 2>/dev/null && kill -9 "$pid"
            done
            rm -rf "$1"
            """);
        start.ArgumentList.Add(Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        start.ArgumentList.Add(Folder);
        _watchdog = Process.Start(start);
    }

    // The pids of this cluster's daemons, from their pid files, each checked to be ours (its command line names our
    // folder) so that a recycled pid is never touched.
    private List<int> DaemonPids() => DaemonPids(Folder);

    private static List<int> DaemonPids(string folder)
    {
        var pids = new List<int>();
        string run = Path.Combine(folder, "run");
        if (!Directory.Exists(run))
        {
            return pids;
        }

        foreach (string file in Directory.EnumerateFiles(run, "*.pid"))
        {
            try
            {
                if (int.TryParse(File.ReadAllText(file).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int pid)
                    && File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/cmdline").Contains(folder, StringComparison.Ordinal))
                {
                    pids.Add(pid);
                }
            }
            catch (IOException)
            {
                // The daemon ended (no /proc entry) or the file is being written.
            }
        }

        return pids;
    }
}
