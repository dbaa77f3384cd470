using System;
using System.Buffers;
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
public abstract class ParquetListItems<TItem>
{
    private protected ParquetListItems(string typeName)
    {
        TypeName = typeName;
    }

    /// <summary>The element type as the schema spells it (<c>int64</c>).</summary>
    public string TypeName { get; }

    /// <summary>The nullable leaf field (<c>element</c>) of a written list.</summary>
    /// <returns>The field.</returns>
    internal abstract DataField CreateItemField();

    /// <summary>Whether a file's leaf field holds values of the element type.</summary>
    /// <param name="file">The file's leaf field.</param>
    /// <returns>Whether it is read.</returns>
    internal abstract bool Accepts(DataField file);

    /// <summary>
    /// Reads a leaf column chunk: its definition and repetition levels, and for each level entry defined to the leaf
    /// (<c>definition == maxDefinition</c>) the value, in <paramref name="items"/> at the entry's position.
    /// </summary>
    internal abstract ValueTask ReadAsync(ParquetRowGroupReader rowGroup, DataField file, TItem[] items, int[] definitions, int[] repetitions, int count, CancellationToken cancellationToken);

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
    private readonly Func<DataField, bool>? _accepts;

    public ValueListItems(string typeName, ParquetValueType<T> type, Func<DataField, bool>? accepts = null)
        : base(typeName)
    {
        _type = type;
        _accepts = accepts;
    }

    internal override DataField CreateItemField() => _type.CreateField(ListField.ElementName, nullable: true);

    internal override bool Accepts(DataField file) => file.ClrType == typeof(TFile) && _type.Accepts(file) && (_accepts is null || _accepts(file));

    internal override async ValueTask ReadAsync(ParquetRowGroupReader rowGroup, DataField file, T?[] items, int[] definitions, int[] repetitions, int count, CancellationToken cancellationToken)
    {
        TFile[] values = ArrayPool<TFile>.Shared.Rent(Math.Max(count, 1));
        try
        {
            await rowGroup.ReadRawAsync<TFile>(file, values.AsMemory(0, count), definitions.AsMemory(0, count), repetitions.AsMemory(0, count), cancellationToken).ConfigureAwait(false);
            int max = file.MaxDefinitionLevel;
            int next = 0;
            for (int i = 0; i < count; i++)
            {
                items[i] = definitions[i] == max ? TConversion.FromFile(values[next++]) : null;
            }
        }
        finally
        {
            ArrayPool<TFile>.Shared.Return(values);
        }
    }

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
    where TConversion : IParquetConversion<T, TFile>
{
    private readonly Func<DataField> _createField;

    public ReferenceListItems(string typeName, Func<DataField> createField)
        : base(typeName)
    {
        _createField = createField;
    }

    internal override DataField CreateItemField() => _createField();

    internal override bool Accepts(DataField file) => file.ClrType == typeof(T) || file.ClrType == typeof(TFile);

    internal override async ValueTask ReadAsync(ParquetRowGroupReader rowGroup, DataField file, T?[] items, int[] definitions, int[] repetitions, int count, CancellationToken cancellationToken)
    {
        TFile[] values = ArrayPool<TFile>.Shared.Rent(Math.Max(count, 1));
        try
        {
            await rowGroup.ReadRawAsync<TFile>(file, values.AsMemory(0, count), definitions.AsMemory(0, count), repetitions.AsMemory(0, count), cancellationToken).ConfigureAwait(false);
            int max = file.MaxDefinitionLevel;
            int next = 0;
            for (int i = 0; i < count; i++)
            {
                items[i] = definitions[i] == max ? TConversion.FromFile(values[next++]) : null;
            }
        }
        finally
        {
            ArrayPool<TFile>.Shared.Return(values, clearArray: true);
        }
    }

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

/// <summary>A string read and written as UTF-16 memory (the raw form Parquet.Net reads strings in).</summary>
internal readonly struct StringMemory : IParquetConversion<string, ReadOnlyMemory<char>>
{
    public static string FromFile(ReadOnlyMemory<char> value) => value.ToString();

    public static ReadOnlyMemory<char> ToFile(string value) => value.AsMemory();
}

/// <summary>A byte array read and written as memory.</summary>
internal readonly struct BinaryMemory : IParquetConversion<byte[], ReadOnlyMemory<byte>>
{
    public static byte[] FromFile(ReadOnlyMemory<byte> value) => value.ToArray();

    public static ReadOnlyMemory<byte> ToFile(byte[] value) => value;
}
