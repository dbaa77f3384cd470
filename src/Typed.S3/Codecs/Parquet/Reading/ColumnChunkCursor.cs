using System;
using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;

namespace Typed.S3.Codecs;

/// <summary>
/// One column's way through its chunk of a row group: the chunk's bytes (fetched by <see cref="ColumnChunkReader"/>),
/// and its pages (dictionary, data v1 and v2; index pages skipped) decoded a slice at a time, each call going on where
/// the last stopped, across pages. What it holds is the chunk's bytes, one decompressed page, the dictionary and one
/// slice of levels and values (or, for a chunk read ahead, its pages decompressed there, within
/// <see cref="ChunkReadAhead.Limit"/>): however many rows the row group declares, the rest is never allocated. Every size
/// and count a page declares is checked against the bytes that hold it before it is used; pages with a CRC are checked
/// against it.
/// </summary>
internal sealed class ColumnChunkCursor : IDisposable
{
    private ColumnChunkReader? _reader;
    private byte[]? _chunk;
    private int _chunkLength;
    private byte[]? _page;
    private readonly List<DecompressedPage> _ready = [];
    private int _readyNext;
    private bool _adopted;
    private IChunkValues _values = NoValues.Instance;
    private int _codec;
    private int _expected;
    private int _read;
    private int _offset;
    private bool _dictionary;
    private int _pages;

    // The current data page: entries left, its levels, and (flat v2 pages) the nulls it declares and those seen.
    private int _pageLeft;
    private LevelDecoder _repetitions;
    private LevelDecoder _definitions;
    private int _pageNulls;
    private int _pageNullsSeen;

    /// <summary>The levels of the slice read last.</summary>
    public ParquetLevels Levels { get; } = new();

    /// <summary>Whether every entry of the chunk has been read.</summary>
    public bool AtEnd => _read == _expected;

    /// <summary>How many entries of the chunk have been read.</summary>
    public int EntriesRead => _read;

    /// <summary>A buffer for the chunk's <paramref name="length"/> bytes.</summary>
    public byte[] Reserve(int length)
    {
        ParquetBuffers.Ensure(ref _chunk, Math.Max(length, 1), 0);
        return _chunk;
    }

    /// <summary>Takes a chunk read ahead: its bytes, instead of those of <see cref="Reserve"/>, and its decompressed pages.</summary>
    public void Adopt(ReadAheadChunk chunk)
    {
        ParquetBuffers.Return(ref _chunk);
        _chunk = chunk.Bytes;
        chunk.Bytes = null;
        ReleaseReady();
        _ready.AddRange(chunk.Pages);
        chunk.Pages.Clear();
        _adopted = true;
    }

    /// <summary>Starts on a chunk whose <paramref name="length"/> bytes are in the buffer of <see cref="Reserve"/>.</summary>
    public void Start(ColumnChunkReader reader, ColumnChunkMetaData chunk, ParquetSchemaNode leaf, IChunkValues values, int length)
    {
        SchemaElement element = leaf.Element;
        _reader = reader;
        _chunkLength = length;
        _codec = chunk.Codec;
        if (!_adopted)
        {
            // Pages read ahead for the last chunk (those of this one are adopted just before it starts).
            ReleaseReady();
        }

        _adopted = false;
        _readyNext = 0;

        _expected = length == 0 ? 0 : (int)chunk.NumValues;
        _read = 0;
        _offset = 0;
        _dictionary = false;
        _pages = 0;
        _pageLeft = 0;
        Levels.Begin(leaf.MaxDefinition, leaf.MaxRepetition);
        values.Begin((PhysicalType)element.Type!.Value, element.TypeLength);
        _values = ParquetLeafTypes.IsAlwaysNull(element) ? NoValues.Instance : values;
    }

    /// <summary>
    /// Reads the next entries, up to <paramref name="max"/>: their levels into <see cref="Levels"/>, their values into the
    /// chunk's values (both cleared first). Returns how many were read: fewer only at the chunk's end.
    /// </summary>
    public int Next(int max, CancellationToken cancellationToken)
    {
        ParquetLevels levels = Levels;
        levels.Clear();
        _values.Clear();
        int got = 0;
        while (got < max && _read < _expected)
        {
            if (_pageLeft == 0)
            {
                NextDataPage(cancellationToken);
                continue;
            }

            int count = Math.Min(max - got, _pageLeft);
            levels.Add(count, out Span<int> definitions, out Span<int> repetitions);
            if (levels.MaxRepetition > 0)
            {
                _repetitions.Read(repetitions);
                if (_read == 0 && repetitions[0] != 0)
                {
                    ParquetErrors.Corrupt("the column chunk's first value does not start a row");
                }
            }

            int present = count;
            if (levels.MaxDefinition > 0)
            {
                _definitions.Read(definitions);
                present = definitions.Count(levels.MaxDefinition);
            }

            _values.Read(present, _reader!.Scratch);
            _pageLeft -= count;
            _read += count;
            got += count;
            if (_pageNulls >= 0)
            {
                _pageNullsSeen += count - present;
                if (_pageLeft == 0 && _pageNullsSeen != _pageNulls)
                {
                    ParquetErrors.Corrupt("a page's null count differs from its definition levels");
                }
            }
        }

        return got;
    }

