using System;
using System.Buffers.Binary;

namespace Typed.S3.Codecs;

/// <summary>
/// A chunk's BYTE_ARRAY or FIXED_LEN_BYTE_ARRAY values, a slice at a time: their bytes in one pooled buffer, its
/// entries (the dictionary's first, kept for the whole chunk, then the slice's values decoded otherwise), and the entry
/// of each non-null value of the slice, so a dictionary entry is turned into a string once however many rows hold it.
/// PLAIN, dictionary, DELTA_LENGTH_BYTE_ARRAY, DELTA_BYTE_ARRAY and (fixed length) BYTE_STREAM_SPLIT.
/// </summary>
internal sealed class ByteArrayChunkValues : IChunkValues
{
    private byte[]? _bytes;
    private int _byteCount;
    private int _dictionaryBytes;
    private int[]? _starts;
    private int[]? _lengths;
    private int _entryCount;
    private int[]? _values;
    private int _valueCount;
    private int _fixedLength = -1;
    private bool _hasDictionary;

    // DELTA_BYTE_ARRAY's value before the slice's first (the previous value carries over from page to page).
    private byte[]? _previous;
    private int _previousLength = -1;

    // The current page: its value bytes, encoding, and where reading stands.
    private byte[] _data = [];
    private int _start;
    private int _length;
    private int _encoding;
    private int _position;
    private bool _begun;
    private RleBitPackedDecoder _indices;
    private DeltaBinaryPackedDecoder _lengthsOrPrefixes;
    private DeltaBinaryPackedDecoder _suffixes;

    /// <summary>How many entries are the dictionary's (0 without a dictionary).</summary>
    public int DictionaryCount { get; private set; }

    /// <summary>How many non-null values the slice holds.</summary>
    public int Count => _valueCount;

    /// <summary>The entry of the slice's <paramref name="index"/>th non-null value.</summary>
    public int ValueEntry(int index) => _values![index];

    /// <summary>An entry's bytes.</summary>
    public ReadOnlySpan<byte> Entry(int entry) => _bytes.AsSpan(_starts![entry], _lengths![entry]);

    /// <summary>The bytes of the slice's <paramref name="index"/>th non-null value.</summary>
    public ReadOnlySpan<byte> Value(int index) => Entry(_values![index]);

    public void Begin(PhysicalType type, int typeLength)
    {
        _byteCount = 0;
        _dictionaryBytes = 0;
        _entryCount = 0;
        _valueCount = 0;
        DictionaryCount = 0;
        _hasDictionary = false;
        _previousLength = -1;
        _data = [];
        _fixedLength = type == PhysicalType.FixedLenByteArray ? typeLength : -1;
    }

    public void AddDictionary(ReadOnlySpan<byte> page, int count)
    {
        if (_entryCount != 0)
        {
            ParquetErrors.Corrupt("a dictionary page comes after values");
        }

        _position = 0;
        AddPlain(page, count, values: false);
        DictionaryCount = count;
        _dictionaryBytes = _byteCount;
        _hasDictionary = true;
    }

    public void StartPage(byte[] data, int start, int length, int encoding)
    {
        bool known = encoding is (int)ParquetEncoding.Plain or (int)ParquetEncoding.PlainDictionary or (int)ParquetEncoding.RleDictionary
            or (int)ParquetEncoding.DeltaLengthByteArray or (int)ParquetEncoding.DeltaByteArray
            || (encoding == (int)ParquetEncoding.ByteStreamSplit && _fixedLength > 0);
        if (!known)
        {
            ParquetErrors.Unsupported("values of encoding " + ParquetEncodings.Name(encoding) + " in a byte array column");
        }

        _data = data;
        _start = start;
        _length = length;
        _encoding = encoding;
        _position = 0;
        _begun = false;
    }

    public void Clear()
    {
        if (_entryCount > DictionaryCount)
        {
            // The slice's last value may be the next DELTA_BYTE_ARRAY value's prefix.
            ReadOnlySpan<byte> last = Entry(_entryCount - 1);
            ParquetBuffers.Ensure(ref _previous, Math.Max(last.Length, 16), 0);
            last.CopyTo(_previous);
            _previousLength = last.Length;
        }

        _byteCount = _dictionaryBytes;
        _entryCount = DictionaryCount;
        _valueCount = 0;
    }

    public void Read(int count, ParquetScratch scratch)
    {
        if (count == 0)
        {
            return;
        }

        ReadOnlySpan<byte> data = _data.AsSpan(_start, _length);
        switch (_encoding)
        {
            case (int)ParquetEncoding.Plain:
                AddPlain(data, count, values: true);
                break;
            case (int)ParquetEncoding.PlainDictionary:
            case (int)ParquetEncoding.RleDictionary:
                AddIndices(count, scratch);
                break;
            case (int)ParquetEncoding.DeltaLengthByteArray:
                AddDeltaLength(count, scratch);
                break;
            case (int)ParquetEncoding.DeltaByteArray:
                AddDeltaStrings(count, scratch);
                break;
            default:
            {
                int start = Reserve(checked(count * _fixedLength));
                ByteStreamSplit.Decode(data, _bytes.AsSpan(start, count * _fixedLength), _fixedLength, _position, count);
                _position += count;
                AddFixedEntries(start, count);
                break;
            }
        }
    }

