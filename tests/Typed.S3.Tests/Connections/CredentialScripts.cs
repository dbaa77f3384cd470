using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Typed.S3.Tests.Connections;

/// <summary>Credentials files and real <c>credential_process</c> scripts that print what a test asks, for the leak tests.</summary>
internal static class CredentialScripts
{
    /// <summary>Writes a script that prints <paramref name="output"/> and <paramref name="error"/> and exits with <paramref name="exitCode"/>.</summary>
    /// <returns>The command line for <c>credential_process</c>.</returns>
    public static string Write(string folder, string output, string error = "", int exitCode = 0)
    {
        string name = "credential-process-" + Guid.NewGuid().ToString("N").Substring(0, 8);
        string outputFile = Path.Combine(folder, name + ".out");
        string errorFile = Path.Combine(folder, name + ".err");
        File.WriteAllText(outputFile, output);
        File.WriteAllText(errorFile, error);
        if (OperatingSystem.IsWindows())
        {
            string script = Path.Combine(folder, name + ".cmd");
            File.WriteAllText(script, $"@echo off\r\ntype \"{outputFile}\"\r\ntype \"{errorFile}\" 1>&2\r\nexit /b {exitCode}\r\n");
            return script;
        }
        else
        {
            string script = Path.Combine(folder, name + ".sh");
            File.WriteAllText(script, $"#!/bin/sh\ncat '{outputFile}'\ncat '{errorFile}' >&2\nexit {exitCode}\n");
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            return script;
        }
    }

    /// <summary>Writes <c>credentials</c> (and, if given, <c>config</c> beside it) in a folder of its own.</summary>
    /// <returns>The credentials file's path.</returns>
    public static string WriteFiles(string parent, string credentials, string? config = null)
    {
        string folder = Path.Combine(parent, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        string file = Path.Combine(folder, "credentials");
        File.WriteAllText(file, credentials);
        if (config is not null)
        {
            File.WriteAllText(Path.Combine(folder, "config"), config);
        }

        return file;
    }
}

/// <summary>
/// A loopback HTTP server that answers every request with an empty ListObjectsV2 result and keeps the requests'
/// Authorization headers: enough to see which credentials signed a request, with no S3 server.
/// </summary>
internal sealed class ListingStub : IDisposable
{
    private const string EmptyListing =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
        + "<Name>b</Name><Prefix></Prefix><KeyCount>0</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated></ListBucketResult>";

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public ListingStub()
    {
        _listener.Start();
        Endpoint = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";
        _loop = Task.Run(ServeAsync);
    }

    public string Endpoint { get; }

    public List<string> Authorizations { get; } = [];

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }

        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            using TcpClient client = await _listener.AcceptTcpClientAsync(_stop.Token);
            using NetworkStream stream = client.GetStream();
            var head = new StringBuilder();
            var buffer = new byte[1];
            while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && await stream.ReadAsync(buffer, _stop.Token) == 1)
            {
                head.Append((char)buffer[0]);
            }

            foreach (string line in head.ToString().Split("\r\n"))
            {
                if (line.StartsWith("Authorization:", StringComparison.OrdinalIgnoreCase))
                {
                    lock (Authorizations)
                    {
                        Authorizations.Add(line.Substring("Authorization:".Length).Trim());
                    }
                }
            }

            byte[] body = Encoding.UTF8.GetBytes(EmptyListing);
            byte[] response = Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n");
            await stream.WriteAsync(response, _stop.Token);
            await stream.WriteAsync(body, _stop.Token);
        }
    }
}
