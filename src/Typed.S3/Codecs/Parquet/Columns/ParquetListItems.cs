using System;
using System.Buffers;
using System.Collections.Generic;
using System.ComponentModel;
using System.Threading;
using System.Threading.Tasks;
using Parquet;
using Parquet.Schema;

namespace Typed.S3.Codecs;

/// <summary>
/// The element type of a Parquet <c>list&lt;T&gt;</c> column: the list's leaf field and how its values convert from and
/// to the element type. Reading and writing go through Parquet.Net's raw column API (values with definition and
/// repetition levels), so lists, empty lists, null lists and null elements stay distinct.
/// </summary>
/// <typeparam name="TItem">The element type, nullable (<c>int?</c>, <c>string?</c>).</typeparam>
/// <remarks>For generated code only: not a supported API, hidden from IntelliSense, and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class ParquetListItems<TItem>
{
    private protected ParquetListItems(string typeName)
    {
        TypeName = typeName;
    }

    /// <summary>The element type as the schema spells it (<c>int64</c>).</summary>
    public string TypeName { get; }

    /// <summary>The nullable leaf field (<c>element</c>) of a written list.</summary>
    internal abstract DataField CreateItemField();

    /// <summary>Whether a file's leaf column holds values of the element type (as a scalar column of that type reads them).</summary>
    /// <param name="file">The file's leaf column.</param>
    /// <returns>Whether it is read.</returns>
    internal abstract bool Accepts(SchemaElement file);

    /// <summary>The reader of a file leaf column that <see cref="Accepts"/> accepts.</summary>
    internal abstract ParquetListItemReader<TItem> CreateReader(SchemaElement file);

    /// <summary>Writes a leaf column chunk: the level entries' values (those defined to the leaf) with their levels.</summary>
    internal abstract Task WriteAsync(ParquetColumn column, ParquetRowGroupWriter rowGroup, DataField field, long firstRow, TItem[] items, int[] definitions, int[] repetitions, int count, int maxDefinition, CancellationToken cancellationToken);
}

