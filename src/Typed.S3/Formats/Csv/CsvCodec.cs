using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using CsvHelper;

namespace Typed.S3.Codecs;

/// <summary>
/// Reads and writes records of one type as CSV over a stream, through a generated mapper and record writer.
/// CsvHelper tokenizes (SIMD, spans); the generated code maps fields to properties.
/// </summary>
public static partial class CsvCodec
{
    /// <summary>Reads the records of a CSV stream, failing on text that is not valid UTF-8.</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="stream">The CSV bytes (UTF-8, a UTF-8 BOM is skipped; UTF-16 with its BOM); left open.</param>
    /// <param name="objectName">The object (<c>s3://bucket/key</c>) or stream name, for error messages.</param>
    /// <param name="format">The dialect.</param>
    /// <param name="createMapper">Creates the generated mapper for the object's header.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The records, in file order.</returns>
    /// <exception cref="DatasetFormatException">Malformed CSV, a missing required column, a ragged row, invalid UTF-8 or a value of the wrong type.</exception>
    public static IAsyncEnumerable<T> ReadAsync<T>(
        Stream stream,
        string objectName,
        CsvFormat format,
        Func<CsvReader, string, CsvRecordMapper<T>> createMapper,
        CancellationToken cancellationToken = default) =>
        ReadAsync(stream, objectName, format, createMapper, DatasetReadOptions.Default, cancellationToken);

    /// <summary>
    /// Reads the records of a CSV stream as <paramref name="options"/> say: on one thread or several
    /// (<see cref="DatasetReadOptions.MaxDegreeOfParallelism"/>, see
    /// <see cref="ReadInParallelAsync{T}(Stream, string, CsvFormat, Func{CsvReader, string, CsvRecordMapper{T}}, int, CancellationToken)"/>),
    /// failing on invalid UTF-8 or reading it as U+FFFD (<see cref="DatasetReadOptions.InvalidUtf8"/>).
    /// </summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="stream">The CSV bytes (UTF-8, a UTF-8 BOM is skipped; UTF-16 with its BOM); left open.</param>
    /// <param name="objectName">The object (<c>s3://bucket/key</c>) or stream name, for error messages.</param>
    /// <param name="format">The dialect.</param>
    /// <param name="createMapper">Creates the generated mapper for the object's header; with several threads, it must be safe to call from them.</param>
    /// <param name="options">How to read.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The records, in file order.</returns>
    /// <exception cref="DatasetFormatException">Malformed CSV, a missing required column, a ragged row, invalid UTF-8 or a value of the wrong type.</exception>
    public static IAsyncEnumerable<T> ReadAsync<T>(
        Stream stream,
        string objectName,
        CsvFormat format,
        Func<CsvReader, string, CsvRecordMapper<T>> createMapper,
        DatasetReadOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(objectName);
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(createMapper);
        ArgumentNullException.ThrowIfNull(options);
        if (CountedReads.CountsItself(options))
        {
            return CountedReads.ReadAsync(stream, objectName, options, (counted, objectOptions) => ReadAsync(counted, objectName, format, createMapper, objectOptions, cancellationToken), cancellationToken);
        }

        return options.Threads == 1
            ? ReadOnOneThreadAsync(stream, objectName, format, createMapper, options, cancellationToken)
            : ReadInParallelCoreAsync(stream, objectName, format, createMapper, options, cancellationToken);
    }

