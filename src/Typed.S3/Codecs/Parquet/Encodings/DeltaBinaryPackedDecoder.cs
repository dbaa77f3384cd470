using System;

namespace Typed.S3.Codecs;

/// <summary>
/// Reads <c>DELTA_BINARY_PACKED</c> a slice at a time: a header (block size, miniblocks per block, value count, first
/// value), then blocks of a minimum delta, the miniblocks' bit widths and the miniblocks, each bit-packed deltas from
/// that minimum, resumed where the last read stopped. Integers wrap as the writer's did (32 or 64 bits); sizes come
/// from the data and are checked before they are used.
/// </summary>
internal struct DeltaBinaryPackedDecoder
{
    // The spec has block sizes as multiples of 128 and miniblocks of multiples of 32 values; writers use 128 or 256.
    private const int MaxBlockSize = 1 << 16;

    private byte[] _data;
    private int _position;
    private int _end;
    private int _miniblocks;
    private int _perMiniblock;
    private long _remaining;
    private bool _first;
    private long _last;

    // The current block's minimum delta and bit widths, and the current miniblock.
    private long _minDelta;
    private int _widths;
    private int _miniblock;
    private int _width;
    private int _packed;
    private int _inMiniblock;

    /// <summary>Reads the header of the values in <paramref name="length"/> bytes of <paramref name="data"/> from <paramref name="start"/>.</summary>
    public void Start(byte[] data, int start, int length)
    {
        _data = data;
        _position = start;
        _end = start + length;
        ReadOnlySpan<byte> bytes = data.AsSpan(0, _end);
        ulong blockSize = RleBitPackedHybrid.ReadVarint(bytes, ref _position);
        ulong miniblocks = RleBitPackedHybrid.ReadVarint(bytes, ref _position);
        ulong total = RleBitPackedHybrid.ReadVarint(bytes, ref _position);
        _last = ZigZag(RleBitPackedHybrid.ReadVarint(bytes, ref _position));
        if (blockSize == 0 || blockSize > MaxBlockSize || blockSize % 128 != 0 || miniblocks == 0 || blockSize % miniblocks != 0 || (blockSize / miniblocks) % 32 != 0)
        {
            ParquetErrors.Corrupt("delta-encoded values have a malformed header");
        }

        _miniblocks = (int)miniblocks;
        _perMiniblock = (int)(blockSize / miniblocks);
        _remaining = total > long.MaxValue ? long.MaxValue : (long)total;
        _first = true;
        _miniblock = _miniblocks;
        _inMiniblock = _perMiniblock;
    }

    /// <summary>
    /// Where the encoded values end: where the bytes after them start (DELTA_LENGTH_BYTE_ARRAY's values,
    /// DELTA_BYTE_ARRAY's suffix lengths). Walks the block headers from where reading stands, not the values.
    /// </summary>
    public readonly int End()
    {
        DeltaBinaryPackedDecoder walker = this;
        long deltas = walker._remaining - (walker._first && walker._remaining > 0 ? 1 : 0);
        deltas -= Math.Min(deltas, walker._perMiniblock - walker._inMiniblock);
        while (deltas > 0)
        {
            walker.NextMiniblock();
            deltas -= Math.Min(deltas, walker._perMiniblock);
        }

        return walker._position;
    }

    /// <summary>Reads the next <c>values.Length</c> values as 64-bit integers.</summary>
    public void Read(Span<long> values)
    {
        if (values.Length > _remaining)
        {
            ParquetErrors.Corrupt("delta-encoded values hold fewer values than the page says");
        }

        _remaining -= values.Length;
        int count = 0;
        if (_first && values.Length > 0)
        {
            values[0] = _last;
            _first = false;
            count = 1;
        }

        long value = _last;
        while (count < values.Length)
        {
            if (_inMiniblock == _perMiniblock)
            {
                NextMiniblock();
            }

            int take = Math.Min(_perMiniblock - _inMiniblock, values.Length - count);
            long minDelta = _minDelta;
            if (_width == 0)
            {
                for (int i = 0; i < take; i++)
                {
                    value = unchecked(value + minDelta);
                    values[count++] = value;
                }
            }
            else
            {
                ReadOnlySpan<byte> packed = _data.AsSpan(_packed, _perMiniblock / 8 * _width);
                for (int i = 0; i < take; i++)
                {
                    value = unchecked(value + minDelta + (long)Read(packed, _inMiniblock + i, _width));
                    values[count++] = value;
                }
            }

            _inMiniblock += take;
        }

        _last = value;
    }

    /// <summary>Reads into 32-bit integers (INT32 columns, byte-array lengths): the deltas wrap at 32 bits, as written.</summary>
    public void Read(Span<int> values, Span<long> scratch)
    {
        Span<long> wide = scratch.Slice(0, values.Length);
        Read(wide);
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = unchecked((int)wide[i]);
        }
    }

    private void NextMiniblock()
    {
        ReadOnlySpan<byte> data = _data.AsSpan(0, _end);
        if (_miniblock == _miniblocks)
        {
            _minDelta = ZigZag(RleBitPackedHybrid.ReadVarint(data, ref _position));
            if (_miniblocks > _end - _position)
            {
                ParquetErrors.CutShort("delta-encoded values");
            }

            _widths = _position;
            _position += _miniblocks;
            _miniblock = 0;
        }

        int width = data[_widths + _miniblock++];
        if (width > 64)
        {
            ParquetErrors.Corrupt("delta-encoded values have a bit width of " + width);
        }

        // A miniblock is always whole: its values padded to the miniblock's size.
        int bytes = _perMiniblock / 8 * width;
        if (bytes > _end - _position)
        {
            ParquetErrors.CutShort("delta-encoded values");
        }

        _width = width;
        _packed = _position;
        _position += bytes;
        _inMiniblock = 0;
    }

    // Bit i*width.. of a little-endian bit stream, up to 64 bits.
    private static ulong Read(ReadOnlySpan<byte> packed, int index, int width)
    {
        long bit = (long)index * width;
        int at = (int)(bit >> 3);
        int shift = (int)(bit & 7);
        ulong result = (ulong)packed[at++] >> shift;
        int got = 8 - shift;
        while (got < width)
        {
            result |= (ulong)packed[at++] << got;
            got += 8;
        }

        return width == 64 ? result : result & ((1UL << width) - 1);
    }

    private static long ZigZag(ulong value) => (long)(value >> 1) ^ -(long)(value & 1);
}
