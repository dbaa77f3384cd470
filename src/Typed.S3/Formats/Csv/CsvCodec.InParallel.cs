using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using CsvHelper;

namespace Typed.S3.Codecs;

/// <content>Reading with the records mapped on several threads.</content>
public static partial class CsvCodec
{
    /// <summary>
    /// Reads the records of a CSV stream, mapping them to records on <paramref name="maxDegreeOfParallelism"/>
    /// threads: a reader on the thread pool reads the bytes and cuts them into chunks of whole records (which takes
    /// little: it looks only at quotes and line breaks), and the mapping threads (thread-pool workers, and the thread reading
    /// the sequence when it would otherwise wait) tokenize and map a chunk each. The records come in file order and
    /// errors are the same as
    /// <see cref="ReadAsync{T}(Stream, string, CsvFormat, Func{CsvReader, string, CsvRecordMapper{T}}, CancellationToken)"/>'s,
    /// after the records before them. No thread blocks on the stream: it is read asynchronously.
    /// </summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="stream">The CSV bytes (UTF-8, a UTF-8 BOM is skipped); left open.</param>
    /// <param name="objectName">The object (<c>s3://bucket/key</c>) or stream name, for error messages.</param>
    /// <param name="format">The dialect.</param>
    /// <param name="createMapper">Creates the generated mapper for the object's header; the mapper must be safe to call from several threads.</param>
    /// <param name="maxDegreeOfParallelism">The number of mapping threads (the sequence's reader included), or −1 for one per processor; 1 reads as <c>ReadAsync</c> does.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The records, in file order.</returns>
    /// <exception cref="DatasetFormatException">Malformed CSV, a missing required column, a ragged row or a value of the wrong type.</exception>
    public static IAsyncEnumerable<T> ReadInParallelAsync<T>(
        Stream stream,
        string objectName,
        CsvFormat format,
        Func<CsvReader, string, CsvRecordMapper<T>> createMapper,
        int maxDegreeOfParallelism,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(objectName);
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(createMapper);
        if (maxDegreeOfParallelism == 0 || maxDegreeOfParallelism < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism, "Use 1 or more threads, or -1 for one per processor.");
        }

