using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Typed.S3.Codecs;

/// <summary>
/// The next row group's chunks, fetched and their pages decompressed on a pool thread while the reading thread decodes
/// the current row group: the two overlap, and the reading thread is left with decoding and mapping. Only for a row
/// group whose chunks are at least <see cref="MinBytes"/> (below that the hand-over costs about what it saves) and,
/// compressed plus decompressed as declared, at most <see cref="Limit"/>; the pages decompressed ahead never exceed
/// <see cref="MaxExpansion"/> times the chunks' bytes. Memory stays bounded by the current row group plus a bounded
/// multiple of the next one's bytes.
/// </summary>
/// <remarks>
/// The read-ahead decides nothing about the data. What it cannot fetch or decompress (a damaged page, a failed read, a
/// codec refused) it leaves to the reading thread, which fetches or decompresses it again and raises the error in order,
/// after the rows before it; a page it decompressed is still checked there (CRC, sizes) before it is used.
/// </remarks>
internal sealed class ChunkReadAhead
{
    /// <summary>The most bytes a read-ahead holds: a row group's chunks compressed plus decompressed.</summary>
    public const long Limit = 64L << 20;

    /// <summary>The fewest bytes of chunks worth reading ahead.</summary>
    public const long MinBytes = 64L << 10;

    /// <summary>How many times the chunks' bytes the pages decompressed ahead may hold; further pages are decompressed when read.</summary>
    public const int MaxExpansion = 16;

    private readonly ReadAheadChunk[] _chunks;
    private readonly CancellationTokenSource _cancel;
    private readonly Task _task;
    private bool _raised;

    private ChunkReadAhead(RowGroupMetaData group, ReadAheadChunk[] chunks, long pageBudget, Stream input, PageDecompressor decompressor, CancellationToken cancellationToken)
    {
        Group = group;
        _chunks = chunks;
        _cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        CancellationToken token = _cancel.Token;
        _task = Task.Run(() => FetchAsync(chunks, pageBudget, input, decompressor, token), CancellationToken.None);
    }

    /// <summary>The row group being read ahead.</summary>
    public RowGroupMetaData Group { get; }

    /// <summary>
    /// Starts reading <paramref name="group"/>'s chunks of <paramref name="leaves"/> ahead, from <paramref name="input"/>
    /// (which the reading thread must leave alone until <see cref="TakeAsync"/> or <see cref="DisposeAsync"/>), or
    /// returns null when they are smaller than <see cref="MinBytes"/>, larger than <see cref="Limit"/>, or not where a
    /// chunk can be.
    /// </summary>
    public static ChunkReadAhead? Start(Stream input, long dataEnd, RowGroupMetaData group, IReadOnlyList<ParquetSchemaNode> leaves, PageDecompressor decompressor, CancellationToken cancellationToken)
    {
        var chunks = new ReadAheadChunk[leaves.Count];
        long bytes = 0;
        long declared = 0;
        for (int i = 0; i < chunks.Length; i++)
        {
            ColumnChunkMetaData chunk = group.Columns[leaves[i].LeafIndex];
            if (!ColumnChunkReader.TryGetExtent(chunk, dataEnd, out long start, out int length))
            {
                return null;
            }

            bytes += length;
            declared += length + Math.Max(0, chunk.TotalUncompressedSize);
            if (declared > Limit)
            {
                return null;
            }

            chunks[i] = new ReadAheadChunk(leaves[i].LeafIndex, chunk.Codec, start, length);
        }

        if (bytes < MinBytes)
        {
            return null;
        }

        long pageBudget = Math.Min(Limit - bytes, bytes * MaxExpansion);
        return new ChunkReadAhead(group, chunks, pageBudget, input, decompressor, cancellationToken);
    }

