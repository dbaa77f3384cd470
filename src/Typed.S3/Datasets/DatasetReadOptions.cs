using System;

namespace Typed.S3;

/// <summary>How a dataset's objects are read.</summary>
public sealed class DatasetReadOptions
{
    private readonly int _maxDegreeOfParallelism = 1;

    /// <summary>Reading one thread at a time, in file order.</summary>
    public static DatasetReadOptions Default { get; } = new();

    /// <summary>
    /// How many threads turn the records of one CSV or TSV object into records: 1 (the default) maps them on the
    /// reading thread; more splits a large object into batches mapped on that many threads (−1: one per processor),
    /// while one thread reads and checks the bytes in order. Records still come in file order, errors still name the
    /// line, and memory stays bounded (a few batches ahead). Meant for objects of many megabytes, where mapping, not
    /// the network, is the limit; it costs threads and start-up time on small ones. Other formats read as usual.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is 0 or less than −1.</exception>
    public int MaxDegreeOfParallelism
    {
        get => _maxDegreeOfParallelism;
        init
        {
            if (value == 0 || value < -1)
            {
                throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), value, "Use 1 or more threads, or -1 for one per processor.");
            }

            _maxDegreeOfParallelism = value;
        }
    }

    /// <summary>The number of mapping threads <see cref="MaxDegreeOfParallelism"/> stands for on this machine.</summary>
    internal int Threads => _maxDegreeOfParallelism == -1 ? Environment.ProcessorCount : _maxDegreeOfParallelism;
}
