using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Typed.S3;

/// <summary>
/// What <see cref="IObjectStore.OpenReadAsync(ObjectInfo, CancellationToken)"/> and
/// <see cref="IObjectStore.OpenReadRangeAsync(ObjectInfo, long, long, CancellationToken)"/> do for a store that does
/// not pin reads itself: read the location, and check the number of bytes against the listed size.
/// </summary>
internal static class ObjectVersionReads
{
    /// <summary>Opens a whole object, checked against its listed size.</summary>
    /// <param name="store">The store to read from; left open (not disposed).</param>
    /// <param name="object">The object as listed.</param>
    /// <param name="cancellationToken">Cancels opening.</param>
    public static async Task<Stream> OpenAsync(IObjectStore store, ObjectInfo @object, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@object);
        Stream inner = await store.OpenReadAsync(@object.Location, cancellationToken).ConfigureAwait(false);
        return new LengthCheckedStream(inner, @object.Location, 0, @object.Size);
    }

    /// <summary>Opens a range of an object, checked against what its listed size leaves of the range.</summary>
    /// <param name="store">The store to read from; left open (not disposed).</param>
    /// <param name="object">The object as listed.</param>
    /// <param name="offset">The first byte.</param>
    /// <param name="length">How many bytes at most.</param>
    /// <param name="cancellationToken">Cancels opening.</param>
    public static async Task<Stream> OpenRangeAsync(IObjectStore store, ObjectInfo @object, long offset, long length, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@object);
        Stream inner = await store.OpenReadRangeAsync(@object.Location, offset, length, cancellationToken).ConfigureAwait(false);
        return new LengthCheckedStream(inner, @object.Location, offset, RangeLength(@object.Size, offset, length));
    }

    /// <summary>How many bytes a range holds of an object of <paramref name="size"/> bytes.</summary>
    /// <param name="size">The object's size.</param>
    /// <param name="offset">The range's first byte.</param>
    /// <param name="length">The range's length.</param>
    /// <returns>The bytes the range holds, 0 when it starts at or past the end.</returns>
    public static long RangeLength(long size, long offset, long length) =>
        offset >= size ? 0 : Math.Min(length, size - offset);
}
