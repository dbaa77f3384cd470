using System;
using System.Buffers;
using System.IO;
using System.Threading;
using System.Threading.Channels;
using CsvHelper;

namespace Typed.S3.Codecs;

/// <summary>
/// Reads a CSV object on a thread of its own, cuts it into chunks of whole records and hands the chunks over in order.
/// Each chunk is mapped by whichever comes first: a thread-pool worker (one fewer than the degree of parallelism) or
/// the reader of the sequence when it reaches the chunk, which then gets records still in its own core's cache. Only
/// the cutting is sequential: it looks at quotes and line breaks, and leaves tokenizing to the mapping threads.
/// </summary>
/// <typeparam name="T">The record type.</typeparam>
internal sealed class CsvChunkProducer<T>
{
    // Big enough that a chunk's reader costs little next to its records, small enough that an object of a few MB
    // still spreads over every thread.
    private const int ChunkBytes = 256 * 1024;

    private readonly Stream _stream;
    private readonly CsvReaderOptions _options;
    private readonly CsvRecordMapper<T> _mapper;
    private readonly byte[] _prefix;
    private readonly SemaphoreSlim _mappingSlots;
    private readonly ChannelWriter<CsvChunk<T>> _chunks;
    private readonly CancellationToken _stop;
    private int _expectedRecords;

    /// <summary>Creates the producer.</summary>
    /// <param name="stream">The object's bytes after the ones already read.</param>
    /// <param name="options">The dialect's reader options.</param>
    /// <param name="mapper">The object's mapper, bound to its header; safe to call from several threads.</param>
    /// <param name="prefix">The object's first record (its header, or its first row), with its line break.</param>
    /// <param name="maxDegreeOfParallelism">How many threads may map chunks at a time, the reader of the sequence included.</param>
    /// <param name="chunks">Where the chunks go, in order; bounded, so that memory stays bounded.</param>
    /// <param name="stop">Set when the chunks are no longer wanted.</param>
    public CsvChunkProducer(
        Stream stream,
        CsvReaderOptions options,
        CsvRecordMapper<T> mapper,
        byte[] prefix,
        int maxDegreeOfParallelism,
        ChannelWriter<CsvChunk<T>> chunks,
        CancellationToken stop)
    {
        _stream = stream;
        _options = options;
        _mapper = mapper;
        _prefix = prefix;
        _mappingSlots = new SemaphoreSlim(maxDegreeOfParallelism - 1, maxDegreeOfParallelism - 1);
        _chunks = chunks;
        _stop = stop;
    }

    /// <summary>Rents the buffer the object's first bytes are read into.</summary>
    /// <returns>A pooled buffer of at least one chunk.</returns>
    public static byte[] RentBuffer() => ArrayPool<byte>.Shared.Rent(ChunkBytes);

    /// <summary>Doubles a pooled buffer, keeping its first <paramref name="filled"/> bytes.</summary>
    /// <param name="buffer">The buffer, returned to the pool.</param>
    /// <param name="filled">The bytes in use.</param>
    /// <returns>The larger buffer.</returns>
    public static byte[] Grow(byte[] buffer, int filled)
    {
        byte[] larger = ArrayPool<byte>.Shared.Rent(checked(buffer.Length * 2));
        buffer.AsSpan(0, filled).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }

