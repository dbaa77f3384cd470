using System;
using System.ComponentModel;
using System.IO;
using System.IO.Compression;
using System.Threading;
using System.Threading.Tasks;

namespace Typed.S3.Codecs;

/// <summary>Wraps an object's stream in the decompressor its compression calls for.</summary>
/// <remarks>For generated code only: not a supported API, hidden from IntelliSense, and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Decompression
{
    /// <summary>
    /// Returns a stream of the object's uncompressed bytes. With <see cref="ObjectCompression.Auto"/>, gzip is
    /// detected from the first two bytes (0x1F 0x8B), whatever the key's extension says, so a mislabelled
    /// object is still read correctly.
    /// </summary>
    /// <param name="stream">The object's stream; disposed with the returned stream.</param>
    /// <param name="compression">The dataset's compression.</param>
    /// <param name="cancellationToken">Cancels reading the first bytes.</param>
    /// <returns>The stream to read records from.</returns>
    public static async ValueTask<Stream> OpenAsync(Stream stream, ObjectCompression compression, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        switch (compression)
        {
            case ObjectCompression.None:
                return stream;
            case ObjectCompression.Gzip:
                return new GZipStream(stream, CompressionMode.Decompress, leaveOpen: false);
        }

        byte[] head = new byte[2];
        int read = 0;
        while (read < head.Length)
        {
            int n = await stream.ReadAsync(head.AsMemory(read), cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        var replayed = new PrefixedStream(head.AsMemory(0, read), stream);
        return read == 2 && head[0] == 0x1F && head[1] == 0x8B
            ? new GZipStream(replayed, CompressionMode.Decompress, leaveOpen: false)
            : replayed;
    }
}
