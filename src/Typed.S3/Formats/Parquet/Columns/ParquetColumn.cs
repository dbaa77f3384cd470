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

    /// <summary>
    /// Whether a file that lacks the column altogether reads it as null (the schema's <c>"when_absent": "null"</c>);
    /// otherwise such a file is an error naming the column.
    /// </summary>
    public bool AbsentAsNull { get; internal set; }

    /// <summary>The Parquet field written for the column.</summary>
    internal abstract DataField CreateField();

    /// <summary>The column's field in a written file's schema: its data field, or a list field for a list column.</summary>
    internal virtual Field CreateSchemaField() => CreateField();

    /// <summary>The data field whose values a written column's chunk holds: the schema field itself, or a list's leaf.</summary>
    internal virtual DataField LeafOf(Field schemaField) => (DataField)schemaField;

    /// <summary>
    /// Binds the column to the file's node of its name: whether the node can be read as the column (the column keeps
    /// the leaf it reads). Nothing is read yet.
    /// </summary>
    internal abstract bool Bind(ParquetSchemaNode fileNode);

    /// <summary>Reads one row group's values of the bound column: fetches its chunk, decodes it, converts its values.</summary>
    internal abstract ValueTask ReadAsync(ParquetRowGroupContext context, CancellationToken cancellationToken);

    /// <summary>Makes every value of a row group null: an optional column the file lacks.</summary>
    internal abstract void ReadAbsent(int rowCount);

    /// <summary>The first row (0-based) of the row group read whose value is null, or -1.</summary>
    internal abstract int FirstNull(int rowCount);

    /// <summary>
    /// The first row (0-based) of the row group read whose value could not be converted, with the value and the
    /// problem; -1 when every value converted. Rows before it are delivered before the error is raised.
    /// </summary>
    internal int BadRow { get; private protected set; } = -1;

    /// <summary>The value of <see cref="BadRow"/> as text.</summary>
    internal string? BadValue { get; private protected set; }

    /// <summary>What is wrong with the value of <see cref="BadRow"/>.</summary>
    internal string? BadProblem { get; private protected set; }

    /// <summary>Records the first value of the row group that cannot be read (the earliest row wins).</summary>
    private protected void SetBadRow(int row, string? value, string problem)
    {
        if (BadRow < 0 || row < BadRow)
        {
            BadRow = row;
            BadValue = value;
            BadProblem = problem;
        }
    }

    /// <summary>Forgets the last row group's bad value.</summary>
    private protected void ClearBadRow()
    {
        BadRow = -1;
        BadValue = null;
        BadProblem = null;
    }

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

