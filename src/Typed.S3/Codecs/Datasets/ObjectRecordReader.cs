using System.Collections.Generic;
using System.ComponentModel;
using System.IO;
using System.Threading;

namespace Typed.S3.Codecs;

/// <summary>Reads the records of one object's (uncompressed) stream: a generated codec.</summary>
/// <typeparam name="T">The record type.</typeparam>
/// <param name="stream">The object's bytes.</param>
/// <param name="objectName">The object's URI, for error messages.</param>
/// <param name="cancellationToken">Cancels reading.</param>
/// <returns>The object's records.</returns>
/// <remarks>For generated code only: not a supported API, hidden from IntelliSense, and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate IAsyncEnumerable<T> ObjectRecordReader<T>(Stream stream, string objectName, CancellationToken cancellationToken);
