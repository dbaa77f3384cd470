using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Typed.S3.Globbing;

namespace Typed.S3.Codecs;

/// <summary>Reads a dataset: every object matching a location, in key order, through a generated codec.</summary>
public static class DatasetReader
{
    /// <summary>
    /// Reads the records of every object matching <paramref name="location"/>, one object after another, in key
    /// order. On a store that takes a round trip to open an object (S3), the next objects of the listing are
    /// opened ahead of the one being read (at most the store's read-ahead count), so many small objects do not
    /// wait on one round trip after another; objects opened ahead are closed when reading stops early or fails.
    /// </summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="store">The store.</param>
    /// <param name="location">An object (<c>s3://bucket/key</c>) or a glob (<c>s3://bucket/**/*.csv</c>).</param>
    /// <param name="compression">The objects' compression; <see cref="ObjectCompression.Auto"/> detects gzip.</param>
    /// <param name="readObject">The generated codec.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The records.</returns>
    /// <exception cref="ObjectNotFoundException">No object matches, or the literal object does not exist.</exception>
    /// <exception cref="DatasetFormatException">An object does not match the schema.</exception>
    public static IAsyncEnumerable<T> ReadAsync<T>(
        IObjectStore store,
        string location,
        ObjectCompression compression,
        ObjectRecordReader<T> readObject,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(readObject);
        int readAhead = store is IReadAheadHint hint ? Math.Max(0, hint.ReadAhead) : 0;
        return ReadCoreAsync(store, location, compression, readObject, readAhead, cancellationToken);
    }

    private static async IAsyncEnumerable<T> ReadCoreAsync<T>(
        IObjectStore store,
        string location,
        ObjectCompression compression,
        ObjectRecordReader<T> readObject,
        int readAhead,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // The object being read plus at most readAhead objects opening or open behind it, in key order.
        var opened = new Queue<(ObjectInfo Info, Task<Stream> Open)>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        IAsyncEnumerator<ObjectInfo> objects = ObjectResolver.ResolveAsync(store, location, stop.Token).GetAsyncEnumerator(stop.Token);
        try
        {
            bool listing = true;
            while (true)
            {
                while (listing && opened.Count <= readAhead)
                {
                    listing = await objects.MoveNextAsync().ConfigureAwait(false);
                    if (listing)
                    {
                        ObjectInfo next = objects.Current;
                        opened.Enqueue((next, store.OpenReadAsync(next.Location, stop.Token)));
                    }
                }

                if (opened.Count == 0)
                {
                    break;
                }

                (ObjectInfo info, Task<Stream> open) = opened.Dequeue();
                Stream raw = await open.ConfigureAwait(false);
                Stream stream;
                try
                {
                    stream = await Decompression.OpenAsync(raw, compression, cancellationToken).ConfigureAwait(false);
                }
                catch
                {
                    await raw.DisposeAsync().ConfigureAwait(false);
                    throw;
                }

                await using (stream.ConfigureAwait(false))
                {
                    await foreach (T record in readObject(stream, info.Location.ToString(), cancellationToken).ConfigureAwait(false))
                    {
                        yield return record;
                    }
                }
            }
        }
        finally
        {
            // Reading stopped (the end, an error, an early break, a cancellation): close what was opened ahead.
            await stop.CancelAsync().ConfigureAwait(false);
            while (opened.Count > 0)
            {
                Task<Stream> open = opened.Dequeue().Open;
                try
                {
                    Stream ahead = await open.ConfigureAwait(false);
                    await ahead.DisposeAsync().ConfigureAwait(false);
                }
                catch (Exception)
                {
                    // An object opened ahead that failed or was cancelled was never read: its error does not matter.
                }
            }

            await objects.DisposeAsync().ConfigureAwait(false);
        }
    }
}
