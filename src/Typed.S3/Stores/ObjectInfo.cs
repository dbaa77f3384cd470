using System;

namespace Typed.S3;

/// <summary>An object found by a listing or a head request: one version of it, which a read can be pinned to.</summary>
/// <param name="Location">The object's bucket and key.</param>
/// <param name="Size">Its size in bytes.</param>
/// <param name="LastModified">When it was last written.</param>
public sealed record ObjectInfo(ObjectLocation Location, long Size, DateTimeOffset LastModified)
{
    /// <summary>
    /// The entity tag the store gave this version (S3's quoted <c>ETag</c>, such as <c>"9b2cf535f27731c974343645a3985328"</c>),
    /// or <see langword="null"/> when the store has none (a local folder). Reads through
    /// <see cref="IObjectStore.OpenReadAsync(ObjectInfo, System.Threading.CancellationToken)"/> send it as
    /// <c>If-Match</c>, so that a replaced object is an error rather than a mix of two versions.
    /// </summary>
    public string? ETag { get; init; }
}