    public void Dispose()
    {
        ParquetBuffers.Return(ref _chunk);
        ParquetBuffers.Return(ref _page);
        ReleaseReady();
        Levels.Release();
        _values = NoValues.Instance;
        _reader = null;
    }

    // Reads page headers up to the next data page and starts it (dictionary pages read on the way, others skipped).
    private void NextDataPage(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_offset >= _chunkLength)
            {
                ParquetErrors.Corrupt(string.Create(CultureInfo.InvariantCulture, $"the column chunk ends after {_read} of its {_expected} values"));
            }

            if ((++_pages & 63) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            ReadOnlySpan<byte> data = _chunk.AsSpan(0, _chunkLength);
            PageHeader header = PageHeader.Read(data, ref _offset);
            if (header.CompressedSize > data.Length - _offset)
            {
                ParquetErrors.Corrupt("a page runs past its column chunk");
            }

            int bodyStart = _offset;
            _offset += header.CompressedSize;
            if (header.HasCrc && System.IO.Hashing.Crc32.HashToUInt32(data.Slice(bodyStart, header.CompressedSize)) != header.Crc)
            {
                ParquetErrors.Corrupt("a page's checksum (CRC) does not match its bytes: the page is corrupt");
            }

            switch (header.Type)
            {
                case (int)PageType.DictionaryPage:
                    if (_dictionary || _read > 0)
                    {
                        ParquetErrors.Corrupt("a dictionary page comes after another page");
                    }

                    if (header.Encoding is not ((int)ParquetEncoding.Plain or (int)ParquetEncoding.PlainDictionary))
                    {
                        ParquetErrors.Unsupported("a dictionary page of encoding " + ParquetEncodings.Name(header.Encoding));
                    }

                    (byte[] page, int start, int length) = Decompress(bodyStart, header.CompressedSize, header.UncompressedSize);
                    _values.AddDictionary(page.AsSpan(start, length), header.NumValues);
                    _dictionary = true;
                    break;
                case (int)PageType.DataPage:
                    DataPage(header, bodyStart);
                    return;
                case (int)PageType.DataPageV2:
                    DataPageV2(header, bodyStart);
                    return;
                default:
                    // An index page, or a kind this reader does not know: it holds no values.
                    break;
            }
        }
    }

    // DATA_PAGE: the whole page compressed; repetition then definition levels, each a 4-byte length and the hybrid
    // encoding (or the legacy BIT_PACKED), then the non-null values.
    private void DataPage(in PageHeader header, int bodyStart)
    {
        int count = header.NumValues;
        if (count > _expected - _read)
        {
            ParquetErrors.Corrupt("a page holds more values than its column chunk");
        }

        (byte[] page, int start, int length) = Decompress(bodyStart, header.CompressedSize, header.UncompressedSize);
        int position = 0;
        if (Levels.MaxRepetition > 0)
        {
            position += StartLevels(ref _repetitions, page, start, length, header.RepetitionEncoding, Levels.MaxRepetition, count, "repetition");
        }

        if (Levels.MaxDefinition > 0)
        {
            position += StartLevels(ref _definitions, page, start + position, length - position, header.DefinitionEncoding, Levels.MaxDefinition, count, "definition");
        }

        _values.StartPage(page, start + position, length - position, header.Encoding);
        _pageLeft = count;
        _pageNulls = -1;
    }

    // DATA_PAGE_V2: repetition and definition levels first, never compressed and without length prefixes (the header
    // gives their lengths); then the values, compressed unless the header says not. An empty value section is not
    // decompressed: some writers leave it empty rather than compress nothing.
    private void DataPageV2(in PageHeader header, int bodyStart)
    {
        int count = header.NumValues;
        if (count > _expected - _read)
        {
            ParquetErrors.Corrupt("a page holds more values than its column chunk");
        }

        long levelBytes = (long)header.RepetitionLength + header.DefinitionLength;
        if (levelBytes > header.CompressedSize || levelBytes > header.UncompressedSize)
        {
            ParquetErrors.Corrupt("a page's levels are longer than the page");
        }

        if (Levels.MaxRepetition > 0)
        {
            _repetitions.StartHybrid(_chunk!, bodyStart, header.RepetitionLength, Levels.MaxRepetition, "repetition");
        }

        if (Levels.MaxDefinition > 0)
        {
            _definitions.StartHybrid(_chunk!, bodyStart + header.RepetitionLength, header.DefinitionLength, Levels.MaxDefinition, "definition");
        }

        int compressedValues = header.CompressedSize - (int)levelBytes;
        if (compressedValues == 0)
        {
            _values.StartPage([], 0, 0, header.Encoding);
        }
        else if (TryGetCompressedPart(header, bodyStart, _codec, out int compressedStart, out int compressedLength, out int uncompressedLength))
        {
            (byte[] page, int start, int length) = Decompress(compressedStart, compressedLength, uncompressedLength);
            _values.StartPage(page, start, length, header.Encoding);
        }
        else
        {
            _values.StartPage(_chunk!, bodyStart + (int)levelBytes, compressedValues, header.Encoding);
        }

        _pageLeft = count;
        _pageNulls = Levels.MaxRepetition == 0 ? header.NumNulls : -1;
        _pageNullsSeen = 0;
        if (count == 0 && _pageNulls > 0)
        {
            ParquetErrors.Corrupt("a page's null count differs from its definition levels");
        }
    }

    // A v1 page's levels: their bytes' length, and the decoder started on them.
    private static int StartLevels(ref LevelDecoder decoder, byte[] page, int start, int length, int encoding, int max, int count, string kind)
    {
        if (encoding == (int)ParquetEncoding.Rle)
        {
            if (length < 4)
            {
                ParquetErrors.CutShort("a page's " + kind + " levels");
            }

            int size = BinaryPrimitives.ReadInt32LittleEndian(page.AsSpan(start));
            if ((uint)size > (uint)(length - 4))
            {
                ParquetErrors.CutShort("a page's " + kind + " levels");
            }

            decoder.StartHybrid(page, start + 4, size, max, kind);
            return 4 + size;
        }

        if (encoding == (int)ParquetEncoding.BitPacked)
        {
            long bytes = (((long)count * RleBitPackedHybrid.BitWidth(max)) + 7) / 8;
            if (bytes > length)
            {
                ParquetErrors.CutShort("bit-packed levels");
            }

            decoder.StartBitPacked(page, start, (int)bytes, max, kind);
            return (int)bytes;
        }

        ParquetErrors.Unsupported(kind + " levels of encoding " + ParquetEncodings.Name(encoding));
        return 0;
    }

    /// <summary>
    /// The part of a page that is compressed, for a page whose body starts at <paramref name="bodyStart"/>: all of a
    /// dictionary or v1 data page, the values of a v2 data page (its levels never are, and an empty or uncompressed
    /// values section is not decompressed); false for other pages, for a chunk of codec UNCOMPRESSED, and for a v2
    /// page whose level lengths do not fit it.
    /// </summary>
    public static bool TryGetCompressedPart(in PageHeader header, int bodyStart, int codec, out int start, out int length, out int uncompressedLength)
    {
        start = bodyStart;
        length = header.CompressedSize;
        uncompressedLength = header.UncompressedSize;
        if (codec == (int)ParquetCodecKind.Uncompressed)
        {
            return false;
        }

        switch (header.Type)
        {
            case (int)PageType.DictionaryPage:
            case (int)PageType.DataPage:
                return true;
            case (int)PageType.DataPageV2:
                long levelBytes = (long)header.RepetitionLength + header.DefinitionLength;
                if (header.RepetitionLength < 0 || header.DefinitionLength < 0 || levelBytes >= header.CompressedSize
                    || levelBytes > header.UncompressedSize || !header.IsCompressed)
                {
                    return false;
                }

                start = bodyStart + (int)levelBytes;
                length = header.CompressedSize - (int)levelBytes;
                uncompressedLength = header.UncompressedSize - (int)levelBytes;
                return true;
            default:
                return false;
        }
    }

    // Returns the pages read ahead to the pool.
    private void ReleaseReady()
    {
        foreach (DecompressedPage page in _ready)
        {
            ArrayPool<byte>.Shared.Return(page.Buffer);
        }

        _ready.Clear();
        _readyNext = 0;
    }

    // A page's bytes as they are (UNCOMPRESSED), decompressed ahead, or decompressed into the page buffer.
    private (byte[] Page, int Start, int Length) Decompress(int start, int length, int uncompressedLength)
    {
        if (_codec == (int)ParquetCodecKind.Uncompressed)
        {
            return (_chunk!, start, length);
        }

        PageDecompressor.CheckSize(length, uncompressedLength);
        if (_readyNext < _ready.Count && _ready[_readyNext].CompressedStart == start)
        {
            DecompressedPage ready = _ready[_readyNext++];
            if (ready.Length == uncompressedLength)
            {
                return (ready.Buffer, 0, ready.Length);
            }
        }

        ParquetBuffers.Ensure(ref _page, Math.Max(uncompressedLength, 1), 0);
        _reader!.Decompressor.Decompress(_codec, new ArraySegment<byte>(_chunk!, start, length), _page.AsSpan(0, uncompressedLength));
        return (_page, 0, uncompressedLength);
    }

    // The values of a column that can hold none (the UNKNOWN type): a dictionary of nothing is harmless, a value is not.
    private sealed class NoValues : IChunkValues
    {
        public static readonly NoValues Instance = new();

        public void Begin(PhysicalType type, int typeLength)
        {
        }

        public void AddDictionary(ReadOnlySpan<byte> page, int count)
        {
        }

        public void StartPage(byte[] data, int start, int length, int encoding)
        {
        }

        public void Clear()
        {
        }

        public void Read(int count, ParquetScratch scratch)
        {
            if (count > 0)
            {
                ParquetErrors.Corrupt("a column of the UNKNOWN (always null) type holds a value");
            }
        }
    }
}
