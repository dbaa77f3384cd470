using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Amazon.S3;
using Amazon.S3.Model;

namespace Typed.S3;

/// <summary>
/// Writes one S3 object. Bytes are buffered up to a part size in pooled buffers: an object that stays below one
/// part is sent as one PutObject on <see cref="CompleteAsync"/>, from a buffer that starts small and doubles as the
/// object grows (so that many small objects written at once do not hold a whole part each); a larger one becomes a multipart upload whose
/// parts are sent in parallel (at most <see cref="S3StoreOptions.MaxConcurrentParts"/> at once, so memory stays
/// near that many parts) and that is completed with the parts' ETags in order. A failure, a cancellation, or
/// disposing the stream before <see cref="CompleteAsync"/> succeeded aborts the multipart upload (best effort,
/// never hiding the original error), so nothing appears under the key.
/// </summary>
internal sealed class S3ObjectWriteStream : ObjectWriteStream
{
    private static readonly TimeSpan AbortTimeout = TimeSpan.FromSeconds(30);

    // The first buffer of an object; it doubles up to the part size while the object is still one part.
    private const int FirstBufferSize = 64 * 1024;

    private readonly S3ObjectStore _store;
    private readonly IAmazonS3 _client;
    private readonly ObjectLocation _location;
    private readonly int _partSize;
    private readonly SemaphoreSlim _partSlots;
    private readonly CancellationTokenSource _abort = new();
    private readonly List<Task<PartETag>> _parts = new();
    private byte[]? _buffer;
    private int _filled;
    private long _bytesWritten;
    private string? _uploadId;
    private State _state;

    /// <summary>Starts a write; nothing is sent until a part fills or <see cref="CompleteAsync"/> is called.</summary>
    /// <param name="store">The store, for its client, settings and error messages.</param>
    /// <param name="location">The object to write.</param>
    public S3ObjectWriteStream(S3ObjectStore store, ObjectLocation location)
    {
        _store = store;
        _client = store.Client;
        _location = location;
        _partSize = store.Options.PartSize;
        _partSlots = new SemaphoreSlim(store.Options.MaxConcurrentParts, store.Options.MaxConcurrentParts);
    }

    private enum State
    {
        Open,
        Completed,
        Aborted,
    }

    /// <inheritdoc />
    public override ObjectLocation Location => _location;

    /// <inheritdoc />
    public override long BytesWritten => _bytesWritten;

