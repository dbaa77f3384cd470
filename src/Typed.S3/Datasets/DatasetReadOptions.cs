using System;

namespace Typed.S3;

/// <summary>How a dataset's objects are read.</summary>
public sealed class DatasetReadOptions
{
    private readonly int _maxDegreeOfParallelism = 1;
    private readonly long _maxBadRecords = 100;

    /// <summary>Creates options with the defaults: one thread, invalid UTF-8 and bad records fail the read, nothing counted.</summary>
    public DatasetReadOptions()
    {
    }

    // A copy for one object of a read, carrying the read's bad-record count and the object's statistics.
    private DatasetReadOptions(DatasetReadOptions options, BadRecordBudget budget, ObjectReadStatistics? counts)
    {
        _maxDegreeOfParallelism = options._maxDegreeOfParallelism;
        _maxBadRecords = options._maxBadRecords;
        InvalidUtf8 = options.InvalidUtf8;
        Statistics = options.Statistics;
        BadRecords = options.BadRecords;
        OnBadRecord = options.OnBadRecord;
        Budget = budget;
        ObjectCounts = counts;
    }

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
    /// a list element; other types fail to parse anyway) or in a Parquet string (a value or a list element):
    /// <see cref="InvalidUtf8Handling.Throw"/> (the default) makes it a bad record, a <see cref="DatasetFormatException"/>
    /// naming the object, line (or row and row group), column and byte offset where known;
    /// <see cref="InvalidUtf8Handling.Replace"/> reads each invalid sequence as U+FFFD. Objects that start with a UTF-16
    /// byte order mark are read as UTF-16 and follow the same rule for unpaired surrogates.
    /// </summary>
    public InvalidUtf8Handling InvalidUtf8 { get; init; }

    /// <summary>
    /// Where the read's counts go: records delivered and skipped, objects and bytes, in all and per object
    /// (<see langword="null"/>, the default, counts nothing). One statistics object adds up every read it is given to.
    /// </summary>
    public DatasetReadStatistics? Statistics { get; init; }

    /// <summary>
    /// What a record that does not fit the schema does (a value of the wrong type, a missing required value, a ragged
    /// CSV row, a JSON Lines line that is not one object, a JSON element of the wrong shape, a Parquet row with a value
    /// that cannot be held): fail the read (the default), or <see cref="BadRecordHandling.Skip"/> it, counted. Problems
    /// that leave no record to skip fail the read whatever this says: a header or Parquet schema without a column,
    /// malformed CSV quoting (where a record ends is then unknown), JSON whose structure is broken, a truncated or
    /// unreadable object, a corrupt Parquet page or column chunk.
    /// </summary>
    public BadRecordHandling BadRecords { get; init; }

    /// <summary>
    /// Called with each bad record's <see cref="DatasetFormatException"/> (object, line, row, column, value, and
    /// <see cref="DatasetFormatException.RecordText"/>, the record as it stands in the object, cut short; for Parquet its
    /// <see cref="DatasetFormatException.RowGroup"/> and no record text) on the thread
    /// reading the records, in file order; the record is then skipped as with <see cref="BadRecordHandling.Skip"/>, which
    /// setting this implies. An exception it throws ends the read.
    /// </summary>
    public Action<DatasetFormatException>? OnBadRecord { get; init; }

    /// <summary>
    /// How many bad records a read may skip (over all its objects); the one after them fails the read, its error saying
    /// so. Default 100.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public long MaxBadRecords
    {
        get => _maxBadRecords;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value, nameof(MaxBadRecords));
            _maxBadRecords = value;
        }
    }

    /// <summary>Whether bad records are skipped rather than failing the read.</summary>
    internal bool SkipsBadRecords => BadRecords == BadRecordHandling.Skip || OnBadRecord is not null;

    /// <summary>The read's count of bad records (shared by its objects), or <see langword="null"/> outside a dataset read.</summary>
    internal BadRecordBudget? Budget { get; }

    /// <summary>The statistics of the object being read, or <see langword="null"/> when nothing is counted or a dataset reader counts it.</summary>
    internal ObjectReadStatistics? ObjectCounts { get; }

    /// <summary>These options for one object of a read.</summary>
    /// <param name="budget">The read's bad-record count.</param>
    /// <param name="counts">The object's statistics, or <see langword="null"/>.</param>
    /// <returns>The object's options.</returns>
    internal DatasetReadOptions ForObject(BadRecordBudget budget, ObjectReadStatistics? counts) => new(this, budget, counts);

    /// <summary>The number of mapping threads <see cref="MaxDegreeOfParallelism"/> stands for on this machine.</summary>
    internal int Threads => _maxDegreeOfParallelism == -1 ? Environment.ProcessorCount : _maxDegreeOfParallelism;
}
