using System;

namespace Typed.S3.Codecs;

/// <summary>
/// <c>DELTA_BINARY_PACKED</c>: a header (block size, miniblocks per block, value count, first value), then blocks of
/// a minimum delta, the miniblocks' bit widths and the miniblocks, each bit-packed deltas from that minimum. Integers
/// wrap as the writer's did (32 or 64 bits); sizes come from the data and are checked before they are used.
/// </summary>
internal static class DeltaBinaryPacked
{
    // The spec has block sizes as multiples of 128 and miniblocks of multiples of 32 values; writers use 128 or 256.
    private const int MaxBlockSize = 1 << 16;

    /// <summary>The value count of the header at the start of <paramref name="data"/>.</summary>
    public static int PeekCount(ReadOnlySpan<byte> data)
    {
        int position = 0;
        RleBitPackedHybrid.ReadVarint(data, ref position);
        RleBitPackedHybrid.ReadVarint(data, ref position);
        ulong count = RleBitPackedHybrid.ReadVarint(data, ref position);
        return count > int.MaxValue ? ParquetErrors.Corrupt<int>("delta-encoded values claim too many values") : (int)count;
    }

    /// <summary>Decodes <c>values.Length</c> values as 64-bit integers; returns the bytes the encoded values take.</summary>
    public static int Decode(ReadOnlySpan<byte> data, Span<long> values, int bitLimit)
    {
        int position = 0;
        ulong blockSize = RleBitPackedHybrid.ReadVarint(data, ref position);
        ulong miniblocks = RleBitPackedHybrid.ReadVarint(data, ref position);
        ulong total = RleBitPackedHybrid.ReadVarint(data, ref position);
        long value = ZigZag(RleBitPackedHybrid.ReadVarint(data, ref position));
        if (blockSize == 0 || blockSize > MaxBlockSize || blockSize % 128 != 0 || miniblocks == 0 || blockSize % miniblocks != 0 || (blockSize / miniblocks) % 32 != 0)
        {
            ParquetErrors.Corrupt("delta-encoded values have a malformed header");
        }

        if (total < (ulong)values.Length)
        {
            ParquetErrors.Corrupt("delta-encoded values hold fewer values than the page says");
        }

        if (values.Length == 0)
        {
            return position;
        }

        int perMiniblock = (int)(blockSize / miniblocks);
        int miniblockCount = (int)miniblocks;
        values[0] = value;
        int count = 1;
        while (count < values.Length)
        {
            long minDelta = ZigZag(RleBitPackedHybrid.ReadVarint(data, ref position));
            if (miniblockCount > data.Length - position)
            {
                ParquetErrors.CutShort("delta-encoded values");
            }

            ReadOnlySpan<byte> widths = data.Slice(position, miniblockCount);
            position += miniblockCount;
            for (int m = 0; m < miniblockCount && count < values.Length; m++)
            {
                int width = widths[m];
                if (width > bitLimit)
                {
                    ParquetErrors.Corrupt("delta-encoded values have a bit width of " + width);
                }

                // A miniblock is always whole: its values padded to perMiniblock.
                int bytes = perMiniblock / 8 * width;
                if (bytes > data.Length - position)
                {
                    ParquetErrors.CutShort("delta-encoded values");
                }

                ReadOnlySpan<byte> packed = data.Slice(position, bytes);
                position += bytes;
                int take = Math.Min(perMiniblock, values.Length - count);
                for (int i = 0; i < take; i++)
                {
                    ulong delta = width == 0 ? 0 : Read(packed, i, width);
                    value = unchecked(value + minDelta + (long)delta);
                    values[count++] = value;
                }
            }
        }

        return position;
    }

    /// <summary>Decodes into 32-bit integers (INT32 columns, byte-array lengths): the deltas wrap at 32 bits, as written.</summary>
    public static int Decode(ReadOnlySpan<byte> data, Span<int> values, Span<long> scratch)
    {
        int end = Decode(data, scratch.Slice(0, values.Length), 64);
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = unchecked((int)scratch[i]);
        }

        return end;
    }

    // Bit i*width.. of a little-endian bit stream, up to 64 bits.
    private static ulong Read(ReadOnlySpan<byte> packed, int index, int width)
    {
        long bit = (long)index * width;
        int start = (int)(bit >> 3);
        int shift = (int)(bit & 7);
        ulong result = 0;
        int got = 0;
        int at = start;
        result = (ulong)packed[at++] >> shift;
        got = 8 - shift;
        while (got < width)
        {
            result |= (ulong)packed[at++] << got;
            got += 8;
        }

        return width == 64 ? result : result & ((1UL << width) - 1);
    }

    private static long ZigZag(ulong value) => (long)(value >> 1) ^ -(long)(value & 1);
}
