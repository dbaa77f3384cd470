using System;
using System.Buffers;
using System.IO;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using CsvHelper;

namespace Typed.S3.Codecs;

/// <summary>
/// Reads a CSV object, cuts it into chunks of whole records and hands the chunks over in order.
/// Mapping workers (one fewer than the degree of parallelism) take the chunks one after another as long as there are
/// any; the reader of the sequence maps the chunk it needs next if no worker has taken it, and later ones while that
/// one is still being mapped elsewhere, so it never waits idle and the workers never wait for it. Only the cutting is sequential: it looks at quotes and line breaks,
/// and leaves tokenizing to the mapping threads.
/// </summary>
/// <typeparam name="T">The record type.</typeparam>
internal sealed class CsvChunkProducer<T>
{
    // Big enough that a chunk's reader costs little next to its records, small enough that an object of a few MB
    // still spreads over every thread.
    private const int ChunkBytes = 256 * 1024;

    private readonly Stream _stream;
    private readonly CsvReaderOptions _options;
    private readonly CsvRecordMapperBase<T> _mapper;
    private readonly byte[] _prefix;
    private readonly int _workers;
    private readonly ChannelWriter<CsvChunk<T>> _chunks;

    // The same chunks in the same order, for whichever mapping thread is free first; unbounded because every chunk in
    // it is also in the bounded channel of chunks in order (or already out of it and being read).
    private readonly Channel<CsvChunk<T>> _toMap = Channel.CreateUnbounded<CsvChunk<T>>(
        new UnboundedChannelOptions { SingleWriter = true });
    private readonly CancellationToken _stop;
    private readonly string _objectName;
    private readonly bool _skipping;
    private int _expectedRecords;

    /// <summary>Creates the producer.</summary>
    /// <param name="stream">The object's bytes after the ones already read.</param>
    /// <param name="options">The dialect's reader options.</param>
    /// <param name="mapper">The object's mapper, bound to its header; safe to call from several threads.</param>
    /// <param name="prefix">The object's first record (its header, or its first row), with its line break.</param>
    /// <param name="maxDegreeOfParallelism">How many threads map chunks, the reader of the sequence included.</param>
    /// <param name="chunks">Where the chunks go, in order; bounded, so that memory stays bounded.</param>
    /// <param name="stop">Set when the chunks are no longer wanted.</param>
    /// <param name="objectName">The object's name, for the errors of bad records.</param>
    /// <param name="skipping">Whether the read skips bad records (chunks set them aside and go on).</param>
    public CsvChunkProducer(
        Stream stream,
        CsvReaderOptions options,
        CsvRecordMapperBase<T> mapper,
        byte[] prefix,
        int maxDegreeOfParallelism,
        ChannelWriter<CsvChunk<T>> chunks,
        CancellationToken stop,
        string objectName,
        bool skipping)
    {
        _objectName = objectName;
        _skipping = skipping;
        _stream = stream;
        _options = options;
        _mapper = mapper;
        _prefix = prefix;
        _workers = maxDegreeOfParallelism - 1;
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
    /// Reads the rest of the object and hands over its chunks, then completes the channel. Reads asynchronously, so
    /// that no thread waits on the network.
    /// </summary>
    /// <param name="buffer">The pooled buffer holding the object's first bytes (taken over).</param>
    /// <param name="filled">How many bytes it holds.</param>
    /// <param name="endOfObject">Whether they are all the object's bytes.</param>
    /// <returns>The error reading the object, thrown after the chunks before it; or null.</returns>
    public async Task<Exception?> RunAsync(byte[] buffer, int filled, bool endOfObject)
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
                    int read = await _stream.ReadAsync(pending.AsMemory(filled, pending.Length - filled), _stop).ConfigureAwait(false);
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
                    await HandAsync(last).ConfigureAwait(false);
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
                await HandAsync(chunk).ConfigureAwait(false);
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
                        await HandAsync(complete).ConfigureAwait(false);
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
            _toMap.Writer.TryComplete();
        }

        return error;
    }

    private async ValueTask HandAsync(CsvChunk<T> chunk)
    {
        try
        {
            if (!_chunks.TryWrite(chunk))
            {
                await _chunks.WriteAsync(chunk, _stop).ConfigureAwait(false);
            }
        }
        catch
        {
            chunk.Release();
            throw;
        }

        // The chunk is in the channel now: the reader releases it, once it is mapped or given up.
        _toMap.Writer.TryWrite(chunk);
    }

    /// <summary>Starts the mapping workers, one fewer than the degree of parallelism.</summary>
    /// <returns>Completes when every worker has stopped: no chunks are left, or they are no longer wanted.</returns>
    public Task StartWorkers()
    {
        var workers = new Task[_workers];
        for (int i = 0; i < workers.Length; i++)
        {
            workers[i] = Task.Run(MapChunksAsync, CancellationToken.None);
        }

        return Task.WhenAll(workers);
    }

    /// <summary>Maps a chunk on the calling thread unless a worker has claimed it.</summary>
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

    /// <summary>Maps, on the calling thread, the next chunk that no thread has claimed yet, if there is one.</summary>
    /// <returns>Whether a chunk was mapped.</returns>
    public bool TryMapNextUnclaimed()
    {
        while (_toMap.Reader.TryRead(out CsvChunk<T>? chunk))
        {
            if (chunk.TryClaim())
            {
                MapClaimed(chunk);
                return true;
            }
        }

        return false;
    }

    // A worker stays on its thread while there are chunks to map, so there is no hand-over per chunk.
    private async Task MapChunksAsync()
    {
        try
        {
            while (await _toMap.Reader.WaitToReadAsync(_stop).ConfigureAwait(false))
            {
                while (!_stop.IsCancellationRequested && TryMapNextUnclaimed())
                {
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Nobody reads the chunks anymore.
        }
    }

    private void MapClaimed(CsvChunk<T> chunk)
    {
        chunk.Map(_options, _mapper, Volatile.Read(ref _expectedRecords), _stop, _objectName, _skipping);

        // Most chunks hold about as many records as the last one: size the next array for that.
        Volatile.Write(ref _expectedRecords, chunk.Count + (chunk.Count >> 3));
    }
}
