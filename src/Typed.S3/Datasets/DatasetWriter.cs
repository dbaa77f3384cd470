using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Threading;
using System.Threading.Tasks;
using Typed.S3.Layout;

namespace Typed.S3.Codecs;

/// <summary>
/// Writes a dataset: renders the object key from the layout, streams the records through a generated codec
/// into the store, and makes the object visible only once it is complete.
/// </summary>
public static class DatasetWriter
{
    /// <summary>Writes records as one object below the target's location.</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="store">The store.</param>
    /// <param name="target">Where and how to write.</param>
    /// <param name="rows">The records; nothing is written when there are none.</param>
    /// <param name="writeObject">The generated codec.</param>
    /// <param name="cancellationToken">Cancels writing; the object is then not created.</param>
    /// <returns>The object written, with its row count.</returns>
    public static async Task<WriteResult> WriteAsync<T>(
        IObjectStore store,
        DatasetWriteTarget target,
        IAsyncEnumerable<T> rows,
        ObjectRecordWriter<T> writeObject,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(writeObject);
        if (target.Location is null)
        {
            throw new InvalidOperationException($"The dataset '{target.TableName}' has no write location in its schema: pass one to WriteAsync.");
        }

        LoadClock clock = LoadClock.Start();
        IAsyncEnumerator<T> enumerator = rows.GetAsyncEnumerator(cancellationToken);
        await using (enumerator.ConfigureAwait(false))
        {
            // Look at the first record before creating anything: an empty write creates no object.
            if (!await enumerator.MoveNextAsync().ConfigureAwait(false))
            {
                return new WriteResult(clock.LoadId, Array.Empty<WrittenObject>());
            }

            LayoutValues values = clock.NextFile(target.SchemaName, target.TableName, target.Extension);
            KeyLayout layout = (store as IWriteLayoutOverride)?.WriteLayout ?? target.Layout;
            ObjectLocation location = KeyLayout.Combine(target.Location, layout.Render(values));
            ObjectWriteStream output = await store.OpenWriteAsync(location, cancellationToken).ConfigureAwait(false);
            await using (output.ConfigureAwait(false))
            {
                var records = new StartedEnumerable<T>(enumerator);
                long rowCount;
                if (target.Compression == ObjectCompression.Gzip)
                {
                    // The gzip stream must end (writing its trailer) before the object is completed.
                    var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true);
                    await using (gzip.ConfigureAwait(false))
                    {
                        rowCount = await writeObject(gzip, records, cancellationToken).ConfigureAwait(false);
                    }
                }
                else
                {
                    rowCount = await writeObject(output, records, cancellationToken).ConfigureAwait(false);
                }

                await output.CompleteAsync(cancellationToken).ConfigureAwait(false);
                return new WriteResult(clock.LoadId, new[] { new WrittenObject(location, rowCount, output.BytesWritten) });
            }
        }
    }

    /// <summary>Writes records as one object below the target's location.</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="store">The store.</param>
    /// <param name="target">Where and how to write.</param>
    /// <param name="rows">The records; nothing is written when there are none.</param>
    /// <param name="writeObject">The generated codec.</param>
    /// <param name="cancellationToken">Cancels writing; the object is then not created.</param>
    /// <returns>The object written, with its row count.</returns>
    public static Task<WriteResult> WriteAsync<T>(
        IObjectStore store,
        DatasetWriteTarget target,
        IEnumerable<T> rows,
        ObjectRecordWriter<T> writeObject,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return WriteAsync(store, target, new SynchronousAsyncEnumerable<T>(rows), writeObject, cancellationToken);
    }
}
