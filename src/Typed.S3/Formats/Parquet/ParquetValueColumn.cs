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
    private ParquetValueReader<T>? _reader;
    private T[]? _dense;
    private T?[]? _optional;
    private int[]? _levels;

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

    internal override bool Accepts(DataField fileField) => _type.Accepts(fileField);

    internal override DataField? Bind(Field fileField)
    {
        DataField? data = base.Bind(fileField);
        if (data is not null)
        {
            _reader?.Release();
            _reader = _type.CreateReader(data);
        }

        return data;
    }

    internal override ValueTask ReadAsync(ParquetRowGroupReader rowGroup, ParquetChunks chunks, DataField fileField, int rowCount, CancellationToken cancellationToken)
    {
        // Values at their rows (the default where null) and, for a file column with nulls, its definition levels.
        ParquetBuffers.Ensure(ref _dense, rowCount, 0);
        _definitions = null;
        if (fileField.MaxDefinitionLevel > 0)
        {
            ParquetBuffers.Ensure(ref _levels, rowCount, 0);
            _definitions = _levels;
            _maxDefinition = fileField.MaxDefinitionLevel;
        }

        return _reader!.ReadAsync(rowGroup, chunks, _dense, _definitions, rowCount, cancellationToken);
    }

    internal override void ReadAbsent(int rowCount)
    {
        ParquetBuffers.Ensure(ref _dense, rowCount, 0);
        ParquetBuffers.Ensure(ref _levels, rowCount, 0);
        Array.Clear(_dense, 0, rowCount);
        Array.Clear(_levels, 0, rowCount);
        _definitions = _levels;
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
        _reader?.Release();
        _definitions = null;
        ParquetBuffers.Return(ref _dense);
        ParquetBuffers.Return(ref _optional);
        ParquetBuffers.Return(ref _levels);
    }
}