    private static async IAsyncEnumerable<T> ReadOnOneThreadAsync<T>(
        Stream stream,
        string objectName,
        CsvFormat format,
        Func<CsvReader, string, CsvRecordMapper<T>> createMapper,
        DatasetReadOptions options,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        TextStart start = await TextInput.OpenAsync(stream, objectName, options.InvalidUtf8, cancellationToken).ConfigureAwait(false);
        BadRecordBudget? budget = options.SkipsBadRecords ? options.Budget ?? new BadRecordBudget() : null;
        CsvReader reader = CsvReader.Create(start.Stream, CsvProblems.Watch(format.ReaderOptions, out CsvProblems problems), leaveOpen: true);
        await using (reader.ConfigureAwait(false))
        {
            CsvRecordMapper<T>? mapper = await StartReadingAsync(reader, problems, objectName, format, createMapper, start.Head, options.InvalidUtf8, cancellationToken).ConfigureAwait(false);
            if (mapper is null)
            {
                yield break;
            }

            int fields = format.HasHeader ? reader.Headers.Count : -1;
            while (true)
            {
                bool hasRecord;
                try
                {
                    hasRecord = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (CsvFormatException exception)
                {
                    throw CsvProblems.Unreadable(exception, objectName, format.HasHeader);
                }

                // A malformed record fails the read when the reader reaches it, whatever the bad-record policy.
                problems.ThrowIfReached(hasRecord ? RecordsRead(reader, format.HasHeader) : long.MaxValue, objectName, format.HasHeader);
                if (!hasRecord)
                {
                    yield break;
                }

                // A record that does not map (or has the wrong number of fields) fails the read, or, skipping bad
                // records, is counted and left out.
                fields = fields < 0 ? reader.FieldCount : fields;
                if (TryMap(reader, mapper, objectName, format.HasHeader, fields, out T record) is { } bad)
                {
                    if (budget is null)
                    {
                        throw bad;
                    }

                    budget.Skip(bad, options);
                    continue;
                }

                yield return record;
            }
        }
    }

    // Maps the record the reader is on; the error that makes it a bad record instead, with its text. (Also called on
    // the mapping threads of a parallel read.)
    internal static DatasetFormatException? TryMap<T>(CsvReader reader, CsvRecordMapper<T> mapper, string objectName, bool hasHeader, int fields, out T record)
    {
        record = default!;
        DatasetFormatException? bad;
        if (reader.FieldCount != fields)
        {
            bad = new DatasetFormatException(
                objectName,
                reader.Options.TrackLineNumbers ? reader.LineNumber : 0,
                reader.RowNumber,
                null,
                null,
                null,
                $"the record has {reader.FieldCount} fields but {(hasHeader ? "the header" : "the first record")} has {fields}");
        }
        else
        {
            try
            {
                record = mapper.Read(reader);
                return null;
            }
            catch (DatasetFormatException exception)
            {
                bad = exception;
            }
        }

        bad.RecordText = Utf8Text.ForRecord(reader.RawRecord);
        return bad;
    }

    /// <summary>Writes records as CSV: the header (when the dialect has one), then one line a record.</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="stream">The destination; left open.</param>
    /// <param name="rows">The records; none may be <see langword="null"/>.</param>
    /// <param name="format">The dialect.</param>
    /// <param name="recordWriter">The generated record writer.</param>
    /// <param name="cancellationToken">Cancels writing.</param>
    /// <returns>The number of records written.</returns>
    public static Task<long> WriteAsync<T>(
        Stream stream,
        IAsyncEnumerable<T> rows,
        CsvFormat format,
        CsvRecordWriter<T> recordWriter,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return WriteRowsAsync(
            stream, rows, format, recordWriter, static (writer, rows, checking, token) => writer.WriteRecordsAsync(rows, checking, token), cancellationToken);
    }

    /// <summary>Writes records as CSV. See <see cref="WriteAsync{T}(Stream, IAsyncEnumerable{T}, CsvFormat, CsvRecordWriter{T}, CancellationToken)"/>.</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="stream">The destination; left open.</param>
    /// <param name="rows">The records; none may be <see langword="null"/>.</param>
    /// <param name="format">The dialect.</param>
    /// <param name="recordWriter">The generated record writer.</param>
    /// <param name="cancellationToken">Cancels writing.</param>
    /// <returns>The number of records written.</returns>
    public static Task<long> WriteAsync<T>(
        Stream stream,
        IEnumerable<T> rows,
        CsvFormat format,
        CsvRecordWriter<T> recordWriter,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);

        // Rows already in memory: no async step per row to get the next one.
        return WriteRowsAsync(
            stream, rows, format, recordWriter, static (writer, rows, checking, token) => writer.WriteRecordsAsync(rows, checking, token), cancellationToken);
    }

    // CsvHelper's own loop writes the rows: it awaits only when its buffer is full, not once a row.
    private static async Task<long> WriteRowsAsync<T, TRows>(
        Stream stream,
        TRows rows,
        CsvFormat format,
        CsvRecordWriter<T> recordWriter,
        Func<CsvWriter, TRows, CsvRecordWriter<T>, CancellationToken, ValueTask> writeRows,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(recordWriter);
        CsvWriter writer = await StartAsync(stream, format, recordWriter, cancellationToken).ConfigureAwait(false);
        await using (writer.ConfigureAwait(false))
        {
            var checking = new CheckingRecordWriter<T>(recordWriter, cancellationToken);
            try
            {
                await writeRows(writer, rows, checking, cancellationToken).ConfigureAwait(false);
            }
            catch (ArgumentException exception) when (exception.ParamName == "records")
            {
                // CsvHelper's loop refuses a null record before the record writer sees it: say which row it is.
                throw NullRow(checking.Count, exception);
            }

            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            return checking.Count;
        }
    }

