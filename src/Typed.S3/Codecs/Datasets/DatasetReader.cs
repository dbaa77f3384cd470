using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.IO;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace Typed.S3.Codecs;

/// <summary>Reads a dataset: every object matching a location, in key order, through a generated codec.</summary>
/// <remarks>For generated code only: not a supported API, hidden from IntelliSense, and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class DatasetReader
{
    /// <summary>
    /// Reads the records of every object matching <paramref name="location"/>, one object after another, in key
    /// order. On a store that takes a round trip to open an object (S3), the next objects of the listing are
    /// opened ahead of the one being read (at most the store's read-ahead count), so many small objects do not
    /// wait on one round trip after another; objects opened ahead are closed when reading stops early or fails.
    /// </summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="store">The store to read from; left open (not disposed).</param>
    /// <param name="location">An object (<c>s3://bucket/key</c>) or a glob (<c>s3://bucket/**/*.csv</c>).</param>
    /// <param name="format">The objects' format, or <see langword="null"/> (<c>auto</c>) to take each object's from its extension.</param>
    /// <param name="compression">The objects' compression; <see cref="ObjectCompression.Auto"/> detects gzip. Parquet objects are read as they are.</param>
    /// <param name="codecs">The generated codecs.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <exception cref="ObjectNotFoundException">No object matches, or the literal object does not exist.</exception>
    /// <exception cref="DatasetFormatException">An object does not match the schema, or (with format <c>auto</c>) its extension names no known format.</exception>
    public static IAsyncEnumerable<T> ReadAsync<T>(
        IObjectStore store,
        string location,
        DatasetFormat? format,
        ObjectCompression compression,
        DatasetCodecs<T> codecs,
        CancellationToken cancellationToken = default) =>
        ReadAsync(store, location, format, compression, codecs, DatasetReadOptions.Default, cancellationToken);

    /// <summary>
    /// Reads the records of every object matching <paramref name="location"/>, one object after another, in key
    /// order, as <see cref="ReadAsync{T}(IObjectStore, string, DatasetFormat?, ObjectCompression, DatasetCodecs{T}, CancellationToken)"/>
    /// does, with <paramref name="options"/> (such as mapping the records of large CSV objects on several threads).
    /// </summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="store">The store to read from; left open (not disposed).</param>
    /// <param name="location">An object (<c>s3://bucket/key</c>) or a glob (<c>s3://bucket/**/*.csv</c>).</param>
    /// <param name="format">The objects' format, or <see langword="null"/> (<c>auto</c>) to take each object's from its extension.</param>
    /// <param name="compression">The objects' compression; <see cref="ObjectCompression.Auto"/> detects gzip. Parquet objects are read as they are.</param>
    /// <param name="codecs">The generated codecs.</param>
    /// <param name="options">How to read.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <exception cref="ObjectNotFoundException">No object matches, or the literal object does not exist.</exception>
    /// <exception cref="DatasetFormatException">An object does not match the schema, or (with format <c>auto</c>) its extension names no known format.</exception>
    public static IAsyncEnumerable<T> ReadAsync<T>(
        IObjectStore store,
        string location,
        DatasetFormat? format,
        ObjectCompression compression,
        DatasetCodecs<T> codecs,
        DatasetReadOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(codecs);
        ArgumentNullException.ThrowIfNull(options);
        int readAhead = store is IReadAheadHint hint ? Math.Max(0, hint.ReadAhead) : 0;
        return ReadCoreAsync(store, location, format, compression, codecs, readAhead, options, options.Statistics, cancellationToken);
    }

    private static async IAsyncEnumerable<T> ReadCoreAsync<T>(
        IObjectStore store,
        string location,
        DatasetFormat? declaredFormat,
        ObjectCompression compression,
        DatasetCodecs<T> codecs,
        int readAhead,
        DatasetReadOptions options,
        DatasetReadStatistics? statistics,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // The object being read plus at most readAhead objects opening or open behind it, in key order.
        var opened = new Queue<(ObjectInfo Info, DatasetFormat Format, Task<Stream> Open)>();

        // One count of bad records for the whole read, whichever objects they are in.
        var budget = new BadRecordBudget();
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
                        DatasetFormat format = declaredFormat ?? default;
                        bool known = declaredFormat is not null || DatasetFormats.TryFromKey(next.Location.Key, out format);

                        // An object of no known format fails in its turn, after the objects before it were read.
                        opened.Enqueue((next, format, known ? Open(store, next, format, stop.Token) : Task.FromException<Stream>(UnknownFormat(next))));
                    }
                }

                if (opened.Count == 0)
                {
                    break;
                }

                (ObjectInfo info, DatasetFormat objectFormat, Task<Stream> open) = opened.Dequeue();
                Stream raw = await open.ConfigureAwait(false);
                ObjectReadStatistics? counts = statistics?.Begin(info.Location.ToString());
                if (counts is not null && raw is not SeekableObjectStream)
                {
                    raw = new CountingReadStream(raw, counts);
                }

                Stream stream;
                DatasetCodec<T> codec;
                try
                {
                    codec = codecs.For(objectFormat);
                    stream = objectFormat == DatasetFormat.Parquet
                        ? raw
                        : await Decompression.OpenAsync(raw, compression, cancellationToken).ConfigureAwait(false);
                }
                catch
                {
                    await raw.DisposeAsync().ConfigureAwait(false);
                    throw;
                }

                await using (stream.ConfigureAwait(false))
                {
                    string objectName = info.Location.ToString();
                    IAsyncEnumerable<T> objectRecords = codec.ReadWithOptions is { } readWithOptions
                        ? readWithOptions(stream, objectName, options.ForObject(budget, counts), cancellationToken)
                        : codec.Read(stream, objectName, cancellationToken);
                    IAsyncEnumerator<T> records = objectRecords.GetAsyncEnumerator(cancellationToken);
                    try
                    {
                        while (await NextAsync(records, stream, info).ConfigureAwait(false))
                        {
                            counts?.AddRecord();
                            yield return records.Current;
                        }

                        counts?.Complete();
                    }
                    finally
                    {
                        await records.DisposeAsync().ConfigureAwait(false);

                        // Ranged reads count what they fetched, not what was read from their cache.
                        if (counts is not null && raw is SeekableObjectStream seekable)
                        {
                            counts.AddBytes(seekable.BytesFetched);
                        }
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

    // Each object is read as listed: exactly its listed size, of the listed version (a change is an error, not a mix).
    // Parquet is read from the end first: a seekable stream that fetches ranges on demand instead of the whole object.
    private static async Task<Stream> Open(IObjectStore store, ObjectInfo @object, DatasetFormat format, CancellationToken cancellationToken)
    {
        if (format != DatasetFormat.Parquet)
        {
            return await store.OpenReadAsync(@object, cancellationToken).ConfigureAwait(false);
        }

        return store is ISeekableReads seekable
            ? await seekable.OpenSeekableReadAsync(@object, cancellationToken).ConfigureAwait(false)
            : SeekableObjectStream.Open(store, @object, SeekableObjectStream.DefaultBlockSize);
    }

    // A compressed object whose bytes are not valid gzip fails inside the codec's reads: name the object.
    private static async ValueTask<bool> NextAsync<T>(IAsyncEnumerator<T> records, Stream stream, ObjectInfo info)
    {
        try
        {
            return await records.MoveNextAsync().ConfigureAwait(false);
        }
        catch (InvalidDataException exception) when (stream is GZipStream)
        {
            throw new DatasetFormatException(info.Location.ToString(), 0, 0, null, null, null, "the object is not valid gzip data: " + exception.Message, exception);
        }
    }

    private static DatasetFormatException UnknownFormat(ObjectInfo info) =>
        new(info.Location.ToString(), 0, 0, null, null, null,
            "the object's extension names no known format (.csv, .tsv, .json, .jsonl, .ndjson or .parquet, each optionally followed by .gz)");
}
