using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Typed.S3.Tests.Connections;

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
