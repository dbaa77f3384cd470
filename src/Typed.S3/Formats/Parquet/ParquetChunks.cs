using System;
using System.Buffers.Binary;
using System.IO;
using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using Parquet;
using Parquet.Meta;
using Parquet.Schema;

namespace Typed.S3.Codecs;

/// <summary>
/// Reads the column chunks of one Parquet file for the codec. A flat column (no repetition, at most one definition
/// level) of BOOLEAN, INT32, INT64, FLOAT, DOUBLE or BYTE_ARRAY in PLAIN or dictionary data pages (v1), uncompressed
/// or Snappy, gzip, Brotli, zstd or LZ4_RAW, is fetched in one read and decoded here into pooled buffers. Everything
/// else, and any chunk this decoder does not take to the end, is read by Parquet.Net's raw column API, which fills the
/// same buffers. Parquet.Net copies each compressed page and gives each byte-array value its own array; the decoder
/// here allocates nothing per page or per value.
/// </summary>
internal sealed class ParquetChunks
{
    private readonly Stream _input;
    private byte[]? _chunk;
    private byte[]? _page;
    private int[]? _indices;
    private ZstdSharp.Decompressor? _zstd;
    private bool _pagesV2;

    public ParquetChunks(Stream input)
    {
        _input = input;
    }

    /// <summary>How many column chunks the decoder here read to the end.</summary>
    internal int DecodedChunks { get; private set; }

    /// <summary>How many column chunks the decoder here took up but handed to Parquet.Net.</summary>
    internal int FallbackChunks { get; private set; }

