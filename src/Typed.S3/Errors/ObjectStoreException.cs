using System;

namespace Typed.S3;

/// <summary>A store could not do what was asked: a missing bucket, denied access, a failed request.</summary>
public class ObjectStoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong; never holds a secret.</param>
    public ObjectStoreException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    /// <param name="message">What went wrong; never holds a secret.</param>
    /// <param name="innerException">The cause.</param>
    public ObjectStoreException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
