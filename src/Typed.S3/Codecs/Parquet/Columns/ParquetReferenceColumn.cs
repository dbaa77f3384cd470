using System;
using System.ComponentModel;
using System.Text;
using System.Text.Unicode;
using System.Threading;
using System.Threading.Tasks;
using Parquet;
using Parquet.Schema;

namespace Typed.S3.Codecs;

/// <summary>A column of a reference type (<see cref="string"/>, <see cref="byte"/><c>[]</c>): one batch's values in a pooled array.</summary>
/// <typeparam name="T">The property type (without <c>?</c>).</typeparam>
/// <remarks>For generated code only: not a supported API, hidden from IntelliSense, and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class ParquetReferenceColumn<T> : ParquetColumn
    where T : class
{
    private readonly ByteArrayChunkValues _bytes = new();
    private readonly ColumnChunkCursor _cursor = new();
    private ParquetSchemaNode? _leaf;
    private T?[]? _values;

    private protected ParquetReferenceColumn(string name, string typeName, bool required)
        : base(name, typeName, required)
    {
    }

    /// <summary>The value of a row of the batch read.</summary>
    /// <param name="row">The 0-based row in the batch.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    public T? Get(int row) => _values![row];

    /// <summary>The value of a row of the batch read, in a required column (its nulls have been ruled out).</summary>
    /// <param name="row">The 0-based row in the batch.</param>
    public T GetRequired(int row) => _values![row]!;

    /// <summary>Sets the value of a row of the row group being written.</summary>
    /// <param name="row">The 0-based row in the row group.</param>
    /// <param name="value">The value; <see langword="null"/> only in an optional column.</param>
    public void Set(int row, T? value)
    {
        if ((uint)row >= (uint)(_values?.Length ?? 0))
        {
            ParquetBuffers.Ensure(ref _values, row + 1, row);
        }

        _values![row] = value;
    }

    internal override bool Bind(ParquetSchemaNode fileNode)
    {
        if (!fileNode.IsLeaf || fileNode.MaxRepetition != 0 || !(ParquetLeafTypes.IsAlwaysNull(fileNode.Element) || Accepts(fileNode.Element)))
        {
            return false;
        }

        _leaf = fileNode;
        return true;
    }

    internal override ValueTask LoadAsync(ParquetRowGroupContext context, CancellationToken cancellationToken)
    {
        StartChunk();
        return context.Chunks.LoadAsync(context.Group, _leaf!, context.RowCount, _cursor, _bytes, cancellationToken);
    }

    private protected override void FillRows(int rows, bool everyBad, CancellationToken cancellationToken)
    {
        if (_cursor.Next(rows, cancellationToken) != rows)
        {
            ParquetErrors.Corrupt("the column chunk holds fewer values than the row group's rows");
        }

        ParquetBuffers.Ensure(ref _values, Math.Max(rows, 1), 0);
        Map(_values.AsSpan(0, rows), everyBad);
    }

    /// <summary>Whether a file's leaf column holds values of this column's type.</summary>
    private protected abstract bool Accepts(SchemaElement element);

    /// <summary>A new chunk starts: what was kept of the last one's dictionary is forgotten.</summary>
    private protected virtual void StartChunk()
    {
    }

    /// <summary>
    /// Puts each row's value into <paramref name="target"/>, null where null, from <see cref="Bytes"/> and
    /// <see cref="Levels"/>; a value that cannot be read is noted with <see cref="ParquetColumn.AddBad"/> (the row gets a
    /// non-null placeholder), and ends the mapping unless <paramref name="everyBad"/>.
    /// </summary>
    private protected abstract void Map(Span<T?> target, bool everyBad);

    /// <summary>The slice's values.</summary>
    private protected ByteArrayChunkValues Bytes => _bytes;

    /// <summary>The slice's definition levels (empty for a required file column).</summary>
    private protected ParquetLevels Levels => _cursor.Levels;

    internal override void FillAbsent(int rows)
    {
        ParquetBuffers.Ensure(ref _values, Math.Max(rows, 1), 0);
        Array.Clear(_values!, 0, rows);
    }

    private protected override int NextNull(int from, int rows) => Array.IndexOf(_values!, null, from, rows - from);

    internal override void BeginWrite(int capacity) => ParquetBuffers.Ensure(ref _values, capacity, 0);

    internal override Task WriteAsync(ParquetRowGroupWriter rowGroup, DataField field, long firstRow, int rowCount, CancellationToken cancellationToken)
    {
        ParquetBuffers.Ensure(ref _values, rowCount, rowCount);
        if (Required)
        {
            // Parquet.Net writes a null into a non-nullable field without complaint: refuse it here.
            int nullRow = Array.IndexOf(_values!, null, 0, rowCount);
            if (nullRow >= 0)
            {
                throw NullInRequiredColumn(firstRow + nullRow);
            }
        }

        return WriteValuesAsync(rowGroup, field, new ArraySegment<T?>(_values!, 0, rowCount));
    }

    internal override void Release()
    {
        ParquetBuffers.Return(ref _values);
        _bytes.Release();
        _cursor.Dispose();
        ReleaseReadBuffers();
    }

    private protected abstract void ReleaseReadBuffers();

    private protected abstract Task WriteValuesAsync(ParquetRowGroupWriter rowGroup, DataField field, ArraySegment<T?> values);
}

