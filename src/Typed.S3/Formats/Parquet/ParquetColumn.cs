using System;
using System.Threading;
using System.Threading.Tasks;
using Parquet;
using Parquet.Schema;

namespace Typed.S3.Codecs;

/// <summary>
/// One schema column of a generated Parquet codec: the Parquet field it writes, the file columns it accepts, and
/// the buffer holding its values for one row group, which the generated mapper reads and fills row by row.
/// Created by <see cref="ParquetColumns"/>; a column serves one read or one write at a time.
/// </summary>
public abstract class ParquetColumn
{
    private protected ParquetColumn(string name, string typeName, bool required)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(typeName);
        Name = name;
        TypeName = typeName;
        Required = required;
    }

    /// <summary>The column's name in the file.</summary>
    public string Name { get; }

    /// <summary>The column's schema type as the schema file spells it (<c>decimal(18,2)</c>), for messages.</summary>
    public string TypeName { get; }

    /// <summary>Whether the column is required: written as a non-nullable field, and a null read from a file is an error.</summary>
    public bool Required { get; }

    /// <summary>The Parquet field written for the column.</summary>
    internal abstract DataField CreateField();

    /// <summary>Whether a file's column can be read into this column.</summary>
    internal abstract bool Accepts(DataField fileField);

    /// <summary>The column's field in a written file's schema: its data field, or a list field for a list column.</summary>
    internal virtual Field CreateSchemaField() => CreateField();

    /// <summary>The data field whose values a written column's chunk holds: the schema field itself, or a list's leaf.</summary>
    internal virtual DataField LeafOf(Field schemaField) => (DataField)schemaField;

    /// <summary>The file's data field this column reads, or <see langword="null"/> when the file's field cannot be read as the column.</summary>
    internal virtual DataField? Bind(Field fileField) => fileField is DataField data && !data.IsArray && Accepts(data) ? data : null;

    /// <summary>Reads one row group's values of the column, through the file's chunk reader.</summary>
    internal abstract ValueTask ReadAsync(ParquetRowGroupReader rowGroup, ParquetChunks chunks, DataField fileField, int rowCount, CancellationToken cancellationToken);

    /// <summary>Makes every value of a row group null: an optional column the file lacks.</summary>
    internal abstract void ReadAbsent(int rowCount);

    /// <summary>The first row (0-based) of the row group read whose value is null, or -1.</summary>
    internal abstract int FirstNull(int rowCount);

    /// <summary>Readies the buffer for writing up to <paramref name="capacity"/> rows.</summary>
    internal abstract void BeginWrite(int capacity);

    /// <summary>Writes the first <paramref name="rowCount"/> buffered values as the column's chunk of a row group.</summary>
    /// <param name="rowGroup">The row group being written.</param>
    /// <param name="field">The field of <see cref="CreateField"/>.</param>
    /// <param name="firstRow">The 0-based row in the file of the row group's first row, for messages.</param>
    /// <param name="rowCount">How many rows the row group holds.</param>
    /// <param name="cancellationToken">Cancels writing.</param>
    internal abstract Task WriteAsync(ParquetRowGroupWriter rowGroup, DataField field, long firstRow, int rowCount, CancellationToken cancellationToken);

    /// <summary>Returns the buffers to their pools.</summary>
    internal abstract void Release();

    /// <summary>The error for a null in a required column being written.</summary>
    internal ArgumentException NullInRequiredColumn(long row) =>
        new($"Row {row + 1}: column '{Name}' is required ({TypeName}) but the value is null.", "rows");
}

