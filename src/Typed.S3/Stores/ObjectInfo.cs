using System;

namespace Typed.S3;

/// <summary>An object found by a listing or a head request.</summary>
/// <param name="Location">The object's bucket and key.</param>
/// <param name="Size">Its size in bytes.</param>
/// <param name="LastModified">When it was last written.</param>
public sealed record ObjectInfo(ObjectLocation Location, long Size, DateTimeOffset LastModified);
