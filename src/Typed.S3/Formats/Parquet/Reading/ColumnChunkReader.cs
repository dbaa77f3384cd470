using System;
using System.Buffers.Binary;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Typed.S3.Codecs;

/// <summary>
/// Reads the column chunks of one Parquet file: fetches a chunk's bytes in one read (on S3 a ranged GET of just that
/// chunk), then decodes its pages (dictionary, data v1 and v2, index pages skipped) into levels and values. Every
/// offset, size and count the file declares is checked against the bytes that hold it before it is used; pages with a
/// CRC are checked against it. One reader serves one read: its buffers are pooled and reused from chunk to chunk.
/// </summary>
internal sealed class ColumnChunkReader : IDisposable
{
    private readonly Stream _input;
    private readonly long _dataEnd;
    private readonly PageDecompressor _decompressor = new();
    private readonly ParquetScratch _scratch = new();
    private byte[]? _chunk;
    private int _chunkLength;
    private byte[]? _page;

    /// <param name="input">The file, seekable.</param>
    /// <param name="dataEnd">Where the footer starts: no chunk may reach past it.</param>
    public ColumnChunkReader(Stream input, long dataEnd)
    {
        _input = input;
        _dataEnd = dataEnd;
    }

    /// <summary>Checks a chunk's metadata against the leaf and the file, and fetches its bytes.</summary>
    public async ValueTask<ColumnChunkMetaData> LoadAsync(RowGroupMetaData group, ParquetSchemaNode leaf, int rowCount, CancellationToken cancellationToken)
    {
        ColumnChunkMetaData chunk = group.Columns[leaf.LeafIndex];
        Check(chunk, leaf, rowCount);
        _chunkLength = 0;
        if (rowCount == 0)
        {
            return chunk;
        }

        long start = Start(chunk);
        long length = chunk.TotalCompressedSize;
        if (start < 4 || length <= 0 || length > _dataEnd - start)
        {
            ParquetErrors.Corrupt("the column chunk's offset or size lies outside the file");
        }

        ParquetBuffers.Ensure(ref _chunk, (int)length, 0);
        _input.Position = start;
        await _input.ReadExactlyAsync(_chunk.AsMemory(0, (int)length), cancellationToken).ConfigureAwait(false);
        _chunkLength = (int)length;
        return chunk;
    }

    /// <summary>Decodes the loaded chunk's pages: its levels into <paramref name="levels"/>, its values into <paramref name="values"/>.</summary>
    public void Decode(ColumnChunkMetaData chunk, ParquetSchemaNode leaf, ParquetLevels levels, IChunkValues values, CancellationToken cancellationToken)
    {
        SchemaElement element = leaf.Element;
        levels.Begin(leaf.MaxDefinition, leaf.MaxRepetition);
        values.Begin((PhysicalType)element.Type!.Value, element.TypeLength);
        if (ParquetLeafTypes.IsAlwaysNull(element))
        {
            values = NoValues.Instance;
        }

        int expected = (int)chunk.NumValues;
        if (_chunkLength == 0 || expected == 0)
        {
            return;
        }

        ReadOnlySpan<byte> data = _chunk.AsSpan(0, _chunkLength);
        int offset = 0;
        bool dictionary = false;
        int pages = 0;
        while (levels.Count < expected)
        {
            if (offset >= data.Length)
            {
                ParquetErrors.Corrupt(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"the column chunk ends after {levels.Count} of its {expected} values"));
            }

            if ((++pages & 63) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            PageHeader header = PageHeader.Read(data, ref offset);
            if (header.CompressedSize > data.Length - offset)
            {
                ParquetErrors.Corrupt("a page runs past its column chunk");
            }

            int bodyStart = offset;
            offset += header.CompressedSize;
            if (header.HasCrc && System.IO.Hashing.Crc32.HashToUInt32(data.Slice(bodyStart, header.CompressedSize)) != header.Crc)
            {
                ParquetErrors.Corrupt("a page's checksum (CRC) does not match its bytes: the page is corrupt");
            }

            switch (header.Type)
            {
                case (int)PageType.DictionaryPage:
                    if (dictionary || levels.Count > 0)
                    {
                        ParquetErrors.Corrupt("a dictionary page comes after another page");
                    }

                    if (header.Encoding is not ((int)ParquetEncoding.Plain or (int)ParquetEncoding.PlainDictionary))
                    {
                        ParquetErrors.Unsupported("a dictionary page of encoding " + ParquetEncodings.Name(header.Encoding));
                    }

                    values.AddDictionary(Decompress(chunk.Codec, bodyStart, header.CompressedSize, header.UncompressedSize), header.NumValues);
                    dictionary = true;
                    break;
                case (int)PageType.DataPage:
                    DataPage(chunk, header, bodyStart, expected - levels.Count, levels, values);
                    break;
                case (int)PageType.DataPageV2:
                    DataPageV2(chunk, header, bodyStart, expected - levels.Count, levels, values);
                    break;
                default:
                    // An index page, or a kind this reader does not know: it holds no values.
                    break;
            }
        }

        if (leaf.MaxRepetition > 0 && levels.Repetitions[0] != 0)
        {
            ParquetErrors.Corrupt("the column chunk's first value does not start a row");
        }
    }

