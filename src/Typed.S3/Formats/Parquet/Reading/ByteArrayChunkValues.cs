using System;
using System.Buffers.Binary;

namespace Typed.S3.Codecs;

/// <summary>
/// A chunk's BYTE_ARRAY or FIXED_LEN_BYTE_ARRAY values: their bytes in one pooled buffer, its entries (the
/// dictionary's first, then each value decoded otherwise), and the entry of each non-null value, so a dictionary
/// entry is turned into a string once however many rows hold it. PLAIN, dictionary, DELTA_LENGTH_BYTE_ARRAY,
/// DELTA_BYTE_ARRAY and (fixed length) BYTE_STREAM_SPLIT.
/// </summary>
internal sealed class ByteArrayChunkValues : IChunkValues
{
    private byte[]? _bytes;
    private int _byteCount;
    private int[]? _starts;
    private int[]? _lengths;
    private int _entryCount;
    private int[]? _values;
    private int _valueCount;
    private int _fixedLength = -1;
    private bool _hasDictionary;

    /// <summary>How many entries are the dictionary's (0 without a dictionary).</summary>
    public int DictionaryCount { get; private set; }

    /// <summary>How many non-null values were read.</summary>
    public int Count => _valueCount;

    /// <summary>The entry of the <paramref name="index"/>th non-null value.</summary>
    public int ValueEntry(int index) => _values![index];

    /// <summary>An entry's bytes.</summary>
    public ReadOnlySpan<byte> Entry(int entry) => _bytes.AsSpan(_starts![entry], _lengths![entry]);

    /// <summary>The bytes of the <paramref name="index"/>th non-null value.</summary>
    public ReadOnlySpan<byte> Value(int index) => Entry(_values![index]);

    public void Begin(PhysicalType type, int typeLength)
    {
        _byteCount = 0;
        _entryCount = 0;
        _valueCount = 0;
        DictionaryCount = 0;
        _hasDictionary = false;
        _fixedLength = type == PhysicalType.FixedLenByteArray ? typeLength : -1;
    }

    public void AddDictionary(ReadOnlySpan<byte> page, int count)
    {
        if (_entryCount != 0)
        {
            ParquetErrors.Corrupt("a dictionary page comes after values");
        }

        AddPlain(page, count, values: false);
        DictionaryCount = count;
        _hasDictionary = true;
    }

    public void AddValues(ReadOnlySpan<byte> data, int count, int encoding, ParquetScratch scratch)
    {
        switch (encoding)
        {
            case (int)ParquetEncoding.Plain:
                AddPlain(data, count, values: true);
                break;
            case (int)ParquetEncoding.PlainDictionary:
            case (int)ParquetEncoding.RleDictionary:
                AddIndices(data, count, scratch);
                break;
            case (int)ParquetEncoding.DeltaLengthByteArray:
                AddDeltaLength(data, count, scratch);
                break;
            case (int)ParquetEncoding.DeltaByteArray:
                AddDeltaStrings(data, count, scratch);
                break;
            case (int)ParquetEncoding.ByteStreamSplit when _fixedLength > 0:
            {
                int start = Reserve(checked(count * _fixedLength));
                ByteStreamSplit.Decode(data, _bytes.AsSpan(start, count * _fixedLength), _fixedLength, count);
                AddFixedEntries(start, count);
                break;
            }

            default:
                ParquetErrors.Unsupported("values of encoding " + ParquetEncodings.Name(encoding) + " in a byte array column");
                break;
        }
    }

    public void Release()
    {
        ParquetBuffers.Return(ref _bytes);
        ParquetBuffers.Return(ref _starts);
        ParquetBuffers.Return(ref _lengths);
        ParquetBuffers.Return(ref _values);
        _byteCount = _entryCount = _valueCount = 0;
    }

    // PLAIN: a 4-byte little-endian length then the bytes (BYTE_ARRAY), or the type's length of bytes each
    // (FIXED_LEN_BYTE_ARRAY). The page's bytes are copied once, as they are.
    private void AddPlain(ReadOnlySpan<byte> page, int count, bool values)
    {
        if (_fixedLength >= 0)
        {
            long size = (long)count * _fixedLength;
            if (size > page.Length)
            {
                ParquetErrors.CutShort("a page's values");
            }

            int start = Reserve((int)size);
            page.Slice(0, (int)size).CopyTo(_bytes.AsSpan(start));
            AddFixedEntries(start, count, values);
            return;
        }

        // Each value takes at least its 4-byte length: a count past that is corrupt before anything is allocated.
        if ((long)count * 4 > page.Length)
        {
            ParquetErrors.CutShort("a page's values");
        }

        EnsureEntries(count);
        int position = 0;
        for (int i = 0; i < count; i++)
        {
            if (page.Length - position < 4)
            {
                ParquetErrors.CutShort("a page's values");
            }

            int length = BinaryPrimitives.ReadInt32LittleEndian(page.Slice(position));
            position += 4;
            if ((uint)length > (uint)(page.Length - position))
            {
                ParquetErrors.Corrupt("a value runs past its page");
            }

            _starts![_entryCount + i] = _byteCount + position;
            _lengths![_entryCount + i] = length;
            position += length;
        }

        int at = Reserve(position);
        page.Slice(0, position).CopyTo(_bytes.AsSpan(at));
        AddEntries(count, values);
    }

