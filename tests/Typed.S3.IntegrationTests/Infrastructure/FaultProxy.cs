using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Typed.S3.IntegrationTests.Infrastructure;

/// <summary>
/// An HTTP/1.1 proxy on 127.0.0.1 in front of the S3 test server that breaks responses on purpose: it resets the
/// connection or ends the body early after a given number of body bytes, strips the length of a response and closes
/// it at a given byte (a cut that looks like a clean end), stalls, or answers 503 SlowDown itself. Faults are armed
/// for requests matching a predicate, a given number of times; every request is recorded. Requests pass through
/// unchanged (the Host header included), so the server still verifies their signatures. Requests with a body are
/// refused: tests write directly to the server and read through the proxy. Bounded: every socket operation times out,
/// a stall lasts at most its given time, and the proxy stops with <see cref="DisposeAsync"/> (or its process).
/// </summary>
public sealed class FaultProxy : IAsyncDisposable
{
    private static readonly TimeSpan IoTimeout = TimeSpan.FromSeconds(30);

    private readonly TcpListener _listener;
    private readonly IPEndPoint _upstream;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<ArmedFault> _faults = [];
    private readonly ConcurrentQueue<ProxiedRequest> _requests = new();
    private readonly ConcurrentDictionary<Task, bool> _connections = new();
    private readonly Task _accepting;

