using System.Globalization;
using System.Threading;

namespace Typed.S3;

/// <summary>
/// The bad records one read has met, over all its objects: each is counted, handed to the read's callback and
/// skipped, until there are more than <see cref="DatasetReadOptions.MaxBadRecords"/>, when the read fails.
/// </summary>
internal sealed class BadRecordBudget
{
    private long _met;

    /// <summary>How many bad records the read has met.</summary>
    public long Met => Interlocked.Read(ref _met);

    /// <summary>
    /// Takes a bad record the read skips: counts it (in all and in its object's statistics), hands it to the callback,
    /// or fails the read when it is one too many. Called on the thread reading the records, in file order.
    /// </summary>
    /// <param name="error">The record's error.</param>
    /// <param name="options">The read's options (with a skipping policy).</param>
    /// <exception cref="DatasetFormatException">More bad records than the options allow: the record's own error, saying so.</exception>
    public void Skip(DatasetFormatException error, DatasetReadOptions options)
    {
        long met = Interlocked.Increment(ref _met);
        if (met > options.MaxBadRecords)
        {
            throw new DatasetFormatException(
                error.ObjectName,
                error.Line,
                error.Row,
                error.ByteOffset,
                error.Column,
                error.ExpectedType,
                error.Value,
                error.Problem + string.Format(CultureInfo.InvariantCulture, "; this is bad record {0} of the read, more than the {1} DatasetReadOptions.MaxBadRecords lets it skip", met, options.MaxBadRecords),
                error) { RecordText = error.RecordText, RowGroup = error.RowGroup };
        }

        options.ObjectCounts?.AddSkipped();
        options.OnBadRecord?.Invoke(error);
    }
}
