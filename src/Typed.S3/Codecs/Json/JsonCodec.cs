using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Typed.S3.Codecs;

/// <summary>
/// Reads and writes records of one type as a JSON array of objects over a stream, through a generated record
/// reader and writer on <see cref="Utf8JsonReader"/> and <see cref="Utf8JsonWriter"/>. Reading streams: only a
/// window of the data is held (it grows for a record larger than it), never the whole object.
/// </summary>
/// <remarks>For generated code only: not a supported API, hidden from IntelliSense, and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonCodec
{
    private enum Phase
    {
        Start,
        InArray,
        AfterArray,
    }

    /// <summary>Reads the records of a stream holding one JSON array of objects.</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="stream">The JSON bytes (UTF-8, a UTF-8 BOM is skipped); left open. An empty stream holds no records.</param>
    /// <param name="objectName">The object (<c>s3://bucket/key</c>) or stream name, for error messages.</param>
    /// <param name="recordReader">The generated record reader.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The records, in array order.</returns>
    /// <exception cref="DatasetFormatException">
    /// Malformed or truncated JSON, a top-level value that is not an array, an element that is not an object,
    /// data after the array, or an object that does not match the schema.
    /// </exception>
    public static IAsyncEnumerable<T> ReadAsync<T>(
        Stream stream,
        string objectName,
        JsonRecordReader<T> recordReader,
        CancellationToken cancellationToken = default) =>
        ReadAsync(stream, objectName, recordReader, DatasetReadOptions.Default, cancellationToken);

    /// <summary>Reads the records of a stream holding one JSON array of objects.</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="stream">The JSON bytes (UTF-8, a UTF-8 BOM is skipped); left open. An empty stream holds no records.</param>
    /// <param name="objectName">The object (<c>s3://bucket/key</c>) or stream name, for error messages.</param>
    /// <param name="recordReader">The generated record reader.</param>
    /// <param name="options">How to read: <see cref="DatasetReadOptions.InvalidUtf8"/> says what invalid UTF-8 in strings does.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The records, in array order.</returns>
    /// <exception cref="DatasetFormatException">
    /// Malformed or truncated JSON, a top-level value that is not an array, an element that is not an object,
    /// data after the array, or an object that does not match the schema.
    /// </exception>
    public static IAsyncEnumerable<T> ReadAsync<T>(
        Stream stream,
        string objectName,
        JsonRecordReader<T> recordReader,
        DatasetReadOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(objectName);
        ArgumentNullException.ThrowIfNull(recordReader);
        ArgumentNullException.ThrowIfNull(options);
        return CountedReads.CountsItself(options)
            ? CountedReads.ReadAsync(stream, objectName, options, (counted, objectOptions) => ReadCoreAsync(counted, objectName, recordReader, objectOptions, cancellationToken), cancellationToken)
            : ReadCoreAsync(stream, objectName, recordReader, options, cancellationToken);
    }

    private static async IAsyncEnumerable<T> ReadCoreAsync<T>(
        Stream source,
        string objectName,
        JsonRecordReader<T> recordReader,
        DatasetReadOptions options,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // UTF-16 (with its BOM) is read as UTF-8, as by the CSV readers.
        Stream stream = (await TextInput.OpenAsync(source, objectName, options.InvalidUtf8, cancellationToken).ConfigureAwait(false)).Stream;
        using var input = new JsonInputBuffer(stream);
        var context = new JsonReadContext(objectName, input, options.InvalidUtf8 == InvalidUtf8Handling.Replace);
        BadRecordBudget? budget = options.SkipsBadRecords ? options.Budget ?? new BadRecordBudget() : null;
        await input.StartAsync(cancellationToken).ConfigureAwait(false);
        var state = new JsonReaderState(JsonInput.ReaderOptions);
        Phase phase = Phase.Start;
        DatasetFormatException? pending = null;
        while (true)
        {
            switch (Next(input, context, recordReader, ref state, ref phase, budget is not null, ref pending, out T record, out DatasetFormatException? bad))
            {
                case JsonInput.Step.Record:
                    yield return record;
                    break;
                case JsonInput.Step.Continue when bad is not null:
                    // A bad element whose JSON is whole: counted and left out, and the next element read.
                    budget!.Skip(bad, options);
                    break;
                case JsonInput.Step.NeedMore:
                    if (!await input.FillAsync(cancellationToken).ConfigureAwait(false))
                    {
                        throw context.Error(input.Data.Length, 0, "the JSON ends before the top-level array is closed");
                    }

                    break;
                case JsonInput.Step.Done:
                    yield break;
            }
        }
    }

    /// <summary>Writes records as one JSON array of objects, compact (no indentation), null values as <c>null</c>.</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="stream">The destination; left open.</param>
    /// <param name="rows">The records; none may be <see langword="null"/>.</param>
    /// <param name="recordWriter">The generated record writer.</param>
    /// <param name="cancellationToken">Cancels writing.</param>
    /// <returns>The number of records written.</returns>
    public static Task<long> WriteAsync<T>(Stream stream, IAsyncEnumerable<T> rows, JsonRecordWriter<T> recordWriter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(recordWriter);
        return JsonOutput.WriteAsync(stream, rows, recordWriter, lines: false, cancellationToken);
    }

    /// <summary>Writes records as one JSON array of objects. See <see cref="WriteAsync{T}(Stream, IAsyncEnumerable{T}, JsonRecordWriter{T}, CancellationToken)"/>.</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="stream">The destination; left open.</param>
    /// <param name="rows">The records; none may be <see langword="null"/>.</param>
    /// <param name="recordWriter">The generated record writer.</param>
    /// <param name="cancellationToken">Cancels writing.</param>
    /// <returns>The number of records written.</returns>
    public static Task<long> WriteAsync<T>(Stream stream, IEnumerable<T> rows, JsonRecordWriter<T> recordWriter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(recordWriter);
        return JsonOutput.WriteAsync(stream, rows, recordWriter, lines: false, cancellationToken);
    }

    // One step over the window: the array's start, one record, the array's end or what follows it; when skipping bad
    // records, a bad element's error once the element is skipped.
    private static JsonInput.Step Next<T>(
        JsonInputBuffer input,
        JsonReadContext context,
        JsonRecordReader<T> recordReader,
        ref JsonReaderState state,
        ref Phase phase,
        bool skipping,
        ref DatasetFormatException? pending,
        out T record,
        out DatasetFormatException? bad)
    {
        record = default!;
        bad = null;
        ReadOnlySpan<byte> data = input.Data;
        context.ReaderOffset = input.Start;
        if (pending is not null)
        {
            return SkipElement(input, context, ref state, ref pending, out bad);
        }

        if (phase == Phase.AfterArray)
        {
            int extra = data.IndexOfAnyExcept(JsonInput.Whitespace);
            if (extra >= 0)
            {
                throw context.Error(extra, 0, "unexpected data after the top-level array: '" + JsonReadContext.Snippet(data.Slice(extra)) + "'");
            }

            input.Consume(data.Length);
            return input.IsFinal ? JsonInput.Step.Done : JsonInput.Step.NeedMore;
        }

        if (phase == Phase.Start && input.IsFinal && data.IndexOfAnyExcept(JsonInput.Whitespace) < 0)
        {
            return JsonInput.Step.Done;
        }

        var reader = new Utf8JsonReader(data, input.IsFinal, state);
        bool inRecord = false;
        try
        {
            if (!reader.Read())
            {
                return JsonInput.Step.NeedMore;
            }

            if (phase == Phase.Start)
            {
                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    throw context.Error(reader.TokenStartIndex, 0, "the top-level JSON value is " + JsonReadContext.Describe(reader.TokenType) + ", not an array of objects");
                }

                phase = Phase.InArray;
            }
            else if (reader.TokenType == JsonTokenType.EndArray)
            {
                phase = Phase.AfterArray;
            }
            else
            {
                context.Row = context.RecordsRead + 1;
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    throw context.Error(reader.TokenStartIndex, context.Row, "the array element is " + JsonReadContext.Describe(reader.TokenType) + ", not an object");
                }

                context.RecordStart = reader.TokenStartIndex;
                inRecord = true;
                try
                {
                    if (!recordReader.TryRead(ref reader, context, out record))
                    {
                        return JsonInput.Step.NeedMore;
                    }
                }
                catch (DatasetFormatException exception) when (skipping)
                {
                    // The element is skipped from its start, in this window or once more of it is read.
                    pending = exception;
                    return JsonInput.Step.Continue;
                }

                context.RecordsRead++;
                input.Consume((int)reader.BytesConsumed);
                state = reader.CurrentState;
                return JsonInput.Step.Record;
            }

            input.Consume((int)reader.BytesConsumed);
            state = reader.CurrentState;
            return JsonInput.Step.Continue;
        }
        catch (JsonException exception)
        {
            throw context.SyntaxError(exception, (exception.LineNumber ?? 0) + 1, inRecord ? context.Row : 0);
        }
    }

    // Skips the bad element the window starts with (the reader's state is from before it), once the window holds all
    // of it; JSON that is broken inside it cannot be skipped (where it ends is unknown) and fails the read.
    private static JsonInput.Step SkipElement(JsonInputBuffer input, JsonReadContext context, ref JsonReaderState state, ref DatasetFormatException? pending, out DatasetFormatException? bad)
    {
        bad = null;
        ReadOnlySpan<byte> data = input.Data;
        var reader = new Utf8JsonReader(data, input.IsFinal, state);
        try
        {
            if (!reader.Read())
            {
                return JsonInput.Step.NeedMore;
            }

            int start = (int)reader.TokenStartIndex;
            if (!reader.TrySkip())
            {
                return JsonInput.Step.NeedMore;
            }

            int end = (int)reader.BytesConsumed;
            pending!.RecordText = Utf8Text.ForRecord(data.Slice(start, end - start));
            input.Consume(end);
            state = reader.CurrentState;
            context.RecordsRead++;
            (bad, pending) = (pending, null);
            return JsonInput.Step.Continue;
        }
        catch (JsonException exception)
        {
            throw context.SyntaxError(exception, (exception.LineNumber ?? 0) + 1, context.Row);
        }
    }
}
