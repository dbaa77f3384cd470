using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Threading;
using System.Threading.Tasks;
using Parquet;
using Parquet.Schema;

namespace Typed.S3.Codecs;

/// <summary>
/// One schema column of a generated Parquet codec: the Parquet field it writes, the file columns it accepts, and
/// the buffer holding its values for one batch of rows (a row group being written, a few thousand rows of one being
/// read), which the generated mapper reads and fills row by row.
/// Created by <see cref="ParquetColumns"/>; a column serves one read or one write at a time.
/// </summary>
/// <remarks>For generated code only: not a supported API, hidden from IntelliSense, and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class ParquetColumn
{
    private readonly List<ParquetBadValue> _bad = [];

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

    /// <summary>
    /// Starts reading the bound column's chunk of a row group: fetches its bytes. Its rows are then decoded a batch at a
    /// time by <see cref="Fill"/>.
    /// </summary>
    internal abstract ValueTask LoadAsync(ParquetRowGroupContext context, CancellationToken cancellationToken);

    /// <summary>
    /// Decodes the next <paramref name="rows"/> rows of the bound column's chunk into the column's batch (rows 0 to
    /// <paramref name="rows"/> − 1 of <c>Get</c>), noting in <see cref="BadValues"/> the rows whose value cannot be held
    /// (and, in a required column, the nulls): every one with <paramref name="everyBad"/>, else at least the first.
    /// Damage to the chunk itself is a <see cref="ParquetDataException"/>.
    /// </summary>
    internal void Fill(int rows, bool everyBad, CancellationToken cancellationToken)
    {
        _bad.Clear();
        FillRows(rows, everyBad, cancellationToken);
        if (Required)
        {
            // Not only after the bad values: a null may come first.
            for (int row = NextNull(0, rows); row >= 0; row = everyBad ? NextNull(row + 1, rows) : -1)
            {
                _bad.Add(new ParquetBadValue(row, null, null));
            }
        }
    }

    /// <summary>Decodes the next <paramref name="rows"/> rows (see <see cref="Fill"/>); a bad value gets a non-null placeholder.</summary>
    private protected abstract void FillRows(int rows, bool everyBad, CancellationToken cancellationToken);

    /// <summary>Makes the batch's <paramref name="rows"/> values null: an optional column the file lacks.</summary>
    internal abstract void FillAbsent(int rows);

    /// <summary>After the row group's last batch: checks that the chunk held no more than its rows.</summary>
    internal virtual void EndRowGroup()
    {
    }

    /// <summary>The first row of the batch at or after <paramref name="from"/> (below <paramref name="rows"/>) whose value is null, or -1.</summary>
    private protected abstract int NextNull(int from, int rows);

    /// <summary>The batch's values that cannot be held, by row (a null in a required column has no problem).</summary>
    internal List<ParquetBadValue> BadValues => _bad;

    /// <summary>Notes a value of the batch that cannot be held.</summary>
    private protected void AddBad(int row, string? value, string problem) => _bad.Add(new ParquetBadValue(row, value, problem));

    /// <summary>Whether invalid UTF-8 in strings is read as U+FFFD (<see cref="InvalidUtf8Handling.Replace"/>) rather than being a bad value.</summary>
    internal bool ReplaceInvalidUtf8 { get; set; }

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

