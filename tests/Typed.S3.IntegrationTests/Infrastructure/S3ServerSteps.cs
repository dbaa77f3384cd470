using System;
using System.ComponentModel;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Typed.S3.Testing;

/// <summary>
/// The steps of starting s3rver that the integration tests' fixture and the end-to-end benchmarks share (this file
/// is linked into both projects): <c>npm ci</c> of the pinned package, a free loopback port, and whether the
/// server answers on it.
/// </summary>
internal static class S3ServerSteps
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Installs the packages of <paramref name="packageFolder"/> exactly as its lock file pins them.</summary>
    /// <param name="packageFolder">The folder with package.json and package-lock.json.</param>
    /// <param name="fail">Makes the exception that says why the server cannot start.</param>
    /// <returns>A task that completes when the packages are installed.</returns>
    public static async Task InstallAsync(string packageFolder, Func<string, Exception> fail)
    {
        bool windows = OperatingSystem.IsWindows();
        var start = new ProcessStartInfo(windows ? "cmd.exe" : "npm")
        {
            WorkingDirectory = packageFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (windows)
        {
            start.ArgumentList.Add("/c");
            start.ArgumentList.Add("npm");
        }

        foreach (string argument in new[] { "ci", "--no-audit", "--no-fund", "--loglevel=error" })
        {
            start.ArgumentList.Add(argument);
        }

        Process npm;
        try
        {
            npm = Process.Start(start) ?? throw fail("npm did not start");
        }
        catch (Win32Exception exception)
        {
            throw fail($"npm could not be started to install the S3 server s3rver in {packageFolder} ({exception.Message}); install Node.js 18+ with npm");
        }

        using (npm)
        {
            Task<string> output = npm.StandardOutput.ReadToEndAsync();
            Task<string> errors = npm.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(InstallTimeout);
            try
            {
                await npm.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                npm.Kill(entireProcessTree: true);
                throw fail($"'npm ci' in {packageFolder} did not finish within {InstallTimeout.TotalMinutes:0} minutes");
            }

            if (npm.ExitCode != 0)
            {
                throw fail($"'npm ci' in {packageFolder} failed with exit code {npm.ExitCode}:\n{await output}\n{await errors}");
            }
        }
    }

    /// <summary>A TCP port on the loopback that nothing listens on now.</summary>
    /// <returns>The port.</returns>
    public static int FindFreePort()
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

    /// <summary>Whether something accepts connections on <paramref name="port"/> of the loopback.</summary>
    /// <param name="port">The port.</param>
    /// <returns><see langword="true"/> when a connection is accepted within a second.</returns>
    public static async Task<bool> AnswersAsync(int port)
    {
        using var client = new TcpClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
            return true;
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException)
        {
            return false;
        }
    }
}