    /// <summary>
    /// Waits for the read-ahead, then hands over the chunk of leaf <paramref name="leafIndex"/> at
    /// <paramref name="start"/> (<paramref name="length"/> bytes) if it was fetched; null if the reading thread must
    /// fetch it. The caller owns what it is given.
    /// </summary>
    public async ValueTask<ReadAheadChunk?> TakeAsync(int leafIndex, long start, int length)
    {
        try
        {
            await _task.ConfigureAwait(false);
        }
        catch
        {
            // A bug of the read-ahead's own, raised here once (as the chunk's error), not again when it is disposed.
            _raised = true;
            throw;
        }

        foreach (ReadAheadChunk chunk in _chunks)
        {
            if (chunk.LeafIndex == leafIndex && chunk.Fetched && chunk.Start == start && chunk.Length == length)
            {
                chunk.Fetched = false;
                return chunk;
            }
        }

        return null;
    }

    /// <summary>Stops the read-ahead, waits for it (a bug of its own is raised here), and returns the buffers of the chunks nobody took.</summary>
    public async ValueTask DisposeAsync()
    {
        _cancel.Cancel();
        try
        {
            if (!_raised)
            {
                await _task.ConfigureAwait(false);
            }
        }
        finally
        {
            _cancel.Dispose();
            foreach (ReadAheadChunk chunk in _chunks)
            {
                if (chunk.Fetched)
                {
                    chunk.Fetched = false;
                    chunk.Release();
                }
            }
        }
    }

    // A chunk it cannot fetch, or a page it cannot decompress, ends the read-ahead there (see the remarks). Only a bug
    // of its own faults it: the reading thread then raises it, as the chunk's error, when it takes the chunk.
    private static async Task FetchAsync(ReadAheadChunk[] chunks, long pageBudget, Stream input, PageDecompressor decompressor, CancellationToken cancellationToken)
    {
        long budget = pageBudget;
        foreach (ReadAheadChunk chunk in chunks)
        {
            chunk.Bytes = ArrayPool<byte>.Shared.Rent(Math.Max(chunk.Length, 1));
            try
            {
                input.Position = chunk.Start;
                await input.ReadExactlyAsync(chunk.Bytes.AsMemory(0, chunk.Length), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception)
            {
                // Whatever the stream throws is the stream's: the reading thread fetches the chunk again and raises it there.
                chunk.Release();
                return;
            }

            chunk.Fetched = true;
            try
            {
                budget = DecompressPages(chunk, decompressor, budget, cancellationToken);
            }
            catch (Exception exception) when (exception is ParquetDataException or OperationCanceledException)
            {
                // The pages decompressed so far stay; the damaged page is decompressed, and fails, on the reading thread.
                return;
            }
        }
    }

    // Decompresses the chunk's pages in order until one cannot be, or the budget (bytes of pages) would be passed;
    // returns what is left of it.
    private static long DecompressPages(ReadAheadChunk chunk, PageDecompressor decompressor, long budget, CancellationToken cancellationToken)
    {
        if (chunk.Codec == (int)ParquetCodecKind.Uncompressed)
        {
            return budget;
        }

        int offset = 0;
        while (offset < chunk.Length)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ReadOnlySpan<byte> data = chunk.Bytes.AsSpan(0, chunk.Length);
            PageHeader header = PageHeader.Read(data, ref offset);
            if ((uint)header.CompressedSize > (uint)(data.Length - offset))
            {
                return budget;
            }

            int bodyStart = offset;
            offset += header.CompressedSize;
            if (!ColumnChunkCursor.TryGetCompressedPart(header, bodyStart, chunk.Codec, out int start, out int length, out int uncompressed))
            {
                continue;
            }

            if (uncompressed < 0 || uncompressed > budget)
            {
                return budget;
            }

            PageDecompressor.CheckSize(length, uncompressed);
            byte[] page = ArrayPool<byte>.Shared.Rent(Math.Max(uncompressed, 1));
            try
            {
                decompressor.Decompress(chunk.Codec, new ArraySegment<byte>(chunk.Bytes!, start, length), page.AsSpan(0, uncompressed));
            }
            catch
            {
                ArrayPool<byte>.Shared.Return(page);
                throw;
            }

            chunk.Pages.Add(new DecompressedPage(start, page, uncompressed));
            budget -= uncompressed;
        }

        return budget;
    }
}
