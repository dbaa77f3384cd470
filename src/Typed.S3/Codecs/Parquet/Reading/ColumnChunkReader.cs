using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Typed.S3.Codecs;

/// <summary>
/// Fetches the column chunks of one Parquet file: checks a chunk's metadata against the leaf and the file, reads its
/// bytes in one read (on S3 a ranged GET of just that chunk) into the column's <see cref="ColumnChunkCursor"/>, which
/// then decodes its pages a slice at a time. Holds what the columns' cursors share within one read: the decompressors
/// and the decoders' scratch buffers.
/// </summary>
internal sealed class ColumnChunkReader : IDisposable
{
    private readonly Stream _input;
    private readonly long _dataEnd;

    /// <param name="input">The file, seekable.</param>
    /// <param name="dataEnd">Where the footer starts: no chunk may reach past it.</param>
    public ColumnChunkReader(Stream input, long dataEnd)
    {
        _input = input;
        _dataEnd = dataEnd;
    }

    /// <summary>The page decompressors, used by one cursor at a time.</summary>
    public PageDecompressor Decompressor { get; } = new();

    /// <summary>Scratch buffers the value decoders use within one call.</summary>
    public ParquetScratch Scratch { get; } = new();

    /// <summary>
    /// Checks a chunk's metadata against the leaf and the file, fetches its bytes into <paramref name="cursor"/>, and
    /// starts it on the chunk's pages, its values going to <paramref name="values"/>.
    /// </summary>
    public async ValueTask LoadAsync(RowGroupMetaData group, ParquetSchemaNode leaf, int rowCount, ColumnChunkCursor cursor, IChunkValues values, CancellationToken cancellationToken)
    {
        ColumnChunkMetaData chunk = group.Columns[leaf.LeafIndex];
        Check(chunk, leaf, rowCount);
        int length = 0;
        if (rowCount > 0)
        {
            long start = Start(chunk);
            long size = chunk.TotalCompressedSize;
            if (start < 4 || size <= 0 || size > _dataEnd - start)
            {
                ParquetErrors.Corrupt("the column chunk's offset or size lies outside the file");
            }

            length = (int)size;
            byte[] buffer = cursor.Reserve(length);
            _input.Position = start;
            await _input.ReadExactlyAsync(buffer.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
        }

        cursor.Start(this, chunk, leaf, values, length);
    }

    public void Dispose()
    {
        Scratch.Release();
        Decompressor.Dispose();
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

        if (leaf.Element.Type == (int)PhysicalType.FixedLenByteArray && leaf.Element.TypeLength < 1)
        {
            ParquetErrors.Corrupt(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"the column is FIXED_LEN_BYTE_ARRAY of length {leaf.Element.TypeLength}"));
        }

        PageDecompressor.Check(chunk.Codec);
        bool flat = leaf.MaxRepetition == 0;
        if (chunk.NumValues < 0 || chunk.NumValues > int.MaxValue || (flat ? chunk.NumValues != rowCount : chunk.NumValues < rowCount))
        {
            ParquetErrors.Corrupt(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"the column chunk holds {chunk.NumValues} values for the row group's {rowCount} rows"));
        }
    }
}
