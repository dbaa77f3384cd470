using System;

namespace Typed.S3;

/// <summary>An object (or the bucket it would be in) does not exist.</summary>
public class ObjectNotFoundException : ObjectStoreException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="location">The object that was not found.</param>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ObjectNotFoundException(ObjectLocation location, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Location = location;
    }

    /// <summary>The object that was not found.</summary>
    public ObjectLocation Location { get; }
}