        return ReadAsync(stream, objectName, format, createMapper, new DatasetReadOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, cancellationToken);
    }

    private static async IAsyncEnumerable<T> ReadInParallelCoreAsync<T>(
        Stream source,
        string objectName,
        CsvFormat format,
        Func<CsvReader, string, CsvRecordMapper<T>> createMapper,
        DatasetReadOptions options,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        int maxDegreeOfParallelism = options.Threads;
        InvalidUtf8Handling invalidUtf8 = options.InvalidUtf8;
        BadRecordBudget? budget = options.SkipsBadRecords ? options.Budget ?? new BadRecordBudget() : null;
        CsvReaderOptions readerOptions = format.ReaderOptions;
        // UTF-16 is transcoded here as on one thread, before records are cut: the chunks are UTF-8 either way.
        TextStart start = await TextInput.OpenAsync(source, objectName, invalidUtf8, cancellationToken).ConfigureAwait(false);
        Stream stream = start.Stream;

        // The first record (header, or first row) binds the mapper; every chunk after the first starts with a copy of it.
        byte[] buffer = CsvChunkProducer<T>.RentBuffer();
        int filled = 0;
        bool endOfObject = false;
        int prefixLength;
        long prefixLineBreaks;
        CsvRecordMapper<T>? mapper;
        try
        {
            while (true)
            {
                prefixLength = CsvRecordBoundaries.FindEnd(buffer.AsSpan(0, filled), (byte)format.Delimiter, stopAfterFirstRecord: true, out prefixLineBreaks);
                if (prefixLength > 0 || endOfObject)
                {
                    break;
                }

                if (filled == buffer.Length)
                {
                    buffer = CsvChunkProducer<T>.Grow(buffer, filled);
                }

                int read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
                endOfObject = read == 0;
                filled += read;
            }

            if (prefixLength == 0)
            {
                prefixLength = filled;
            }

            CsvReader headerReader = CsvReader.Create(new ReadOnlyMemory<byte>(buffer, 0, prefixLength), CsvProblems.Watch(readerOptions, out CsvProblems problems));
            await using (headerReader.ConfigureAwait(false))
            {
                ReadOnlyMemory<byte> head = start.Head.IsEmpty ? ReadOnlyMemory<byte>.Empty : new ReadOnlyMemory<byte>(buffer, 0, prefixLength);
                mapper = await StartReadingAsync(headerReader, problems, objectName, format, createMapper, head, invalidUtf8, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }

        if (mapper is null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            yield break;
        }

        Channel<CsvChunk<T>> chunks = Channel.CreateBounded<CsvChunk<T>>(
            new BoundedChannelOptions(2 * maxDegreeOfParallelism) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = new CsvChunkProducer<T>(
            stream, readerOptions, mapper, buffer.AsSpan(0, prefixLength).ToArray(), maxDegreeOfParallelism, chunks.Writer, stop.Token, objectName, budget is not null);

        Task<Exception?> reading = Task.Run(() => producer.RunAsync(buffer, filled, endOfObject), CancellationToken.None);
        Task mapping = producer.StartWorkers();
        var position = new ChunkPosition(format.HasHeader, prefixLineBreaks);
        CsvChunk<T>? current = null;
        try
        {
            while (true)
            {
                if (!chunks.Reader.TryRead(out current))
                {
                    if (!await chunks.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        break;
                    }

                    continue;
                }

                if (!producer.TryMapHere(current))
                {
                    // A worker maps this one: rather than wait, map the ones after it that nobody has claimed yet.
                    while (!current.Mapped.IsCompleted && producer.TryMapNextUnclaimed())
                    {
                    }

                    await current.Mapped.ConfigureAwait(false);
                }

                // A chunk is cut short or given up only when reading is cancelled: never hand it out as whole.
                cancellationToken.ThrowIfCancellationRequested();
                T[] records = current.Records;
                List<(int Before, DatasetFormatException Error)>? skipped = current.Skipped;
                int nextSkipped = 0;
                for (int i = 0; i < current.Count; i++)
                {
                    cancellationToken.ThrowIfCancellationRequested();

                    // The bad records before this one, in file order, where the object's reader would meet them.
                    while (skipped is not null && nextSkipped < skipped.Count && skipped[nextSkipped].Before == i)
                    {
                        budget!.Skip((DatasetFormatException)position.Relocate(skipped[nextSkipped++].Error, current, objectName), options);
                    }

                    yield return records[i];
                }

                while (skipped is not null && nextSkipped < skipped.Count)
                {
                    budget!.Skip((DatasetFormatException)position.Relocate(skipped[nextSkipped++].Error, current, objectName), options);
                }

                if (current.Error is not null)
                {
                    throw position.Relocate(current.Error, current, objectName);
                }

                position.Advance(current);
                current.Release();
                current = null;
            }
        }
        finally
        {
            // The end, an error, an early break or a cancellation: stop reading and mapping before the stream goes
            // away, and give every pooled buffer back.
            await stop.CancelAsync().ConfigureAwait(false);
            await reading.ConfigureAwait(false);
            await mapping.ConfigureAwait(false);
            while (current is not null || chunks.Reader.TryRead(out current))
            {
                current.GiveUp();
                await current.Mapped.ConfigureAwait(false);
                current.Release();
                current = null;
            }
        }

        Exception? error = await reading.ConfigureAwait(false);
        if (error is not null)
        {
            ExceptionDispatchInfo.Throw(error);
        }
    }

    // Where a chunk's records are in the object: a chunk's reader numbers lines, records and bytes from the start of
    // the chunk (and its copy of the first record), so its errors, made from that reader's state, are moved to where
    // they are in the object by the counts of the chunks before it (numbers, never message text).
    private struct ChunkPosition(bool hasHeader, long prefixLineBreaks)
    {
        private long _lineBreaks;
        private long _rows;

        public void Advance<T>(CsvChunk<T> chunk)
        {
            _lineBreaks += chunk.LineBreaks;
            _rows += chunk.Rows;
        }

        public readonly Exception Relocate<T>(Exception error, CsvChunk<T> chunk, string objectName)
        {
            long lineShift = chunk.Index == 0 ? 0 : _lineBreaks - prefixLineBreaks;

            // Without a header, the copy of the first row is the chunk reader's row (and record) 1.
            long rowShift = chunk.Index == 0 ? 0 : _rows - (hasHeader ? 0 : 1);
            if (error is CsvFormatException unreadable)
            {
                error = CsvProblems.Unreadable(unreadable, objectName, hasHeader);
            }

            switch (error)
            {
                case DatasetFormatException bad:
                    return new DatasetFormatException(
                        bad.ObjectName,
                        bad.Line > 0 ? bad.Line + lineShift : 0,
                        bad.Row > 0 ? bad.Row + rowShift : 0,
                        bad.ByteOffset >= 0 ? bad.ByteOffset + chunk.Offset - chunk.PrefixLength : -1,
                        bad.Column,
                        bad.ExpectedType,
                        bad.Value,
                        bad.Problem,
                        bad.InnerException) { RecordText = bad.RecordText };
                default:
                    ExceptionDispatchInfo.Throw(error);
                    return error;
            }
        }
    }
}
