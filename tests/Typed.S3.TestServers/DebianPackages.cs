using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Typed.S3.TestServers;

/// <summary>
/// Makes sure the programs a test needs are on the machine, installing their Debian packages with <c>apt-get</c>
/// when one is missing (as root, or through <c>sudo -n</c>). Installs of several test processes at once wait for each
/// other on a lock file, so that two test assemblies never fight over dpkg's lock.
/// </summary>
public static class DebianPackages
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(15);
    private static readonly SemaphoreSlim InProcess = new(1, 1);

    /// <summary>
    /// Returns when every program of <paramref name="programs"/> is on the PATH, installing
    /// <paramref name="packages"/> first when one is not.
    /// </summary>
    /// <param name="programs">The programs that must be found (such as <c>radosgw</c>).</param>
    /// <param name="packages">The Debian packages that provide them.</param>
    /// <param name="fail">Makes the exception that says why the programs cannot be had.</param>
    /// <param name="cancellationToken">Cancels waiting and installing.</param>
    /// <returns>A task that completes when the programs are there.</returns>
    public static async Task EnsureAsync(IReadOnlyList<string> programs, IReadOnlyList<string> packages, Func<string, Exception> fail, CancellationToken cancellationToken = default)
    {
        if (Missing(programs).Count == 0)
        {
            return;
        }

        await InProcess.WaitAsync(cancellationToken);
        try
        {
            using FileStream machineLock = await LockMachineAsync(cancellationToken);
            if (Missing(programs).Count == 0)
            {
                return;
            }

            if (!OperatingSystem.IsLinux() || FindOnPath("apt-get") is null)
            {
                throw fail($"{string.Join(", ", Missing(programs))} not found, and this machine has no apt-get to install them: install the packages {string.Join(" ", packages)} (or their equivalents)");
            }

            string[] prefix = Environment.IsPrivilegedProcess ? [] : ["sudo", "-n"];
            if (prefix.Length > 0 && FindOnPath("sudo") is null)
            {
                throw fail($"{string.Join(", ", Missing(programs))} not found, and installing them needs root: run 'apt-get install -y --no-install-recommends {string.Join(" ", packages)}' as root");
            }

            string[] install = [.. prefix, "apt-get", "install", "-y", "--no-install-recommends", "-o", "DPkg::Lock::Timeout=600", .. packages];
            (int exit, string output) = await RunAsync(install, cancellationToken);
            if (exit != 0 && ListsLookEmpty(output))
            {
                // A fresh machine (or container) often has no package lists yet: fetch them once, then try again.
                (int updateExit, string updateOutput) = await RunAsync([.. prefix, "apt-get", "update", "-o", "DPkg::Lock::Timeout=600"], cancellationToken);
                if (updateExit != 0)
                {
                    throw fail($"'apt-get update' failed with exit code {updateExit}:\n{Tail(updateOutput)}");
                }

                (exit, output) = await RunAsync(install, cancellationToken);
            }

            if (exit != 0)
            {
                throw fail($"'{string.Join(" ", install)}' failed with exit code {exit}:\n{Tail(output)}");
            }

            List<string> stillMissing = Missing(programs);
            if (stillMissing.Count > 0)
            {
                throw fail($"the packages {string.Join(" ", packages)} were installed, but {string.Join(", ", stillMissing)} is still not on the PATH");
            }
        }
        finally
        {
            InProcess.Release();
        }
    }

    /// <summary>The full path of <paramref name="program"/> on the PATH (or in the system folders), or <see langword="null"/>.</summary>
    /// <param name="program">The program's file name.</param>
    /// <returns>Its path, or <see langword="null"/>.</returns>
    public static string? FindOnPath(string program)
    {
        // Daemons such as radosgw live in /usr/bin, but monmaptool and friends are in /usr/sbin on some systems,
        // which a non-root PATH may lack.
        IEnumerable<string> folders = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/sbin", "/usr/bin", "/sbin", "/bin"]);
        foreach (string folder in folders)
        {
            string candidate = Path.Combine(folder, program);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static List<string> Missing(IEnumerable<string> programs) => programs.Where(p => FindOnPath(p) is null).ToList();

    private static bool ListsLookEmpty(string output) =>
        output.Contains("Unable to locate package", StringComparison.Ordinal)
        || output.Contains("has no installation candidate", StringComparison.Ordinal)
        || output.Contains("Failed to fetch", StringComparison.Ordinal);

    private static string Tail(string output) => output.Length <= 4000 ? output : "…" + output[^4000..];

    // Another test process (a second test assembly) may be installing at this moment: wait for its lock.
    private static async Task<FileStream> LockMachineAsync(CancellationToken cancellationToken)
    {
        string path = Path.Combine(Path.GetTempPath(), "typeds3-apt.lock");
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (waited.Elapsed < InstallTimeout)
            {
                await Task.Delay(500, cancellationToken);
            }
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(IReadOnlyList<string> command, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(command[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        var output = new StringBuilder();
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException(command[0] + " did not start");
        }
        catch (Win32Exception exception)
        {
            return (-1, $"{command[0]} could not be started: {exception.Message}");
        }

        using (process)
        {
            process.OutputDataReceived += (_, e) => Append(e.Data);
            process.ErrorDataReceived += (_, e) => Append(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(InstallTimeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            process.WaitForExit();
            lock (output)
            {
                return (process.ExitCode, output.ToString());
            }
        }

        void Append(string? line)
        {
            if (line is not null)
            {
                lock (output)
                {
                    output.AppendLine(line);
                }
            }
        }
    }
}
