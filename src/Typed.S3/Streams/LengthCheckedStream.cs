using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Typed.S3;

/// <summary>
/// Delivers exactly the number of bytes an object (or range of it) is known to have, or fails: an inner stream that
/// ends early is an <see cref="ObjectReadException"/> at the offset where it ended, one that goes on past the size an
/// <see cref="ObjectChangedException"/>. Stores that cannot resume a read themselves get this check from
/// <see cref="ObjectVersionReads"/>.
/// </summary>
internal sealed class LengthCheckedStream : ReadOnlyWrapperStream
{
    private readonly ObjectLocation _location;
    private readonly long _start;
    private readonly long _expected;
    private long _read;

    /// <summary>Wraps a stream.</summary>
    /// <param name="inner">The bytes; owned and disposed with this stream.</param>
    /// <param name="location">The object, for errors.</param>
    /// <param name="start">The offset in the object of the inner stream's first byte.</param>
    /// <param name="expected">How many bytes the inner stream must give.</param>
    public LengthCheckedStream(Stream inner, ObjectLocation location, long start, long expected)
        : base(inner)
    {
        _location = location;
        _start = start;
        _expected = expected;
    }

    /// <inheritdoc />
    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    /// <inheritdoc />
    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        // One byte more than is left, so that a longer object shows itself instead of ending "on time".
        int read = Inner.Read(buffer.Slice(0, Allowed(buffer.Length)));
        return Count(read);
    }

    /// <inheritdoc />
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        int read = await Inner.ReadAsync(buffer.Slice(0, Allowed(buffer.Length)), cancellationToken).ConfigureAwait(false);
        return Count(read);
    }

    private int Allowed(int wanted) => (int)Math.Min(wanted, _expected - _read + 1);

    private int Count(int read)
    {
        if (read == 0)
        {
            if (_read < _expected)
            {
                throw new ObjectReadException(
                    _location,
                    _start + _read,
                    $"{_location} ended after {_start + _read} bytes, before the {_start + _expected} bytes it had when listed: the read was cut short or the object changed while being read; read it again");
            }

            return 0;
        }

        _read += read;
        if (_read > _expected)
        {
            throw new ObjectChangedException(
                _location,
                _start + _expected,
                $"{_location} goes on past the {_start + _expected} bytes it had when listed: it changed while being read; read it again");
        }

        return read;
    }
}
