using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Typed.S3.Codecs;

/// <summary>The start of a text object as the CSV and JSON readers see it: UTF-8 bytes, and the first of them as read.</summary>
/// <param name="Stream">UTF-8 bytes: the object's own, or its UTF-16 text transcoded. Not to be disposed: it wraps the caller's stream.</param>
/// <param name="Head">The object's first bytes (also still in <paramref name="Stream"/>); empty for transcoded text, which was validated.</param>
internal readonly record struct TextStart(Stream Stream, ReadOnlyMemory<byte> Head);

/// <summary>
/// Opens a text object the same way for every reader (CSV on one thread or several, JSON, JSON Lines): an object that
/// starts with a UTF-16 byte order mark (LE or BE) is transcoded to UTF-8 before any reader sees it, so every path reads
/// it alike; a UTF-32 one is refused by name; anything else is read as UTF-8 (a UTF-8 byte order mark is skipped by the
/// readers).
/// </summary>
internal static class TextInput
{
    private const int HeadSize = 4 * 1024;

    /// <summary>Reads the start of <paramref name="stream"/> and returns the UTF-8 stream to read.</summary>
    /// <param name="stream">The object's bytes.</param>
    /// <param name="objectName">The object, for errors.</param>
    /// <param name="invalid">What to do with an unpaired surrogate in UTF-16 text.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The UTF-8 stream and the bytes read ahead.</returns>
    /// <exception cref="DatasetFormatException">The object starts with a UTF-32 byte order mark.</exception>
    public static async ValueTask<TextStart> OpenAsync(Stream stream, string objectName, InvalidUtf8Handling invalid, CancellationToken cancellationToken)
    {
        byte[] head = new byte[HeadSize];
        int read = 0;
        while (read < 4)
        {
            int n = await stream.ReadAsync(head.AsMemory(read), cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        ReadOnlySpan<byte> start = head.AsSpan(0, read);
        if (start.StartsWith(stackalloc byte[] { 0xFF, 0xFE, 0x00, 0x00 }) || start.StartsWith(stackalloc byte[] { 0x00, 0x00, 0xFE, 0xFF }))
        {
            throw new DatasetFormatException(
                objectName, 0, 0, 0, null, null, null, "the object starts with a UTF-32 byte order mark: UTF-32 text is not supported (convert it to UTF-8)");
        }

        bool littleEndian = start.StartsWith(stackalloc byte[] { 0xFF, 0xFE });
        if (littleEndian || start.StartsWith(stackalloc byte[] { 0xFE, 0xFF }))
        {
            var rest = new PrefixedStream(head.AsMemory(2, read - 2), stream);
            return new TextStart(new Utf16ToUtf8Stream(rest, bigEndian: !littleEndian, invalid == InvalidUtf8Handling.Replace, objectName), ReadOnlyMemory<byte>.Empty);
        }

        return new TextStart(new PrefixedStream(head.AsMemory(0, read), stream), head.AsMemory(0, read));
    }
}
