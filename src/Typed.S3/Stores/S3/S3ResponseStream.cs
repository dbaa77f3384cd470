using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Amazon.S3.Model;

namespace Typed.S3;

/// <summary>The body of a GetObject response; disposing it disposes the response (and frees its connection).</summary>
internal sealed class S3ResponseStream : ReadOnlyWrapperStream
{
    private readonly GetObjectResponse _response;
    private long _position;

    /// <summary>Wraps a response.</summary>
    /// <param name="response">The response, owned by this stream.</param>
    public S3ResponseStream(GetObjectResponse response)
        : base(response.ResponseStream) => _response = response;

    /// <inheritdoc />
    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    /// <inheritdoc />
    public override int Read(Span<byte> buffer)
    {
        int read = Inner.Read(buffer);
        _position += read;
        return read;
    }

    /// <inheritdoc />
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int read = await Inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        _position += read;
        return read;
    }

    /// <inheritdoc />
    /// <remarks>Asynchronous disposal ends here too (through <see cref="Stream.DisposeAsync"/>).</remarks>
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _response.Dispose();
        }
    }
}
