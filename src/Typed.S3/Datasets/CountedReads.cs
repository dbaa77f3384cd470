using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace Typed.S3;

/// <summary>
/// A stream-level read (a codec's <c>Read…Async(stream, name, options)</c>, not a dataset read, whose reader counts
/// each object itself) with <see cref="DatasetReadOptions.Statistics"/>: the stream counted as one object, its bytes,
/// records and skipped records.
/// </summary>
internal static class CountedReads
{
    /// <summary>Whether a read with these options must count itself: statistics asked for, and no dataset reader counting.</summary>
    /// <param name="options">The read's options.</param>
    /// <returns>Whether to use <see cref="ReadAsync{T}"/>.</returns>
    public static bool CountsItself(DatasetReadOptions options) => options.Statistics is not null && options.ObjectCounts is null;

    /// <summary>Reads a stream as one counted object.</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="stream">The stream; left open.</param>
    /// <param name="objectName">The stream's name.</param>
    /// <param name="options">The read's options, with statistics.</param>
    /// <param name="read">Reads the counting stream with the object's options.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    public static async IAsyncEnumerable<T> ReadAsync<T>(
        Stream stream,
        string objectName,
        DatasetReadOptions options,
        Func<Stream, DatasetReadOptions, IAsyncEnumerable<T>> read,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ObjectReadStatistics counts = options.Statistics!.Begin(objectName);
        var counted = new CountingReadStream(stream, counts, leaveOpen: true);
        await using (counted.ConfigureAwait(false))
        {
            await foreach (T record in read(counted, options.ForObject(options.Budget ?? new BadRecordBudget(), counts)).WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                counts.AddRecord();
                yield return record;
            }

            counts.Complete();
        }
    }
}
