using System;
using System.Buffers;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Typed.S3.Codecs;

/// <summary>
/// A pooled, growable buffer that a <see cref="System.Text.Json.Utf8JsonWriter"/> writes into; its content goes
/// to the stream in chunks, so writing never blocks on synchronous I/O and memory stays bounded.
/// </summary>
internal sealed class JsonOutputBuffer : IBufferWriter<byte>, IDisposable
{
    /// <summary>The buffered size at which the writers hand the bytes to the stream.</summary>
    internal const int FlushThreshold = 64 * 1024;

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(FlushThreshold + (FlushThreshold / 2));
    private int _written;

    /// <summary>The bytes written and not yet handed to the stream.</summary>
    public int WrittenCount => _written;

    public void Advance(int count)
    {
        if (count < 0 || _written + count > _buffer.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(count));
        }

        _written += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsSpan(_written);
    }

    /// <summary>Appends bytes.</summary>
    public void Write(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_written));
        _written += bytes.Length;
    }

    /// <summary>Turns the comma the writer put between two top-level objects into a line feed.</summary>
    /// <param name="index">The comma's position in the buffer, flushed or still pending in the writer.</param>
    public void ReplaceSeparator(int index)
    {
        if (_buffer[index] != (byte)',')
        {
            throw new InvalidOperationException("The JSON writer did not separate two records with a comma.");
        }

        _buffer[index] = (byte)'\n';
    }

    /// <summary>Writes the buffered bytes to the stream and empties the buffer.</summary>
    public async ValueTask DrainAsync(Stream stream, CancellationToken cancellationToken)
    {
        if (_written > 0)
        {
            await stream.WriteAsync(_buffer.AsMemory(0, _written), cancellationToken).ConfigureAwait(false);
            _written = 0;
        }
    }

    public void Dispose()
    {
        byte[] buffer = _buffer;
        _buffer = Array.Empty<byte>();
        _written = 0;
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Ensure(int sizeHint)
    {
        int needed = Math.Max(sizeHint, 1);
        if (_buffer.Length - _written >= needed)
        {
            return;
        }

        byte[] larger = ArrayPool<byte>.Shared.Rent(Math.Max(checked(_written + needed), checked(_buffer.Length * 2)));
        _buffer.AsSpan(0, _written).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