    private static async Task<CsvWriter> StartAsync<T>(Stream stream, CsvFormat format, CsvRecordWriter<T> recordWriter, CancellationToken cancellationToken)
    {
        CsvWriter writer = CsvWriter.Create(stream, format.WriterOptions, leaveOpen: true);
        if (format.HasHeader)
        {
            try
            {
                recordWriter.WriteHeader(writer);
                await writer.EndRecordAsync(cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                await writer.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }

        return writer;
    }

    // Counts the rows written (for the result, and for the number of a null row CsvHelper's loop refuses) and stops
    // a cancelled write between rows.
    private sealed class CheckingRecordWriter<T>(CsvRecordWriter<T> inner, CancellationToken cancellationToken) : CsvRecordWriter<T>
    {
        public long Count { get; private set; }

        public override int FieldCount => inner.FieldCount;

        public override void WriteHeader(CsvWriter writer) => inner.WriteHeader(writer);

        public override void Write(CsvWriter writer, T record)
        {
            if ((Count & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            inner.Write(writer, record);
            Count++;
        }
    }

    private static ArgumentException NullRow(long written, Exception inner) =>
        new($"Row {written + 1} is null: records to write cannot be null.", "rows", inner);

    // Reads the header and binds the mapper to it; null for an empty object, which has no header and no records
    // (nothing to read, not a missing-column error). The header's names must be UTF-8 like the values: a name that is
    // not would silently match no column.
    internal static async ValueTask<CsvRecordMapper<T>?> StartReadingAsync<T>(
        CsvReader reader,
        CsvProblems problems,
        string objectName,
        CsvFormat format,
        Func<CsvReader, string, CsvRecordMapper<T>> createMapper,
        ReadOnlyMemory<byte> head,
        InvalidUtf8Handling invalidUtf8,
        CancellationToken cancellationToken)
    {
        try
        {
            await reader.ReadHeaderAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (CsvFormatException exception)
        {
            throw CsvProblems.Unreadable(exception, objectName, format.HasHeader);
        }

        problems.ThrowIfReached(format.HasHeader ? 1 : 0, objectName, format.HasHeader);
        if (format.HasHeader && reader.Headers.Count == 0)
        {
            return null;
        }

        bool replace = invalidUtf8 == InvalidUtf8Handling.Replace;
        if (format.HasHeader && !replace)
        {
            CheckHeaderText(reader, objectName, format, head.Span);
        }

        CsvRecordMapper<T> mapper = createMapper(reader, objectName);
        if (mapper is CsvRecordMapperBase<T> generated)
        {
            generated.ReplaceInvalidUtf8 = replace;
        }

        return mapper;
    }

    // The reader decodes header names with U+FFFD for invalid sequences: where a name holds one, the header's bytes
    // (read ahead at the object's start) tell an invalid sequence from a U+FFFD written in the data.
    private static void CheckHeaderText(CsvReader reader, string objectName, CsvFormat format, ReadOnlySpan<byte> head)
    {
        bool suspect = false;
        foreach (string name in reader.Headers)
        {
            suspect |= name.Contains('\uFFFD', StringComparison.Ordinal);
        }

        if (!suspect)
        {
            return;
        }

        int end = CsvRecordBoundaries.FindEnd(head, (byte)format.Delimiter, stopAfterFirstRecord: true, out _);
        ReadOnlySpan<byte> header = end > 0 ? head.Slice(0, end) : head;
        int invalid = Utf8Text.IndexOfInvalid(header);
        if (invalid < 0 && (end > 0 || head.IsEmpty))
        {
            return;
        }

        if (invalid < 0)
        {
            // The header goes on past the bytes read ahead: its U+FFFD cannot be told from an invalid sequence.
            throw new DatasetFormatException(
                objectName, 1, 0, -1, null, null, null, "the header holds U+FFFD or text that is not valid UTF-8 past its first " + head.Length + " bytes; set DatasetReadOptions.InvalidUtf8 to Replace to read it");
        }

        throw new DatasetFormatException(
            objectName, 1, 0, invalid, null, null, Utf8Text.ForMessage(header), "the header " + Utf8Text.InvalidProblem(header, invalid).Substring("the ".Length));
    }

    /// <summary>How many records the reader has returned, the header included: the number of the record it is on.</summary>
    /// <param name="reader">The reader, on a record.</param>
    /// <param name="hasHeader">Whether the first record is a header.</param>
    /// <returns>The record's number, counting the header as CsvHelper's reports do.</returns>
    internal static long RecordsRead(CsvReader reader, bool hasHeader) => reader.RowNumber + (hasHeader ? 1 : 0);
}
