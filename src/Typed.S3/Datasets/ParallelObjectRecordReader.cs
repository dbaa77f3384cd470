using System.Collections.Generic;
using System.IO;
using System.Threading;

namespace Typed.S3.Codecs;

/// <summary>Reads the records of one object's (uncompressed) stream, mapping them on several threads: a generated codec.</summary>
/// <typeparam name="T">The record type.</typeparam>
/// <param name="stream">The object's bytes.</param>
/// <param name="objectName">The object's URI, for error messages.</param>
/// <param name="maxDegreeOfParallelism">The number of mapping threads (2 or more), or −1 for one per processor.</param>
/// <param name="cancellationToken">Cancels reading.</param>
/// <returns>The object's records, in file order.</returns>
public delegate IAsyncEnumerable<T> ParallelObjectRecordReader<T>(Stream stream, string objectName, int maxDegreeOfParallelism, CancellationToken cancellationToken);
