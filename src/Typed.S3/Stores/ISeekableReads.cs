using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Typed.S3;

/// <summary>
/// An optional capability of an <see cref="IObjectStore"/>: opening a listed object as a seekable stream directly,
/// where that is cheaper than fetching byte ranges (a local file, an object held in memory).
/// </summary>
/// <remarks>
/// <para>
/// Every store reads byte ranges (<see cref="IObjectStore.OpenReadRangeAsync(ObjectInfo, long, long, CancellationToken)"/>):
/// formats that read the end of an object first (Parquet's footer, then its column chunks) read a store that does not
/// implement this interface through a <see cref="SeekableObjectStream"/>, which fetches 1 MiB blocks with ranged reads
/// on demand. A store that implements it is asked for the seekable stream instead, once per object, and no ranged reads
/// are made for that object.
/// </para>
/// <para>
/// An implementation must give a stream whose <see cref="Stream.CanSeek"/> is <see langword="true"/>, whose
/// <see cref="Stream.Length"/> is the object's listed <see cref="ObjectInfo.Size"/>, and whose bytes are those of
/// the listed version, exactly: an object replaced or deleted since it was listed is an
/// <see cref="ObjectChangedException"/> (from this method or from the stream's reads), never a mix of two versions. A
/// missing object is an <see cref="ObjectNotFoundException"/>; other failures are <see cref="ObjectStoreException"/>s
/// whose message names the object. The stream may be read from any position, in any order, and the caller disposes it.
/// </para>
/// </remarks>
public interface ISeekableReads
{
    /// <summary>Opens the listed version of an object as a seekable stream.</summary>
    /// <param name="object">The object as listed (or as <see cref="IObjectStore.GetInfoAsync"/> described it).</param>
    /// <param name="cancellationToken">Cancels opening.</param>
    /// <returns>A seekable stream of exactly the object's bytes; the caller disposes it.</returns>
    /// <exception cref="ObjectNotFoundException">The object does not exist.</exception>
    /// <exception cref="ObjectChangedException">The object is no longer the listed version.</exception>
    /// <exception cref="ObjectStoreException">The object cannot be read; the message names it.</exception>
    Task<Stream> OpenSeekableReadAsync(ObjectInfo @object, CancellationToken cancellationToken);
}
