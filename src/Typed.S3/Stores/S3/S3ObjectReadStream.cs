using System;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace Typed.S3;

/// <summary>
/// The bytes of one S3 object (or a range of it) that survive a cut connection. A body that fails part way (a reset,
/// a premature end, no bytes for <see cref="S3StoreOptions.ReadTimeout"/>) is resumed with a ranged GET from the next
/// unread byte, pinned with <c>If-Match</c> to the ETag the read started on, so the bytes delivered are those of one
/// version, each exactly once, in order. A body never ends before the object's known size: one that does is a cut
/// like any other, and a body of unknown length is confirmed at its end by asking for what follows it. Failures in
/// a row beyond <see cref="S3StoreOptions.ReadRetries"/> are an <see cref="ObjectReadException"/> naming the object
/// and offset; a replaced or deleted object an <see cref="ObjectChangedException"/>.
/// </summary>
internal sealed class S3ObjectReadStream : Stream
{
    private const long Unknown = -1;

    private readonly S3ObjectStore _store;
    private readonly ObjectLocation _location;
    private readonly long _start;
    private readonly long _requestedEnd;
    private readonly long _listedSize;
    private readonly object _gate = new();
    private readonly Timer? _watchdog;
    private readonly long _timeoutMilliseconds;
    private string? _etag;
    private long _end = Unknown;
    private long _position;
    private GetObjectResponse? _response;
    private Stream? _body;
    private long _bodyStart;
    private bool _bodyRanged;
    private int _failuresInARow;
    private long _readStartedAt;
    private bool _stalled;
    private bool _disposed;

    private S3ObjectReadStream(S3ObjectStore store, ObjectLocation location, long start, long requestedEnd, ObjectInfo? version)
    {
        _store = store;
        _location = location;
        _start = start;
        _requestedEnd = requestedEnd;
        _etag = Quoted(version?.ETag);
        _listedSize = version?.Size ?? Unknown;
        if (version is not null)
        {
            _end = Math.Max(start, Math.Min(requestedEnd, version.Size));
        }

        TimeSpan timeout = store.Options.ReadTimeout;
        if (timeout != Timeout.InfiniteTimeSpan)
        {
            _timeoutMilliseconds = Math.Max(1, (long)timeout.TotalMilliseconds);
            long period = Math.Clamp(_timeoutMilliseconds / 4, 10, 1000);
            _watchdog = new Timer(static state => ((S3ObjectReadStream)state!).CheckStall(), this, period, period);
        }
    }

    /// <inheritdoc />
    public override bool CanRead => !_disposed;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => false;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    /// <summary>How many times the read was resumed after a failure.</summary>
    internal int Resumes { get; private set; }

    private long Offset => _start + _position;