/// <summary>
/// A <c>string</c> column: UTF-8 <c>BYTE_ARRAY</c> with the <c>STRING</c> logical type (ENUM and JSON text read too).
/// Decoded straight from the page bytes into strings; in a dictionary-encoded chunk each dictionary entry becomes one
/// string, shared by the rows that hold it. Invalid UTF-8 is a bad value naming the row unless the read's options ask
/// for it to be replaced (<see cref="InvalidUtf8Handling.Replace"/>).
/// </summary>
/// <remarks>For generated code only: not a supported API, hidden from IntelliSense, and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ParquetStringColumn : ParquetReferenceColumn<string>
{
    private string?[]? _entries;

    internal ParquetStringColumn(string name, bool required)
        : base(name, "string", required)
    {
    }

    internal override DataField CreateField() => new DataField<string>(Name, !Required);

    private protected override bool Accepts(SchemaElement element) => ParquetLeafTypes.IsString(element);

    // Dictionary entries become strings once per chunk, kept while its batches are read.
    private protected override void StartChunk()
    {
        if (_entries is not null)
        {
            Array.Clear(_entries);
        }
    }

    private protected override void Map(Span<string?> target, bool everyBad)
    {
        ByteArrayChunkValues bytes = Bytes;
        int dictionary = bytes.DictionaryCount;
        if (dictionary > 0 && (_entries is null || _entries.Length < dictionary))
        {
            // The chunk's first batch: a pooled array, cleared whoever returned it.
            ParquetBuffers.Ensure(ref _entries, dictionary, 0);
            Array.Clear(_entries);
        }

        string?[]? entries = _entries;
        ReadOnlySpan<int> levels = Levels.Definitions;
        int max = Levels.MaxDefinition;
        int next = 0;
        for (int row = 0; row < target.Length; row++)
        {
            if (max != 0 && levels[row] != max)
            {
                target[row] = null;
                continue;
            }

            int entry = bytes.ValueEntry(next++);
            string? text = entry < dictionary ? entries![entry] : null;
            if (text is null)
            {
                ReadOnlySpan<byte> value = bytes.Entry(entry);
                if (!Utf8Text.TryDecodeValid(value, out text))
                {
                    if (!ReplaceInvalidUtf8)
                    {
                        AddBad(row, Encoding.UTF8.GetString(value), "the value is not valid UTF-8");
                        target[row] = string.Empty;
                        if (!everyBad)
                        {
                            return;
                        }

                        continue;
                    }

                    // Invalid sequences (when replacement is asked for) become U+FFFD.
                    text = Encoding.UTF8.GetString(value);
                }

                if (entry < dictionary)
                {
                    entries![entry] = text;
                }
            }

            target[row] = text;
        }
    }

    private protected override void ReleaseReadBuffers() => ParquetBuffers.Return(ref _entries);

    private protected override Task WriteValuesAsync(ParquetRowGroupWriter rowGroup, DataField field, ArraySegment<string?> values) =>
        rowGroup.WriteAsync(field, values!, null);
}

/// <summary>
/// A <c>binary</c> column: <c>BYTE_ARRAY</c> or <c>FIXED_LEN_BYTE_ARRAY</c> without a logical type (or one that only
/// says what the bytes mean elsewhere: BSON, GEOMETRY, GEOGRAPHY, an unknown one), each row's bytes as they are.
/// </summary>
/// <remarks>For generated code only: not a supported API, hidden from IntelliSense, and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ParquetBinaryColumn : ParquetReferenceColumn<byte[]>
{
    internal ParquetBinaryColumn(string name, bool required)
        : base(name, "binary", required)
    {
    }

    internal override DataField CreateField() => new DataField<byte[]>(Name, !Required);

    private protected override bool Accepts(SchemaElement element) => ParquetLeafTypes.IsBinary(element);

    // Each row gets its own array, never one a dictionary entry's rows share.
    private protected override void Map(Span<byte[]?> target, bool everyBad)
    {
        ByteArrayChunkValues bytes = Bytes;
        ReadOnlySpan<int> levels = Levels.Definitions;
        int max = Levels.MaxDefinition;
        int next = 0;
        for (int row = 0; row < target.Length; row++)
        {
            target[row] = max != 0 && levels[row] != max ? null : bytes.Value(next++).ToArray();
        }
    }

    private protected override void ReleaseReadBuffers()
    {
    }

    private protected override Task WriteValuesAsync(ParquetRowGroupWriter rowGroup, DataField field, ArraySegment<byte[]?> values) =>
        rowGroup.WriteAsync(field, values!, null);
}
