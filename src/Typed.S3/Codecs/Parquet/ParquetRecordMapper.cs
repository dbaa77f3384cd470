using System.ComponentModel;

namespace Typed.S3.Codecs;

/// <summary>
/// The base of generated Parquet mappers: the schema's columns, and the per-record mapping between a record and
/// one row of the columns' arrays (a batch of rows being read, a row group being written). One mapper serves one read
/// or one write.
/// </summary>
/// <typeparam name="T">The record type.</typeparam>
/// <remarks>For generated code only: not a supported API, hidden from IntelliSense, and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class ParquetRecordMapper<T>
{
    private ParquetColumn[]? _columns;

    /// <summary>The schema's columns, in schema order.</summary>
    internal ParquetColumn[] Columns => _columns ??= CreateColumns();

    /// <summary>Builds the record of a row of the batch read.</summary>
    /// <param name="row">The 0-based row in the batch.</param>
    public abstract T Read(int row);

    /// <summary>Puts a record's values into a row of the row group being written.</summary>
    /// <param name="record">The record to write, never <see langword="null"/> (the codec rejects null records first).</param>
    /// <param name="row">The 0-based row in the row group.</param>
    public abstract void Write(T record, int row);

    /// <summary>The mapper's columns, in schema order (called once).</summary>
    /// <returns>The columns.</returns>
    protected abstract ParquetColumn[] CreateColumns();
}
