namespace Typed.S3;

/// <summary>What a read does with a record that does not fit the schema (see <see cref="DatasetReadOptions.BadRecords"/>).</summary>
public enum BadRecordHandling
{
    /// <summary>The read fails with the record's <see cref="DatasetFormatException"/> (the default).</summary>
    Fail,

    /// <summary>
    /// The record is left out and counted (<see cref="DatasetReadStatistics.SkippedRecords"/>), and handed to
    /// <see cref="DatasetReadOptions.OnBadRecord"/> when set; the read goes on with the next record, and fails once more
    /// than <see cref="DatasetReadOptions.MaxBadRecords"/> were met.
    /// </summary>
    Skip,
}
