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
    /// <summary>Reads the records of every object matching <paramref name="location"/>, one object after another.</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="store">The store.</param>
    /// <param name="location">An object (<c>s3://bucket/key</c>) or a glob (<c>s3://bucket/**/*.csv</c>).</param>
    /// <param name="compression">The objects' compression; <see cref="ObjectCompression.Auto"/> detects gzip.</param>
    /// <param name="readObject">The generated codec.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The records.</returns>
    /// <exception cref="ObjectNotFoundException">No object matches, or the literal object does not exist.</exception>
    /// <exception cref="DatasetFormatException">An object does not match the schema.</exception>
    public static async IAsyncEnumerable<T> ReadAsync<T>(
        IObjectStore store,
        string location,
        ObjectCompression compression,
        ObjectRecordReader<T> readObject,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(readObject);
        await foreach (ObjectInfo info in ObjectResolver.ResolveAsync(store, location, cancellationToken).ConfigureAwait(false))
        {
            Stream raw = await store.OpenReadAsync(info.Location, cancellationToken).ConfigureAwait(false);
            Stream stream = await Decompression.OpenAsync(raw, compression, cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                await foreach (T record in readObject(stream, info.Location.ToString(), cancellationToken).ConfigureAwait(false))
                {
                    yield return record;
                }
            }
        }
    }
}
