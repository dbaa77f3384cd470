using System;
using System.ComponentModel;
using System.Threading;
using System.Threading.Tasks;
using Parquet;
using Parquet.Schema;

namespace Typed.S3.Codecs;

/// <summary>
/// A column of a value type (numbers, <see cref="bool"/>, <see cref="decimal"/>, dates and times, <see cref="Guid"/>):
/// one batch's values in a pooled typed array, converted from and to the file's physical type by the runtime, so
/// the generated mapper reads and writes <typeparamref name="T"/> without boxing.
/// </summary>
/// <typeparam name="T">The property type (without <c>?</c>).</typeparam>
/// <remarks>For generated code only: not a supported API, hidden from IntelliSense, and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ParquetValueColumn<T> : ParquetColumn
    where T : struct
{
    private readonly ParquetValueType<T> _type;
    private readonly ColumnChunkCursor _cursor = new();
    private ParquetSchemaNode? _leaf;
    private ParquetValueDecoder<T>? _decoder;
    private T[]? _dense;
    private T?[]? _optional;
    private int[]? _absent;

    // While reading: the batch's definition levels (null when the file column has no nulls) and the level of a value.
    private int[]? _definitions;
    private int _maxDefinition;

    internal ParquetValueColumn(string name, string typeName, bool required, ParquetValueType<T> type)
        : base(name, typeName, required)
    {
        _type = type;
    }

    /// <summary>The value of a row of the batch read.</summary>
    /// <param name="row">The 0-based row in the batch.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    public T? Get(int row)
    {
        int[]? definitions = _definitions;
        return definitions is not null && definitions[row] != _maxDefinition ? null : _dense![row];
    }

    /// <summary>The value of a row of the batch read, in a required column (its nulls have been ruled out).</summary>
    /// <param name="row">The 0-based row in the batch.</param>
    public T GetRequired(int row) => _dense![row];

    /// <summary>Sets the value of a row of the row group being written, in an optional column.</summary>
    /// <param name="row">The 0-based row in the row group.</param>
    /// <param name="value">The value, or <see langword="null"/>.</param>
    public void Set(int row, T? value)
    {
        if ((uint)row >= (uint)(_optional?.Length ?? 0))
        {
            ParquetBuffers.Ensure(ref _optional, row + 1, row);
        }

        _optional![row] = value;
    }

    /// <summary>Sets the value of a row of the row group being written, in a required column.</summary>
    /// <param name="row">The 0-based row in the row group.</param>
    /// <param name="value">The row's value; a required column has no null to mark.</param>
    public void SetRequired(int row, T value)
    {
        if ((uint)row >= (uint)(_dense?.Length ?? 0))
        {
            ParquetBuffers.Ensure(ref _dense, row + 1, row);
        }

        _dense![row] = value;
    }

    internal override DataField CreateField() => _type.CreateField(Name, !Required);

    internal override bool Bind(ParquetSchemaNode fileNode)
    {
        SchemaElement element = fileNode.Element;
        bool nulls = ParquetLeafTypes.IsAlwaysNull(element);
        if (!fileNode.IsLeaf || fileNode.MaxRepetition != 0 || !(nulls || _type.Accepts(element)))
        {
            return false;
        }

        _leaf = fileNode;
        _decoder?.Release();
        _decoder = nulls ? new NullDecoder<T>() : _type.CreateDecoder(element);
        return true;
    }

    internal override ValueTask LoadAsync(ParquetRowGroupContext context, CancellationToken cancellationToken) =>
        context.Chunks.LoadAsync(context.Group, _leaf!, context.RowCount, _cursor, _decoder!.Values, cancellationToken);

    // Values at their rows (the default where null) and, for a file column with nulls, its definition levels.
    private protected override void FillRows(int rows, bool everyBad, CancellationToken cancellationToken)
    {
        if (_cursor.Next(rows, cancellationToken) != rows)
        {
            ParquetErrors.Corrupt("the column chunk holds fewer values than the row group's rows");
        }

        ParquetValueDecoder<T> decoder = _decoder!;
        ParquetLevels levels = _cursor.Levels;
        ParquetBuffers.Ensure(ref _dense, Math.Max(rows, 1), 0);
        int present = decoder.Count;
        Span<T> dense = _dense.AsSpan(0, present);
        _definitions = levels.DefinitionBuffer;
        _maxDefinition = levels.MaxDefinition;
        int bad = decoder.Convert(dense, 0);
        if (bad >= 0)
        {
            NoteBadValues(decoder, dense, bad, everyBad);
        }

        if (_definitions is not null)
        {
            Spread(_dense, _definitions, rows, _maxDefinition, present);
        }
    }

    // Each value that does not convert (from the first, at index bad) is noted at its row and read as the default.
    private void NoteBadValues(ParquetValueDecoder<T> decoder, Span<T> dense, int bad, bool everyBad)
    {
        int[]? definitions = _definitions;
        int row = -1;
        int seen = -1;
        while (bad >= 0)
        {
            string value = decoder.Explain(bad, out string problem);

            // The row of the bad-th non-null value: rows only move forward, as the bad values do.
            if (definitions is null)
            {
                row = bad;
            }
            else
            {
                while (seen < bad)
                {
                    if (definitions[++row] == _maxDefinition)
                    {
                        seen++;
                    }
                }
            }

            AddBad(row, value, problem);
            dense[bad] = default;
            bad = everyBad ? decoder.Convert(dense, bad + 1) : -1;
        }
    }

    // Moves the packed values to their rows, from the end so no value is overwritten before it moves.
    private static void Spread(T[] values, int[] definitions, int rowCount, int max, int packed)
    {
        int next = packed - 1;
        for (int row = rowCount - 1; row > next; row--)
        {
            values[row] = definitions[row] == max ? values[next--] : default;
        }
    }

    internal override void FillAbsent(int rows)
    {
        ParquetBuffers.Ensure(ref _dense, Math.Max(rows, 1), 0);
        ParquetBuffers.Ensure(ref _absent, Math.Max(rows, 1), 0);
        Array.Clear(_dense, 0, rows);
        Array.Clear(_absent, 0, rows);
        _definitions = _absent;
        _maxDefinition = 1;
    }

    private protected override int NextNull(int from, int rows)
    {
        if (_definitions is not { } definitions)
        {
            return -1;
        }

        int found = definitions.AsSpan(from, rows - from).IndexOfAnyExcept(_maxDefinition);
        return found < 0 ? -1 : from + found;
    }

    internal override void BeginWrite(int capacity)
    {
        if (Required)
        {
            ParquetBuffers.Ensure(ref _dense, capacity, 0);
        }
        else
        {
            ParquetBuffers.Ensure(ref _optional, capacity, 0);
        }
    }

    internal override Task WriteAsync(ParquetRowGroupWriter rowGroup, DataField field, long firstRow, int rowCount, CancellationToken cancellationToken)
    {
        if (Required)
        {
            ParquetBuffers.Ensure(ref _dense, rowCount, rowCount);
            return _type.WriteAsync(this, rowGroup, field, firstRow, _dense.AsMemory(0, rowCount), cancellationToken);
        }

        ParquetBuffers.Ensure(ref _optional, rowCount, rowCount);
        return _type.WriteAsync(this, rowGroup, field, firstRow, _optional.AsMemory(0, rowCount), cancellationToken);
    }

    internal override void Release()
    {
        _decoder?.Release();
        _cursor.Dispose();
        _definitions = null;
        ParquetBuffers.Return(ref _dense);
        ParquetBuffers.Return(ref _optional);
        ParquetBuffers.Return(ref _absent);
    }
}
