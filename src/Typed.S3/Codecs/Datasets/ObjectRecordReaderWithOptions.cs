using System.Collections.Generic;
using System.ComponentModel;
using System.IO;
using System.Threading;

namespace Typed.S3.Codecs;

/// <summary>
/// Reads the records of one object's (uncompressed) stream as the read's options say (records mapped on several threads,
/// invalid UTF-8 replaced): a generated codec of a text format.
/// </summary>
/// <typeparam name="T">The record type.</typeparam>
/// <param name="stream">The object's bytes.</param>
/// <param name="objectName">The object's URI, for error messages.</param>
/// <param name="options">How to read.</param>
/// <param name="cancellationToken">Cancels reading.</param>
/// <returns>The object's records, in file order.</returns>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate IAsyncEnumerable<T> ObjectRecordReaderWithOptions<T>(Stream stream, string objectName, DatasetReadOptions options, CancellationToken cancellationToken);
