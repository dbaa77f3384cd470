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
    /// <summary>Reads the records of a CSV stream.</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="stream">The CSV bytes (UTF-8, a UTF-8 BOM is skipped); left open.</param>
    /// <param name="objectName">The object (<c>s3://bucket/key</c>) or stream name, for error messages.</param>
    /// <param name="format">The dialect.</param>
    /// <param name="createMapper">Creates the generated mapper for the object's header.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The records, in file order.</returns>
    /// <exception cref="DatasetFormatException">Malformed CSV, a missing required column, a ragged row or a value of the wrong type.</exception>
    public static async IAsyncEnumerable<T> ReadAsync<T>(
        Stream stream,
        string objectName,
        CsvFormat format,
        Func<CsvReader, string, CsvRecordMapper<T>> createMapper,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(objectName);
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(createMapper);
        CsvReader reader = CsvReader.Create(stream, format.ReaderOptions, leaveOpen: true);
        await using (reader.ConfigureAwait(false))
        {
            CsvRecordMapper<T>? mapper = await StartReadingAsync(reader, objectName, format, createMapper, cancellationToken).ConfigureAwait(false);
            if (mapper is null)
            {
                yield break;
            }

            while (true)
            {
                bool hasRecord;
                try
                {
                    hasRecord = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (CsvFormatException exception)
                {
                    throw Translate(exception, objectName);
                }

                if (!hasRecord)
                {
                    yield break;
                }

                yield return mapper.Read(reader);
            }
        }
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
    // (nothing to read, not a missing-column error).
    private static async ValueTask<CsvRecordMapper<T>?> StartReadingAsync<T>(
        CsvReader reader, string objectName, CsvFormat format, Func<CsvReader, string, CsvRecordMapper<T>> createMapper, CancellationToken cancellationToken)
    {
        try
        {
            await reader.ReadHeaderAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (CsvFormatException exception)
        {
            throw Translate(exception, objectName);
        }

        return format.HasHeader && reader.Headers.Count == 0 ? null : createMapper(reader, objectName);
    }

    private static DatasetFormatException Translate(CsvFormatException exception, string objectName) =>
        new(objectName, exception.LineNumber, exception.RecordNumber, null, null, null, exception.Message, exception);
}
