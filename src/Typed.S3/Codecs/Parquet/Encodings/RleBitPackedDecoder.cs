using System;

namespace Typed.S3.Codecs;

/// <summary>
/// Reads the RLE / bit-packing hybrid encoding (<c>RLE</c>) of levels, dictionary indices and booleans a slice at a
/// time: runs of one repeated value and groups of 8 bit-packed values, resumed where the last read stopped, so a run
/// of a hundred million values costs no more memory than the slice asked for. Every run is checked against the bytes
/// left before it is read.
/// </summary>
internal struct RleBitPackedDecoder
{
    private byte[] _data;
    private int _position;
    private int _end;
    private int _bitWidth;
    private int _valueBytes;

    // The current run: values left in it, and either its repeated value or where its packed bytes are.
    private int _left;
    private bool _packed;
    private int _value;
    private int _runStart;
    private int _runBytes;
    private int _runIndex;

    /// <summary>Starts reading <paramref name="length"/> bytes of <paramref name="data"/> from <paramref name="start"/>.</summary>
    public void Start(byte[] data, int start, int length, int bitWidth)
    {
        if ((uint)bitWidth > 32)
        {
            ParquetErrors.Corrupt("a bit width of " + bitWidth + " is out of range");
        }

        _data = data;
        _position = start;
        _end = start + length;
        _bitWidth = bitWidth;
        _valueBytes = (bitWidth + 7) / 8;
        _left = 0;
    }

    /// <summary>Where the runs begun so far end in the data (a bit-packed run counts whole once begun).</summary>
    public readonly int Position => _position;

    /// <summary>Reads the next <c>values.Length</c> values.</summary>
    public void Read(Span<int> values)
    {
        int count = 0;
        while (count < values.Length)
        {
            if (_left == 0)
            {
                NextRun();
                continue;
            }

            int take = Math.Min(_left, values.Length - count);
            Span<int> target = values.Slice(count, take);
            if (_packed)
            {
                // The last run may be cut short after its last value: only the values read must be there.
                if ((long)(_runIndex + take) * _bitWidth > (long)_runBytes * 8)
                {
                    ParquetErrors.CutShort("a bit-packed run");
                }

                RleBitPackedHybrid.Unpack(_data.AsSpan(_runStart, _runBytes), _bitWidth, _runIndex, target);
                _runIndex += take;
            }
            else
            {
                target.Fill(_value);
            }

            _left -= take;
            count += take;
        }
    }

    private void NextRun()
    {
        ReadOnlySpan<byte> data = _data.AsSpan(0, _end);
        ulong header = RleBitPackedHybrid.ReadVarint(data, ref _position);
        if ((header & 1) == 0)
        {
            // An RLE run: one value repeated, little-endian in the fewest whole bytes. A page holds fewer than 2^31
            // values, so a longer run is never read to its end.
            if (_valueBytes > _end - _position)
            {
                ParquetErrors.CutShort("an RLE run");
            }

            int value = 0;
            for (int i = 0; i < _valueBytes; i++)
            {
                value |= data[_position + i] << (8 * i);
            }

            _position += _valueBytes;
            _value = value;
            _packed = false;
            _left = (int)Math.Min(header >> 1, int.MaxValue);
            return;
        }

        // Bit-packed groups of 8 values, least significant bit first; the last group may be cut short.
        ulong groups = header >> 1;
        if (groups == 0 || groups > int.MaxValue / 8)
        {
            ParquetErrors.Corrupt("a bit-packed run is empty or too long");
        }

        _runStart = _position;
        _runBytes = (int)Math.Min((long)groups * _bitWidth, _end - _position);
        _runIndex = 0;
        _position += _runBytes;
        _packed = true;
        _left = (int)groups * 8;
    }
}
