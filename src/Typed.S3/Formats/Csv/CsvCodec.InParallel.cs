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
    // Records handed from the mapping threads to the reader of the sequence at a time, and how many such batches may
    // wait: enough to keep both sides busy, little enough that memory stays bounded whatever the object's size.
    private const int ParallelBatchRecords = 1024;
    private const int ParallelBatchesAhead = 4;

    /// <summary>
    /// Reads the records of a CSV stream, mapping them to records on <paramref name="maxDegreeOfParallelism"/>
    /// threads (CsvHelper's parallel enumeration: one thread reads and checks the bytes in order, the others map
    /// batches of records). The records come in file order and errors are the same as
    /// <see cref="ReadAsync{T}(Stream, string, CsvFormat, Func{CsvReader, string, CsvRecordMapper{T}}, CancellationToken)"/>'s,
    /// after the records before them. The stream is read synchronously on a thread of its own, so the caller's
    /// thread is never blocked.
    /// </summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="stream">The CSV bytes (UTF-8, a UTF-8 BOM is skipped); left open.</param>
    /// <param name="objectName">The object (<c>s3://bucket/key</c>) or stream name, for error messages.</param>
    /// <param name="format">The dialect.</param>
    /// <param name="createMapper">Creates the generated mapper for the object's header; the mapper must be safe to call from several threads.</param>
    /// <param name="maxDegreeOfParallelism">The number of mapping threads, or −1 for one per processor; 1 reads as <c>ReadAsync</c> does.</param>
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

        return maxDegreeOfParallelism == 1
            ? ReadAsync(stream, objectName, format, createMapper, cancellationToken)
            : ReadInParallelCoreAsync(stream, objectName, format, createMapper, maxDegreeOfParallelism, cancellationToken);
    }

    private static async IAsyncEnumerable<T> ReadInParallelCoreAsync<T>(
        Stream stream,
        string objectName,
        CsvFormat format,
        Func<CsvReader, string, CsvRecordMapper<T>> createMapper,
        int maxDegreeOfParallelism,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        CsvReader reader = CsvReader.Create(stream, format.ReaderOptions, leaveOpen: true);
        await using (reader.ConfigureAwait(false))
        {
            CsvRecordMapper<T>? mapper = await StartReadingAsync(reader, objectName, format, createMapper, cancellationToken).ConfigureAwait(false);
            if (mapper is null)
            {
                yield break;
            }

            Channel<ArraySegment<T>> batches = Channel.CreateBounded<ArraySegment<T>>(
                new BoundedChannelOptions(ParallelBatchesAhead) { SingleReader = true, SingleWriter = true });
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

            // CsvHelper's parallel enumeration blocks while it waits for input and workers: it runs on a thread of its
            // own and hands batches over, so an async caller's thread never blocks.
            Task<Exception?> producer = Task.Factory.StartNew(
                () => MapInParallel(reader, mapper, maxDegreeOfParallelism, batches.Writer, stop.Token),
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default);
            try
            {
                while (await batches.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    while (batches.Reader.TryRead(out ArraySegment<T> batch))
                    {
                        for (int i = 0; i < batch.Count; i++)
                        {
                            cancellationToken.ThrowIfCancellationRequested();
                            yield return batch.Array![i];
                        }

                        ArrayPool<T>.Shared.Return(batch.Array!, clearArray: true);
                    }
                }
            }
            finally
            {
                // The end, an error, an early break or a cancellation: stop the mapping threads before the reader and
                // the stream go away.
                await stop.CancelAsync().ConfigureAwait(false);
                await producer.ConfigureAwait(false);
            }

            Exception? error = await producer.ConfigureAwait(false);
            if (error is CsvFormatException malformed)
            {
                throw Translate(malformed, objectName);
            }

            if (error is not null)
            {
                ExceptionDispatchInfo.Throw(error);
            }
        }
    }

    // Runs on its own thread; returns the error that ended the enumeration (the reader of the sequence throws it
    // after the records before it), or null.
    private static Exception? MapInParallel<T>(
        CsvReader reader,
        CsvRecordMapper<T> mapper,
        int maxDegreeOfParallelism,
        ChannelWriter<ArraySegment<T>> batches,
        CancellationToken stop)
    {
        Exception? error = null;
        T[] batch = ArrayPool<T>.Shared.Rent(ParallelBatchRecords);
        int count = 0;
        try
        {
            foreach (T record in reader.ParallelEnumerate(mapper.Read, maxDegreeOfParallelism))
            {
                batch[count++] = record;
                if (count == batch.Length)
                {
                    Hand(batches, new ArraySegment<T>(batch, 0, count), stop);
                    batch = ArrayPool<T>.Shared.Rent(ParallelBatchRecords);
                    count = 0;
                }
            }

            if (count > 0)
            {
                Hand(batches, new ArraySegment<T>(batch, 0, count), stop);
                batch = Array.Empty<T>();
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The reader of the sequence stopped: nothing is waiting for more records.
        }
        catch (Exception exception)
        {
            error = exception;

            // The records before the error are read before it, as on one thread.
            if (count > 0 && TryHand(batches, new ArraySegment<T>(batch, 0, count), stop))
            {
                batch = Array.Empty<T>();
            }
        }

        if (batch.Length > 0)
        {
            ArrayPool<T>.Shared.Return(batch, clearArray: true);
        }

        batches.TryComplete();
        return error;
    }

    private static bool TryHand<T>(ChannelWriter<ArraySegment<T>> batches, ArraySegment<T> batch, CancellationToken stop)
    {
        try
        {
            Hand(batches, batch, stop);
            return true;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return false;
        }
    }

    private static void Hand<T>(ChannelWriter<ArraySegment<T>> batches, ArraySegment<T> batch, CancellationToken stop)
    {
        if (!batches.TryWrite(batch))
        {
            batches.WriteAsync(batch, stop).AsTask().GetAwaiter().GetResult();
        }
    }
}
