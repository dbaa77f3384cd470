using System;

namespace Typed.S3.Codecs;

/// <summary>
/// Where a column chunk's values go as its pages are decoded, a slice at a time: fixed-width values, or byte arrays.
/// Only the current slice's values are held (and the chunk's dictionary); a page is read on from where the last
/// slice stopped.
/// </summary>
internal interface IChunkValues
{
    /// <summary>Starts a chunk of this physical type (<paramref name="typeLength"/> for FIXED_LEN_BYTE_ARRAY).</summary>
    void Begin(PhysicalType type, int typeLength);

    /// <summary>A dictionary page's <paramref name="count"/> PLAIN entries.</summary>
    void AddDictionary(ReadOnlySpan<byte> page, int count);

    /// <summary>
    /// Starts a data page's values: <paramref name="length"/> bytes of <paramref name="data"/> from
    /// <paramref name="start"/>, in <paramref name="encoding"/>. The bytes stay as they are until the next page starts.
    /// </summary>
    void StartPage(byte[] data, int start, int length, int encoding);

    /// <summary>Forgets the values read so far: a new slice starts.</summary>
    void Clear();

    /// <summary>Reads the page's next <paramref name="count"/> non-null values, after those of the slice read so far.</summary>
    void Read(int count, ParquetScratch scratch);
}

/// <summary>Pooled scratch buffers the decoders share within one read.</summary>
internal sealed class ParquetScratch
{
    private int[]? _ints;
    private int[]? _moreInts;
    private long[]? _longs;

    public Span<int> Ints(int count)
    {
        ParquetBuffers.Ensure(ref _ints, Math.Max(count, 1), 0);
        return _ints.AsSpan(0, count);
    }

    /// <summary>A second int buffer, for decoders that need two at once.</summary>
    public Span<int> MoreInts(int count)
    {
        ParquetBuffers.Ensure(ref _moreInts, Math.Max(count, 1), 0);
        return _moreInts.AsSpan(0, count);
    }

    public Span<long> Longs(int count)
    {
        ParquetBuffers.Ensure(ref _longs, Math.Max(count, 1), 0);
        return _longs.AsSpan(0, count);
    }

    public void Release()
    {
        ParquetBuffers.Return(ref _ints);
        ParquetBuffers.Return(ref _moreInts);
        ParquetBuffers.Return(ref _longs);
    }
}