    /// <summary>
    /// Reads a column chunk's non-null values, packed at the start of <paramref name="values"/>, and, when the column
    /// has nulls, its definition levels into <paramref name="definitions"/>: what Parquet.Net's <c>ReadRawAsync</c> does.
    /// </summary>
    public async ValueTask ReadAsync<T>(ParquetRowGroupReader rowGroup, DataField field, T[] values, int[]? definitions, int rowCount, CancellationToken cancellationToken)
        where T : struct
    {
        Parquet.Meta.Type? physical = typeof(T) == typeof(bool) ? Parquet.Meta.Type.BOOLEAN
            : typeof(T) == typeof(int) ? Parquet.Meta.Type.INT32
            : typeof(T) == typeof(long) ? Parquet.Meta.Type.INT64
            : typeof(T) == typeof(float) ? Parquet.Meta.Type.FLOAT
            : typeof(T) == typeof(double) ? Parquet.Meta.Type.DOUBLE
            : null;
        if (physical is { } type && Plan(rowGroup, field, type, rowCount) is { } chunk)
        {
            await LoadAsync(chunk, cancellationToken).ConfigureAwait(false);
            if (TryDecode(chunk, values, definitions, null))
            {
                return;
            }
        }

        Memory<int>? levels = definitions is null ? (Memory<int>?)null : definitions.AsMemory(0, rowCount);
        await rowGroup.ReadRawAsync<T>(field, values.AsMemory(0, rowCount), levels, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads a BYTE_ARRAY column chunk into <paramref name="target"/> and its definition levels, when the decoder here
    /// takes it; <see langword="false"/> when Parquet.Net has to read it.
    /// </summary>
    public async ValueTask<bool> TryReadByteArraysAsync(ParquetRowGroupReader rowGroup, DataField field, ParquetByteArrayChunk target, int[]? definitions, int rowCount, CancellationToken cancellationToken)
    {
        if (Plan(rowGroup, field, Parquet.Meta.Type.BYTE_ARRAY, rowCount) is not { } chunk)
        {
            return false;
        }

        await LoadAsync(chunk, cancellationToken).ConfigureAwait(false);
        target.Reset(rowCount, chunk.UncompressedSize);
        return TryDecode<byte>(chunk, null, definitions, target);
    }

    /// <summary>Returns the buffers to their pools.</summary>
    public void Release()
    {
        ParquetBuffers.Return(ref _chunk);
        ParquetBuffers.Return(ref _page);
        ParquetBuffers.Return(ref _indices);
        _zstd?.Dispose();
        _zstd = null;
    }

    private ChunkPlan? Plan(ParquetRowGroupReader rowGroup, DataField field, Parquet.Meta.Type type, int rowCount)
    {
        ColumnChunk? column = rowGroup.GetMetadata(field);
        ColumnMetaData? meta = column?.MetaData;
        if (_pagesV2 || !BitConverter.IsLittleEndian || meta is null || column!.CryptoMetadata is not null || column.EncryptedColumnMetadata is not null
            || field.MaxRepetitionLevel != 0 || field.MaxDefinitionLevel > 1 || meta.Type != type || meta.NumValues != rowCount
            || meta.Codec is not (CompressionCodec.UNCOMPRESSED or CompressionCodec.SNAPPY or CompressionCodec.GZIP or CompressionCodec.BROTLI or CompressionCodec.ZSTD or CompressionCodec.LZ4_RAW))
        {
            return null;
        }

        // BIT_PACKED is listed by writers whose (absent) repetition levels would use it; the definition levels' own
        // encoding is checked page by page.
        foreach (Encoding encoding in meta.Encodings)
        {
            if (encoding is not (Encoding.PLAIN or Encoding.PLAIN_DICTIONARY or Encoding.RLE_DICTIONARY or Encoding.RLE or Encoding.BIT_PACKED))
            {
                return null;
            }
        }

        // Where Parquet.Net starts the chunk: its first page, whichever offset that is.
        long start = meta.DataPageOffset;
        if (meta.DictionaryPageOffset is > 0 and long dictionary && dictionary < start)
        {
            start = dictionary;
        }

        if (meta.IndexPageOffset is > 0 and long index && index < start)
        {
            start = index;
        }

        long length = meta.TotalCompressedSize;
        if (start < 0 || length <= 0 || length > Array.MaxLength || start > _input.Length - length)
        {
            return null;
        }

        return new ChunkPlan(start, (int)length, (int)Math.Min(meta.TotalUncompressedSize, Array.MaxLength), meta.Codec, rowCount, field.MaxDefinitionLevel);
    }

    private async ValueTask LoadAsync(ChunkPlan chunk, CancellationToken cancellationToken)
    {
        ParquetBuffers.Ensure(ref _chunk, chunk.Length, 0);
        _input.Position = chunk.Start;
        await _input.ReadExactlyAsync(_chunk.AsMemory(0, chunk.Length), cancellationToken).ConfigureAwait(false);
    }

    // Any page this decoder cannot read, or cannot make sense of, goes back to Parquet.Net, which reads the chunk
    // from the start: a file it reads is never refused here, and a corrupt one fails with its message.
    private bool TryDecode<T>(ChunkPlan chunk, T[]? values, int[]? definitions, ParquetByteArrayChunk? byteArrays)
        where T : struct
    {
        T[]? dictionary = null;
        try
        {
            Decode(chunk, values, definitions, byteArrays, ref dictionary);
            DecodedChunks++;
            return true;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            FallbackChunks++;
            return false;
        }
        finally
        {
            ParquetBuffers.Return(ref dictionary);
        }
    }

    private void Decode<T>(ChunkPlan chunk, T[]? values, int[]? definitions, ParquetByteArrayChunk? byteArrays, ref T[]? dictionary)
        where T : struct
    {
        ReadOnlySpan<byte> data = _chunk.AsSpan(0, chunk.Length);
        int bitWidth = ParquetHybrid.BitWidth(chunk.MaxDefinition);
        int offset = 0;
        int rows = 0;
        int packed = 0;
        int dictionaryCount = -1;
        while (rows < chunk.RowCount)
        {
            ParquetPageHeader header = ParquetPageHeader.Read(data, ref offset);
            if (header.CompressedSize > data.Length - offset)
            {
                throw new InvalidDataException("a page runs past its column chunk");
            }

            int bodyStart = offset;
            offset += header.CompressedSize;
            switch (header.Type)
            {
                case ParquetPageHeader.DictionaryPage:
                {
                    if (dictionaryCount >= 0 || header.Encoding is not ((int)Encoding.PLAIN or (int)Encoding.PLAIN_DICTIONARY) || header.NumValues < 0)
                    {
                        throw new NotSupportedException("a dictionary page of this kind");
                    }

                    ReadOnlySpan<byte> page = Decompress(chunk.Codec, bodyStart, header.CompressedSize, header.UncompressedSize);
                    dictionaryCount = header.NumValues;
                    if (byteArrays is not null)
                    {
                        byteArrays.AddDictionary(page, dictionaryCount);
                    }
                    else
                    {
                        ParquetBuffers.Ensure(ref dictionary, Math.Max(dictionaryCount, 1), 0);
                        DecodePlain(page, dictionary.AsSpan(0, dictionaryCount));
                    }

                    break;
                }

                case ParquetPageHeader.DataPage:
                {
                    int count = header.NumValues;
                    if (count < 0 || count > chunk.RowCount - rows)
                    {
                        throw new InvalidDataException("a page holds more values than its column chunk");
                    }

                    // Definition levels (4-byte length, then the hybrid encoding), then the non-null values.
                    ReadOnlySpan<byte> page = Decompress(chunk.Codec, bodyStart, header.CompressedSize, header.UncompressedSize);
                    int present = count;
                    if (chunk.MaxDefinition > 0)
                    {
                        if (header.DefinitionEncoding != (int)Encoding.RLE)
                        {
                            throw new NotSupportedException("definition levels of this encoding");
                        }

                        int length = BinaryPrimitives.ReadInt32LittleEndian(page);
                        Span<int> pageLevels = definitions.AsSpan(rows, count);
                        ParquetHybrid.Decode(page.Slice(4, length), bitWidth, pageLevels);
                        present = pageLevels.Count(chunk.MaxDefinition);
                        page = page.Slice(4 + length);
                    }

                    if (header.Encoding is (int)Encoding.PLAIN_DICTIONARY or (int)Encoding.RLE_DICTIONARY)
                    {
                        ReadOnlySpan<int> indices = DecodeIndices(page, present, dictionaryCount);
                        if (byteArrays is not null)
                        {
                            byteArrays.AddIndices(indices);
                        }
                        else
                        {
                            Span<T> target = values.AsSpan(packed, present);
                            ReadOnlySpan<T> entries = dictionary.AsSpan(0, dictionaryCount);
                            for (int i = 0; i < target.Length; i++)
                            {
                                target[i] = entries[indices[i]];
                            }
                        }
                    }
                    else if (header.Encoding == (int)Encoding.PLAIN)
                    {
                        if (byteArrays is not null)
                        {
                            byteArrays.AddPlain(page, present);
                        }
                        else
                        {
                            DecodePlain(page, values.AsSpan(packed, present));
                        }
                    }
                    else
                    {
                        throw new NotSupportedException("values of this encoding");
                    }

                    rows += count;
                    packed += present;
                    break;
                }

                case ParquetPageHeader.DataPageV2:
                    // Files of v2 pages have them throughout: leave the rest of the file to Parquet.Net at once.
                    _pagesV2 = true;
                    throw new NotSupportedException("data pages v2");

                default:
                    // An index page, or a kind this reader does not know: it holds no values.
                    break;
            }
        }
    }

    // Dictionary indices: a bit width byte, then the hybrid encoding; each index must name an entry.
    private ReadOnlySpan<int> DecodeIndices(ReadOnlySpan<byte> page, int count, int dictionaryCount)
    {
        if (count == 0)
        {
            return ReadOnlySpan<int>.Empty;
        }

        if (dictionaryCount < 0)
        {
            throw new InvalidDataException("a dictionary-encoded page comes before any dictionary");
        }

        ParquetBuffers.Ensure(ref _indices, count, 0);
        Span<int> indices = _indices.AsSpan(0, count);
        ParquetHybrid.Decode(page.Slice(1), page[0], indices);
        foreach (int index in indices)
        {
            if ((uint)index >= (uint)dictionaryCount)
            {
                throw new InvalidDataException("a dictionary index is out of range");
            }
        }

        return indices;
    }

    private static void DecodePlain<T>(ReadOnlySpan<byte> page, Span<T> values)
        where T : struct
    {
        if (typeof(T) == typeof(bool))
        {
            // One bit a value, least significant first.
            if (page.Length < (values.Length + 7) / 8)
            {
                throw new InvalidDataException("a page holds fewer values than its header says");
            }

            Span<bool> flags = MemoryMarshal.Cast<T, bool>(values);
            for (int i = 0; i < flags.Length; i++)
            {
                flags[i] = ((page[i >> 3] >> (i & 7)) & 1) != 0;
            }

            return;
        }

        ReadOnlySpan<T> source = MemoryMarshal.Cast<byte, T>(page);
        if (source.Length < values.Length)
        {
            throw new InvalidDataException("a page holds fewer values than its header says");
        }

        source.Slice(0, values.Length).CopyTo(values);
    }

    private ReadOnlySpan<byte> Decompress(CompressionCodec codec, int start, int length, int uncompressedLength)
    {
        ReadOnlySpan<byte> compressed = _chunk.AsSpan(start, length);
        if (codec == CompressionCodec.UNCOMPRESSED)
        {
            return compressed;
        }

        if (uncompressedLength < 0)
        {
            throw new InvalidDataException("a page's uncompressed size is negative");
        }

        ParquetBuffers.Ensure(ref _page, Math.Max(uncompressedLength, 1), 0);
        Span<byte> page = _page.AsSpan(0, uncompressedLength);
        int written;
        switch (codec)
        {
            case CompressionCodec.SNAPPY:
                written = Snappier.Snappy.Decompress(compressed, page);
                break;
            case CompressionCodec.ZSTD:
                written = (_zstd ??= new ZstdSharp.Decompressor()).Unwrap(compressed, page);
                break;
            case CompressionCodec.LZ4_RAW:
                written = K4os.Compression.LZ4.LZ4Codec.Decode(compressed, page);
                break;
            case CompressionCodec.BROTLI:
                if (!BrotliDecoder.TryDecompress(compressed, page, out written))
                {
                    throw new InvalidDataException("a Brotli page does not decompress to its size");
                }

                break;
            case CompressionCodec.GZIP:
            {
                using var gzip = new GZipStream(new MemoryStream(_chunk!, start, length, writable: false), CompressionMode.Decompress);
                written = gzip.ReadAtLeast(page, page.Length, throwOnEndOfStream: false);
                break;
            }

            default:
                throw new NotSupportedException("pages of codec " + codec);
        }

        if (written != uncompressedLength)
        {
            throw new InvalidDataException("a page does not decompress to its size");
        }

        return page;
    }

    private readonly record struct ChunkPlan(long Start, int Length, int UncompressedSize, CompressionCodec Codec, int RowCount, int MaxDefinition);
}

/// <summary>
/// A BYTE_ARRAY column chunk as the decoder of <see cref="ParquetChunks"/> reads it: the values' bytes in one pooled
/// buffer, its entries (the dictionary's first, then each plain value), and the entry of each non-null value.
/// </summary>
internal sealed class ParquetByteArrayChunk
{
    private byte[]? _bytes;
    private int _byteCount;
    private int[]? _starts;
    private int[]? _lengths;
    private int _entryCount;
    private int[]? _values;
    private int _valueCount;

    /// <summary>How many entries are the dictionary's (0 without a dictionary).</summary>
    public int DictionaryCount { get; private set; }

    /// <summary>How many non-null values were read.</summary>
    public int ValueCount => _valueCount;

    /// <summary>The entry of the <paramref name="index"/>th non-null value.</summary>
    public int ValueEntry(int index) => _values![index];

    /// <summary>An entry's bytes.</summary>
    public ReadOnlySpan<byte> Entry(int entry) => _bytes.AsSpan(_starts![entry], _lengths![entry]);

    public void Reset(int rowCount, int byteCount)
    {
        _byteCount = 0;
        _entryCount = 0;
        _valueCount = 0;
        DictionaryCount = 0;
        ParquetBuffers.Ensure(ref _bytes, Math.Max(byteCount, 16), 0);
        ParquetBuffers.Ensure(ref _values, Math.Max(rowCount, 1), 0);
    }

    public void AddDictionary(ReadOnlySpan<byte> page, int count)
    {
        if (_entryCount != 0)
        {
            throw new InvalidDataException("a dictionary page comes after values");
        }

        AddEntries(page, count, values: false);
        DictionaryCount = count;
    }

    public void AddPlain(ReadOnlySpan<byte> page, int count) => AddEntries(page, count, values: true);

    public void AddIndices(ReadOnlySpan<int> indices)
    {
        indices.CopyTo(_values.AsSpan(_valueCount, indices.Length));
        _valueCount += indices.Length;
    }

    public void Release()
    {
        ParquetBuffers.Return(ref _bytes);
        ParquetBuffers.Return(ref _starts);
        ParquetBuffers.Return(ref _lengths);
        ParquetBuffers.Return(ref _values);
    }

    // PLAIN byte arrays: a 4-byte little-endian length, then the bytes; the page's are copied once, as they are.
    private void AddEntries(ReadOnlySpan<byte> page, int count, bool values)
    {
        ParquetBuffers.Ensure(ref _starts, _entryCount + count, _entryCount);
        ParquetBuffers.Ensure(ref _lengths, _entryCount + count, _entryCount);
        int position = 0;
        for (int i = 0; i < count; i++)
        {
            if (page.Length - position < 4)
            {
                throw new InvalidDataException("a page holds fewer values than its header says");
            }

            int length = BinaryPrimitives.ReadInt32LittleEndian(page.Slice(position));
            position += 4;
            if ((uint)length > (uint)(page.Length - position))
            {
                throw new InvalidDataException("a value runs past its page");
            }

            _starts![_entryCount + i] = _byteCount + position;
            _lengths![_entryCount + i] = length;
            position += length;
        }

        ParquetBuffers.Ensure(ref _bytes, _byteCount + position, _byteCount);
        page.Slice(0, position).CopyTo(_bytes.AsSpan(_byteCount));
        _byteCount += position;
        if (values)
        {
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
