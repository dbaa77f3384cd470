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
    /// <summary>Opens an object as a seekable stream.</summary>
    /// <param name="location">The object.</param>
    /// <param name="cancellationToken">Cancels opening.</param>
    /// <returns>A seekable stream of the object.</returns>
    Task<Stream> OpenSeekableReadAsync(ObjectLocation location, CancellationToken cancellationToken);
}