    public void Dispose()
    {
        ParquetBuffers.Return(ref _chunk);
        ParquetBuffers.Return(ref _page);
        _scratch.Release();
        _decompressor.Dispose();
    }

    // Where the chunk starts: its dictionary page when the file says where that is, else its first data page (a
    // dictionary page found there is read as one: some writers leave its offset 0).
    private static long Start(ColumnChunkMetaData chunk) =>
        chunk.DictionaryPageOffset is long dictionary && dictionary > 0 && dictionary < chunk.DataPageOffset ? dictionary : chunk.DataPageOffset;

    private static void Check(ColumnChunkMetaData chunk, ParquetSchemaNode leaf, int rowCount)
    {
        if (chunk.Encrypted)
        {
            ParquetErrors.Unsupported("the column is encrypted: Typed.S3 does not read encrypted Parquet files");
        }

        if (!chunk.HasMetaData)
        {
            ParquetErrors.Corrupt("the column chunk has no metadata");
        }

        if (chunk.FilePath is { Length: > 0 })
        {
            ParquetErrors.Unsupported("the column chunk is in another file ('" + chunk.FilePath + "'), which Typed.S3 does not read");
        }

        if (chunk.Type != leaf.Element.Type || chunk.Path.Length == 0 || !string.Equals(chunk.Path[^1], leaf.Name, StringComparison.Ordinal))
        {
            ParquetErrors.Corrupt("the column chunk does not match its column in the schema");
        }

        PageDecompressor.Check(chunk.Codec);
        bool flat = leaf.MaxRepetition == 0;
        if (chunk.NumValues < 0 || chunk.NumValues > int.MaxValue || (flat ? chunk.NumValues != rowCount : chunk.NumValues < rowCount))
        {
            ParquetErrors.Corrupt(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"the column chunk holds {chunk.NumValues} values for the row group's {rowCount} rows"));
        }
    }

    // DATA_PAGE: the whole page compressed; repetition then definition levels, each a 4-byte length and the hybrid
    // encoding (or the legacy BIT_PACKED), then the non-null values.
    private void DataPage(ColumnChunkMetaData chunk, in PageHeader header, int bodyStart, int remaining, ParquetLevels levels, IChunkValues values)
    {
        int count = header.NumValues;
        if (count > remaining)
        {
            ParquetErrors.Corrupt("a page holds more values than its column chunk");
        }

        ReadOnlySpan<byte> page = Decompress(chunk.Codec, bodyStart, header.CompressedSize, header.UncompressedSize);
        int first = levels.Count;
        levels.Add(count, out Span<int> definitions, out Span<int> repetitions);
        int position = 0;
        if (levels.MaxRepetition > 0)
        {
            position += Levels(page, header.RepetitionEncoding, levels.MaxRepetition, repetitions, "repetition");
        }

        if (levels.MaxDefinition > 0)
        {
            position += Levels(page.Slice(position), header.DefinitionEncoding, levels.MaxDefinition, definitions, "definition");
        }

        values.AddValues(page.Slice(position), levels.Present(first, count), header.Encoding, _scratch);
    }

    // DATA_PAGE_V2: repetition and definition levels first, never compressed and without length prefixes (the header
    // gives their lengths); then the values, compressed unless the header says not. An empty value section is not
    // decompressed: some writers leave it empty rather than compress nothing.
    private void DataPageV2(ColumnChunkMetaData chunk, in PageHeader header, int bodyStart, int remaining, ParquetLevels levels, IChunkValues values)
    {
        int count = header.NumValues;
        if (count > remaining)
        {
            ParquetErrors.Corrupt("a page holds more values than its column chunk");
        }

        long levelBytes = (long)header.RepetitionLength + header.DefinitionLength;
        if (levelBytes > header.CompressedSize || levelBytes > header.UncompressedSize)
        {
            ParquetErrors.Corrupt("a page's levels are longer than the page");
        }

        ReadOnlySpan<byte> raw = _chunk.AsSpan(bodyStart, header.CompressedSize);
        int first = levels.Count;
        levels.Add(count, out Span<int> definitions, out Span<int> repetitions);
        if (levels.MaxRepetition > 0)
        {
            Hybrid(raw.Slice(0, header.RepetitionLength), levels.MaxRepetition, repetitions, "repetition");
        }

        if (levels.MaxDefinition > 0)
        {
            Hybrid(raw.Slice(header.RepetitionLength, header.DefinitionLength), levels.MaxDefinition, definitions, "definition");
        }

        int present = levels.Present(first, count);
        if (header.NumNulls != count - present && levels.MaxRepetition == 0)
        {
            ParquetErrors.Corrupt("a page's null count differs from its definition levels");
        }

        int compressedValues = header.CompressedSize - (int)levelBytes;
        int uncompressedValues = header.UncompressedSize - (int)levelBytes;
        ReadOnlySpan<byte> valueBytes;
        if (compressedValues == 0)
        {
            valueBytes = ReadOnlySpan<byte>.Empty;
        }
        else if (header.IsCompressed && chunk.Codec != (int)ParquetCodecKind.Uncompressed)
        {
            valueBytes = Decompress(chunk.Codec, bodyStart + (int)levelBytes, compressedValues, uncompressedValues);
        }
        else
        {
            valueBytes = raw.Slice((int)levelBytes);
        }

        values.AddValues(valueBytes, present, header.Encoding, _scratch);
    }

    private static int Levels(ReadOnlySpan<byte> page, int encoding, int max, Span<int> levels, string kind)
    {
        int bitWidth = RleBitPackedHybrid.BitWidth(max);
        int read;
        if (encoding == (int)ParquetEncoding.Rle)
        {
            if (page.Length < 4)
            {
                ParquetErrors.CutShort("a page's " + kind + " levels");
            }

            int length = BinaryPrimitives.ReadInt32LittleEndian(page);
            if ((uint)length > (uint)(page.Length - 4))
            {
                ParquetErrors.CutShort("a page's " + kind + " levels");
            }

            RleBitPackedHybrid.Decode(page.Slice(4, length), bitWidth, levels);
            read = 4 + length;
        }
        else if (encoding == (int)ParquetEncoding.BitPacked)
        {
            read = RleBitPackedHybrid.DecodeBitPacked(page, bitWidth, levels);
        }
        else
        {
            ParquetErrors.Unsupported(kind + " levels of encoding " + ParquetEncodings.Name(encoding));
            return 0;
        }

        CheckRange(levels, max, kind);
        return read;
    }

    private static void Hybrid(ReadOnlySpan<byte> data, int max, Span<int> levels, string kind)
    {
        RleBitPackedHybrid.Decode(data, RleBitPackedHybrid.BitWidth(max), levels);
        CheckRange(levels, max, kind);
    }

    private static void CheckRange(Span<int> levels, int max, string kind)
    {
        if (levels.IndexOfAnyExceptInRange(0, max) >= 0)
        {
            ParquetErrors.Corrupt("a " + kind + " level is out of range");
        }
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

        public void AddValues(ReadOnlySpan<byte> data, int count, int encoding, ParquetScratch scratch)
        {
            if (count > 0)
            {
                ParquetErrors.Corrupt("a column of the UNKNOWN (always null) type holds a value");
            }
        }
    }

    private ReadOnlySpan<byte> Decompress(int codec, int start, int length, int uncompressedLength)
    {
        if (codec == (int)ParquetCodecKind.Uncompressed)
        {
            return _chunk.AsSpan(start, length);
        }

        PageDecompressor.CheckSize(length, uncompressedLength);
        ParquetBuffers.Ensure(ref _page, Math.Max(uncompressedLength, 1), 0);
        Span<byte> page = _page.AsSpan(0, uncompressedLength);
        _decompressor.Decompress(codec, new ArraySegment<byte>(_chunk!, start, length), page);
        return page;
    }
}
