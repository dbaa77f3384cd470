using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;

namespace Typed.S3.Codecs;

/// <summary>
/// The read loop the JSON and JSON Lines codecs share: the stream opened as UTF-8 text, a window over it, bad records
/// counted against the budget, statistics when asked for. What a record is in the window is the format's
/// <see cref="IJsonFraming"/>.
/// </summary>
internal static class JsonRead
{
    /// <summary>The records of a stream, its arguments checked now (not at the first record).</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <typeparam name="TFraming">The format; a struct, so that the loop is compiled for it.</typeparam>
    /// <param name="stream">The bytes; left open.</param>
    /// <param name="objectName">The object or stream name, for error messages.</param>
    /// <param name="recordReader">The generated record reader.</param>
    /// <param name="options">How to read.</param>
    /// <param name="framing">The format's state before the first step; each read starts from a copy.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The records, in the stream's order.</returns>
    public static IAsyncEnumerable<T> ReadAsync<T, TFraming>(
        Stream stream,
        string objectName,
        JsonRecordReader<T> recordReader,
        DatasetReadOptions options,
        TFraming framing,
        CancellationToken cancellationToken)
        where TFraming : struct, IJsonFraming
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(objectName);
        ArgumentNullException.ThrowIfNull(recordReader);
        ArgumentNullException.ThrowIfNull(options);
        return CountedReads.CountsItself(options)
            ? CountedReads.ReadAsync(stream, objectName, options, (counted, objectOptions) => ReadCoreAsync(counted, objectName, recordReader, objectOptions, framing, cancellationToken), cancellationToken)
            : ReadCoreAsync(stream, objectName, recordReader, options, framing, cancellationToken);
    }

    private static async IAsyncEnumerable<T> ReadCoreAsync<T, TFraming>(
        Stream source,
        string objectName,
        JsonRecordReader<T> recordReader,
        DatasetReadOptions options,
        TFraming framing,
        [EnumeratorCancellation] CancellationToken cancellationToken)
        where TFraming : struct, IJsonFraming
    {
        // UTF-16 (with its BOM) is read as UTF-8, as by the CSV readers.
        Stream stream = (await TextInput.OpenAsync(source, objectName, options.InvalidUtf8, cancellationToken).ConfigureAwait(false)).Stream;
        using var input = new JsonInputBuffer(stream);
        var context = new JsonReadContext(objectName, input, options.InvalidUtf8 == InvalidUtf8Handling.Replace);
        BadRecordBudget? budget = options.SkipsBadRecords ? options.Budget ?? new BadRecordBudget() : null;
        await input.StartAsync(cancellationToken).ConfigureAwait(false);
        while (true)
        {
            // framing is a field of this iterator: each step updates it in place.
            switch (Next(ref framing, input, context, recordReader, budget is not null, out T record, out DatasetFormatException? bad))
            {
                case JsonInput.Step.Record:
                    yield return record;
                    break;
                case JsonInput.Step.Continue when bad is not null:
                    // A bad record whose JSON is whole (an array element, a line): counted and left out, and the next one read.
                    budget!.Skip(bad, options);
                    break;
                case JsonInput.Step.NeedMore:
                    if (!await input.FillAsync(cancellationToken).ConfigureAwait(false))
                    {
                        throw context.Error(input.Data.Length, 0, framing.EndsTooEarly);
                    }

                    break;
                case JsonInput.Step.Done:
                    yield break;
            }
        }
    }

    // The format's step as a direct call. Through the interface, the loop's code (shared by all record types that are
    // classes) would reach the step by a lookup and an instantiating stub on every record; typeof of a struct type
    // argument is a constant where the loop is compiled, so only the matching branch is left of this method.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static JsonInput.Step Next<T, TFraming>(
        ref TFraming framing, JsonInputBuffer input, JsonReadContext context, JsonRecordReader<T> recordReader, bool skipping, out T record, out DatasetFormatException? bad)
        where TFraming : struct, IJsonFraming
    {
        if (typeof(TFraming) == typeof(JsonCodec.ArrayFraming))
        {
            return Unsafe.As<TFraming, JsonCodec.ArrayFraming>(ref framing).Next(input, context, recordReader, skipping, out record, out bad);
        }

        if (typeof(TFraming) == typeof(JsonLinesCodec.LinesFraming))
        {
            return Unsafe.As<TFraming, JsonLinesCodec.LinesFraming>(ref framing).Next(input, context, recordReader, skipping, out record, out bad);
        }

        return framing.Next(input, context, recordReader, skipping, out record, out bad);
    }
}
