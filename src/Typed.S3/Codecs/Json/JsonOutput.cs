using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Typed.S3.Codecs;

/// <summary>The write loops the JSON and JSON Lines codecs share.</summary>
internal static class JsonOutput
{
    // The public overloads' checks, made before the write starts (not in its task).
    public static Task<long> WriteAsync<T>(Stream stream, IAsyncEnumerable<T> rows, JsonRecordWriter<T> recordWriter, bool lines, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(recordWriter);
        return WriteCoreAsync(stream, rows, recordWriter, lines, cancellationToken);
    }

    public static Task<long> WriteAsync<T>(Stream stream, IEnumerable<T> rows, JsonRecordWriter<T> recordWriter, bool lines, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(recordWriter);
        return WriteCoreAsync(stream, rows, recordWriter, lines, cancellationToken);
    }

    private static async Task<long> WriteCoreAsync<T>(Stream stream, IAsyncEnumerable<T> rows, JsonRecordWriter<T> recordWriter, bool lines, CancellationToken cancellationToken)
    {
        using var output = new JsonOutputBuffer();
        using var writer = new Utf8JsonWriter(output, JsonFieldWriter.TrustedWriterOptions);
        if (!lines)
        {
            writer.WriteStartArray();
        }

        long count = 0;
        await foreach (T row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            WriteRow(writer, output, recordWriter, row, lines, ref count);
            if (writer.BytesPending + output.WrittenCount >= JsonOutputBuffer.FlushThreshold)
            {
                writer.Flush();
                await output.DrainAsync(stream, cancellationToken).ConfigureAwait(false);
            }
        }

        return await FinishAsync(stream, writer, output, lines, count, cancellationToken).ConfigureAwait(false);
    }

    // Rows already in memory: a plain loop between drains, with no async step per row.
    private static async Task<long> WriteCoreAsync<T>(Stream stream, IEnumerable<T> rows, JsonRecordWriter<T> recordWriter, bool lines, CancellationToken cancellationToken)
    {
        using var output = new JsonOutputBuffer();
        using var writer = new Utf8JsonWriter(output, JsonFieldWriter.TrustedWriterOptions);
        if (!lines)
        {
            writer.WriteStartArray();
        }

        long count = 0;
        using IEnumerator<T> enumerator = rows.GetEnumerator();
        while (WriteUntilFull(enumerator, writer, output, recordWriter, lines, ref count, cancellationToken))
        {
            writer.Flush();
            await output.DrainAsync(stream, cancellationToken).ConfigureAwait(false);
        }

        return await FinishAsync(stream, writer, output, lines, count, cancellationToken).ConfigureAwait(false);
    }

    // Writes rows until the buffer reaches the flush threshold (true) or the rows end (false).
    private static bool WriteUntilFull<T>(
        IEnumerator<T> rows, Utf8JsonWriter writer, JsonOutputBuffer output, JsonRecordWriter<T> recordWriter, bool lines, ref long count, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!rows.MoveNext())
            {
                return false;
            }

            WriteRow(writer, output, recordWriter, rows.Current, lines, ref count);
            if (writer.BytesPending + output.WrittenCount >= JsonOutputBuffer.FlushThreshold)
            {
                return true;
            }
        }
    }

    private static void WriteRow<T>(Utf8JsonWriter writer, JsonOutputBuffer output, JsonRecordWriter<T> recordWriter, T row, bool lines, ref long count)
    {
        if (row is null)
        {
            throw new ArgumentException($"Row {count + 1} is null: records to write cannot be null.", "rows");
        }

        // JSON Lines: one writer for every line, no flush and reset per record. Without structural checks it puts a
        // comma between top-level objects; that byte, the first of every record after the first, becomes the line
        // feed. Where it lands: bytes the writer has not flushed yet sit in the buffer right after the flushed ones.
        int separator = lines && count > 0 ? output.WrittenCount + writer.BytesPending : -1;
        recordWriter.Write(writer, row);
        count++;
        if (separator >= 0)
        {
            output.ReplaceSeparator(separator);
        }
    }

    private static async Task<long> FinishAsync(Stream stream, Utf8JsonWriter writer, JsonOutputBuffer output, bool lines, long count, CancellationToken cancellationToken)
    {
        if (!lines)
        {
            writer.WriteEndArray();
        }

        writer.Flush();
        if (lines && count > 0)
        {
            output.Write("\n"u8);
        }

        await output.DrainAsync(stream, cancellationToken).ConfigureAwait(false);
        return count;
    }
}
