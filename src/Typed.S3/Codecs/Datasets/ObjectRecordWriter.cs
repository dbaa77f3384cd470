using System.Collections.Generic;
using System.ComponentModel;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Typed.S3.Codecs;

/// <summary>Writes records to one object's stream: a generated codec.</summary>
/// <typeparam name="T">The record type.</typeparam>
/// <param name="stream">The object's (uncompressed) stream.</param>
/// <param name="rows">The records to write into this one object, enumerated once, in order.</param>
/// <param name="cancellationToken">Cancels writing.</param>
/// <returns>The number of records written.</returns>
/// <remarks>For generated code only: not a supported API, hidden from IntelliSense, and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate Task<long> ObjectRecordWriter<T>(Stream stream, IAsyncEnumerable<T> rows, CancellationToken cancellationToken);
