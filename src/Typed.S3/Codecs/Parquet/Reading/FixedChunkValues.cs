using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Typed.S3.Codecs;

/// <summary>An INT96 value: nanoseconds of the day, then the Julian day, little-endian (12 bytes).</summary>
[StructLayout(LayoutKind.Sequential, Pack = 1)]
internal readonly struct Int96
{
    public readonly long Nanos;
    public readonly int JulianDay;
}

/// <summary>
/// A chunk's non-null values of a fixed-width physical type (BOOLEAN, INT32, INT64, INT96, FLOAT, DOUBLE), a slice at
/// a time, packed in order into a pooled buffer the size of the slice: PLAIN, dictionary, RLE (booleans),
/// DELTA_BINARY_PACKED (integers) and BYTE_STREAM_SPLIT.
/// </summary>
internal sealed class FixedChunkValues<T> : IChunkValues
    where T : unmanaged
{
    private T[]? _values;
    private T[]? _dictionary;
    private int _dictionaryCount = -1;

    // The current page: its value bytes, encoding, and where reading stands (a byte, bit or value index, or a decoder).
    private byte[] _data = [];
    private int _start;
    private int _length;
    private int _encoding;
    private int _position;
    private bool _begun;
    private RleBitPackedDecoder _hybrid;
    private DeltaBinaryPackedDecoder _delta;

    /// <summary>How many values the slice holds.</summary>
    public int Count { get; private set; }

    /// <summary>The slice's values.</summary>
    public Span<T> Values => _values.AsSpan(0, Count);

    public void Begin(PhysicalType type, int typeLength)
    {
        Count = 0;
        _dictionaryCount = -1;
        _data = [];
    }

    public void AddDictionary(ReadOnlySpan<byte> page, int count)
    {
        if (typeof(T) == typeof(bool))
        {
            ParquetErrors.Unsupported("a BOOLEAN column has a dictionary, which the format does not allow");
        }

        ParquetBuffers.Ensure(ref _dictionary, Math.Max(count, 1), 0);
        PlainEntries(page, _dictionary.AsSpan(0, count));
        _dictionaryCount = count;
    }

    public void StartPage(byte[] data, int start, int length, int encoding)
    {
        bool known = encoding switch
        {
            (int)ParquetEncoding.Plain or (int)ParquetEncoding.PlainDictionary or (int)ParquetEncoding.RleDictionary => true,
            (int)ParquetEncoding.Rle => typeof(T) == typeof(bool),
            (int)ParquetEncoding.DeltaBinaryPacked => typeof(T) == typeof(int) || typeof(T) == typeof(long),
            (int)ParquetEncoding.ByteStreamSplit => typeof(T) != typeof(bool) && typeof(T) != typeof(Int96),
            _ => false,
        };
        if (!known)
        {
            ParquetErrors.Unsupported("values of encoding " + ParquetEncodings.Name(encoding) + " in a column of this type");
        }

        _data = data;
        _start = start;
        _length = length;
        _encoding = encoding;
        _position = 0;
        _begun = false;
    }

    public void Clear() => Count = 0;

    public void Read(int count, ParquetScratch scratch)
    {
        if (count == 0)
        {
            return;
        }

        ParquetBuffers.Ensure(ref _values, Count + count, Count);
        Span<T> target = _values.AsSpan(Count, count);
        ReadOnlySpan<byte> data = _data.AsSpan(_start, _length);
        switch (_encoding)
        {
            case (int)ParquetEncoding.Plain:
                Plain(data, target);
                break;
            case (int)ParquetEncoding.PlainDictionary:
            case (int)ParquetEncoding.RleDictionary:
                Dictionary(target, scratch);
                break;
            case (int)ParquetEncoding.Rle:
                RleBooleans(MemoryMarshal.Cast<T, bool>(target), scratch);
                break;
            case (int)ParquetEncoding.DeltaBinaryPacked:
                Delta(target, scratch);
                break;
            default:
                ByteStreamSplit.Decode(data, MemoryMarshal.AsBytes(target), Unsafe.SizeOf<T>(), _position, count);
                _position += count;
                break;
        }

        Count += count;
    }

    public void Release()
    {
        ParquetBuffers.Return(ref _values);
        ParquetBuffers.Return(ref _dictionary);
        _data = [];
        Count = 0;
    }

    // PLAIN from the page's current position: one bit a value for booleans (least significant first), else the bytes.
    private void Plain(ReadOnlySpan<byte> data, Span<T> target)
    {
        if (typeof(T) == typeof(bool))
        {
            long bits = (long)_position + target.Length;
            if (data.Length < (bits + 7) / 8)
            {
                ParquetErrors.CutShort("a page's values");
            }

            Span<bool> flags = MemoryMarshal.Cast<T, bool>(target);
            for (int i = 0; i < flags.Length; i++)
            {
                int bit = _position + i;
                flags[i] = ((data[bit >> 3] >> (bit & 7)) & 1) != 0;
            }

            _position += target.Length;
            return;
        }

        long size = (long)target.Length * Unsafe.SizeOf<T>();
        if (size > data.Length - _position)
        {
            ParquetErrors.CutShort("a page's values");
        }

        MemoryMarshal.Cast<byte, T>(data.Slice(_position, (int)size)).CopyTo(target);
        _position += (int)size;
    }

    // A dictionary page: all its entries, PLAIN.
    private static void PlainEntries(ReadOnlySpan<byte> page, Span<T> target)
    {
        if ((long)target.Length * Unsafe.SizeOf<T>() > page.Length)
        {
            ParquetErrors.CutShort("a page's values");
        }

        MemoryMarshal.Cast<byte, T>(page.Slice(0, target.Length * Unsafe.SizeOf<T>())).CopyTo(target);
    }

    // A bit width byte, then the indices in the hybrid encoding; each must name an entry.
    private void Dictionary(Span<T> target, ParquetScratch scratch)
    {
        if (!_begun)
        {
            if (_dictionaryCount < 0)
            {
                ParquetErrors.Corrupt("a dictionary-encoded page comes before any dictionary");
            }

            if (_length == 0)
            {
                ParquetErrors.CutShort("a page's dictionary indices");
            }

            _hybrid.Start(_data, _start + 1, _length - 1, _data[_start]);
            _begun = true;
        }

        Span<int> indices = scratch.Ints(target.Length);
        _hybrid.Read(indices);
        ReadOnlySpan<T> entries = _dictionary.AsSpan(0, _dictionaryCount);
        for (int i = 0; i < target.Length; i++)
        {
            int index = indices[i];
            if ((uint)index >= (uint)entries.Length)
            {
                ParquetErrors.Corrupt("a dictionary index is out of range");
            }

            target[i] = entries[index];
        }
    }

    // Data pages' RLE booleans: a 4-byte length, then the hybrid encoding of bit width 1.
    private void RleBooleans(Span<bool> target, ParquetScratch scratch)
    {
        if (!_begun)
        {
            int length = _length < 4 ? -1 : System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(_data.AsSpan(_start));
            if ((uint)length > (uint)(_length - 4))
            {
                ParquetErrors.CutShort("a page's RLE booleans");
            }

            _hybrid.Start(_data, _start + 4, length, 1);
            _begun = true;
        }

        Span<int> bits = scratch.Ints(target.Length);
        _hybrid.Read(bits);
        for (int i = 0; i < target.Length; i++)
        {
            if ((uint)bits[i] > 1)
            {
                ParquetErrors.Corrupt("an RLE boolean is neither 0 nor 1");
            }

            target[i] = bits[i] != 0;
        }
    }

    private void Delta(Span<T> target, ParquetScratch scratch)
    {
        if (!_begun)
        {
            _delta.Start(_data, _start, _length);
            _begun = true;
        }

        if (typeof(T) == typeof(long))
        {
            _delta.Read(MemoryMarshal.Cast<T, long>(target));
        }
        else
        {
            _delta.Read(MemoryMarshal.Cast<T, int>(target), scratch.Longs(target.Length));
        }
    }
}