    /// <summary>
    /// Reads the rest of the object and hands over its chunks, then completes the channel. Runs on a thread of its own.
    /// </summary>
    /// <param name="buffer">The pooled buffer holding the object's first bytes (taken over).</param>
    /// <param name="filled">How many bytes it holds.</param>
    /// <param name="endOfObject">Whether they are all the object's bytes.</param>
    /// <returns>The error reading the object, thrown after the chunks before it; or null.</returns>
    public Exception? Run(byte[] buffer, int filled, bool endOfObject)
    {
        byte[]? pending = buffer;
        Exception? error = null;
        int index = 0;
        long offset = 0;
        int prefixLength = 0;
        try
        {
            while (true)
            {
                while (!endOfObject && filled < pending.Length)
                {
                    _stop.ThrowIfCancellationRequested();
                    int read = _stream.Read(pending, filled, pending.Length - filled);
                    endOfObject = read == 0;
                    filled += read;
                }

                if (endOfObject && index > 0 && filled == prefixLength)
                {
                    return null;
                }

                if (endOfObject)
                {
                    CsvChunk<T> last = new(index, pending, prefixLength, filled, offset, lineBreaks: 0);
                    pending = null;
                    Hand(last);
                    return null;
                }

                int end = CsvRecordBoundaries.FindLastRecordEnd(pending.AsSpan(prefixLength, filled - prefixLength), out long lineBreaks);
                if (end == 0)
                {
                    // One record longer than the buffer: read on until it ends, as a reader of the whole object would.
                    pending = Grow(pending, filled);
                    continue;
                }

                int chunkEnd = prefixLength + end;
                int carried = filled - chunkEnd;
                byte[] next = ArrayPool<byte>.Shared.Rent(Math.Max(ChunkBytes, 2 * (_prefix.Length + carried)));
                _prefix.CopyTo(next, 0);
                pending.AsSpan(chunkEnd, carried).CopyTo(next.AsSpan(_prefix.Length));

                CsvChunk<T> chunk = new(index++, pending, prefixLength, chunkEnd, offset, lineBreaks);
                pending = next;
                offset += end;
                prefixLength = _prefix.Length;
                filled = prefixLength + carried;
                Hand(chunk);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Nobody reads the chunks anymore.
        }
        catch (Exception exception)
        {
            // A read that fails (a broken connection, corrupt compressed data): the whole records read before it
            // still come first, as from a reader of the whole object.
            error = exception;
            if (pending is not null && filled > prefixLength)
            {
                int end = CsvRecordBoundaries.FindLastRecordEnd(pending.AsSpan(prefixLength, filled - prefixLength), out long lineBreaks);
                if (end > 0)
                {
                    CsvChunk<T> complete = new(index, pending, prefixLength, prefixLength + end, offset, lineBreaks);
                    pending = null;
                    try
                    {
                        Hand(complete);
                    }
                    catch (OperationCanceledException) when (_stop.IsCancellationRequested)
                    {
                        // Nobody reads the chunks anymore.
                    }
                }
            }
        }
        finally
        {
            if (pending is not null)
            {
                ArrayPool<byte>.Shared.Return(pending);
            }

            _chunks.TryComplete();
        }

        return error;
    }

    private void Hand(CsvChunk<T> chunk)
    {
        try
        {
            if (!_chunks.TryWrite(chunk))
            {
                _chunks.WriteAsync(chunk, _stop).AsTask().GetAwaiter().GetResult();
            }
        }
        catch
        {
            chunk.Release();
            throw;
        }

        // The chunk is in the channel now: the reader releases it, once it is mapped or given up.
        try
        {
            _mappingSlots.Wait(_stop);
        }
        catch
        {
            chunk.GiveUp();
            throw;
        }

        ThreadPool.UnsafeQueueUserWorkItem(static work => work.Producer.Map(work.Chunk), (Producer: this, Chunk: chunk), preferLocal: false);
    }

    /// <summary>Maps a chunk on the calling thread unless a worker has claimed it.</summary>
    /// <param name="chunk">The chunk.</param>
    /// <returns>Whether the chunk was mapped here; if not, wait for <see cref="CsvChunk{T}.Mapped"/>.</returns>
    public bool TryMapHere(CsvChunk<T> chunk)
    {
        if (!chunk.TryClaim())
        {
            return false;
        }

        MapClaimed(chunk);
        return true;
    }

    private void Map(CsvChunk<T> chunk)
    {
        try
        {
            if (chunk.TryClaim())
            {
                MapClaimed(chunk);
            }
        }
        finally
        {
            _mappingSlots.Release();
        }
    }

    private void MapClaimed(CsvChunk<T> chunk)
    {
        chunk.Map(_options, _mapper, Volatile.Read(ref _expectedRecords), _stop);

        // Most chunks hold about as many records as the last one: size the next array for that.
        Volatile.Write(ref _expectedRecords, chunk.Count + (chunk.Count >> 3));
    }
}
