using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Typed.S3.Codecs;

/// <summary>The write loop the JSON and JSON Lines codecs share.</summary>
internal static class JsonOutput
{
    public static async Task<long> WriteAsync<T>(Stream stream, IAsyncEnumerable<T> rows, JsonRecordWriter<T> recordWriter, bool lines, CancellationToken cancellationToken)
    {
        using var output = new JsonOutputBuffer();
        using var writer = new Utf8JsonWriter(output, JsonFieldWriter.WriterOptions);
        if (!lines)
        {
            writer.WriteStartArray();
        }

        long count = 0;
        await foreach (T row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (row is null)
            {
                throw new ArgumentException($"Row {count + 1} is null: records to write cannot be null.", nameof(rows));
            }

            recordWriter.Write(writer, row);
            count++;
            if (lines)
            {
                // A JSON Lines record is a complete JSON text: end its line and start the writer afresh.
                writer.Flush();
                output.Write("\n"u8);
                writer.Reset();
            }

            if (writer.BytesPending + output.WrittenCount >= JsonOutputBuffer.FlushThreshold)
            {
                writer.Flush();
                await output.DrainAsync(stream, cancellationToken).ConfigureAwait(false);
            }
        }

        if (!lines)
        {
            writer.WriteEndArray();
        }

        writer.Flush();
        await output.DrainAsync(stream, cancellationToken).ConfigureAwait(false);
        return count;
    }
}
