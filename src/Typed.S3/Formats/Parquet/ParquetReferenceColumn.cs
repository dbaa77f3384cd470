using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
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

    internal override ValueTask ReadAsync(ParquetRowGroupReader rowGroup, DataField fileField, int rowCount, CancellationToken cancellationToken)
    {
        ParquetBuffers.Ensure(ref _values, rowCount, 0);
        return ReadValuesAsync(rowGroup, fileField, _values, rowCount, cancellationToken);
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

    internal override void Release()
    {
        ParquetBuffers.Return(ref _values);
        ReleaseReadBuffers();
    }

    /// <summary>Reads a row group's values into <paramref name="values"/>, <see langword="null"/> where null.</summary>
    private protected abstract ValueTask ReadValuesAsync(ParquetRowGroupReader rowGroup, DataField fileField, T?[] values, int rowCount, CancellationToken cancellationToken);

    private protected abstract void ReleaseReadBuffers();

    private protected abstract Task WriteValuesAsync(ParquetRowGroupWriter rowGroup, DataField field, ArraySegment<T?> values);
}

/// <summary>
/// A <c>string</c> column: UTF-8 <c>BYTE_ARRAY</c> with the <c>STRING</c> logical type. Read as the UTF-8 bytes and
/// decoded straight into strings (Parquet.Net's string read decodes each value into a char array, then copies it into
/// a string); in a dictionary-encoded chunk each dictionary entry becomes one string, shared by the rows that hold it.
/// </summary>
public sealed class ParquetStringColumn : ParquetReferenceColumn<string>
{
    private readonly ParquetByteArrays _bytes = new();
    private readonly Dictionary<ParquetByteArrays.Entry, string> _dictionary = new();
    private DataField? _physical;

    internal ParquetStringColumn(string name, bool required)
        : base(name, "string", required)
    {
    }

    internal override DataField CreateField() => new DataField<string>(Name, !Required);

    internal override bool Accepts(DataField fileField) =>
        fileField.ClrType == typeof(string) || fileField.ClrType == typeof(ReadOnlyMemory<char>);

    internal override DataField? Bind(Field fileField)
    {
        DataField? data = base.Bind(fileField);
        _physical = data is null ? null : ParquetReadFields.Physical<byte[]>(data);
        return data;
    }

    private protected override async ValueTask ReadValuesAsync(ParquetRowGroupReader rowGroup, DataField fileField, string?[] values, int rowCount, CancellationToken cancellationToken)
    {
        if (_physical is null)
        {
            await rowGroup.ReadAsync(fileField, values.AsMemory(0, rowCount), null, cancellationToken).ConfigureAwait(false);
            return;
        }

        await _bytes.ReadAsync(rowGroup, _physical, rowCount, cancellationToken).ConfigureAwait(false);
        if (ParquetByteArrays.IsDictionaryEncoded(rowGroup, fileField))
        {
            _dictionary.Clear();
            _bytes.Map(values.AsSpan(0, rowCount), new SharedStrings(_dictionary));
            _dictionary.Clear();
        }
        else
        {
            _bytes.Map(values.AsSpan(0, rowCount), default(Utf8Strings));
        }
    }

    private protected override void ReleaseReadBuffers() => _bytes.Release();

    private protected override Task WriteValuesAsync(ParquetRowGroupWriter rowGroup, DataField field, ArraySegment<string?> values) =>
        rowGroup.WriteAsync(field, values!, null);

    private readonly struct Utf8Strings : ParquetByteArrays.IConversion<string>
    {
        public string Convert(ReadOnlyMemory<byte> value) => value.IsEmpty ? string.Empty : Encoding.UTF8.GetString(value.Span);
    }

    // Parquet.Net decodes each dictionary entry once into its own memory, which every row holding the entry shares.
    // A chunk whose dictionary overflowed goes on in plain pages, one memory per value: the cache stops growing.
    private readonly struct SharedStrings : ParquetByteArrays.IConversion<string>
    {
        private const int MaxEntries = 1 << 16;
        private readonly Dictionary<ParquetByteArrays.Entry, string> _strings;

        public SharedStrings(Dictionary<ParquetByteArrays.Entry, string> strings)
        {
            _strings = strings;
        }

        public string Convert(ReadOnlyMemory<byte> value)
        {
            if (value.IsEmpty)
            {
                return string.Empty;
            }

            if (!ParquetByteArrays.Entry.TryCreate(value, out ParquetByteArrays.Entry entry))
            {
                return Encoding.UTF8.GetString(value.Span);
            }

            if (!_strings.TryGetValue(entry, out string? text))
            {
                text = Encoding.UTF8.GetString(value.Span);
                if (_strings.Count < MaxEntries)
                {
                    _strings.Add(entry, text);
                }
            }

            return text;
        }
    }
}

/// <summary>A <c>binary</c> column: <c>BYTE_ARRAY</c> without a logical type.</summary>
public sealed class ParquetBinaryColumn : ParquetReferenceColumn<byte[]>
{
    private readonly ParquetByteArrays _bytes = new();

