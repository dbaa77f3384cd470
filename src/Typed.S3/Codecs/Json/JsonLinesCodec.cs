using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Typed.S3.Codecs;

/// <summary>
/// Reads and writes records of one type as JSON Lines (NDJSON) over a stream: one object a line, through a
/// generated record reader and writer. Blank lines are skipped; a line that is not exactly one object is an
/// error naming its line.
/// </summary>
/// <remarks>For generated code only: not a supported API, hidden from IntelliSense, and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonLinesCodec
{
    /// <summary>Reads the records of a JSON Lines stream.</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="stream">The bytes (UTF-8, a UTF-8 BOM is skipped; <c>\n</c> or <c>\r\n</c> line ends); left open.</param>
    /// <param name="objectName">The object (<c>s3://bucket/key</c>) or stream name, for error messages.</param>
    /// <param name="recordReader">The generated record reader.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The records, in line order.</returns>
    /// <exception cref="DatasetFormatException">
    /// A line that is not one complete JSON object (malformed, truncated, another value, or data after the object),
    /// or an object that does not match the schema.
    /// </exception>
    public static IAsyncEnumerable<T> ReadAsync<T>(
        Stream stream,
        string objectName,
        JsonRecordReader<T> recordReader,
        CancellationToken cancellationToken = default) =>
        ReadAsync(stream, objectName, recordReader, DatasetReadOptions.Default, cancellationToken);

    /// <summary>Reads the records of a JSON Lines stream.</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="stream">The bytes (UTF-8, a UTF-8 BOM is skipped; <c>\n</c> or <c>\r\n</c> line ends); left open.</param>
    /// <param name="objectName">The object (<c>s3://bucket/key</c>) or stream name, for error messages.</param>
    /// <param name="recordReader">The generated record reader.</param>
    /// <param name="options">How to read: <see cref="DatasetReadOptions.InvalidUtf8"/> says what invalid UTF-8 in strings does.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The records, in line order.</returns>
    /// <exception cref="DatasetFormatException">
    /// A line that is not one complete JSON object (malformed, truncated, another value, or data after the object),
    /// or an object that does not match the schema.
    /// </exception>
    public static IAsyncEnumerable<T> ReadAsync<T>(
        Stream stream,
        string objectName,
        JsonRecordReader<T> recordReader,
        DatasetReadOptions options,
        CancellationToken cancellationToken = default) =>
        JsonRead.ReadAsync(stream, objectName, recordReader, options, new LinesFraming(), cancellationToken);

    /// <summary>Writes records as JSON Lines: one compact object and <c>\n</c> a record, null values as <c>null</c>.</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="stream">The destination; left open.</param>
    /// <param name="rows">The records; none may be <see langword="null"/>.</param>
    /// <param name="recordWriter">The generated record writer.</param>
    /// <param name="cancellationToken">Cancels writing.</param>
    /// <returns>The number of records written.</returns>
    public static Task<long> WriteAsync<T>(Stream stream, IAsyncEnumerable<T> rows, JsonRecordWriter<T> recordWriter, CancellationToken cancellationToken = default) =>
        JsonOutput.WriteAsync(stream, rows, recordWriter, lines: true, cancellationToken);

    /// <summary>Writes records as JSON Lines. See <see cref="WriteAsync{T}(Stream, IAsyncEnumerable{T}, JsonRecordWriter{T}, CancellationToken)"/>.</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="stream">The destination; left open.</param>
    /// <param name="rows">The records; none may be <see langword="null"/>.</param>
    /// <param name="recordWriter">The generated record writer.</param>
    /// <param name="cancellationToken">Cancels writing.</param>
    /// <returns>The number of records written.</returns>
    public static Task<long> WriteAsync<T>(Stream stream, IEnumerable<T> rows, JsonRecordWriter<T> recordWriter, CancellationToken cancellationToken = default) =>
        JsonOutput.WriteAsync(stream, rows, recordWriter, lines: true, cancellationToken);

    // One object a line: the number of the last line read.
    internal struct LinesFraming : IJsonFraming
    {
        private long _line;

        // Never shown: a step asks for more only while the stream goes on (the last line needs no line end).
        public readonly string EndsTooEarly => "the data ends inside a line";

        // One step: a whole line from the window (a record, nothing for a blank line, or, when skipping bad records, a bad
        // line's error), or a request for more data.
        public JsonInput.Step Next<T>(JsonInputBuffer input, JsonReadContext context, JsonRecordReader<T> recordReader, bool skipping, out T record, out DatasetFormatException? bad)
        {
            record = default!;
            bad = null;
            ReadOnlySpan<byte> data = input.Data;
            if (data.IsEmpty)
            {
                return input.IsFinal ? JsonInput.Step.Done : JsonInput.Step.NeedMore;
            }

            int end = data.IndexOf((byte)'\n');
            if (end < 0 && !input.IsFinal)
            {
                return JsonInput.Step.NeedMore;
            }

            ReadOnlySpan<byte> text = end < 0 ? data : data.Slice(0, end);
            context.ReaderOffset = input.Start;
            input.Consume(end < 0 ? data.Length : end + 1);
            _line++;
            if (text.IndexOfAnyExcept(JsonInput.Whitespace) < 0)
            {
                return JsonInput.Step.Continue;
            }

            context.FixedLine = _line;
            context.Row = context.RecordsRead + 1;
            if (!skipping)
            {
                record = ReadLine(text, context, recordReader, _line);
                context.RecordsRead++;
                return JsonInput.Step.Record;
            }

            // Every non-blank line is a row, bad ones too, so that the rows after a bad one keep their numbers.
            context.RecordsRead++;
            try
            {
                record = ReadLine(text, context, recordReader, _line);
                return JsonInput.Step.Record;
            }
            catch (DatasetFormatException exception)
            {
                exception.RecordText = Utf8Text.ForRecord(text);
                bad = exception;
                return JsonInput.Step.Continue;
            }
        }

        // The record of one non-blank line.
        private static T ReadLine<T>(ReadOnlySpan<byte> text, JsonReadContext context, JsonRecordReader<T> recordReader, long line)
        {
            T record;
            var reader = new Utf8JsonReader(text, isFinalBlock: true, new JsonReaderState(JsonInput.ReaderOptions));
            try
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    throw context.Error(0, context.Row, "the line is " + JsonReadContext.Describe(reader.TokenType) + ", not a JSON object");
                }

                context.RecordStart = reader.TokenStartIndex;
                if (!recordReader.TryRead(ref reader, context, out record))
                {
                    throw context.Error(0, context.Row, "the line ends before its JSON object does");
                }
            }
            catch (JsonException exception)
            {
                throw context.SyntaxError(exception, line, context.Row);
            }

            ReadOnlySpan<byte> rest = text.Slice((int)reader.BytesConsumed);
            int extra = rest.IndexOfAnyExcept(JsonInput.Whitespace);
            if (extra >= 0)
            {
                throw context.Error(0, context.Row, "unexpected data after the line's JSON object: '" + JsonReadContext.Snippet(rest.Slice(extra)) + "'");
            }

            return record;
        }
    }
}
