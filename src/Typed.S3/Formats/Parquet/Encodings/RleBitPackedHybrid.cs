using System;
using System.Buffers.Binary;
using System.Numerics;

namespace Typed.S3.Codecs;

/// <summary>
/// The RLE / bit-packing hybrid encoding (<c>RLE</c>) of levels, dictionary indices and booleans: runs of one
/// repeated value and groups of 8 bit-packed values. A run never writes past the values asked for, and every run
/// is checked against the bytes left.
/// </summary>
internal static class RleBitPackedHybrid
{
    /// <summary>The bit width of values up to <paramref name="maxValue"/>.</summary>
    public static int BitWidth(int maxValue) => 32 - BitOperations.LeadingZeroCount((uint)maxValue);

    /// <summary>Decodes <c>values.Length</c> values of <paramref name="bitWidth"/> bits; returns the bytes read.</summary>
    public static int Decode(ReadOnlySpan<byte> data, int bitWidth, Span<int> values)
    {
        if ((uint)bitWidth > 32)
        {
            ParquetErrors.Corrupt("a bit width of " + bitWidth + " is out of range");
        }

        int position = 0;
        int count = 0;
        int valueBytes = (bitWidth + 7) / 8;
        while (count < values.Length)
        {
            ulong header = ReadVarint(data, ref position);
            if ((header & 1) == 0)
            {
                // An RLE run: one value repeated, little-endian in the fewest whole bytes.
                int run = (int)Math.Min(header >> 1, (ulong)(values.Length - count));
                if (valueBytes > data.Length - position)
                {
                    ParquetErrors.CutShort("an RLE run");
                }

                int value = 0;
                for (int i = 0; i < valueBytes; i++)
                {
                    value |= data[position + i] << (8 * i);
                }

                position += valueBytes;
                values.Slice(count, run).Fill(value);
                count += run;
            }
            else
            {
                // Bit-packed groups of 8 values, least significant bit first; the last group may be cut short.
                ulong groups = header >> 1;
                if (groups == 0 || groups > int.MaxValue / 8)
                {
                    ParquetErrors.Corrupt("a bit-packed run is empty or too long");
                }

                int packed = (int)Math.Min(groups * 8, (ulong)(values.Length - count));
                int available = (int)Math.Min((long)groups * bitWidth, data.Length - position);
                if ((long)packed * bitWidth > (long)available * 8)
                {
                    ParquetErrors.CutShort("a bit-packed run");
                }

                Unpack(data.Slice(position, available), bitWidth, values.Slice(count, packed));
                position += available;
                count += packed;
            }
        }

        return position;
    }

    /// <summary>Unpacks values of <paramref name="bitWidth"/> bits (up to 32), least significant bit first.</summary>
    public static void Unpack(ReadOnlySpan<byte> data, int bitWidth, Span<int> values)
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
                values[i] = (data[i >> 3] >> (i & 7)) & 1;
            }

            return;
        }

        uint mask = bitWidth == 32 ? uint.MaxValue : (1u << bitWidth) - 1;
        int fast = (int)Math.Max(0, Math.Min(values.Length, ((long)data.Length - 8) * 8 / bitWidth));
        int i2 = 0;
        for (; i2 < fast; i2++)
        {
            long bit = (long)i2 * bitWidth;
            ulong window = BinaryPrimitives.ReadUInt64LittleEndian(data.Slice((int)(bit >> 3)));
            values[i2] = (int)((uint)(window >> (int)(bit & 7)) & mask);
        }

        Span<byte> tail = stackalloc byte[8];
        for (; i2 < values.Length; i2++)
        {
            long bit = (long)i2 * bitWidth;
            int start = (int)(bit >> 3);
            tail.Clear();
            data.Slice(start, Math.Min(8, data.Length - start)).CopyTo(tail);
            ulong window = BinaryPrimitives.ReadUInt64LittleEndian(tail);
            values[i2] = (int)((uint)(window >> (int)(bit & 7)) & mask);
        }
    }

    /// <summary>
    /// The deprecated <c>BIT_PACKED</c> encoding of levels: values packed from the most significant bit, no runs, no
    /// length prefix. Returns the bytes read.
    /// </summary>
    public static int DecodeBitPacked(ReadOnlySpan<byte> data, int bitWidth, Span<int> values)
    {
        long bytes = ((long)values.Length * bitWidth + 7) / 8;
        if (bytes > data.Length)
        {
            ParquetErrors.CutShort("bit-packed levels");
        }

        long bit = 0;
        for (int i = 0; i < values.Length; i++)
        {
            int value = 0;
            for (int b = 0; b < bitWidth; b++, bit++)
            {
                value = (value << 1) | ((data[(int)(bit >> 3)] >> (7 - (int)(bit & 7))) & 1);
            }

            values[i] = value;
        }

        return (int)bytes;
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