    internal ParquetBinaryColumn(string name, bool required)
        : base(name, "binary", required)
    {
    }

    internal override DataField CreateField() => new DataField<byte[]>(Name, !Required);

    internal override bool Accepts(DataField fileField) =>
        fileField.ClrType == typeof(byte[]) || fileField.ClrType == typeof(ReadOnlyMemory<byte>);

    private protected override async ValueTask ReadValuesAsync(ParquetRowGroupReader rowGroup, DataField fileField, byte[]?[] values, int rowCount, CancellationToken cancellationToken)
    {
        // Each row gets its own array: rows of a dictionary-encoded chunk share their entry's memory.
        await _bytes.ReadAsync(rowGroup, fileField, rowCount, cancellationToken).ConfigureAwait(false);
        _bytes.Map(values.AsSpan(0, rowCount), default(Copies));
    }

    private protected override void ReleaseReadBuffers() => _bytes.Release();

    private protected override Task WriteValuesAsync(ParquetRowGroupWriter rowGroup, DataField field, ArraySegment<byte[]?> values) =>
        rowGroup.WriteAsync(field, values!, null);

    private readonly struct Copies : ParquetByteArrays.IConversion<byte[]>
    {
        public byte[] Convert(ReadOnlyMemory<byte> value) => value.ToArray();
    }
}

/// <summary>A row group's <c>BYTE_ARRAY</c> values as Parquet.Net decodes them (memory per value) with their definition levels, in pooled buffers.</summary>
internal sealed class ParquetByteArrays
{
    private ReadOnlyMemory<byte>[]? _values;
    private int[]? _levels;
    private int _maxDefinition;

    public static bool IsDictionaryEncoded(ParquetRowGroupReader rowGroup, DataField field)
    {
        List<Parquet.Meta.Encoding>? encodings = rowGroup.GetMetadata(field)?.MetaData?.Encodings;
        return encodings is not null
            && (encodings.Contains(Parquet.Meta.Encoding.RLE_DICTIONARY) || encodings.Contains(Parquet.Meta.Encoding.PLAIN_DICTIONARY));
    }

    public async ValueTask ReadAsync(ParquetRowGroupReader rowGroup, DataField field, int rowCount, CancellationToken cancellationToken)
    {
        ParquetBuffers.Ensure(ref _values, rowCount, 0);
        Memory<int>? levels = null;
        _maxDefinition = field.MaxDefinitionLevel;
        if (_maxDefinition > 0)
        {
            ParquetBuffers.Ensure(ref _levels, rowCount, 0);
            levels = _levels.AsMemory(0, rowCount);
        }

        await rowGroup.ReadRawAsync<ReadOnlyMemory<byte>>(field, _values.AsMemory(0, rowCount), levels, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Puts each row's value, or null, into <paramref name="target"/> (one row group's rows).</summary>
    public void Map<T, TConversion>(Span<T?> target, TConversion conversion)
        where T : class
        where TConversion : struct, IConversion<T>
    {
        ReadOnlySpan<ReadOnlyMemory<byte>> values = _values.AsSpan(0, target.Length);
        if (_maxDefinition == 0)
        {
            for (int row = 0; row < target.Length; row++)
            {
                target[row] = conversion.Convert(values[row]);
            }

            return;
        }

        ReadOnlySpan<int> levels = _levels.AsSpan(0, target.Length);
        int max = _maxDefinition;
        int next = 0;
        for (int row = 0; row < target.Length; row++)
        {
            target[row] = levels[row] == max ? conversion.Convert(values[next++]) : null;
        }
    }

    public void Release()
    {
        ParquetBuffers.Return(ref _values);
        ParquetBuffers.Return(ref _levels);
    }

    /// <summary>Turns a value's bytes into the property's value; a struct, so each call inlines.</summary>
    public interface IConversion<T>
    {
        T Convert(ReadOnlyMemory<byte> value);
    }

    /// <summary>A value's memory, by identity (array, offset, length), not by content.</summary>
    public readonly struct Entry : IEquatable<Entry>
    {
        private readonly byte[] _array;
        private readonly int _offset;
        private readonly int _length;

        private Entry(byte[] array, int offset, int length)
        {
            _array = array;
            _offset = offset;
            _length = length;
        }

        public static bool TryCreate(ReadOnlyMemory<byte> value, out Entry entry)
        {
            if (MemoryMarshal.TryGetArray(value, out ArraySegment<byte> segment))
            {
                entry = new Entry(segment.Array!, segment.Offset, segment.Count);
                return true;
            }

            entry = default;
            return false;
        }

        public bool Equals(Entry other) => ReferenceEquals(_array, other._array) && _offset == other._offset && _length == other._length;

        public override bool Equals(object? obj) => obj is Entry other && Equals(other);

        public override int GetHashCode() => HashCode.Combine(RuntimeHelpers.GetHashCode(_array), _offset, _length);
    }
}
