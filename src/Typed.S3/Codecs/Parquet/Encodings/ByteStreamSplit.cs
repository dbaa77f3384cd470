using System;

namespace Typed.S3.Codecs;

/// <summary>
/// <c>BYTE_STREAM_SPLIT</c>: the K bytes of each of N values are stored as K streams of N bytes (every value's first
/// byte, then every value's second, ...). The streams' length is the page's value count.
/// </summary>
internal static class ByteStreamSplit
{
    /// <summary>Gathers <paramref name="count"/> values of <paramref name="width"/> bytes, from the <paramref name="first"/>th, into <paramref name="target"/>.</summary>
    public static void Decode(ReadOnlySpan<byte> data, Span<byte> target, int width, int first, int count)
    {
        if (width <= 0 || ((long)first + count) * width > data.Length)
        {
            ParquetErrors.CutShort("byte-stream-split values");
        }

        int stride = data.Length / width;
        for (int k = 0; k < width; k++)
        {
            ReadOnlySpan<byte> stream = data.Slice((k * stride) + first, count);
            for (int i = 0; i < count; i++)
            {
                target[(i * width) + k] = stream[i];
            }
        }
    }
}