    /// <summary>The multipart upload's id once one started (for tests and diagnostics), else <see langword="null"/>.</summary>
    internal string? UploadId => _uploadId;

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        EnsureOpen();
        try
        {
            while (buffer.Length > 0)
            {
                if (_filled == _partSize)
                {
                    StartPartAsync(CancellationToken.None).GetAwaiter().GetResult();
                }

                int copied = CopyIn(buffer);
                buffer = buffer.Slice(copied);
            }
        }
        catch
        {
            AbortAsync().GetAwaiter().GetResult();
            throw;
        }
    }

    /// <inheritdoc />
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc />
    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        EnsureOpen();
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            while (buffer.Length > 0)
            {
                // A full buffer is sent only when more bytes come, so an object of exactly one part is one PutObject.
                if (_filled == _partSize)
                {
                    await StartPartAsync(cancellationToken).ConfigureAwait(false);
                }

                int copied = CopyIn(buffer.Span);
                buffer = buffer.Slice(copied);
            }
        }
        catch
        {
            await AbortAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc />
    /// <remarks>Bytes are sent when a part fills or on <see cref="CompleteAsync"/>: flushing sends nothing.</remarks>
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public override async Task CompleteAsync(CancellationToken cancellationToken = default)
    {
        EnsureOpen();
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_uploadId is null)
            {
                await PutObjectAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                if (_filled > 0)
                {
                    await StartPartAsync(cancellationToken).ConfigureAwait(false);
                }

                PartETag[] etags = await Task.WhenAll(_parts).WaitAsync(cancellationToken).ConfigureAwait(false);
                var request = new CompleteMultipartUploadRequest
                {
                    BucketName = _location.Bucket,
                    Key = _location.Key,
                    UploadId = _uploadId,
                    PartETags = new List<PartETag>(etags),
                };
                try
                {
                    await _client.CompleteMultipartUploadAsync(request, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (S3ErrorMapper.CanMap(exception))
                {
                    throw _store.MapError(exception, "complete the multipart upload of", _location);
                }
            }

            _state = State.Completed;
            ReturnBuffer();
            _abort.Dispose();
        }
        catch
        {
            await AbortAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        await AbortAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            AbortAsync().GetAwaiter().GetResult();
        }

        base.Dispose(disposing);
    }

    private void EnsureOpen()
    {
        if (_state != State.Open)
        {
            throw new ObjectDisposedException(
                nameof(ObjectWriteStream),
                _state == State.Completed ? $"the write of {_location} is already complete" : $"the write of {_location} was aborted");
        }
    }

    private int CopyIn(ReadOnlySpan<byte> source)
    {
        if (_buffer is null)
        {
            // After the first part the object is known to be large: a whole part at once.
            _buffer = ArrayPool<byte>.Shared.Rent(_uploadId is null ? Math.Min(FirstBufferSize, _partSize) : _partSize);
        }
        else if (_filled == _buffer.Length && _filled < _partSize)
        {
            byte[] larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(2L * _buffer.Length, _partSize));
            _buffer.AsSpan(0, _filled).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        int count = Math.Min(source.Length, Math.Min(_buffer.Length, _partSize) - _filled);
        source.Slice(0, count).CopyTo(_buffer.AsSpan(_filled));
        _filled += count;
        _bytesWritten += count;
        return count;
    }

    private async Task PutObjectAsync(CancellationToken cancellationToken)
    {
        using var content = new MemoryStream(_buffer ?? Array.Empty<byte>(), 0, _filled, writable: false);
        var request = new PutObjectRequest
        {
            BucketName = _location.Bucket,
            Key = _location.Key,
            InputStream = content,
            AutoCloseStream = false,
        };
        if (_store.IsS3Compatible)
        {
            request.UseChunkEncoding = false;
        }

        if (!_store.Options.PayloadSigning)
        {
            request.DisablePayloadSigning = true;
        }

        try
        {
            await _client.PutObjectAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (S3ErrorMapper.CanMap(exception))
        {
            throw _store.MapError(exception, "write", _location);
        }
    }

    // Hands the full buffer to a part upload, starting the multipart upload first if needed; waits while
    // MaxConcurrentParts parts are in flight, and surfaces the failure of any part sent before.
    private async Task StartPartAsync(CancellationToken cancellationToken)
    {
        if (_uploadId is null)
        {
            var request = new InitiateMultipartUploadRequest { BucketName = _location.Bucket, Key = _location.Key };
            try
            {
                InitiateMultipartUploadResponse response = await _client.InitiateMultipartUploadAsync(request, cancellationToken).ConfigureAwait(false);
                _uploadId = response.UploadId;
            }
            catch (Exception exception) when (S3ErrorMapper.CanMap(exception))
            {
                throw _store.MapError(exception, "start a multipart upload of", _location);
            }

            if (string.IsNullOrEmpty(_uploadId))
            {
                throw new ObjectStoreException($"cannot write {_location} in {_store}: the store started a multipart upload without an upload id");
            }
        }

        await _partSlots.WaitAsync(cancellationToken).ConfigureAwait(false);
        foreach (Task<PartETag> sent in _parts)
        {
            if (sent.IsFaulted || sent.IsCanceled)
            {
                _partSlots.Release();
                await sent.ConfigureAwait(false);
            }
        }

        byte[] part = _buffer!;
        int length = _filled;
        int number = _parts.Count + 1;
        _buffer = null;
        _filled = 0;
        string uploadId = _uploadId;
        _parts.Add(Task.Run(() => UploadPartAsync(uploadId, number, part, length)));
    }

    private async Task<PartETag> UploadPartAsync(string uploadId, int number, byte[] part, int length)
    {
        try
        {
            using var content = new MemoryStream(part, 0, length, writable: false);
            var request = new UploadPartRequest
            {
                BucketName = _location.Bucket,
                Key = _location.Key,
                UploadId = uploadId,
                PartNumber = number,
                PartSize = length,
                InputStream = content,
            };
            if (_store.IsS3Compatible)
            {
                request.UseChunkEncoding = false;
            }

            if (!_store.Options.PayloadSigning)
            {
                request.DisablePayloadSigning = true;
            }

            UploadPartResponse response = await _client.UploadPartAsync(request, _abort.Token).ConfigureAwait(false);
            return new PartETag(number, response.ETag);
        }
        catch (Exception exception) when (S3ErrorMapper.CanMap(exception))
        {
            throw _store.MapError(exception, $"upload part {number} of", _location);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(part);
            _partSlots.Release();
        }
    }

    // Stops the parts in flight and aborts the multipart upload; best effort, never throws; safe to call twice.
    private async Task AbortAsync()
    {
        if (_state != State.Open)
        {
            return;
        }

        _state = State.Aborted;
        _abort.Cancel();
        foreach (Task<PartETag> sent in _parts)
        {
            try
            {
                await sent.ConfigureAwait(false);
            }
            catch (Exception)
            {
                // The failure (or cancellation) that led here is already being reported.
            }
        }

        if (_uploadId is not null)
        {
            using var timeout = new CancellationTokenSource(AbortTimeout);
            try
            {
                await _client.AbortMultipartUploadAsync(
                    new AbortMultipartUploadRequest { BucketName = _location.Bucket, Key = _location.Key, UploadId = _uploadId },
                    timeout.Token).ConfigureAwait(false);
            }
            catch (Exception)
            {
                // Best effort: the original error matters more, and an unfinished upload never shows as an object
                // (a bucket lifecycle rule can remove leftover parts).
            }
        }

        ReturnBuffer();
        _abort.Dispose();
    }

    private void ReturnBuffer()
    {
        if (_buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = null;
            _filled = 0;
        }
    }
}
