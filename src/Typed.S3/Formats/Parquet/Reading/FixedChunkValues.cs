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
/// A chunk's non-null values of a fixed-width physical type (BOOLEAN, INT32, INT64, INT96, FLOAT, DOUBLE), packed in
/// order into a pooled buffer that grows with the pages: PLAIN, dictionary, RLE (booleans), DELTA_BINARY_PACKED
/// (integers) and BYTE_STREAM_SPLIT.
/// </summary>
internal sealed class FixedChunkValues<T> : IChunkValues
    where T : unmanaged
{
    private T[]? _values;
    private T[]? _dictionary;
    private int _dictionaryCount = -1;

    public int Count { get; private set; }

    public Span<T> Values => _values.AsSpan(0, Count);

    /// <summary>The buffer itself (at least <see cref="Count"/> long), for a column that spreads values in place.</summary>
    public T[] Buffer
    {
        get
        {
            ParquetBuffers.Ensure(ref _values, 1, 0);
            return _values;
        }
    }

    /// <summary>Makes the buffer hold at least <paramref name="length"/> values, keeping those decoded.</summary>
    public void EnsureCapacity(int length) => ParquetBuffers.Ensure(ref _values, Math.Max(length, 1), Count);

    public void Begin(PhysicalType type, int typeLength)
    {
        Count = 0;
        _dictionaryCount = -1;
    }

    public void AddDictionary(ReadOnlySpan<byte> page, int count)
    {
        if (typeof(T) == typeof(bool))
        {
            ParquetErrors.Unsupported("a BOOLEAN column has a dictionary, which the format does not allow");
        }

        ParquetBuffers.Ensure(ref _dictionary, Math.Max(count, 1), 0);
        Plain(page, _dictionary.AsSpan(0, count));
        _dictionaryCount = count;
    }

    public void AddValues(ReadOnlySpan<byte> data, int count, int encoding, ParquetScratch scratch)
    {
        ParquetBuffers.Ensure(ref _values, Math.Max(Count + count, 1), Count);
        Span<T> target = _values.AsSpan(Count, count);
        switch (encoding)
        {
            case (int)ParquetEncoding.Plain:
                Plain(data, target);
                break;
            case (int)ParquetEncoding.PlainDictionary:
            case (int)ParquetEncoding.RleDictionary:
                Dictionary(data, target, scratch);
                break;
            case (int)ParquetEncoding.Rle when typeof(T) == typeof(bool):
                RleBooleans(data, MemoryMarshal.Cast<T, bool>(target), scratch);
                break;
            case (int)ParquetEncoding.DeltaBinaryPacked when typeof(T) == typeof(int) || typeof(T) == typeof(long):
                Delta(data, target, scratch);
                break;
            case (int)ParquetEncoding.ByteStreamSplit when typeof(T) != typeof(bool) && typeof(T) != typeof(Int96):
                ByteStreamSplit.Decode(data, MemoryMarshal.AsBytes(target), Unsafe.SizeOf<T>(), count);
                break;
            default:
                ParquetErrors.Unsupported("values of encoding " + ParquetEncodings.Name(encoding) + " in a column of this type");
                break;
        }

        Count += count;
    }

    public void Release()
    {
        ParquetBuffers.Return(ref _values);
        ParquetBuffers.Return(ref _dictionary);
        Count = 0;
    }

    private static void Plain(ReadOnlySpan<byte> data, Span<T> target)
    {
        if (typeof(T) == typeof(bool))
        {
            // One bit a value, least significant first.
            if (data.Length < (target.Length + 7) / 8)
            {
                ParquetErrors.CutShort("a page's values");
            }

            Span<bool> flags = MemoryMarshal.Cast<T, bool>(target);
            for (int i = 0; i < flags.Length; i++)
            {
                flags[i] = ((data[i >> 3] >> (i & 7)) & 1) != 0;
            }

            return;
        }

        if ((long)target.Length * Unsafe.SizeOf<T>() > data.Length)
        {
            ParquetErrors.CutShort("a page's values");
        }

        MemoryMarshal.Cast<byte, T>(data.Slice(0, target.Length * Unsafe.SizeOf<T>())).CopyTo(target);
    }

    // A bit width byte, then the indices in the hybrid encoding; each must name an entry.
    private void Dictionary(ReadOnlySpan<byte> data, Span<T> target, ParquetScratch scratch)
    {
        if (target.Length == 0)
        {
            return;
        }

        if (_dictionaryCount < 0)
        {
            ParquetErrors.Corrupt("a dictionary-encoded page comes before any dictionary");
        }

        if (data.IsEmpty)
        {
            ParquetErrors.CutShort("a page's dictionary indices");
        }

        Span<int> indices = scratch.Ints(target.Length);
        RleBitPackedHybrid.Decode(data.Slice(1), data[0], indices);
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
    private static void RleBooleans(ReadOnlySpan<byte> data, Span<bool> target, ParquetScratch scratch)
    {
        if (data.Length < 4)
        {
            ParquetErrors.CutShort("a page's RLE booleans");
        }

        int length = System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(data);
        if ((uint)length > (uint)(data.Length - 4))
        {
            ParquetErrors.CutShort("a page's RLE booleans");
        }

        Span<int> bits = scratch.Ints(target.Length);
        RleBitPackedHybrid.Decode(data.Slice(4, length), 1, bits);
        for (int i = 0; i < target.Length; i++)
        {
            if ((uint)bits[i] > 1)
            {
                ParquetErrors.Corrupt("an RLE boolean is neither 0 nor 1");
            }

            target[i] = bits[i] != 0;
        }
    }

    private static void Delta(ReadOnlySpan<byte> data, Span<T> target, ParquetScratch scratch)
    {
        if (typeof(T) == typeof(long))
        {
            DeltaBinaryPacked.Decode(data, MemoryMarshal.Cast<T, long>(target), 64);
        }
        else
        {
            DeltaBinaryPacked.Decode(data, MemoryMarshal.Cast<T, int>(target), scratch.Longs(target.Length));
        }
    }
}