    private void AddFixedEntries(int start, int count, bool values = true)
    {
        EnsureEntries(count);
        for (int i = 0; i < count; i++)
        {
            _starts![_entryCount + i] = start + (i * _fixedLength);
            _lengths![_entryCount + i] = _fixedLength;
        }

        AddEntries(count, values);
    }

    private void AddIndices(ReadOnlySpan<byte> data, int count, ParquetScratch scratch)
    {
        if (count == 0)
        {
            return;
        }

        if (!_hasDictionary)
        {
            ParquetErrors.Corrupt("a dictionary-encoded page comes before any dictionary");
        }

        if (data.IsEmpty)
        {
            ParquetErrors.CutShort("a page's dictionary indices");
        }

        EnsureValues(count);
        Span<int> indices = _values.AsSpan(_valueCount, count);
        RleBitPackedHybrid.Decode(data.Slice(1), data[0], indices);
        if (indices.IndexOfAnyExceptInRange(0, DictionaryCount - 1) >= 0)
        {
            ParquetErrors.Corrupt("a dictionary index is out of range");
        }

        _valueCount += count;
    }

    // DELTA_LENGTH_BYTE_ARRAY: the lengths, delta-encoded, then all the values' bytes one after another.
    private void AddDeltaLength(ReadOnlySpan<byte> data, int count, ParquetScratch scratch)
    {
        Span<int> lengths = scratch.Ints(count);
        int position = DeltaBinaryPacked.Decode(data, lengths, scratch.Longs(count));
        ReadOnlySpan<byte> bytes = data.Slice(position);
        long total = 0;
        foreach (int length in lengths)
        {
            if (length < 0)
            {
                ParquetErrors.Corrupt("a byte array has a negative length");
            }

            total += length;
        }

        if (total > bytes.Length)
        {
            ParquetErrors.CutShort("a page's values");
        }

        int at = Reserve((int)total);
        bytes.Slice(0, (int)total).CopyTo(_bytes.AsSpan(at));
        EnsureEntries(count);
        for (int i = 0; i < count; i++)
        {
            _starts![_entryCount + i] = at;
            _lengths![_entryCount + i] = lengths[i];
            at += lengths[i];
        }

        AddEntries(count, values: true);
    }

    // DELTA_BYTE_ARRAY: each value is a prefix of the one before and a suffix; prefix lengths delta-encoded, then the
    // suffixes as DELTA_LENGTH_BYTE_ARRAY. The previous value carries over from page to page.
    private void AddDeltaStrings(ReadOnlySpan<byte> data, int count, ParquetScratch scratch)
    {
        if (count == 0)
        {
            return;
        }

        Span<int> prefixes = scratch.MoreInts(count);
        int position = DeltaBinaryPacked.Decode(data, prefixes, scratch.Longs(count));
        data = data.Slice(position);
        Span<int> suffixes = scratch.Ints(count);
        position = DeltaBinaryPacked.Decode(data, suffixes, scratch.Longs(count));
        ReadOnlySpan<byte> bytes = data.Slice(position);
        EnsureEntries(count);
        int previous = _entryCount > DictionaryCount ? _entryCount - 1 : -1;
        int read = 0;
        for (int i = 0; i < count; i++)
        {
            int prefix = prefixes[i];
            int suffix = suffixes[i];
            int previousLength = previous < 0 ? 0 : _lengths![previous];
            if (prefix < 0 || suffix < 0 || prefix > previousLength || suffix > bytes.Length - read)
            {
                ParquetErrors.Corrupt("a delta-encoded byte array has a prefix or suffix out of range");
            }

            int length = checked(prefix + suffix);
            int at = Reserve(length);
            if (prefix > 0)
            {
                _bytes.AsSpan(_starts![previous], prefix).CopyTo(_bytes.AsSpan(at));
            }

            bytes.Slice(read, suffix).CopyTo(_bytes.AsSpan(at + prefix));
            read += suffix;
            if (_fixedLength >= 0 && length != _fixedLength)
            {
                ParquetErrors.Corrupt("a fixed-length value has another length");
            }

            _starts![_entryCount + i] = at;
            _lengths![_entryCount + i] = length;
            previous = _entryCount + i;
        }

        AddEntries(count, values: true);
    }

    private int Reserve(int length)
    {
        int start = _byteCount;
        ParquetBuffers.Ensure(ref _bytes, Math.Max(checked(start + length), 16), _byteCount);
        _byteCount += length;
        return start;
    }

    private void EnsureEntries(int count)
    {
        int total = checked(_entryCount + count);
        ParquetBuffers.Ensure(ref _starts, Math.Max(total, 1), _entryCount);
        ParquetBuffers.Ensure(ref _lengths, Math.Max(total, 1), _entryCount);
    }

    private void EnsureValues(int count) => ParquetBuffers.Ensure(ref _values, Math.Max(checked(_valueCount + count), 1), _valueCount);

    private void AddEntries(int count, bool values)
    {
        if (values)
        {
            EnsureValues(count);
            Span<int> entries = _values.AsSpan(_valueCount, count);
            for (int i = 0; i < count; i++)
            {
                entries[i] = _entryCount + i;
            }

            _valueCount += count;
        }

        _entryCount += count;
    }
}
