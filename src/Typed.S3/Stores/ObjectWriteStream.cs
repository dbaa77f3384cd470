using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Typed.S3;

/// <summary>
/// A write-only stream to one object that becomes visible only when <see cref="CompleteAsync"/> succeeds.
/// Disposing it before then aborts the write: the object's previous content (or its absence) stays.
/// </summary>
public abstract class ObjectWriteStream : Stream
{
    /// <summary>The object being written.</summary>
    public abstract ObjectLocation Location { get; }

    /// <summary>How many bytes have been written so far.</summary>
    public abstract long BytesWritten { get; }

    /// <summary>Makes the object visible under its key with everything written so far.</summary>
    /// <param name="cancellationToken">Cancels the request; the write is then aborted.</param>
    /// <returns>A task that completes when the object is stored.</returns>
    public abstract Task CompleteAsync(CancellationToken cancellationToken = default);

    /// <inheritdoc />
    public sealed override bool CanRead => false;

    /// <inheritdoc />
    public sealed override bool CanSeek => false;

    /// <inheritdoc />
    public sealed override bool CanWrite => true;

    /// <inheritdoc />
    public sealed override long Length => throw new System.NotSupportedException();

    /// <inheritdoc />
    public sealed override long Position
    {
        get => BytesWritten;
        set => throw new System.NotSupportedException();
    }

    /// <inheritdoc />
    public sealed override int Read(byte[] buffer, int offset, int count) => throw new System.NotSupportedException();

    /// <inheritdoc />
    public sealed override long Seek(long offset, SeekOrigin origin) => throw new System.NotSupportedException();

    /// <inheritdoc />
    public sealed override void SetLength(long value) => throw new System.NotSupportedException();
}