    public void Release()
    {
        ParquetBuffers.Return(ref _bytes);
        ParquetBuffers.Return(ref _starts);
        ParquetBuffers.Return(ref _lengths);
        ParquetBuffers.Return(ref _values);
        ParquetBuffers.Return(ref _previous);
        _data = [];
        _byteCount = _entryCount = _valueCount = _dictionaryBytes = DictionaryCount = 0;
    }

    // PLAIN from the current position: a 4-byte little-endian length then the bytes (BYTE_ARRAY), or the type's length
    // of bytes each (FIXED_LEN_BYTE_ARRAY). The values' bytes are copied once, as they are.
    private void AddPlain(ReadOnlySpan<byte> page, int count, bool values)
    {
        ReadOnlySpan<byte> rest = page.Slice(_position);
        if (_fixedLength >= 0)
        {
            long size = (long)count * _fixedLength;
            if (size > rest.Length)
            {
                ParquetErrors.CutShort("a page's values");
            }

            int start = Reserve((int)size);
            rest.Slice(0, (int)size).CopyTo(_bytes.AsSpan(start));
            _position += (int)size;
            AddFixedEntries(start, count, values);
            return;
        }

        // Each value takes at least its 4-byte length: a count past that is corrupt before anything is allocated.
        if ((long)count * 4 > rest.Length)
        {
            ParquetErrors.CutShort("a page's values");
        }

        EnsureEntries(count);
        int position = 0;
        for (int i = 0; i < count; i++)
        {
            if (rest.Length - position < 4)
            {
                ParquetErrors.CutShort("a page's values");
            }

            int length = BinaryPrimitives.ReadInt32LittleEndian(rest.Slice(position));
            position += 4;
            if ((uint)length > (uint)(rest.Length - position))
            {
                ParquetErrors.Corrupt("a value runs past its page");
            }

            _starts![_entryCount + i] = _byteCount + position;
            _lengths![_entryCount + i] = length;
            position += length;
        }

        int at = Reserve(position);
        rest.Slice(0, position).CopyTo(_bytes.AsSpan(at));
        _position += position;
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

    private void AddIndices(int count, ParquetScratch scratch)
    {
        if (!_begun)
        {
            if (!_hasDictionary)
            {
                ParquetErrors.Corrupt("a dictionary-encoded page comes before any dictionary");
            }

            if (_length == 0)
            {
                ParquetErrors.CutShort("a page's dictionary indices");
            }

            _indices.Start(_data, _start + 1, _length - 1, _data[_start]);
            _begun = true;
        }

        EnsureValues(count);
        Span<int> indices = _values.AsSpan(_valueCount, count);
        _indices.Read(indices);
        if (indices.IndexOfAnyExceptInRange(0, DictionaryCount - 1) >= 0)
        {
            ParquetErrors.Corrupt("a dictionary index is out of range");
        }

        _valueCount += count;
    }

    // DELTA_LENGTH_BYTE_ARRAY: the lengths, delta-encoded, then all the values' bytes one after another.
    private void AddDeltaLength(int count, ParquetScratch scratch)
    {
        if (!_begun)
        {
            _lengthsOrPrefixes.Start(_data, _start, _length);
            _position = _lengthsOrPrefixes.End() - _start;
            _begun = true;
        }

        Span<int> lengths = scratch.Ints(count);
        _lengthsOrPrefixes.Read(lengths, scratch.Longs(count));
        long total = 0;
        foreach (int length in lengths)
        {
            if (length < 0)
            {
                ParquetErrors.Corrupt("a byte array has a negative length");
            }

            total += length;
        }

        if (total > _length - _position)
        {
            ParquetErrors.CutShort("a page's values");
        }

        int at = Reserve((int)total);
        _data.AsSpan(_start + _position, (int)total).CopyTo(_bytes.AsSpan(at));
        _position += (int)total;
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
    // suffixes as DELTA_LENGTH_BYTE_ARRAY.
    private void AddDeltaStrings(int count, ParquetScratch scratch)
    {
        if (!_begun)
        {
            _lengthsOrPrefixes.Start(_data, _start, _length);
            int suffixes = _lengthsOrPrefixes.End();
            _suffixes.Start(_data, suffixes, _start + _length - suffixes);
            _position = _suffixes.End() - _start;
            _begun = true;
        }

        Span<int> prefixes = scratch.MoreInts(count);
        _lengthsOrPrefixes.Read(prefixes, scratch.Longs(count));
        Span<int> suffixLengths = scratch.Ints(count);
        _suffixes.Read(suffixLengths, scratch.Longs(count));
        EnsureEntries(count);
        int previous = _entryCount > DictionaryCount ? _entryCount - 1 : -1;
        for (int i = 0; i < count; i++)
        {
            int prefix = prefixes[i];
            int suffix = suffixLengths[i];
            int previousLength = previous >= 0 ? _lengths![previous] : Math.Max(_previousLength, 0);
            if (prefix < 0 || suffix < 0 || prefix > previousLength || suffix > _length - _position)
            {
                ParquetErrors.Corrupt("a delta-encoded byte array has a prefix or suffix out of range");
            }

            int length = checked(prefix + suffix);
            int at = Reserve(length);
            if (prefix > 0)
            {
                ReadOnlySpan<byte> before = previous >= 0 ? _bytes.AsSpan(_starts![previous], prefix) : _previous.AsSpan(0, prefix);
                before.CopyTo(_bytes.AsSpan(at));
            }

            _data.AsSpan(_start + _position, suffix).CopyTo(_bytes.AsSpan(at + prefix));
            _position += suffix;
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
