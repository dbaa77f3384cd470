namespace Typed.S3;

/// <summary>
/// An optional capability of an <see cref="IObjectStore"/> whose objects take a round trip to open (S3, a remote
/// service): how many of the next objects of a glob a dataset read opens ahead of the one it is reading, so that many
/// small objects do not each wait on a round trip.
/// </summary>
/// <remarks>
/// It is a hint only. A dataset read calls <see cref="IObjectStore.OpenReadAsync(ObjectInfo, System.Threading.CancellationToken)"/>
/// for at most <see cref="ReadAhead"/> objects beyond the one being read (a negative value counts as 0), still delivers
/// the records in key order, and disposes the streams opened ahead when the read stops early; errors of an object opened
/// ahead surface in its turn, after the records before it. Stores without this interface are read one object after
/// another. Nothing else depends on it: a store must behave the same whatever it returns.
/// </remarks>
public interface IReadAheadHint
{
    /// <summary>How many objects to open ahead of the one being read; 0 opens none ahead.</summary>
    int ReadAhead { get; }
}