    /// <summary>Sends the first GET and returns the stream over its body.</summary>
    /// <param name="store">The store whose client sends the GETs, also for resuming after a dropped connection.</param>
    /// <param name="location">The object to read.</param>
    /// <param name="offset">The first byte.</param>
    /// <param name="length">How many bytes at most; <see cref="long.MaxValue"/> for all that follow.</param>
    /// <param name="version">The version as listed (its ETag is sent as If-Match and its size is what must be read), or <see langword="null"/> to pin the version the first answer gives.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public static async Task<Stream> OpenAsync(S3ObjectStore store, ObjectLocation location, long offset, long length, ObjectInfo? version, CancellationToken cancellationToken)
    {
        long end = offset > long.MaxValue - length ? long.MaxValue : offset + length;
        var stream = new S3ObjectReadStream(store, location, offset, end, version);
        try
        {
            await stream.RequestAsync(first: true, cancellationToken).ConfigureAwait(false);
            return stream;
        }
        catch
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override int Read(Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        while (!buffer.IsEmpty)
        {
            if (AtEnd())
            {
                return 0;
            }

            if (_body is null)
            {
                RequestAsync(first: false, CancellationToken.None).GetAwaiter().GetResult();
                continue;
            }

            int read;
            BeginRead();
            try
            {
                read = _body.Read(buffer.Slice(0, Wanted(buffer.Length)));
            }
            catch (Exception exception) when (!_disposed)
            {
                EndRead();
                FailAsync(Describe(exception), CheckRecoverable(exception), CancellationToken.None).GetAwaiter().GetResult();
                continue;
            }

            EndRead();
            if (read > 0)
            {
                return Delivered(read);
            }

            BodyEndedAsync(CancellationToken.None).GetAwaiter().GetResult();
        }

        return 0;
    }

    /// <inheritdoc />
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc />
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        while (!buffer.IsEmpty)
        {
            if (AtEnd())
            {
                return 0;
            }

            if (_body is null)
            {
                await RequestAsync(first: false, cancellationToken).ConfigureAwait(false);
                continue;
            }

            int read;
            BeginRead();
            try
            {
                read = await _body.ReadAsync(buffer.Slice(0, Wanted(buffer.Length)), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested && !_disposed)
            {
                EndRead();
                await FailAsync(Describe(exception), CheckRecoverable(exception), cancellationToken).ConfigureAwait(false);
                continue;
            }

            EndRead();
            if (read > 0)
            {
                return Delivered(read);
            }

            await BodyEndedAsync(cancellationToken).ConfigureAwait(false);
        }

        return 0;
    }

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc />
    /// <remarks>Asynchronous disposal ends here too (through <see cref="Stream.DisposeAsync"/>).</remarks>
    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            _watchdog?.Dispose();
            lock (_gate)
            {
                DropBody();
            }
        }

