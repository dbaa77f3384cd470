using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace Typed.S3;

/// <summary>Turns a dataset location (one key or a glob) into the objects it names, streaming the listing.</summary>
internal static class ObjectResolver
{
    /// <summary>Resolves <c>s3://bucket/key-or-glob</c>; see <see cref="ResolveAsync(IObjectStore, DatasetLocation, CancellationToken)"/>.</summary>
    /// <param name="store">The store to list and query; not disposed.</param>
    /// <param name="location">An <c>s3://bucket/key</c> or <c>s3://bucket/glob</c> text, parsed by <see cref="DatasetLocation.Parse"/>.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The objects, in key order.</returns>
    /// <exception cref="FormatException">The location does not parse.</exception>
    /// <exception cref="ObjectNotFoundException">No object is there, or none matches.</exception>
    public static IAsyncEnumerable<ObjectInfo> ResolveAsync(IObjectStore store, string location, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        return ResolveAsync(store, DatasetLocation.Parse(location), cancellationToken);
    }

    /// <summary>
    /// Resolves a location: without wildcards, the one object (an error when it does not exist); with
    /// wildcards, every object matching the glob, in key order, listing only the glob's literal prefix page
    /// by page. Matching nothing is an error, never an empty result.
    /// </summary>
    /// <param name="store">The store to list and query; not disposed.</param>
    /// <param name="location">A parsed object key or glob; its literal prefix is what is listed.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The objects, in key order.</returns>
    /// <exception cref="ObjectNotFoundException">No object is there, or none matches (thrown while enumerating).</exception>
    public static async IAsyncEnumerable<ObjectInfo> ResolveAsync(IObjectStore store, DatasetLocation location, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (location.Glob is null)
        {
            throw new ArgumentException("the location is empty", nameof(location));
        }

        KeyGlob glob = location.Glob;
        if (!glob.HasWildcards)
        {
            var objectLocation = new ObjectLocation(location.Bucket, glob.LiteralPrefix);
            ObjectInfo? info = await store.GetInfoAsync(objectLocation, cancellationToken).ConfigureAwait(false);
            if (info is null)
            {
                throw new ObjectNotFoundException(objectLocation, $"no object at {objectLocation} in {store}");
            }

            yield return info;
            yield break;
        }

        bool any = false;
        await foreach (ObjectInfo info in store.ListAsync(location.Bucket, glob.LiteralPrefix, cancellationToken).ConfigureAwait(false))
        {
            if (glob.IsMatch(info.Location.Key))
            {
                any = true;
                yield return info;
            }
        }

        if (!any)
        {
            throw new ObjectNotFoundException(
                new ObjectLocation(location.Bucket, glob.LiteralPrefix),
                $"no object matches {location} in {store}");
        }
    }
}
