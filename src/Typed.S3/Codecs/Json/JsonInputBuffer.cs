using System;
using System.Buffers;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Typed.S3.Codecs;

/// <summary>
/// A pooled window over a stream for the JSON readers: bytes not yet consumed stay at the front, the rest is
/// filled from the stream, and the window grows when one token or record is larger than it. Lines are counted
/// in the bytes it discards, so a position in the window maps to its line without counting on the hot path.
/// </summary>
internal sealed class JsonInputBuffer : IDisposable
{
    /// <summary>The initial window size; larger records and tokens grow it.</summary>
    internal const int InitialSize = 32 * 1024;

    private readonly Stream _stream;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private long _lineAtBufferStart = 1;
    private long _offsetAtBufferStart;

    public JsonInputBuffer(Stream stream)
    {
        _stream = stream;
        _buffer = ArrayPool<byte>.Shared.Rent(InitialSize);
    }

    /// <summary>Whether the stream has ended: no bytes come after <see cref="Data"/>.</summary>
    public bool IsFinal { get; private set; }

    /// <summary>The bytes read but not yet consumed.</summary>
    public ReadOnlySpan<byte> Data => _buffer.AsSpan(_start, _end - _start);

    /// <summary>The index in the window of the first byte of <see cref="Data"/>.</summary>
    public int Start => _start;

    /// <summary>The window's current capacity.</summary>
    public int Capacity => _buffer.Length;

    /// <summary>Marks bytes at the start of <see cref="Data"/> as consumed.</summary>
    public void Consume(int count) => _start += count;

    /// <summary>The 1-based line of a byte in the window.</summary>
    public long LineAt(int index) => _lineAtBufferStart + _buffer.AsSpan(0, Math.Min(index, _end)).Count((byte)'\n');

    /// <summary>The 0-based offset in the stream of a byte in the window.</summary>
    public long OffsetAt(int index) => _offsetAtBufferStart + index;

    /// <summary>Fills the window and skips a UTF-8 byte order mark at the start of the stream.</summary>
    public async ValueTask StartAsync(CancellationToken cancellationToken)
    {
        await FillAsync(cancellationToken).ConfigureAwait(false);
        if (Data.StartsWith("\uFEFF"u8))
        {
            _start += 3;
        }
    }

    /// <summary>
    /// Discards consumed bytes, grows the window when unconsumed bytes fill it, and reads from the stream until
    /// the unconsumed bytes have doubled (at least one byte more), the window is full, or the stream ends.
    /// </summary>
    /// <returns><see langword="false"/> when the stream had already ended, so nothing more can come.</returns>
    public async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (IsFinal)
        {
            return false;
        }

        if (_start > 0)
        {
            _lineAtBufferStart += _buffer.AsSpan(0, _start).Count((byte)'\n');
            _offsetAtBufferStart += _start;
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            byte[] larger = ArrayPool<byte>.Shared.Rent(checked(_buffer.Length * 2));
            _buffer.AsSpan(0, _end).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        // Read at least one byte, and until the unconsumed bytes double: a record that keeps falling short of the
        // window is then parsed again only a logarithmic number of times, while a stream that delivers records as
        // they happen (a pipe, a socket) is never waited on for more than it has sent.
        int target = Math.Min(_buffer.Length, Math.Max(_end + 1, 2 * _end));
        while (_end < target)
        {
            int read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                IsFinal = true;
                break;
            }

            _end += read;
        }

        return true;
    }

    public void Dispose()
    {
        byte[] buffer = _buffer;
        _buffer = Array.Empty<byte>();
        _start = _end = 0;
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
