using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.IO;
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
        CancellationToken cancellationToken = default) =>
        JsonRead.ReadAsync(stream, objectName, recordReader, options, new ArrayFraming(), cancellationToken);

    /// <summary>Writes records as one JSON array of objects, compact (no indentation), null values as <c>null</c>.</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="stream">The destination; left open.</param>
    /// <param name="rows">The records; none may be <see langword="null"/>.</param>
    /// <param name="recordWriter">The generated record writer.</param>
    /// <param name="cancellationToken">Cancels writing.</param>
    /// <returns>The number of records written.</returns>
    public static Task<long> WriteAsync<T>(Stream stream, IAsyncEnumerable<T> rows, JsonRecordWriter<T> recordWriter, CancellationToken cancellationToken = default) =>
        JsonOutput.WriteAsync(stream, rows, recordWriter, lines: false, cancellationToken);

    /// <summary>Writes records as one JSON array of objects. See <see cref="WriteAsync{T}(Stream, IAsyncEnumerable{T}, JsonRecordWriter{T}, CancellationToken)"/>.</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="stream">The destination; left open.</param>
    /// <param name="rows">The records; none may be <see langword="null"/>.</param>
    /// <param name="recordWriter">The generated record writer.</param>
    /// <param name="cancellationToken">Cancels writing.</param>
    /// <returns>The number of records written.</returns>
    public static Task<long> WriteAsync<T>(Stream stream, IEnumerable<T> rows, JsonRecordWriter<T> recordWriter, CancellationToken cancellationToken = default) =>
        JsonOutput.WriteAsync(stream, rows, recordWriter, lines: false, cancellationToken);

    // One JSON array of objects: the reader's state between windows, where in the array the read is, and a bad element
    // still to be skipped.
    internal struct ArrayFraming : IJsonFraming
    {
        private JsonReaderState _state;
        private Phase _phase;
        private DatasetFormatException? _pending;

        public ArrayFraming()
        {
            _state = new JsonReaderState(JsonInput.ReaderOptions);
            _phase = Phase.Start;
            _pending = null;
        }

        public readonly string EndsTooEarly => "the JSON ends before the top-level array is closed";

        // One step over the window: the array's start, one record, the array's end or what follows it; when skipping bad
        // records, a bad element's error once the element is skipped.
        public JsonInput.Step Next<T>(JsonInputBuffer input, JsonReadContext context, JsonRecordReader<T> recordReader, bool skipping, out T record, out DatasetFormatException? bad)
        {
            record = default!;
            bad = null;
            ReadOnlySpan<byte> data = input.Data;
            context.ReaderOffset = input.Start;
            if (_pending is not null)
            {
                return SkipElement(input, context, out bad);
            }

            if (_phase == Phase.AfterArray)
            {
                int extra = data.IndexOfAnyExcept(JsonInput.Whitespace);
                if (extra >= 0)
                {
                    throw context.Error(extra, 0, "unexpected data after the top-level array: '" + JsonReadContext.Snippet(data.Slice(extra)) + "'");
                }

                input.Consume(data.Length);
                return input.IsFinal ? JsonInput.Step.Done : JsonInput.Step.NeedMore;
            }

            if (_phase == Phase.Start && input.IsFinal && data.IndexOfAnyExcept(JsonInput.Whitespace) < 0)
            {
                return JsonInput.Step.Done;
            }

            var reader = new Utf8JsonReader(data, input.IsFinal, _state);
            bool inRecord = false;
            try
            {
                if (!reader.Read())
                {
                    return JsonInput.Step.NeedMore;
                }

                if (_phase == Phase.Start)
                {
                    if (reader.TokenType != JsonTokenType.StartArray)
                    {
                        throw context.Error(reader.TokenStartIndex, 0, "the top-level JSON value is " + JsonReadContext.Describe(reader.TokenType) + ", not an array of objects");
                    }

                    _phase = Phase.InArray;
                }
                else if (reader.TokenType == JsonTokenType.EndArray)
                {
                    _phase = Phase.AfterArray;
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
                        _pending = exception;
                        return JsonInput.Step.Continue;
                    }

                    context.RecordsRead++;
                    input.Consume((int)reader.BytesConsumed);
                    _state = reader.CurrentState;
                    return JsonInput.Step.Record;
                }

                input.Consume((int)reader.BytesConsumed);
                _state = reader.CurrentState;
                return JsonInput.Step.Continue;
            }
            catch (JsonException exception)
            {
                throw context.SyntaxError(exception, (exception.LineNumber ?? 0) + 1, inRecord ? context.Row : 0);
            }
        }

        // Skips the bad element the window starts with (the reader's state is from before it), once the window holds all
        // of it; JSON that is broken inside it cannot be skipped (where it ends is unknown) and fails the read.
        private JsonInput.Step SkipElement(JsonInputBuffer input, JsonReadContext context, out DatasetFormatException? bad)
        {
            bad = null;
            ReadOnlySpan<byte> data = input.Data;
            var reader = new Utf8JsonReader(data, input.IsFinal, _state);
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
                _pending!.RecordText = Utf8Text.ForRecord(data.Slice(start, end - start));
                input.Consume(end);
                _state = reader.CurrentState;
                context.RecordsRead++;
                (bad, _pending) = (_pending, null);
                return JsonInput.Step.Continue;
            }
            catch (JsonException exception)
            {
                throw context.SyntaxError(exception, (exception.LineNumber ?? 0) + 1, context.Row);
            }
        }
    }
}
