using System;
using System.ComponentModel;

namespace Typed.S3.Codecs;

/// <summary>How a dataset's Parquet files are written: the schema's <c>write.parquet</c> section.</summary>
/// <remarks>For generated code only: not a supported API, hidden from IntelliSense, and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ParquetFormat
{
    /// <summary>The default row group size: 122,880 rows (DuckDB's).</summary>
    public const int DefaultRowGroupSize = 122_880;

    /// <summary>Creates the options.</summary>
    /// <param name="rowGroupSize">The most rows a row group holds (at least 1).</param>
    /// <param name="compression">The codec of the column chunks.</param>
    public ParquetFormat(int rowGroupSize = DefaultRowGroupSize, ParquetCompression compression = ParquetCompression.Snappy)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rowGroupSize, 1);
        if (!Enum.IsDefined(compression))
        {
            throw new ArgumentOutOfRangeException(nameof(compression), compression, "Unknown Parquet compression.");
        }

        RowGroupSize = rowGroupSize;
        Compression = compression;
    }

    /// <summary>Row groups of <see cref="DefaultRowGroupSize"/> rows, snappy.</summary>
    public static ParquetFormat Default { get; } = new();

    /// <summary>The most rows a row group holds: the writer buffers this many records before writing a row group.</summary>
    public int RowGroupSize { get; }

    /// <summary>The codec of the column chunks.</summary>
    public ParquetCompression Compression { get; }
}
