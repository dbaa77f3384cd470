using System;

namespace Typed.S3;

/// <summary>When a <see cref="DatasetSink{T}"/> completes a part file and starts the next.</summary>
public sealed class DatasetSinkOptions
{
    /// <summary>The most records a part file holds; the schema's <c>write.max_rows_per_file</c> when not set.</summary>
    public long? MaxRowsPerFile { get; init; }

    /// <summary>About the most bytes a part file holds (checked after each record); the schema's <c>write.max_bytes_per_file</c> when not set.</summary>
    public long? MaxBytesPerFile { get; init; }

    /// <summary>The longest a part file stays open after its first record before it is completed, even without new records.</summary>
    public TimeSpan? MaxFileAge { get; init; }

    /// <summary>Whether every record goes to a file of its own (the same as <see cref="MaxRowsPerFile"/> = 1).</summary>
    public bool OneRecordPerFile { get; init; }

    /// <summary>The <c>{partition}</c> of the layout, for a sink that consumes one partition of a stream.</summary>
    public int? Partition { get; init; }

    /// <summary>The clock of the load and of <see cref="MaxFileAge"/>; the system's when not set.</summary>
    public TimeProvider? TimeProvider { get; init; }

    /// <summary>How many records may wait for the codec before <c>WriteAsync</c> waits too.</summary>
    public int BufferedRecords { get; init; } = 1024;
}