/// <summary>Elements of a value type, converted from and to the file's physical type <typeparamref name="TFile"/>.</summary>
internal sealed class ValueListItems<T, TFile, TConversion> : ParquetListItems<T?>
    where T : struct
    where TFile : struct
    where TConversion : IParquetConversion<T, TFile>
{
    private readonly ParquetValueType<T> _type;

    public ValueListItems(string typeName, ParquetValueType<T> type)
        : base(typeName)
    {
        _type = type;
    }

    internal override DataField CreateItemField() => _type.CreateField(ListField.ElementName, nullable: true);

    internal override bool Accepts(SchemaElement file) => ParquetLeafTypes.IsAlwaysNull(file) || _type.Accepts(file);

    internal override ParquetListItemReader<T?> CreateReader(SchemaElement file) =>
        new ValueItemReader<T>(ParquetLeafTypes.IsAlwaysNull(file) ? new NullDecoder<T>() : _type.CreateDecoder(file));

    internal override async Task WriteAsync(ParquetColumn column, ParquetRowGroupWriter rowGroup, DataField field, long firstRow, T?[] items, int[] definitions, int[] repetitions, int count, int maxDefinition, CancellationToken cancellationToken)
    {
        TFile[] values = ArrayPool<TFile>.Shared.Rent(Math.Max(count, 1));
        try
        {
            int written = 0;
            long row = firstRow - 1;
            for (int i = 0; i < count; i++)
            {
                if (repetitions[i] == 0)
                {
                    row++;
                }

                if (definitions[i] == maxDefinition)
                {
                    T value = items[i].GetValueOrDefault();
                    _type.Check(column, row, value);
                    values[written++] = TConversion.ToFile(value);
                }
            }

            await rowGroup.WriteAllPartsAsync<TFile>(field, values.AsMemory(0, written), definitions.AsMemory(0, count), repetitions.AsMemory(0, count), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<TFile>.Shared.Return(values);
        }
    }
}

/// <summary>Elements of a reference type (<see cref="string"/>, <see cref="byte"/> arrays), read and written as memory.</summary>
internal sealed class ReferenceListItems<T, TFile, TConversion> : ParquetListItems<T?>
    where T : class
    where TFile : struct
    where TConversion : struct, IParquetConversion<T, TFile>, IParquetBytesConversion<T>
{
    private readonly Func<DataField> _createField;
    private readonly Func<SchemaElement, bool> _accepts;

    public ReferenceListItems(string typeName, Func<DataField> createField, Func<SchemaElement, bool> accepts)
        : base(typeName)
    {
        _createField = createField;
        _accepts = accepts;
    }

    internal override DataField CreateItemField() => _createField();

    internal override bool Accepts(SchemaElement file) => ParquetLeafTypes.IsAlwaysNull(file) || _accepts(file);

    internal override ParquetListItemReader<T?> CreateReader(SchemaElement file) => new BytesItemReader<T, TConversion>();

    internal override async Task WriteAsync(ParquetColumn column, ParquetRowGroupWriter rowGroup, DataField field, long firstRow, T?[] items, int[] definitions, int[] repetitions, int count, int maxDefinition, CancellationToken cancellationToken)
    {
        TFile[] values = ArrayPool<TFile>.Shared.Rent(Math.Max(count, 1));
        try
        {
            int written = 0;
            for (int i = 0; i < count; i++)
            {
                if (definitions[i] == maxDefinition)
                {
                    values[written++] = TConversion.ToFile(items[i]!);
                }
            }

            await rowGroup.WriteAllPartsAsync<TFile>(field, values.AsMemory(0, written), definitions.AsMemory(0, count), repetitions.AsMemory(0, count), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<TFile>.Shared.Return(values, clearArray: true);
        }
    }
}

/// <summary>A value read and written as it is.</summary>
internal readonly struct SameValue<T> : IParquetConversion<T, T>
{
    public static T FromFile(T value) => value;

    public static T ToFile(T value) => value;
}

/// <summary>A string written as UTF-16 memory (the form Parquet.Net writes strings from), read from UTF-8 bytes.</summary>
internal readonly struct StringMemory : IParquetConversion<string, ReadOnlyMemory<char>>, IParquetBytesConversion<string>
{
    public static string FromFile(ReadOnlyMemory<char> value) => value.ToString();

    public static ReadOnlyMemory<char> ToFile(string value) => value.AsMemory();

    public bool TryConvert(ReadOnlySpan<byte> value, out string result) => Utf8Text.TryDecodeValid(value, out result);

    public string Explain(ReadOnlySpan<byte> value, out string problem)
    {
        problem = "the value is not valid UTF-8";
        return System.Text.Encoding.UTF8.GetString(value);
    }
}

/// <summary>A byte array written as memory, read as a copy of its bytes.</summary>
internal readonly struct BinaryMemory : IParquetConversion<byte[], ReadOnlyMemory<byte>>, IParquetBytesConversion<byte[]>
{
    public static byte[] FromFile(ReadOnlyMemory<byte> value) => value.ToArray();

    public static ReadOnlyMemory<byte> ToFile(byte[] value) => value;

    public bool TryConvert(ReadOnlySpan<byte> value, out byte[] result)
    {
        result = value.ToArray();
        return true;
    }

    public string Explain(ReadOnlySpan<byte> value, out string problem)
    {
        problem = "the value cannot be read";
        return Convert.ToHexString(value);
    }
}

/// <summary>
/// Reads a list's leaf column chunk a slice at a time: for each level entry defined to the leaf the element, at the
/// entry's position (null elsewhere).
/// </summary>
internal abstract class ParquetListItemReader<TItem>
{
    /// <summary>Where the cursor puts the slice's values.</summary>
    public abstract IChunkValues Values { get; }

    /// <summary>
    /// Puts the slice's elements into <paramref name="items"/> (one per level entry), noting each entry whose element
    /// cannot be held in <paramref name="bad"/> (every one with <paramref name="everyBad"/>, else the first).
    /// </summary>
    public abstract void Fill(ParquetLevels levels, TItem[] items, List<ParquetBadValue> bad, bool everyBad, bool replaceInvalidUtf8);

    public abstract void Release();
}

/// <summary>Elements of a value type, through the scalar type's decoder.</summary>
internal sealed class ValueItemReader<T> : ParquetListItemReader<T?>
    where T : struct
{
    private readonly ParquetValueDecoder<T> _decoder;
    private T[]? _values;

    public ValueItemReader(ParquetValueDecoder<T> decoder)
    {
        _decoder = decoder;
    }

    public override IChunkValues Values => _decoder.Values;

    public override void Fill(ParquetLevels levels, T?[] items, List<ParquetBadValue> bad, bool everyBad, bool replaceInvalidUtf8)
    {
        int present = _decoder.Count;
        ParquetBuffers.Ensure(ref _values, Math.Max(present, 1), 0);
        Span<T> values = _values.AsSpan(0, present);
        int nextBad = _decoder.Convert(values, 0);
        ReadOnlySpan<int> definitions = levels.Definitions;
        int max = levels.MaxDefinition;
        int next = 0;
        for (int i = 0; i < levels.Count; i++)
        {
            if (max != 0 && definitions[i] != max)
            {
                items[i] = null;
                continue;
            }

            if (next == nextBad)
            {
                string value = _decoder.Explain(nextBad, out string problem);
                bad.Add(new ParquetBadValue(i, value, problem));
                if (!everyBad)
                {
                    return;
                }

                items[i] = null;
                next++;
                nextBad = _decoder.Convert(values, next);
                continue;
            }

            items[i] = values[next++];
        }
    }

    public override void Release()
    {
        _decoder.Release();
        ParquetBuffers.Return(ref _values);
    }
}

/// <summary>Elements of a reference type (strings, byte arrays), from the chunk's byte arrays.</summary>
internal sealed class BytesItemReader<T, TConversion> : ParquetListItemReader<T?>
    where T : class
    where TConversion : struct, IParquetBytesConversion<T>
{
    private readonly ByteArrayChunkValues _bytes = new();

    public override IChunkValues Values => _bytes;

    public override void Fill(ParquetLevels levels, T?[] items, List<ParquetBadValue> bad, bool everyBad, bool replaceInvalidUtf8)
    {
        TConversion conversion = default;
        ReadOnlySpan<int> definitions = levels.Definitions;
        int max = levels.MaxDefinition;
        int next = 0;
        for (int i = 0; i < levels.Count; i++)
        {
            if (max != 0 && definitions[i] != max)
            {
                items[i] = null;
                continue;
            }

            ReadOnlySpan<byte> bytes = _bytes.Value(next++);
            if (!conversion.TryConvert(bytes, out T item))
            {
                if (replaceInvalidUtf8 && typeof(T) == typeof(string))
                {
                    // Invalid sequences become U+FFFD, as asked.
                    item = (T)(object)System.Text.Encoding.UTF8.GetString(bytes);
                }
                else
                {
                    string value = conversion.Explain(bytes, out string problem);
                    bad.Add(new ParquetBadValue(i, value, problem));
                    if (!everyBad)
                    {
                        return;
                    }
                }
            }

            items[i] = item;
        }
    }

    public override void Release() => _bytes.Release();
}
