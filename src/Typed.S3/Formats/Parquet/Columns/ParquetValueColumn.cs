using System;
using System.Threading;
using System.Threading.Tasks;
using Parquet;
using Parquet.Schema;

namespace Typed.S3.Codecs;

/// <summary>
/// A column of a value type (numbers, <see cref="bool"/>, <see cref="decimal"/>, dates and times, <see cref="Guid"/>):
/// one row group's values in a pooled typed array, converted from and to the file's physical type by the runtime, so
/// the generated mapper reads and writes <typeparamref name="T"/> without boxing.
/// </summary>
/// <typeparam name="T">The property type (without <c>?</c>).</typeparam>
public sealed class ParquetValueColumn<T> : ParquetColumn
    where T : struct
{
    private readonly ParquetValueType<T> _type;
    private readonly ParquetLevels _levels = new();
    private ParquetSchemaNode? _leaf;
    private ParquetValueDecoder<T>? _decoder;
    private T[]? _dense;
    private T?[]? _optional;
    private int[]? _absent;

    // While reading: the row group's definition levels (null when the file column has no nulls) and the level of a value.
    private int[]? _definitions;
    private int _maxDefinition;

    internal ParquetValueColumn(string name, string typeName, bool required, ParquetValueType<T> type)
        : base(name, typeName, required)
    {
        _type = type;
    }

    /// <summary>The value of a row of the row group read.</summary>
    /// <param name="row">The 0-based row in the row group.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    public T? Get(int row)
    {
        int[]? definitions = _definitions;
        return definitions is not null && definitions[row] != _maxDefinition ? null : _dense![row];
    }

    /// <summary>The value of a row of the row group read, in a required column (its nulls have been ruled out).</summary>
    /// <param name="row">The 0-based row in the row group.</param>
    /// <returns>The value.</returns>
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
    /// <param name="value">The value.</param>
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

    internal override async ValueTask ReadAsync(ParquetRowGroupContext context, CancellationToken cancellationToken)
    {
        ColumnChunkMetaData chunk = await context.Chunks.LoadAsync(context.Group, _leaf!, context.RowCount, cancellationToken).ConfigureAwait(false);
        Decode(context, chunk, cancellationToken);
    }

    // Values at their rows (the default where null) and, for a file column with nulls, its definition levels.
    private void Decode(ParquetRowGroupContext context, ColumnChunkMetaData chunk, CancellationToken cancellationToken)
    {
        ClearBadRow();
        int rowCount = context.RowCount;
        ParquetValueDecoder<T> decoder = _decoder!;
        decoder.Decode(context.Chunks, chunk, _leaf!, _levels, cancellationToken);
        ParquetBuffers.Ensure(ref _dense, Math.Max(rowCount, 1), 0);
        int present = decoder.Count;
        int bad = decoder.Convert(_dense.AsSpan(0, present));
        _definitions = _levels.DefinitionBuffer;
        _maxDefinition = _levels.MaxDefinition;
        if (bad >= 0)
        {
            string value = decoder.Explain(bad, out string problem);
            SetBadRow(RowOfValue(bad), value, problem);
        }

        if (_definitions is not null)
        {
            Spread(_dense, _definitions, rowCount, _maxDefinition, present);
        }
    }

    // The row of the index-th non-null value.
    private int RowOfValue(int index)
    {
        if (_definitions is null)
        {
            return index;
        }

        int seen = -1;
        for (int row = 0; ; row++)
        {
            if (_definitions[row] == _maxDefinition && ++seen == index)
            {
                return row;
            }
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

    internal override void ReadAbsent(int rowCount)
    {
        ClearBadRow();
        ParquetBuffers.Ensure(ref _dense, Math.Max(rowCount, 1), 0);
        ParquetBuffers.Ensure(ref _absent, Math.Max(rowCount, 1), 0);
        Array.Clear(_dense, 0, rowCount);
        Array.Clear(_absent, 0, rowCount);
        _definitions = _absent;
        _maxDefinition = 1;
    }

    internal override int FirstNull(int rowCount) =>
        _definitions is { } definitions ? definitions.AsSpan(0, rowCount).IndexOfAnyExcept(_maxDefinition) : -1;

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
        _levels.Release();
        _definitions = null;
        ParquetBuffers.Return(ref _dense);
        ParquetBuffers.Return(ref _optional);
        ParquetBuffers.Return(ref _absent);
    }
}
