using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Typed.S3.Codecs;

/// <summary>
/// Fetches the column chunks of one Parquet file: checks a chunk's metadata against the leaf and the file, reads its
/// bytes in one read (on S3 a ranged GET of just that chunk) into the column's <see cref="ColumnChunkCursor"/>, which
/// then decodes its pages a slice at a time. Holds what the columns' cursors share within one read: the decompressors
/// and the decoders' scratch buffers. Once a row group's chunks are loaded, <see cref="ReadAheadAsync"/> fetches the
/// next one's on a pool thread (<see cref="ChunkReadAhead"/>).
/// </summary>
internal sealed class ColumnChunkReader : IAsyncDisposable
{
    private readonly Stream _input;
    private readonly long _dataEnd;
    private readonly List<ParquetSchemaNode> _leaves = [];
    private RowGroupMetaData? _group;
    private ChunkReadAhead? _ahead;
    private PageDecompressor? _aheadDecompressor;

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
        if (!ReferenceEquals(group, _group))
        {
            _group = group;
            _leaves.Clear();
        }

        _leaves.Add(leaf);
        int length = 0;
        if (rowCount > 0)
        {
            if (chunk.TotalCompressedSize > int.MaxValue)
            {
                ParquetErrors.Unsupported("a column chunk of more than 2 GiB");
            }

            if (!TryGetExtent(chunk, _dataEnd, out long start, out length))
            {
                ParquetErrors.Corrupt("the column chunk's offset or size lies outside the file");
            }

            if (_ahead is not null && ReferenceEquals(_ahead.Group, group)
                && await _ahead.TakeAsync(leaf.LeafIndex, start, length).ConfigureAwait(false) is { } fetched)
            {
                cursor.Adopt(fetched);
            }
            else
            {
                byte[] buffer = cursor.Reserve(length);
                _input.Position = start;
                await _input.ReadExactlyAsync(buffer.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
            }
        }

        cursor.Start(this, chunk, leaf, values, length);
    }

    /// <summary>
    /// Starts fetching <paramref name="next"/>'s chunks of the columns the last row group loaded, on a pool thread, if
    /// they fit in <see cref="ChunkReadAhead.Limit"/>; the last read-ahead is ended first. Until the next row group is
    /// loaded, nothing else may read the file.
    /// </summary>
    public async ValueTask ReadAheadAsync(RowGroupMetaData next, CancellationToken cancellationToken)
    {
        await EndReadAheadAsync().ConfigureAwait(false);
        if (next.NumRows > 0 && _leaves.Count > 0)
        {
            _ahead = ChunkReadAhead.Start(_input, _dataEnd, next, _leaves, _aheadDecompressor ??= new PageDecompressor(), cancellationToken);
        }
    }

    /// <summary>Where a chunk's bytes are in the file: false when they are not all before the footer.</summary>
    public static bool TryGetExtent(ColumnChunkMetaData chunk, long dataEnd, out long start, out int length)
    {
        start = Start(chunk);
        long size = chunk.TotalCompressedSize;
        length = 0;
        if (start < 4 || size <= 0 || size > dataEnd - start || size > int.MaxValue)
        {
            return false;
        }

        length = (int)size;
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        // The read-ahead may still be using the file and its decompressor.
        await EndReadAheadAsync().ConfigureAwait(false);
        _aheadDecompressor?.Dispose();
        Scratch.Release();
        Decompressor.Dispose();
    }

    private async ValueTask EndReadAheadAsync()
    {
        if (_ahead is not null)
        {
            ChunkReadAhead ahead = _ahead;
            _ahead = null;
            await ahead.DisposeAsync().ConfigureAwait(false);
        }
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
