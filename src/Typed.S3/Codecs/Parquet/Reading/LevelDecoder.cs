using System;

namespace Typed.S3.Codecs;

/// <summary>
/// Reads a data page's repetition or definition levels a slice at a time: the RLE / bit-packing hybrid encoding, or the
/// deprecated <c>BIT_PACKED</c> one (packed from the most significant bit, without runs). Every level read is checked
/// against the leaf's maximum.
/// </summary>
internal struct LevelDecoder
{
    private RleBitPackedDecoder _hybrid;
    private byte[] _data;
    private int _start;
    private int _length;
    private long _index;
    private int _bitWidth;
    private bool _bitPacked;
    private int _max;
    private string _kind;

    /// <summary>Starts levels of the hybrid encoding, up to <paramref name="max"/>; <paramref name="kind"/> names them in messages.</summary>
    public void StartHybrid(byte[] data, int start, int length, int max, string kind)
    {
        _hybrid.Start(data, start, length, RleBitPackedHybrid.BitWidth(max));
        _bitPacked = false;
        _max = max;
        _kind = kind;
    }

    /// <summary>Starts <c>BIT_PACKED</c> levels (the caller has checked the bytes hold the page's levels).</summary>
    public void StartBitPacked(byte[] data, int start, int length, int max, string kind)
    {
        _data = data;
        _start = start;
        _length = length;
        _index = 0;
        _bitWidth = RleBitPackedHybrid.BitWidth(max);
        _bitPacked = true;
        _max = max;
        _kind = kind;
    }

    /// <summary>Reads the next <c>levels.Length</c> levels.</summary>
    public void Read(Span<int> levels)
    {
        if (_bitPacked)
        {
            if (((_index + levels.Length) * _bitWidth) > (long)_length * 8)
            {
                ParquetErrors.CutShort("bit-packed levels");
            }

            RleBitPackedHybrid.DecodeBitPacked(_data.AsSpan(_start, _length), _bitWidth, _index, levels);
            _index += levels.Length;
        }
        else
        {
            _hybrid.Read(levels);
        }

        if (levels.IndexOfAnyExceptInRange(0, _max) >= 0)
        {
            ParquetErrors.Corrupt("a " + _kind + " level is out of range");
        }
    }
}
