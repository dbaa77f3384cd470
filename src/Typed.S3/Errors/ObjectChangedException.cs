using System;

namespace Typed.S3;

/// <summary>
/// The object was replaced or deleted while it was being read (its ETag or size no longer matches the version the
/// read started on). Reading on would mix two versions of the object, so the read stops here: read it again.
/// </summary>
public class ObjectChangedException : ObjectReadException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="location">The object being read.</param>
    /// <param name="offset">The offset in the object where the change was noticed.</param>
    /// <param name="message">What changed; never holds a secret.</param>
    /// <param name="innerException">The store's answer, if any.</param>
    public ObjectChangedException(ObjectLocation location, long offset, string message, Exception? innerException = null)
        : base(location, offset, message, innerException)
    {
    }
}