        base.Dispose(disposing);
    }

    private bool AtEnd() => _end != Unknown && Offset >= _end;

    private int Wanted(int length) => _end == Unknown ? length : (int)Math.Min(length, _end - Offset);

    private int Delivered(int read)
    {
        _position += read;
        _failuresInARow = 0;
        return read;
    }

    // The body ended: the end of the object or range, or a cut that looked like one.
    private async ValueTask BodyEndedAsync(CancellationToken cancellationToken)
    {
        if (_end != Unknown)
        {
            // Short of the known end: the connection was closed early (a response without a length, cut between records).
            await FailAsync($"the body ended at byte {Offset}, before byte {_end}", null, cancellationToken).ConfigureAwait(false);
            return;
        }

        // A body without a length ends the same way complete or cut: ask for what follows. An answer of "nothing
        // there" (416, or an empty body to a ranged request) is the end; anything else carries on reading.
        if (Offset == _bodyStart && _bodyRanged)
        {
            _end = Offset;
            return;
        }

        lock (_gate)
        {
            DropBody();
        }

        await RequestAsync(first: false, cancellationToken, ranged: true).ConfigureAwait(false);
    }

    private async Task FailAsync(string what, Exception? exception, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            DropBody();
        }

        _failuresInARow++;
        int retries = _store.Options.ReadRetries;
        if (_failuresInARow > retries)
        {
            throw new ObjectReadException(
                _location,
                Offset,
                $"cannot read {_location} in {_store} past byte {Offset}: {what}, and {retries} resume(s) in a row brought no more bytes; read it again later or raise ReadRetries",
                exception);
        }

        TimeSpan pause = _store.Options.ReadRetryDelay * Math.Pow(2, Math.Min(_failuresInARow - 1, 6));
        if (pause > TimeSpan.Zero)
        {
            await Task.Delay(pause, cancellationToken).ConfigureAwait(false);
        }

        Resumes++;
    }

    // Sends a GET for the bytes from the current offset (the first one, or a resume), pinned to the ETag once known.
    private async Task RequestAsync(bool first, CancellationToken cancellationToken, bool ranged = false)
    {
        while (true)
        {
            long from = Offset;
            if (_end != Unknown && from >= _end)
            {
                // Nothing (more) to ask for: a range past the listed size, or an empty listed object.
                return;
            }

            var request = new GetObjectRequest { BucketName = _location.Bucket, Key = _location.Key, EtagToMatch = _etag };
            if (ranged || from > 0 || _requestedEnd != long.MaxValue)
            {
                long last = Math.Min(_requestedEnd, _end == Unknown ? long.MaxValue : _end) - 1;
                request.ByteRange = last == long.MaxValue - 1
                    ? new ByteRange("bytes=" + from.ToString(CultureInfo.InvariantCulture) + "-")
                    : new ByteRange(from, last);
            }

            GetObjectResponse response;
            try
            {
                response = await _store.Client.GetObjectAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (S3ErrorMapper.IsInvalidRange(exception))
            {
                // Nothing at or after this offset: the end of the object (a range past it reads nothing, like a file).
                if (_listedSize != Unknown && from < _end)
                {
                    throw Changed(from, $"it has no byte {from} although it had {_listedSize} bytes when listed", exception);
                }

                _end = from;
                return;
            }
            catch (Exception exception) when (IsPreconditionFailed(exception))
            {
                throw Changed(from, $"its ETag is no longer {_etag}", exception);
            }
            catch (Exception exception) when (!first && S3ErrorMapper.IsMissingKey(exception))
            {
                throw Changed(from, "it was deleted", exception);
            }
            catch (Exception exception) when (!first && IsTransientAnswer(exception, cancellationToken))
            {
                await FailAsync(Describe(exception), _store.MapError(exception, "resume reading", _location), cancellationToken).ConfigureAwait(false);
                continue;
            }
            catch (Exception exception) when (S3ErrorMapper.CanMap(exception))
            {
                throw _store.MapError(exception, "read", _location);
            }

            await AcceptAsync(response, from, request.ByteRange is not null, cancellationToken).ConfigureAwait(false);
            return;
        }
    }

    private async Task AcceptAsync(GetObjectResponse response, long from, bool rangeAsked, CancellationToken cancellationToken)
    {
        try
        {
            if (_etag is null)
            {
                _etag = Quoted(response.ETag);
            }
            else if (!string.IsNullOrEmpty(response.ETag) && Quoted(response.ETag) != _etag)
            {
                // A store that ignores If-Match answers with another version: never mix it in.
                throw Changed(from, $"its ETag is now {response.ETag}, not {_etag}", null);
            }

            long size = Unknown;
            bool ranged = TryParseContentRange(response.ContentRange, out long rangeStart, out long total);
            if (ranged)
            {
                size = total;
                if (rangeStart != from)
                {
                    throw new ObjectReadException(_location, from, $"cannot read {_location} in {_store}: asked for the bytes from {from}, the store answered with those from {rangeStart}");
                }
            }
            else if (response.Headers.ContentLength > 0)
            {
                // The whole object (no range asked, or a store that ignored the range): its length is the size. A
                // length of 0 is not taken for an empty object, since an answer without a length can read as 0 too:
                // the end of such a body is confirmed by asking for what follows.
                size = response.Headers.ContentLength;
            }

            if (size != Unknown)
            {
                if (_listedSize != Unknown && size != _listedSize)
                {
                    throw Changed(from, $"it has {size} bytes now, {_listedSize} when listed", null);
                }

                _end = Math.Max(_start, Math.Min(_requestedEnd, size));
            }

            lock (_gate)
            {
                _response = response;
                _body = response.ResponseStream;
                _bodyStart = from;
                _bodyRanged = rangeAsked;
                _stalled = false;
            }

            if (from > 0 && !ranged)
            {
                // A store that ignored the range sent the whole object: skip to where reading stands.
                await SkipAsync(from, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            lock (_gate)
            {
                if (_response != response)
                {
                    response.Dispose();
                }
            }

            throw;
        }
    }

    private async Task SkipAsync(long count, CancellationToken cancellationToken)
    {
        byte[] scratch = new byte[(int)Math.Min(count, 64 * 1024)];
        while (count > 0)
        {
            int read = await _body!.ReadAsync(scratch.AsMemory(0, (int)Math.Min(count, scratch.Length)), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new ObjectReadException(_location, Offset, $"cannot read {_location} in {_store}: the store ignored the range asked for and its answer ended {count} bytes before byte {Offset}");
            }

            count -= read;
        }
    }

    // An entity tag as If-Match wants it: quoted, strong. Stores differ in whether listings quote it.
    private static string? Quoted(string? etag)
    {
        if (string.IsNullOrWhiteSpace(etag))
        {
            return null;
        }

        string bare = etag.Trim();
        if (bare.StartsWith("W/", StringComparison.Ordinal))
        {
            bare = bare.Substring(2);
        }

        return "\"" + bare.Trim('"') + "\"";
    }

    private ObjectChangedException Changed(long offset, string what, Exception? exception) =>
        new(_location, offset, $"{_location} changed while being read in {_store} (at byte {offset}: {what}); read it again", exception);

    // A body read failed: a cut or a stall is resumed from (the exception is returned as the cause); anything else (an
    // integrity check that failed, say) would not be cured by reading again, and is thrown naming the object.
    private Exception CheckRecoverable(Exception exception)
    {
        if (Volatile.Read(ref _stalled) || exception is IOException or HttpRequestException or SocketException)
        {
            return exception;
        }

        throw new ObjectReadException(_location, Offset, $"cannot read {_location} in {_store} at byte {Offset}: {exception.GetType().Name}: {exception.Message}", exception);
    }

    // Answers worth asking again for: server errors (500, 503 SlowDown) and transport failures.
    private static bool IsTransientAnswer(Exception exception, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return false;
        }

        if (exception is AmazonServiceException service && service.StatusCode != 0)
        {
            return (int)service.StatusCode >= 500 || service.ErrorCode is "SlowDown" or "RequestTimeout";
        }

        return exception is IOException or HttpRequestException or SocketException or AmazonClientException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested);
    }

    private static bool IsPreconditionFailed(Exception exception) =>
        exception is AmazonS3Exception s3 && (s3.StatusCode == HttpStatusCode.PreconditionFailed || s3.ErrorCode == "PreconditionFailed");

    private string Describe(Exception exception)
    {
        if (Volatile.Read(ref _stalled))
        {
            return $"no bytes came for {_store.Options.ReadTimeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s";
        }

        return exception switch
        {
            AmazonServiceException { StatusCode: not 0 } service => $"the store answered {(int)service.StatusCode} {service.ErrorCode}",
            _ => $"the connection failed ({exception.GetType().Name}: {exception.Message})",
        };
    }

    // "bytes 100-199/1000": the first byte and the object's size (unknown size, "*", gives false).
    private static bool TryParseContentRange(string? contentRange, out long first, out long total)
    {
        first = 0;
        total = Unknown;
        if (string.IsNullOrEmpty(contentRange))
        {
            return false;
        }

        ReadOnlySpan<char> text = contentRange.AsSpan().Trim();
        if (text.StartsWith("bytes", StringComparison.OrdinalIgnoreCase))
        {
            text = text.Slice(5).TrimStart();
        }

        int dash = text.IndexOf('-');
        int slash = text.IndexOf('/');
        return dash > 0 && slash > dash
            && long.TryParse(text.Slice(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out first)
            && long.TryParse(text.Slice(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out total);
    }

    private void BeginRead() => Volatile.Write(ref _readStartedAt, Environment.TickCount64 | 1);

    private void EndRead() => Volatile.Write(ref _readStartedAt, 0);

    // On the timer: a read that has waited longer than the timeout for bytes is given up by closing its connection,
    // which ends the read with an error that the reading thread takes for a cut.
    private void CheckStall()
    {
        long started = Volatile.Read(ref _readStartedAt);
        if (started == 0 || Environment.TickCount64 - started <= _timeoutMilliseconds)
        {
            return;
        }

        lock (_gate)
        {
            if (_response is not null && !_stalled && Volatile.Read(ref _readStartedAt) == started)
            {
                _stalled = true;
                _response.Dispose();
            }
        }
    }

    // Called with _gate held.
    private void DropBody()
    {
        _response?.Dispose();
        _response = null;
        _body = null;
    }
}
