using System;

namespace Typed.S3;

/// <summary>
/// A read of an object failed part way and could not be resumed: the connection kept failing (resets, premature
/// ends, stalls, server errors) more times in a row than the store's retries allow, or the object ended before its
/// known size. Names the object and the byte offset where reading stopped; what was read before it was delivered.
/// </summary>
public class ObjectReadException : ObjectStoreException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="location">The object being read.</param>
    /// <param name="offset">The offset in the object of the first byte that could not be read.</param>
    /// <param name="message">What went wrong; never holds a secret.</param>
    /// <param name="innerException">The last failure, if any.</param>
    public ObjectReadException(ObjectLocation location, long offset, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Location = location;
        Offset = offset;
    }

    /// <summary>The object being read.</summary>
    public ObjectLocation Location { get; }

    /// <summary>The offset in the object of the first byte that could not be read.</summary>
    public long Offset { get; }
}
