using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Typed.S3;

/// <summary>
/// Implemented by stores that can open an object as a seekable stream cheaply (a local file). Other stores are
/// read through <see cref="SeekableObjectStream"/>, which fetches ranges on demand.
/// </summary>
internal interface ISeekableReads
{
    /// <summary>Opens the listed version of an object as a seekable stream.</summary>
    /// <param name="object">The object as listed.</param>
    /// <param name="cancellationToken">Cancels opening.</param>
    /// <returns>A seekable stream of the object.</returns>
    /// <exception cref="ObjectChangedException">The object is no longer the listed version.</exception>
    Task<Stream> OpenSeekableReadAsync(ObjectInfo @object, CancellationToken cancellationToken);
}
