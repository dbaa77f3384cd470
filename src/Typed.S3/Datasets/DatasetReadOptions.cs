using System;

namespace Typed.S3;

/// <summary>How a dataset's objects are read.</summary>
public sealed class DatasetReadOptions
{
    private readonly int _maxDegreeOfParallelism = 1;

    /// <summary>Reading one thread at a time, in file order.</summary>
    public static DatasetReadOptions Default { get; } = new();

    /// <summary>
    /// How many threads turn the bytes of one CSV or TSV object into records: 1 (the default) maps them on the
    /// reading thread; more cuts a large object into chunks of whole records (256 KiB) that are tokenized and mapped
    /// on that many threads (−1: one per processor), the thread reading the records included, while one more thread
    /// reads the bytes and finds where records end. Records still come in file order, errors still name the object's
    /// line, row and byte offset, and memory stays bounded (two chunks a thread). Meant for objects of many megabytes,
    /// where mapping, not the network, is the limit; objects smaller than a chunk gain nothing. Other formats read as usual.
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

    /// <summary>
    /// What to do with text that is not valid UTF-8 in a CSV, JSON or JSON Lines object (a string value, a header name,
    /// a list element; other types fail to parse anyway): <see cref="InvalidUtf8Handling.Throw"/> (the default) fails with a
    /// <see cref="DatasetFormatException"/> naming the object, line, column and byte offset;
    /// <see cref="InvalidUtf8Handling.Replace"/> reads each invalid sequence as U+FFFD. Objects that start with a UTF-16
    /// byte order mark are read as UTF-16 and follow the same rule for unpaired surrogates.
    /// </summary>
    public InvalidUtf8Handling InvalidUtf8 { get; init; }

    /// <summary>
    /// Where the read's counts go: records delivered and skipped, objects and bytes, in all and per object
    /// (<see langword="null"/>, the default, counts nothing). One statistics object adds up every read it is given to.
    /// </summary>
    public DatasetReadStatistics? Statistics { get; init; }

    /// <summary>The number of mapping threads <see cref="MaxDegreeOfParallelism"/> stands for on this machine.</summary>
    internal int Threads => _maxDegreeOfParallelism == -1 ? Environment.ProcessorCount : _maxDegreeOfParallelism;
}