    /// <summary>Starts a proxy to <paramref name="upstreamUrl"/> (<c>http://127.0.0.1:PORT</c>).</summary>
    /// <param name="upstreamUrl">The server's URL.</param>
    public FaultProxy(string upstreamUrl)
    {
        var upstream = new Uri(upstreamUrl);
        _upstream = new IPEndPoint(IPAddress.Parse(upstream.Host), upstream.Port);
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>The proxy's URL, to use as the store's endpoint.</summary>
    public string Url => "http://127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);

    /// <summary>Every request the proxy received, in order, with the fault it met (if any).</summary>
    public IReadOnlyList<ProxiedRequest> Requests => _requests.ToArray();

    /// <summary>Arms a fault for the next <paramref name="times"/> requests that match <paramref name="match"/>.</summary>
    /// <param name="match">Which requests meet the fault.</param>
    /// <param name="fault">The fault.</param>
    /// <param name="times">How many matching requests meet it.</param>
    public void Arm(Func<ProxiedRequest, bool> match, Fault fault, int times = 1)
    {
        lock (_faults)
        {
            _faults.Add(new ArmedFault(match, fault, times));
        }
    }

    /// <summary>Disarms every fault.</summary>
    public void DisarmAll()
    {
        lock (_faults)
        {
            _faults.Clear();
        }
    }

    /// <summary>Stops accepting, closes every connection and waits for their handlers.</summary>
    /// <returns>A task that completes when the proxy has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }

        await Task.WhenAll(_connections.Keys).WaitAsync(TimeSpan.FromSeconds(30));
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client = await _listener.AcceptSocketAsync(_stop.Token);
            Task connection = ServeAsync(client);
            _connections[connection] = true;
            _ = connection.ContinueWith(t => _connections.TryRemove(t, out _), TaskScheduler.Default);
        }
    }

    private async Task ServeAsync(Socket client)
    {
        using var upstream = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        client.NoDelay = true;
        try
        {
            using var connect = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            connect.CancelAfter(IoTimeout);
            await upstream.ConnectAsync(_upstream, connect.Token);
            var fromClient = new HttpReader(client, _stop.Token);
            var fromServer = new HttpReader(upstream, _stop.Token);
            while (true)
            {
                string? head = await fromClient.ReadHeadAsync();
                if (head is null)
                {
                    return;
                }

                ProxiedRequest request = ProxiedRequest.Parse(head);
                if (request.ContentLength > 0 || request.Chunked)
                {
                    _requests.Enqueue(request with { Fault = "refused: the proxy takes no request bodies" });
                    await SendAsync(client, "HTTP/1.1 501 Not Implemented\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray());
                    return;
                }

                Fault? fault = Take(request);
                _requests.Enqueue(request with { Fault = fault?.ToString() });
                if (fault is Fault.SlowDown)
                {
                    byte[] body = Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>");
                    await SendAsync(client, Encoding.ASCII.GetBytes($"HTTP/1.1 503 Slow Down\r\nContent-Type: application/xml\r\nContent-Length: {body.Length}\r\n\r\n"));
                    await SendAsync(client, body);
                    continue;
                }

                await SendAsync(upstream, Encoding.ASCII.GetBytes(head));
                string responseHead = await fromServer.ReadHeadAsync() ?? throw new IOException("the server closed the connection without answering");
                bool keepOpen = await RelayResponseAsync(request, responseHead, fromServer, client, fault);
                if (!keepOpen)
                {
                    return;
                }
            }
        }
        catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // A connection the client or server dropped, or the proxy stopping: nothing to relay any more.
        }
        finally
        {
            client.Dispose();
        }
    }

    // Relays one response, applying the fault to its body; false when the client connection must close.
    private async Task<bool> RelayResponseAsync(ProxiedRequest request, string head, HttpReader fromServer, Socket client, Fault? fault)
    {
        string[] lines = head.Split("\r\n");
        int status = int.Parse(lines[0].Split(' ')[1], CultureInfo.InvariantCulture);
        long length = -1;
        bool chunked = false;
        foreach (string line in lines.Skip(1))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                length = long.Parse(line.AsSpan(15).Trim(), CultureInfo.InvariantCulture);
            }
            else if (line.StartsWith("Transfer-Encoding:", StringComparison.OrdinalIgnoreCase) && line.Contains("chunked", StringComparison.OrdinalIgnoreCase))
            {
                chunked = true;
            }
        }

        bool hasBody = request.Method != "HEAD" && status is not (204 or 304) && status >= 200;
        if (!hasBody)
        {
            await SendAsync(client, Encoding.ASCII.GetBytes(head));
            return true;
        }

        if (chunked)
        {
            // Listings and errors may come chunked; they are relayed as they are (faults target object bodies).
            await SendAsync(client, Encoding.ASCII.GetBytes(head));
            await fromServer.RelayChunkedAsync(client);
            return true;
        }

        if (length < 0)
        {
            throw new IOException("a response with neither a length nor chunks: the proxy cannot tell where it ends");
        }

        long cutAt = fault switch
        {
            Fault.Reset reset => reset.AfterBytes,
            Fault.EndEarly end => end.AfterBytes,
            Fault.UnknownLengthEnd end => end.AfterBytes,
            Fault.Stall stall => stall.AfterBytes,
            _ => long.MaxValue,
        };

        if (fault is Fault.UnknownLengthEnd)
        {
            // No length and "Connection: close": the client can only take the close for the end of the body.
            string stripped = string.Join("\r\n", lines.Where(l => !l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase) && !l.StartsWith("Connection:", StringComparison.OrdinalIgnoreCase) && l.Length > 0))
                + "\r\nConnection: close\r\n\r\n";
            await SendAsync(client, Encoding.ASCII.GetBytes(stripped));
        }
        else
        {
            await SendAsync(client, Encoding.ASCII.GetBytes(head));
        }

        long sent = await fromServer.RelayAsync(client, Math.Min(length, cutAt));
        if (sent == length)
        {
            if (fault is Fault.UnknownLengthEnd)
            {
                client.Shutdown(SocketShutdown.Send);
                return false;
            }

            return true;
        }

        switch (fault)
        {
            case Fault.Reset:
                client.LingerState = new LingerOption(true, 0);
                client.Close();
                break;
            case Fault.Stall stall:
                await Task.Delay(stall.For, _stop.Token);
                client.LingerState = new LingerOption(true, 0);
                client.Close();
                break;
            default:
                client.Shutdown(SocketShutdown.Send);
                break;
        }

        return false;
    }

    private Fault? Take(ProxiedRequest request)
    {
        lock (_faults)
        {
            for (int i = 0; i < _faults.Count; i++)
            {
                ArmedFault armed = _faults[i];
                if (armed.Match(request))
                {
                    armed.Times--;
                    if (armed.Times == 0)
                    {
                        _faults.RemoveAt(i);
                    }

                    return armed.Fault;
                }
            }
        }

        return null;
    }

    private async Task SendAsync(Socket socket, ReadOnlyMemory<byte> data)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        timeout.CancelAfter(IoTimeout);
        while (!data.IsEmpty)
        {
            int sent = await socket.SendAsync(data, SocketFlags.None, timeout.Token);
            data = data.Slice(sent);
        }
    }

    private sealed class ArmedFault(Func<ProxiedRequest, bool> match, Fault fault, int times)
    {
        public Func<ProxiedRequest, bool> Match { get; } = match;

        public Fault Fault { get; } = fault;

        public int Times { get; set; } = times;
    }

    // Reads HTTP message heads and bodies off a socket, with a buffer for what was read ahead.
    private sealed class HttpReader(Socket socket, CancellationToken stop)
    {
        private readonly byte[] _buffer = new byte[64 * 1024];
        private int _start;
        private int _end;

        public async Task<string?> ReadHeadAsync()
        {
            var head = new StringBuilder();
            while (true)
            {
                for (int i = _start; i < _end; i++)
                {
                    head.Append((char)_buffer[i]);
                    if (head.Length >= 4 && head[^1] == '\n' && head[^2] == '\r' && head[^3] == '\n' && head[^4] == '\r')
                    {
                        _start = i + 1;
                        return head.ToString();
                    }
                }

                _start = _end;
                if (head.Length > 64 * 1024)
                {
                    throw new IOException("an HTTP head of more than 64 KiB");
                }

                if (!await FillAsync())
                {
                    return head.Length == 0 ? null : throw new IOException("the connection ended inside an HTTP head");
                }
            }
        }

        // Copies up to count body bytes to the target; returns how many were copied.
        public async Task<long> RelayAsync(Socket target, long count)
        {
            long copied = 0;
            while (copied < count)
            {
                if (_start == _end && !await FillAsync())
                {
                    return copied;
                }

                int take = (int)Math.Min(_end - _start, count - copied);
                await SendAllAsync(target, _buffer.AsMemory(_start, take));
                _start += take;
                copied += take;
            }

            return copied;
        }

        public async Task RelayChunkedAsync(Socket target)
        {
            while (true)
            {
                string sizeLine = await ReadLineAsync();
                await SendAllAsync(target, Encoding.ASCII.GetBytes(sizeLine));
                long size = long.Parse(sizeLine.Split(';')[0].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                if (size == 0)
                {
                    // Trailers, then the empty line.
                    while (true)
                    {
                        string trailer = await ReadLineAsync();
                        await SendAllAsync(target, Encoding.ASCII.GetBytes(trailer));
                        if (trailer == "\r\n")
                        {
                            return;
                        }
                    }
                }

                if (await RelayAsync(target, size + 2) != size + 2)
                {
                    throw new IOException("the connection ended inside a chunk");
                }
            }
        }

        private async Task<string> ReadLineAsync()
        {
            var line = new StringBuilder();
            while (true)
            {
                if (_start == _end && !await FillAsync())
                {
                    throw new IOException("the connection ended inside a line");
                }

                char c = (char)_buffer[_start++];
                line.Append(c);
                if (c == '\n')
                {
                    return line.ToString();
                }
            }
        }

        private async Task<bool> FillAsync()
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop);
            timeout.CancelAfter(IoTimeout);
            int read = await socket.ReceiveAsync(_buffer.AsMemory(), SocketFlags.None, timeout.Token);
            _start = 0;
            _end = read;
            return read > 0;
        }

        private async Task SendAllAsync(Socket target, ReadOnlyMemory<byte> data)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop);
            timeout.CancelAfter(IoTimeout);
            while (!data.IsEmpty)
            {
                int sent = await target.SendAsync(data, SocketFlags.None, timeout.Token);
                data = data.Slice(sent);
            }
        }
    }
}

