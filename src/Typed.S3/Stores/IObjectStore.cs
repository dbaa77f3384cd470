using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Typed.S3;

/// <summary>
/// The small object-store interface every dataset reads and writes through: Amazon S3, an S3-compatible
/// store, or a local folder whose first-level folders are buckets. Keys are S3 keys (<c>/</c>-separated,
/// no leading <c>/</c>); implementations keep one behaviour, so code tested on a folder runs on S3.
/// Disposing a store releases what it holds (an S3 store's client, when it created it).
/// </summary>
/// <remarks>
/// A store may also implement the optional capabilities the runtime looks for: <see cref="ISeekableReads"/> (open an
/// object as a seekable stream instead of ranged reads), <see cref="IReadAheadHint"/> (open the next objects of a glob
/// ahead) and <see cref="IWriteLayoutOverride"/> (a key layout for writes that replaces the schema's).
/// </remarks>
public interface IObjectStore : IAsyncDisposable
{
    /// <summary>
    /// Lists the objects of <paramref name="bucket"/> whose keys start with <paramref name="prefix"/>, in
    /// ascending key order (UTF-8 byte order, as S3 lists), page by page.
    /// </summary>
    /// <param name="bucket">The bucket name alone (no <c>s3://</c>, no key).</param>
    /// <param name="prefix">The key prefix; empty lists the whole bucket.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The objects, in key order.</returns>
    /// <exception cref="ObjectStoreException">The bucket does not exist or cannot be listed.</exception>
    IAsyncEnumerable<ObjectInfo> ListAsync(string bucket, string prefix, CancellationToken cancellationToken = default);

    /// <summary>Gets an object's size and modification time, or <see langword="null"/> when it does not exist.</summary>
    /// <param name="location">The object to describe.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The object's information, or <see langword="null"/>.</returns>
    Task<ObjectInfo?> GetInfoAsync(ObjectLocation location, CancellationToken cancellationToken = default);

    /// <summary>Opens an object for reading from its start.</summary>
    /// <param name="location">The object to read, whichever version is current when the request is made.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A forward-only stream of the object's bytes; the caller disposes it.</returns>
    /// <exception cref="ObjectNotFoundException">The object does not exist.</exception>
    Task<Stream> OpenReadAsync(ObjectLocation location, CancellationToken cancellationToken = default);

    /// <summary>
    /// Opens the version of an object that a listing or <see cref="GetInfoAsync"/> described, for reading from its
    /// start: exactly <see cref="ObjectInfo.Size"/> bytes of that version are delivered, or the read fails. An object
    /// replaced or deleted meanwhile (its <see cref="ObjectInfo.ETag"/> or size no longer matching) is an
    /// <see cref="ObjectChangedException"/>, and a body that ends early is never taken for the end of the object.
    /// </summary>
    /// <param name="object">The object as listed.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A forward-only stream of the object's bytes; the caller disposes it.</returns>
    /// <exception cref="ObjectNotFoundException">The object does not exist.</exception>
    /// <exception cref="ObjectReadException">The object changed, or its bytes could not all be read (thrown by the stream's reads).</exception>
    /// <remarks>The default implementation reads <see cref="ObjectInfo.Location"/> and checks the number of bytes against the size.</remarks>
    Task<Stream> OpenReadAsync(ObjectInfo @object, CancellationToken cancellationToken = default) =>
        ObjectVersionReads.OpenAsync(this, @object, cancellationToken);

    /// <summary>Reads a byte range of an object (for formats that need the end of a file first).</summary>
    /// <param name="location">The object to read, whichever version is current when the request is made.</param>
    /// <param name="offset">The first byte.</param>
    /// <param name="length">How many bytes; fewer are returned when the object ends first.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A stream of the range's bytes; the caller disposes it.</returns>
    /// <exception cref="ObjectNotFoundException">The object does not exist.</exception>
    /// <remarks>
    /// Ranged reads are how the dataset readers read Parquet (through <see cref="SeekableObjectStream"/>, footer first),
    /// unless the store implements <see cref="ISeekableReads"/>. An implementation delivers exactly the range's bytes
    /// (fewer only where the object ends, never a short read in the middle), and reports failures as
    /// <see cref="ObjectStoreException"/>s whose message names the object.
    /// </remarks>
    Task<Stream> OpenReadRangeAsync(ObjectLocation location, long offset, long length, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads a byte range of the version of an object that a listing or <see cref="GetInfoAsync"/> described, so that
    /// ranges read one after another all come from one version (a Parquet footer and its column chunks): an object
    /// replaced or deleted meanwhile is an <see cref="ObjectChangedException"/>.
    /// </summary>
    /// <param name="object">The object as listed.</param>
    /// <param name="offset">The first byte.</param>
    /// <param name="length">How many bytes; fewer are returned when the object ends first.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A stream of the range's bytes; the caller disposes it.</returns>
    /// <exception cref="ObjectNotFoundException">The object does not exist.</exception>
    /// <exception cref="ObjectReadException">The object changed, or the range could not all be read (thrown by the stream's reads).</exception>
    /// <remarks>The default implementation reads the range of <see cref="ObjectInfo.Location"/> and checks the number of bytes against the size.</remarks>
    Task<Stream> OpenReadRangeAsync(ObjectInfo @object, long offset, long length, CancellationToken cancellationToken = default) =>
        ObjectVersionReads.OpenRangeAsync(this, @object, offset, length, cancellationToken);

    /// <summary>
    /// Starts writing an object. Nothing appears under <paramref name="location"/> until
    /// <see cref="ObjectWriteStream.CompleteAsync"/> succeeds; disposing the stream without completing it
    /// (an error, a cancellation) discards what was written, so no half-written object is ever visible.
    /// </summary>
    /// <param name="location">The object to create or replace.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The stream to write to.</returns>
    Task<ObjectWriteStream> OpenWriteAsync(ObjectLocation location, CancellationToken cancellationToken = default);

    /// <summary>Deletes an object; deleting one that does not exist is not an error.</summary>
    /// <param name="location">The object to delete.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the object is gone.</returns>
    Task DeleteAsync(ObjectLocation location, CancellationToken cancellationToken = default);
}
