using System;
using System.Buffers.Binary;
using System.Numerics;

namespace Typed.S3.Codecs;

/// <summary>
/// The pieces of the RLE / bit-packing hybrid encoding (<c>RLE</c>) of levels, dictionary indices and booleans that
/// <see cref="RleBitPackedDecoder"/> and the level decoder share: bit widths, unpacking, run headers, and the
/// deprecated <c>BIT_PACKED</c> levels.
/// </summary>
internal static class RleBitPackedHybrid
{
    /// <summary>The bit width of values up to <paramref name="maxValue"/>.</summary>
    public static int BitWidth(int maxValue) => 32 - BitOperations.LeadingZeroCount((uint)maxValue);

    /// <summary>
    /// Unpacks values of <paramref name="bitWidth"/> bits (up to 32), least significant bit first, starting at the
    /// <paramref name="first"/>th value packed in <paramref name="data"/>.
    /// </summary>
    public static void Unpack(ReadOnlySpan<byte> data, int bitWidth, int first, Span<int> values)
    {
        if (bitWidth == 0)
        {
            values.Clear();
            return;
        }

        if (bitWidth == 1)
        {
            for (int i = 0; i < values.Length; i++)
            {
                int at = first + i;
                values[i] = (data[at >> 3] >> (at & 7)) & 1;
            }

            return;
        }

        uint mask = bitWidth == 32 ? uint.MaxValue : (1u << bitWidth) - 1;

        // Values whose 8-byte window lies inside the data are read with one load each.
        int fast = (int)Math.Clamp((((long)data.Length - 8) * 8 / bitWidth) - first, 0, values.Length);
        long firstBit = (long)first * bitWidth;
        int i2 = 0;
        for (; i2 < fast; i2++)
        {
            long bit = firstBit + ((long)i2 * bitWidth);
            ulong window = BinaryPrimitives.ReadUInt64LittleEndian(data.Slice((int)(bit >> 3)));
            values[i2] = (int)((uint)(window >> (int)(bit & 7)) & mask);
        }

        Span<byte> tail = stackalloc byte[8];
        for (; i2 < values.Length; i2++)
        {
            long bit = firstBit + ((long)i2 * bitWidth);
            int start = (int)(bit >> 3);
            tail.Clear();
            data.Slice(start, Math.Min(8, data.Length - start)).CopyTo(tail);
            ulong window = BinaryPrimitives.ReadUInt64LittleEndian(tail);
            values[i2] = (int)((uint)(window >> (int)(bit & 7)) & mask);
        }
    }

    /// <summary>
    /// The deprecated <c>BIT_PACKED</c> encoding of levels: values packed from the most significant bit, no runs, no
    /// length prefix; the values from the <paramref name="first"/>th on (the caller has checked the data holds them).
    /// </summary>
    public static void DecodeBitPacked(ReadOnlySpan<byte> data, int bitWidth, long first, Span<int> values)
    {
        long bit = first * bitWidth;
        for (int i = 0; i < values.Length; i++)
        {
            int value = 0;
            for (int b = 0; b < bitWidth; b++, bit++)
            {
                value = (value << 1) | ((data[(int)(bit >> 3)] >> (7 - (int)(bit & 7))) & 1);
            }

            values[i] = value;
        }
    }

    public static ulong ReadVarint(ReadOnlySpan<byte> data, ref int position)
    {
        ulong value = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            if ((uint)position >= (uint)data.Length)
            {
                ParquetErrors.CutShort("a run header");
            }

            byte b = data[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        return ParquetErrors.Corrupt<ulong>("a run header is malformed");
    }
}