/// <summary>What the proxy does to a response.</summary>
public abstract record Fault
{
    private Fault()
    {
    }

    /// <summary>Sends the head and <see cref="AfterBytes"/> bytes of the body, then resets the connection (RST).</summary>
    /// <param name="AfterBytes">Body bytes sent before the reset.</param>
    public sealed record Reset(long AfterBytes) : Fault;

    /// <summary>Sends the head (with its length) and <see cref="AfterBytes"/> bytes of the body, then closes the connection (FIN): a premature end.</summary>
    /// <param name="AfterBytes">Body bytes sent before the close.</param>
    public sealed record EndEarly(long AfterBytes) : Fault;

    /// <summary>Sends the head without its Content-Length (<c>Connection: close</c>) and <see cref="AfterBytes"/> bytes, then closes: a cut that looks like the end.</summary>
    /// <param name="AfterBytes">Body bytes sent before the close.</param>
    public sealed record UnknownLengthEnd(long AfterBytes) : Fault;

    /// <summary>Sends <see cref="AfterBytes"/> bytes of the body, then nothing for <see cref="For"/>, then resets.</summary>
    /// <param name="AfterBytes">Body bytes sent before the stall.</param>
    /// <param name="For">How long the stall lasts.</param>
    public sealed record Stall(long AfterBytes, TimeSpan For) : Fault;

    /// <summary>Answers 503 SlowDown without asking the server.</summary>
    public sealed record SlowDown : Fault;
}

/// <summary>A request the proxy received.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Target">The request target (path and query, percent-encoded as sent).</param>
/// <param name="Range">The Range header, or empty.</param>
/// <param name="IfMatch">The If-Match header, or empty.</param>
/// <param name="ContentLength">The request body's length, 0 without one.</param>
/// <param name="Chunked">Whether the request body is chunked.</param>
/// <param name="Fault">The fault the request met, or <see langword="null"/>.</param>
public sealed record ProxiedRequest(string Method, string Target, string Range, string IfMatch, long ContentLength, bool Chunked, string? Fault = null)
{
    /// <summary>The path, percent-decoded, without the query.</summary>
    public string Path => Uri.UnescapeDataString(Target.Split('?')[0]);

    /// <summary>Reads a request head.</summary>
    /// <param name="head">The head, request line to the empty line.</param>
    /// <returns>The request.</returns>
    public static ProxiedRequest Parse(string head)
    {
        string[] lines = head.Split("\r\n");
        string[] requestLine = lines[0].Split(' ');
        string Header(string name) => lines.Skip(1)
            .Where(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))
            .Select(l => l.Substring(name.Length + 1).Trim())
            .FirstOrDefault() ?? "";
        string length = Header("Content-Length");
        return new ProxiedRequest(
            requestLine[0],
            requestLine[1],
            Header("Range"),
            Header("If-Match"),
            length.Length == 0 ? 0 : long.Parse(length, CultureInfo.InvariantCulture),
            Header("Transfer-Encoding").Contains("chunked", StringComparison.OrdinalIgnoreCase));
    }
}
