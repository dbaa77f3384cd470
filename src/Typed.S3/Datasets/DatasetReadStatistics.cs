using System.Collections.Generic;
using System.Threading;

namespace Typed.S3;

/// <summary>
/// What a dataset read did, filled in as it goes: the records delivered and skipped, the objects read and the bytes
/// fetched from the store, in all and per object. Give one to <see cref="DatasetReadOptions.Statistics"/> and look at
/// it during or after the read; a statistics object adds up every read it is given to.
/// </summary>
public sealed class DatasetReadStatistics
{
    private readonly object _gate = new();
    private readonly List<ObjectReadStatistics> _objects = [];
    private long _records;
    private long _skipped;
    private long _bytes;

    /// <summary>How many records were delivered.</summary>
    public long Records => Interlocked.Read(ref _records);

    /// <summary>How many bad records were skipped rather than failing the read.</summary>
    public long SkippedRecords => Interlocked.Read(ref _skipped);

    /// <summary>How many objects were read (begun), in all.</summary>
    public int Objects
    {
        get
        {
            lock (_gate)
            {
                return _objects.Count;
            }
        }
    }

    /// <summary>How many bytes were fetched from the store (compressed bytes for compressed objects).</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>Each object read so far, in the order it was begun, with its own counts.</summary>
    public IReadOnlyList<ObjectReadStatistics> PerObject
    {
        get
        {
            lock (_gate)
            {
                return _objects.ToArray();
            }
        }
    }

    /// <summary>The counts as one line: <c>1200 records (3 skipped) from 4 objects, 5123456 bytes</c>.</summary>
    /// <returns>The line above, for logs; the numbers are invariant-culture and not grouped.</returns>
    public override string ToString() =>
        $"{Records} records ({SkippedRecords} skipped) from {Objects} objects, {Bytes} bytes";

    /// <summary>Starts counting an object.</summary>
    /// <param name="objectName">The object (<c>s3://bucket/key</c>) or stream.</param>
    /// <returns>Its counts.</returns>
    internal ObjectReadStatistics Begin(string objectName)
    {
        var counts = new ObjectReadStatistics(this, objectName);
        lock (_gate)
        {
            _objects.Add(counts);
        }

        return counts;
    }

    internal void AddRecord() => Interlocked.Increment(ref _records);

    internal void AddSkipped() => Interlocked.Increment(ref _skipped);

    internal void AddBytes(long count) => Interlocked.Add(ref _bytes, count);
}
