using System;
using System.Threading;
using System.Threading.Tasks;
using Parquet;
using Parquet.Schema;

namespace Typed.S3.Codecs;

/// <summary>A column of a reference type (<see cref="string"/>, <see cref="byte"/><c>[]</c>): one row group's values in a pooled array.</summary>
/// <typeparam name="T">The property type (without <c>?</c>).</typeparam>
public abstract class ParquetReferenceColumn<T> : ParquetColumn
    where T : class
{
    private T?[]? _values;

    private protected ParquetReferenceColumn(string name, string typeName, bool required)
        : base(name, typeName, required)
    {
    }

    /// <summary>The value of a row of the row group read.</summary>
    /// <param name="row">The 0-based row in the row group.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    public T? Get(int row) => _values![row];

    /// <summary>The value of a row of the row group read, in a required column (its nulls have been ruled out).</summary>
    /// <param name="row">The 0-based row in the row group.</param>
    /// <returns>The value.</returns>
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

    internal override async ValueTask ReadAsync(ParquetRowGroupReader rowGroup, DataField fileField, int rowCount, CancellationToken cancellationToken)
    {
        ParquetBuffers.Ensure(ref _values, rowCount, 0);
        await ReadValuesAsync(rowGroup, fileField, _values.AsMemory(0, rowCount), cancellationToken).ConfigureAwait(false);
    }

    internal override void ReadAbsent(int rowCount)
    {
        ParquetBuffers.Ensure(ref _values, rowCount, 0);
        Array.Clear(_values!, 0, rowCount);
    }

    internal override int FirstNull(int rowCount) => Array.IndexOf(_values!, null, 0, rowCount);

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

    internal override void Release() => ParquetBuffers.Return(ref _values);

    private protected abstract ValueTask ReadValuesAsync(ParquetRowGroupReader rowGroup, DataField fileField, Memory<T?> values, CancellationToken cancellationToken);

    private protected abstract Task WriteValuesAsync(ParquetRowGroupWriter rowGroup, DataField field, ArraySegment<T?> values);
}

/// <summary>A <c>string</c> column: UTF-8 <c>BYTE_ARRAY</c> with the <c>STRING</c> logical type.</summary>
public sealed class ParquetStringColumn : ParquetReferenceColumn<string>
{
    internal ParquetStringColumn(string name, bool required)
        : base(name, "string", required)
    {
    }

    internal override DataField CreateField() => new DataField<string>(Name, !Required);

    internal override bool Accepts(DataField fileField) =>
        fileField.ClrType == typeof(string) || fileField.ClrType == typeof(ReadOnlyMemory<char>);

    private protected override ValueTask ReadValuesAsync(ParquetRowGroupReader rowGroup, DataField fileField, Memory<string?> values, CancellationToken cancellationToken) =>
        rowGroup.ReadAsync(fileField, values, null, cancellationToken);

    private protected override Task WriteValuesAsync(ParquetRowGroupWriter rowGroup, DataField field, ArraySegment<string?> values) =>
        rowGroup.WriteAsync(field, values!, null);
}

/// <summary>A <c>binary</c> column: <c>BYTE_ARRAY</c> without a logical type.</summary>
public sealed class ParquetBinaryColumn : ParquetReferenceColumn<byte[]>
{
    internal ParquetBinaryColumn(string name, bool required)
        : base(name, "binary", required)
    {
    }

    internal override DataField CreateField() => new DataField<byte[]>(Name, !Required);

    internal override bool Accepts(DataField fileField) =>
        fileField.ClrType == typeof(byte[]) || fileField.ClrType == typeof(ReadOnlyMemory<byte>);

    private protected override ValueTask ReadValuesAsync(ParquetRowGroupReader rowGroup, DataField fileField, Memory<byte[]?> values, CancellationToken cancellationToken) =>
        rowGroup.ReadAsync(fileField, values, null, cancellationToken);

    private protected override Task WriteValuesAsync(ParquetRowGroupWriter rowGroup, DataField field, ArraySegment<byte[]?> values) =>
        rowGroup.WriteAsync(field, values!, null);
}
