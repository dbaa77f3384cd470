using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.IO;
using System.IO.Compression;
using System.Threading;
using System.Threading.Tasks;

namespace Typed.S3.Codecs;

/// <summary>
/// Writes a dataset: renders each object's key from the layout, streams the records through a generated codec
/// into the store, rolls over to the next object at the target's row or byte limit, and makes each object
/// visible only once it is complete.
/// </summary>
/// <remarks>For generated code only: not a supported API, hidden from IntelliSense, and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class DatasetWriter
{
    /// <summary>Writes records as one or more objects below the target's location, one load.</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="store">The store to write to; left open (not disposed).</param>
    /// <param name="target">Where and how to write.</param>
    /// <param name="rows">The records; nothing is written when there are none.</param>
    /// <param name="codecs">The generated codecs; the target's format picks one.</param>
    /// <param name="cancellationToken">Cancels writing; the object being written is then not created.</param>
    /// <returns>Every object written, with its row count and size.</returns>
    public static async Task<WriteResult> WriteAsync<T>(
        IObjectStore store,
        DatasetWriteTarget target,
        IAsyncEnumerable<T> rows,
        DatasetCodecs<T> codecs,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(codecs);
        if (target.Location is null)
        {
            throw new InvalidOperationException($"The dataset '{target.TableName}' has no write location in its schema: pass one to WriteAsync.");
        }

        ObjectRecordWriter<T> writeObject = codecs.For(target.Format).Write;
        KeyLayout layout = (store as IWriteLayoutOverride)?.WriteLayout ?? target.Layout;
        LoadClock clock = LoadClock.Start();
        var written = new List<WrittenObject>();
        IAsyncEnumerator<T> enumerator = rows.GetAsyncEnumerator(cancellationToken);
        await using (enumerator.ConfigureAwait(false))
        {
            // Look at the first record before creating anything: an empty write creates no object.
            bool hasRecords = await enumerator.MoveNextAsync().ConfigureAwait(false);
            while (hasRecords)
            {
                LayoutValues values = clock.NextFile(target.SchemaName, target.TableName, target.Extension);
                ObjectLocation location = KeyLayout.Combine(target.Location, layout.Render(values));
                ObjectWriteStream output = await store.OpenWriteAsync(location, cancellationToken).ConfigureAwait(false);
                await using (output.ConfigureAwait(false))
                {
                    var part = new RollingPart<T>(enumerator, target.MaxRowsPerFile, target.MaxBytesPerFile, output);
                    long rowCount = await WriteObjectAsync(output, target.Compression, part, writeObject, cancellationToken).ConfigureAwait(false);
                    await output.CompleteAsync(cancellationToken).ConfigureAwait(false);
                    written.Add(new WrittenObject(location, rowCount, output.BytesWritten));
                    hasRecords = part.SourceHasMore;
                }
            }
        }

        return new WriteResult(clock.LoadId, written);
    }

    /// <summary>Writes records as one or more objects below the target's location, one load.</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="store">The store to write to; left open (not disposed).</param>
    /// <param name="target">Where and how to write.</param>
    /// <param name="rows">The records; nothing is written when there are none.</param>
    /// <param name="codecs">The generated codecs; the target's format picks one.</param>
    /// <param name="cancellationToken">Cancels writing; the object being written is then not created.</param>
    /// <returns>Every object written, with its row count and size.</returns>
    public static Task<WriteResult> WriteAsync<T>(
        IObjectStore store,
        DatasetWriteTarget target,
        IEnumerable<T> rows,
        DatasetCodecs<T> codecs,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return WriteAsync(store, target, new SynchronousAsyncEnumerable<T>(rows), codecs, cancellationToken);
    }

    /// <summary>Writes records to one object's stream through the codec, compressed as asked.</summary>
    internal static async Task<long> WriteObjectAsync<T>(Stream output, ObjectCompression compression, IAsyncEnumerable<T> rows, ObjectRecordWriter<T> writeObject, CancellationToken cancellationToken)
    {
        if (compression != ObjectCompression.Gzip)
        {
            return await writeObject(output, rows, cancellationToken).ConfigureAwait(false);
        }

        // The gzip stream must end (writing its trailer) before the object is completed.
        var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true);
        await using (gzip.ConfigureAwait(false))
        {
            return await writeObject(gzip, rows, cancellationToken).ConfigureAwait(false);
        }
    }
}
