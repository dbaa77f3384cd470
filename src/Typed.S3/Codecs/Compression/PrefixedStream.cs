using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Typed.S3.Codecs;

/// <summary>A read-only stream that replays bytes already read (to sniff a format) before the rest of its source.</summary>
internal sealed class PrefixedStream : ReadOnlyWrapperStream
{
    private ReadOnlyMemory<byte> _prefix;

    public PrefixedStream(ReadOnlyMemory<byte> prefix, Stream source)
        : base(source) => _prefix = prefix;

    public override int Read(Span<byte> buffer) => _prefix.IsEmpty ? Inner.Read(buffer) : TakePrefix(buffer);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        _prefix.IsEmpty ? Inner.ReadAsync(buffer, cancellationToken) : new ValueTask<int>(TakePrefix(buffer.Span));

    private int TakePrefix(Span<byte> buffer)
    {
        int n = Math.Min(buffer.Length, _prefix.Length);
        _prefix.Span.Slice(0, n).CopyTo(buffer);
        _prefix = _prefix.Slice(n);
        return n;
    }
}
