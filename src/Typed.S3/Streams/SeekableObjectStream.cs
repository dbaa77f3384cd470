using System;
using System.Buffers;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Typed.S3;

/// <summary>
/// A seekable, read-only view of one object that fetches byte ranges on demand, a block at a time, so formats
/// that read the end of a file first (Parquet's footer) and then jump to the parts they need transfer only
/// those parts. Two blocks are cached: the one being read and the one before a seek, which keeps
/// back-and-forth reads near a boundary from refetching. Every range is read from the version of the object the
/// stream was opened on (<see cref="IObjectStore.OpenReadRangeAsync(ObjectInfo, long, long, CancellationToken)"/>):
/// an object replaced meanwhile is an <see cref="ObjectChangedException"/>, never a file made of two versions.
/// </summary>
public sealed class SeekableObjectStream : Stream
{
    /// <summary>The default block size: 1 MiB.</summary>
    public const int DefaultBlockSize = 1024 * 1024;

    private readonly IObjectStore _store;
    private readonly int _blockSize;
    private Block _current;
    private Block _previous;
    private long _position;
    private bool _disposed;

    private SeekableObjectStream(IObjectStore store, ObjectInfo info, int blockSize)
    {
        _store = store;
        Info = info;
        _blockSize = blockSize;
    }

    /// <summary>The object read.</summary>
    public ObjectInfo Info { get; }

    /// <summary>How many range requests the stream has made so far.</summary>
    public int RangeRequests { get; private set; }

    /// <summary>How many bytes the stream has fetched so far.</summary>
    public long BytesFetched { get; private set; }

    /// <inheritdoc />
    public override bool CanRead => !_disposed;

    /// <inheritdoc />
    public override bool CanSeek => !_disposed;

    /// <inheritdoc />
    public override bool CanWrite => false;

    /// <inheritdoc />
    public override long Length => Info.Size;

    /// <inheritdoc />
    public override long Position
    {
        get => _position;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            _position = value;
        }
    }

    /// <summary>Opens an object for seekable reading.</summary>
    /// <param name="store">The store to read from; it must stay open (undisposed) while the stream is read.</param>
    /// <param name="location">The object to read; its size is asked for once, here.</param>
    /// <param name="blockSize">How many bytes each range request fetches (at least 4 KiB).</param>
    /// <param name="cancellationToken">Cancels the request for the object's size.</param>
    /// <returns>The stream, positioned at the start.</returns>
    /// <exception cref="ObjectNotFoundException">The object does not exist.</exception>
    public static async Task<SeekableObjectStream> OpenAsync(IObjectStore store, ObjectLocation location, int blockSize = DefaultBlockSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentOutOfRangeException.ThrowIfLessThan(blockSize, 4096);
        ObjectInfo info = await store.GetInfoAsync(location, cancellationToken).ConfigureAwait(false)
            ?? throw new ObjectNotFoundException(location, $"No object at {location}.");
        return new SeekableObjectStream(store, info, blockSize);
    }

    /// <summary>Opens the version of an object a listing described for seekable reading, without a request.</summary>
    /// <param name="store">The store the listing came from; it must stay open (undisposed) while the stream is read.</param>
    /// <param name="object">The object as listed.</param>
    /// <param name="blockSize">How many bytes each range request fetches (at least 4 KiB).</param>
    /// <returns>The stream, positioned at the start.</returns>
    public static SeekableObjectStream Open(IObjectStore store, ObjectInfo @object, int blockSize = DefaultBlockSize)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(@object);
        ArgumentOutOfRangeException.ThrowIfLessThan(blockSize, 4096);
        return new SeekableObjectStream(store, @object, blockSize);
    }

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin)
    {
        long target = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            SeekOrigin.End => Info.Size + offset,
            _ => throw new ArgumentOutOfRangeException(nameof(origin)),
        };
        ArgumentOutOfRangeException.ThrowIfNegative(target, nameof(offset));
        _position = target;
        return target;
    }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override int Read(Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!TryCopyCached(buffer, out int copied))
        {
            // Synchronous callers get a blocking fetch; async callers should use ReadAsync.
            FetchAsync(_position, CancellationToken.None).AsTask().GetAwaiter().GetResult();
            TryCopyCached(buffer, out copied);
        }

        return copied;
    }

    /// <inheritdoc />
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc />
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!TryCopyCached(buffer.Span, out int copied))
        {
            await FetchAsync(_position, cancellationToken).ConfigureAwait(false);
            TryCopyCached(buffer.Span, out copied);
        }

        return copied;
    }

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (!_disposed)
        {
            _disposed = true;
            _current.Release();
            _previous.Release();
        }

        base.Dispose(disposing);
    }

    // Copies from a cached block holding the position; false when neither holds it (and the position is not at the end).
    private bool TryCopyCached(Span<byte> destination, out int copied)
    {
        copied = 0;
        if (destination.IsEmpty || _position >= Info.Size)
        {
            return true;
        }

        if (!_current.Contains(_position))
        {
            if (!_previous.Contains(_position))
            {
                return false;
            }

            (_current, _previous) = (_previous, _current);
        }

        ReadOnlySpan<byte> available = _current.From(_position);
        copied = Math.Min(available.Length, destination.Length);
        available.Slice(0, copied).CopyTo(destination);
        _position += copied;
        return true;
    }

    private async ValueTask FetchAsync(long position, CancellationToken cancellationToken)
    {
        long start = position - (position % _blockSize);
        int length = (int)Math.Min(_blockSize, Info.Size - start);
        byte[] data = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            Stream range = await _store.OpenReadRangeAsync(Info, start, length, cancellationToken).ConfigureAwait(false);
            await using (range.ConfigureAwait(false))
            {
                int filled = 0;
                while (filled < length)
                {
                    int read = await range.ReadAsync(data.AsMemory(filled, length - filled), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        throw new ObjectReadException(Info.Location, start + filled, $"{Info.Location} ended at byte {start + filled}, before the {Info.Size} bytes it had when opened: the read was cut short or the object changed; read it again");
                    }

                    filled += read;
                }
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(data);
            throw;
        }

        RangeRequests++;
        BytesFetched += length;
        _previous.Release();
        _previous = _current;
        _current = new Block(start, data, length);
    }

    private struct Block
    {
        private readonly long _start;
        private readonly int _length;
        private byte[]? _data;

        public Block(long start, byte[] data, int length)
        {
            _start = start;
            _data = data;
            _length = length;
        }

        public readonly bool Contains(long position) => _data is not null && position >= _start && position < _start + _length;

        public readonly ReadOnlySpan<byte> From(long position) => _data.AsSpan((int)(position - _start), _length - (int)(position - _start));

        public void Release()
        {
            if (_data is not null)
            {
                ArrayPool<byte>.Shared.Return(_data);
                _data = null;
            }
        }
    }
}
