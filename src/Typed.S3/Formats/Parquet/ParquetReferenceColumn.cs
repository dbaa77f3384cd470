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

    internal override ValueTask ReadAsync(ParquetRowGroupReader rowGroup, ParquetChunks chunks, DataField fileField, int rowCount, CancellationToken cancellationToken)
    {
        ParquetBuffers.Ensure(ref _values, rowCount, 0);
        return ReadValuesAsync(rowGroup, chunks, fileField, _values, rowCount, cancellationToken);
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
    private protected abstract ValueTask ReadValuesAsync(ParquetRowGroupReader rowGroup, ParquetChunks chunks, DataField fileField, T?[] values, int rowCount, CancellationToken cancellationToken);

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
    private readonly Dictionary<ParquetByteArrays.Identity, string> _shared = new();
    private string?[]? _entries;
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

    private protected override async ValueTask ReadValuesAsync(ParquetRowGroupReader rowGroup, ParquetChunks chunks, DataField fileField, string?[] values, int rowCount, CancellationToken cancellationToken)
    {
        if (_physical is null)
        {
            await rowGroup.ReadAsync(fileField, values.AsMemory(0, rowCount), null, cancellationToken).ConfigureAwait(false);
            return;
        }

        await _bytes.ReadAsync(rowGroup, chunks, _physical, rowCount, cancellationToken).ConfigureAwait(false);
        ParquetBuffers.Ensure(ref _entries, Math.Max(_bytes.DictionaryCount, 1), 0);
        _shared.Clear();
        try
        {
            var strings = new Strings(_entries, _shared, _bytes.IsDictionaryEncoded(rowGroup, fileField));
            _bytes.Map(values.AsSpan(0, rowCount), ref strings);
        }
        finally
        {
            Array.Clear(_entries, 0, _bytes.DictionaryCount);
            _shared.Clear();
        }
    }

    private protected override void ReleaseReadBuffers()
    {
        _bytes.Release();
        ParquetBuffers.Return(ref _entries);
    }

    private protected override Task WriteValuesAsync(ParquetRowGroupWriter rowGroup, DataField field, ArraySegment<string?> values) =>
        rowGroup.WriteAsync(field, values!, null);

    // One string per dictionary entry. Parquet.Net's reads give each dictionary entry one memory, which every row
    // holding the entry shares: the same sharing, found by the memory's identity. A chunk whose dictionary overflowed
    // goes on in plain pages, one memory per value: that cache stops growing.
    private readonly struct Strings : ParquetByteArrays.IConversion<string>
    {
        private const int MaxShared = 1 << 16;
        private readonly string?[] _entries;
        private readonly Dictionary<ParquetByteArrays.Identity, string> _shared;
        private readonly bool _share;

        public Strings(string?[] entries, Dictionary<ParquetByteArrays.Identity, string> shared, bool share)
        {
            _entries = entries;
            _shared = shared;
            _share = share;
        }

        public string Convert(ReadOnlySpan<byte> value) => value.IsEmpty ? string.Empty : Encoding.UTF8.GetString(value);

        public string ConvertEntry(int entry, ReadOnlySpan<byte> value) => _entries[entry] ??= Convert(value);

        public string ConvertMemory(ReadOnlyMemory<byte> value)
        {
            if (!_share || value.IsEmpty || !ParquetByteArrays.Identity.TryCreate(value, out ParquetByteArrays.Identity identity))
            {
                return Convert(value.Span);
            }

            if (!_shared.TryGetValue(identity, out string? text))
            {
                text = Convert(value.Span);
                if (_shared.Count < MaxShared)
                {
                    _shared.Add(identity, text);
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

    private protected override async ValueTask ReadValuesAsync(ParquetRowGroupReader rowGroup, ParquetChunks chunks, DataField fileField, byte[]?[] values, int rowCount, CancellationToken cancellationToken)
    {
        await _bytes.ReadAsync(rowGroup, chunks, fileField, rowCount, cancellationToken).ConfigureAwait(false);
        var copies = default(Copies);
        _bytes.Map(values.AsSpan(0, rowCount), ref copies);
    }

    private protected override void ReleaseReadBuffers() => _bytes.Release();

    private protected override Task WriteValuesAsync(ParquetRowGroupWriter rowGroup, DataField field, ArraySegment<byte[]?> values) =>
        rowGroup.WriteAsync(field, values!, null);

    // Each row gets its own array, never one a dictionary entry's rows share.
    private readonly struct Copies : ParquetByteArrays.IConversion<byte[]>
    {
        public byte[] Convert(ReadOnlySpan<byte> value) => value.ToArray();

        public byte[] ConvertEntry(int entry, ReadOnlySpan<byte> value) => value.ToArray();

        public byte[] ConvertMemory(ReadOnlyMemory<byte> value) => value.ToArray();
    }
}

/// <summary>
/// A row group's <c>BYTE_ARRAY</c> values with their definition levels: from the decoder of <see cref="ParquetChunks"/>
/// (bytes in one buffer, dictionary entries apart), or from Parquet.Net (memory per value), in pooled buffers.
/// </summary>
internal sealed class ParquetByteArrays
{
    private readonly ParquetByteArrayChunk _chunk = new();
    private ReadOnlyMemory<byte>[]? _memories;
    private int[]? _levels;
    private int _maxDefinition;
    private bool _decoded;

    /// <summary>Turns a value's bytes into the property's value; a struct, so each call inlines.</summary>
    public interface IConversion<T>
    {
        /// <summary>A value of its own.</summary>
        T Convert(ReadOnlySpan<byte> value);

        /// <summary>A value of dictionary entry <paramref name="entry"/>, which other rows may hold too.</summary>
        T ConvertEntry(int entry, ReadOnlySpan<byte> value);

        /// <summary>A value as Parquet.Net reads it.</summary>
        T ConvertMemory(ReadOnlyMemory<byte> value);
    }

    /// <summary>How many dictionary entries the row group's values may name (0 when Parquet.Net read them).</summary>
    public int DictionaryCount => _decoded ? _chunk.DictionaryCount : 0;

    /// <summary>Whether the values Parquet.Net read come from a dictionary-encoded chunk (and so share memory).</summary>
    public bool IsDictionaryEncoded(ParquetRowGroupReader rowGroup, DataField field)
    {
        if (_decoded)
        {
            return false;
        }

        List<Parquet.Meta.Encoding>? encodings = rowGroup.GetMetadata(field)?.MetaData?.Encodings;
        return encodings is not null
            && (encodings.Contains(Parquet.Meta.Encoding.RLE_DICTIONARY) || encodings.Contains(Parquet.Meta.Encoding.PLAIN_DICTIONARY));
    }

    public async ValueTask ReadAsync(ParquetRowGroupReader rowGroup, ParquetChunks chunks, DataField field, int rowCount, CancellationToken cancellationToken)
    {
        Memory<int>? levels = null;
        _maxDefinition = field.MaxDefinitionLevel;
        if (_maxDefinition > 0)
        {
            ParquetBuffers.Ensure(ref _levels, rowCount, 0);
            levels = _levels.AsMemory(0, rowCount);
        }

        _decoded = await chunks.TryReadByteArraysAsync(rowGroup, field, _chunk, _maxDefinition > 0 ? _levels : null, rowCount, cancellationToken).ConfigureAwait(false);
        if (!_decoded)
        {
            ParquetBuffers.Ensure(ref _memories, rowCount, 0);
            await rowGroup.ReadRawAsync<ReadOnlyMemory<byte>>(field, _memories.AsMemory(0, rowCount), levels, null, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Puts each row's value, or null, into <paramref name="target"/> (one row group's rows).</summary>
    public void Map<T, TConversion>(Span<T?> target, ref TConversion conversion)
        where T : class
        where TConversion : struct, IConversion<T>
    {
        ReadOnlySpan<int> levels = _maxDefinition == 0 ? default : _levels.AsSpan(0, target.Length);
        int max = _maxDefinition;
        int next = 0;
        if (_decoded)
        {
            ParquetByteArrayChunk chunk = _chunk;
            int dictionary = chunk.DictionaryCount;
            for (int row = 0; row < target.Length; row++)
            {
                if (max != 0 && levels[row] != max)
                {
                    target[row] = null;
                    continue;
                }

                int entry = chunk.ValueEntry(next++);
                target[row] = entry < dictionary ? conversion.ConvertEntry(entry, chunk.Entry(entry)) : conversion.Convert(chunk.Entry(entry));
            }

            return;
        }

        ReadOnlySpan<ReadOnlyMemory<byte>> memories = _memories.AsSpan(0, target.Length);
        for (int row = 0; row < target.Length; row++)
        {
            target[row] = max == 0 || levels[row] == max ? conversion.ConvertMemory(memories[next++]) : null;
        }
    }

    public void Release()
    {
        _chunk.Release();
        ParquetBuffers.Return(ref _memories);
        ParquetBuffers.Return(ref _levels);
    }

    /// <summary>A value's memory, by identity (array, offset, length), not by content.</summary>
    public readonly struct Identity : IEquatable<Identity>
    {
        private readonly byte[] _array;
        private readonly int _offset;
        private readonly int _length;

        private Identity(byte[] array, int offset, int length)
        {
            _array = array;
            _offset = offset;
            _length = length;
        }

        public static bool TryCreate(ReadOnlyMemory<byte> value, out Identity identity)
        {
            if (MemoryMarshal.TryGetArray(value, out ArraySegment<byte> segment))
            {
                identity = new Identity(segment.Array!, segment.Offset, segment.Count);
                return true;
            }

            identity = default;
            return false;
        }

        public bool Equals(Identity other) => ReferenceEquals(_array, other._array) && _offset == other._offset && _length == other._length;

        public override bool Equals(object? obj) => obj is Identity other && Equals(other);

        public override int GetHashCode() => HashCode.Combine(RuntimeHelpers.GetHashCode(_array), _offset, _length);
    }
}
