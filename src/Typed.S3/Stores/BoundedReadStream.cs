using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Typed.S3;

/// <summary>A read-only, forward-only view of at most a given number of bytes of an inner stream, which it owns.</summary>
internal sealed class BoundedReadStream : ReadOnlyWrapperStream
{
    private long _remaining;
    private long _position;

    /// <summary>Creates the view.</summary>
    /// <param name="inner">The stream, positioned at the range's start; disposed with this stream.</param>
    /// <param name="length">How many bytes at most to read.</param>
    public BoundedReadStream(Stream inner, long length)
        : base(inner) => _remaining = length;

    /// <inheritdoc />
    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    /// <inheritdoc />
    public override int Read(Span<byte> buffer)
    {
        if (_remaining <= 0 || buffer.Length == 0)
        {
            return 0;
        }

        int read = Inner.Read(buffer.Slice(0, (int)Math.Min(buffer.Length, _remaining)));
        Advance(read);
        return read;
    }

    /// <inheritdoc />
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_remaining <= 0 || buffer.Length == 0)
        {
            return 0;
        }

        int read = await Inner.ReadAsync(buffer.Slice(0, (int)Math.Min(buffer.Length, _remaining)), cancellationToken).ConfigureAwait(false);
        Advance(read);
        return read;
    }

    private void Advance(int read)
    {
        _remaining -= read;
        _position += read;
        if (read == 0)
        {
            _remaining = 0;
        }
    }
}
