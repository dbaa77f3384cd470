using System;

namespace Typed.S3;

/// <summary>
/// The store refused the credentials for an operation: access denied, an unknown access key, or a signature
/// that does not match (a wrong secret). The message names the operation and the location, never a secret.
/// </summary>
public class ObjectStoreAccessDeniedException : ObjectStoreException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="location">The object (or bucket, with an empty key) the operation was refused on.</param>
    /// <param name="operation">The operation refused, such as <c>read</c> or <c>list</c>.</param>
    /// <param name="message">What went wrong; never holds a secret.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ObjectStoreAccessDeniedException(ObjectLocation location, string operation, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Location = location;
        Operation = operation;
    }

    /// <summary>The object (or bucket, with an empty key) the operation was refused on.</summary>
    public ObjectLocation Location { get; }

    /// <summary>The operation refused, such as <c>read</c> or <c>list</c>.</summary>
    public string Operation { get; }
}
