using System.Threading;

namespace Typed.S3;

/// <summary>The counts of one object of a dataset read (see <see cref="DatasetReadStatistics.PerObject"/>).</summary>
public sealed class ObjectReadStatistics
{
    private readonly DatasetReadStatistics _read;
    private long _records;
    private long _skipped;
    private long _bytes;
    private int _completed;

    internal ObjectReadStatistics(DatasetReadStatistics read, string objectName)
    {
        _read = read;
        ObjectName = objectName;
    }

    /// <summary>The object (<c>s3://bucket/key</c>) or stream.</summary>
    public string ObjectName { get; }

    /// <summary>How many of its records were delivered.</summary>
    public long Records => Interlocked.Read(ref _records);

    /// <summary>How many of its bad records were skipped.</summary>
    public long SkippedRecords => Interlocked.Read(ref _skipped);

    /// <summary>How many of its bytes were fetched from the store.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>Whether it was read to its end (not stopped by an error, a cancellation or the caller).</summary>
    public bool Completed => Volatile.Read(ref _completed) != 0;

    /// <summary>The counts as one line.</summary>
    /// <returns>Text such as <c>s3://b/k.csv: 100 records (1 skipped), 4096 bytes</c>.</returns>
    public override string ToString() =>
        $"{ObjectName}: {Records} records ({SkippedRecords} skipped), {Bytes} bytes{(Completed ? string.Empty : ", not read to its end")}";

    internal void AddRecord()
    {
        Interlocked.Increment(ref _records);
        _read.AddRecord();
    }

    internal void AddSkipped()
    {
        Interlocked.Increment(ref _skipped);
        _read.AddSkipped();
    }

    internal void AddBytes(long count)
    {
        Interlocked.Add(ref _bytes, count);
        _read.AddBytes(count);
    }

    internal void Complete() => Volatile.Write(ref _completed, 1);
}
