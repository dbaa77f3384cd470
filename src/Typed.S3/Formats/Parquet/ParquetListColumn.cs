using System;
using System.Buffers;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Parquet;
using Parquet.Schema;

namespace Typed.S3.Codecs;

/// <summary>
/// A <c>list&lt;T&gt;</c> column: written as the standard three-level LIST logical type (an optional list of a repeated
/// <c>list</c> group of an optional <c>element</c>); read from the three-level form (whatever its group and element
/// names) and from a bare repeated field (the legacy form without a LIST group), by the leaf's
/// definition and repetition levels, keeping null
/// lists, empty lists and null elements apart. Each row's list is a new array.
/// </summary>
/// <typeparam name="TItem">The element type, nullable (<c>int?</c>, <c>string?</c>).</typeparam>
public sealed class ParquetListColumn<TItem> : ParquetColumn
{
    private readonly ParquetListItems<TItem> _items;
    private IReadOnlyList<TItem>?[]? _rows;

    internal ParquetListColumn(string name, bool required, ParquetListItems<TItem> items)
        : base(name, "list<" + items.TypeName + ">", required)
    {
        _items = items;
    }

    /// <summary>The list of a row of the row group read.</summary>
    /// <param name="row">The 0-based row in the row group.</param>
    /// <returns>The list, or <see langword="null"/>.</returns>
    public IReadOnlyList<TItem>? Get(int row) => _rows![row];

    /// <summary>The list of a row of the row group read, in a required column (its nulls have been ruled out).</summary>
    /// <param name="row">The 0-based row in the row group.</param>
    /// <returns>The list.</returns>
    public IReadOnlyList<TItem> GetRequired(int row) => _rows![row] ?? Array.Empty<TItem>();

    /// <summary>Sets the list of a row of the row group being written.</summary>
    /// <param name="row">The 0-based row in the row group.</param>
    /// <param name="value">The list, or <see langword="null"/>.</param>
    public void Set(int row, IReadOnlyList<TItem>? value)
    {
        if ((uint)row >= (uint)(_rows?.Length ?? 0))
        {
            ParquetBuffers.Ensure(ref _rows, row + 1, row);
        }

        _rows![row] = value;
    }

    internal override DataField CreateField() => throw new InvalidOperationException("A list column has a list field.");

    internal override Field CreateSchemaField() => new ListField(Name, _items.CreateItemField());

    internal override DataField LeafOf(Field schemaField) => (DataField)((ListField)schemaField).Item;

    internal override bool Accepts(DataField fileField) => false;

    internal override DataField? Bind(Field fileField) => fileField switch
    {
        ListField { Item: DataField item } when item.MaxRepetitionLevel == 1 && !item.IsArray && _items.Accepts(item) => item,
        DataField { IsArray: true } repeated when repeated.MaxRepetitionLevel == 1 && _items.Accepts(repeated) => repeated,
        _ => null,
    };

    internal override async ValueTask ReadAsync(ParquetRowGroupReader rowGroup, ParquetChunks chunks, DataField fileField, int rowCount, CancellationToken cancellationToken)
    {
        ParquetBuffers.Ensure(ref _rows, rowCount, 0);
        int count = checked((int)(rowGroup.GetMetadata(fileField)?.MetaData?.NumValues ?? 0));
        TItem[] items = ArrayPool<TItem>.Shared.Rent(Math.Max(count, 1));
        int[] definitions = ArrayPool<int>.Shared.Rent(Math.Max(count, 1));
        int[] repetitions = ArrayPool<int>.Shared.Rent(Math.Max(count, 1));
        try
        {
            await _items.ReadAsync(rowGroup, fileField, items, definitions, repetitions, count, cancellationToken).ConfigureAwait(false);
            Assemble(fileField, rowCount, items, definitions, repetitions, count);
        }
        finally
        {
            ArrayPool<TItem>.Shared.Return(items, RuntimeHelpers.IsReferenceOrContainsReferences<TItem>());
            ArrayPool<int>.Shared.Return(definitions);
            ArrayPool<int>.Shared.Return(repetitions);
        }
    }

    private void Assemble(DataField fileField, int rowCount, TItem[] items, int[] definitions, int[] repetitions, int count)
    {
        // Levels: an entry defined at least to the repeated node is an element (null unless defined to the leaf);
        // one level below, an empty list; lower, a null list. A bare repeated field (the legacy form without a LIST
        // group) is its own repeated node: its elements are never null, and its lists never null, only empty.
        int elementLevel = fileField.IsArray ? fileField.MaxDefinitionLevel : fileField.MaxDefinitionLevel - (fileField.IsNullable ? 1 : 0);
        IReadOnlyList<TItem>?[] rows = _rows!;
        int row = 0;
        int i = 0;
        while (i < count)
        {
            if (row == rowCount)
            {
                throw new InvalidOperationException($"the list column has more than {rowCount} rows");
            }

            int end = i + 1;
            while (end < count && repetitions[end] != 0)
            {
                end++;
            }

            if (definitions[i] < elementLevel)
            {
                rows[row++] = definitions[i] < elementLevel - 1 ? null : Array.Empty<TItem>();
            }
            else
            {
                var list = new TItem[end - i];
                Array.Copy(items, i, list, 0, list.Length);
                rows[row++] = list;
            }

            i = end;
        }

        if (row != rowCount)
        {
            throw new InvalidOperationException($"the list column has {row} rows, not {rowCount}");
        }
    }

    internal override void ReadAbsent(int rowCount)
    {
        ParquetBuffers.Ensure(ref _rows, rowCount, 0);
        Array.Clear(_rows!, 0, rowCount);
    }

    internal override int FirstNull(int rowCount)
    {
        IReadOnlyList<TItem>?[] rows = _rows!;
        for (int i = 0; i < rowCount; i++)
        {
            if (rows[i] is null)
            {
                return i;
            }
        }

        return -1;
    }

    internal override void BeginWrite(int capacity) => ParquetBuffers.Ensure(ref _rows, capacity, 0);

    internal override async Task WriteAsync(ParquetRowGroupWriter rowGroup, DataField field, long firstRow, int rowCount, CancellationToken cancellationToken)
    {
        ParquetBuffers.Ensure(ref _rows, rowCount, rowCount);
        IReadOnlyList<TItem>?[] rows = _rows!;
        int count = 0;
        for (int i = 0; i < rowCount; i++)
        {
            IReadOnlyList<TItem>? list = rows[i];
            if (list is null && Required)
            {
                throw NullInRequiredColumn(firstRow + i);
            }

            count += list is null || list.Count == 0 ? 1 : list.Count;
        }

        TItem[] items = ArrayPool<TItem>.Shared.Rent(Math.Max(count, 1));
        int[] definitions = ArrayPool<int>.Shared.Rent(Math.Max(count, 1));
        int[] repetitions = ArrayPool<int>.Shared.Rent(Math.Max(count, 1));
        try
        {
            Flatten(rows, rowCount, field.MaxDefinitionLevel, items, definitions, repetitions);
            await _items.WriteAsync(this, rowGroup, field, firstRow, items, definitions, repetitions, count, field.MaxDefinitionLevel, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<TItem>.Shared.Return(items, RuntimeHelpers.IsReferenceOrContainsReferences<TItem>());
            ArrayPool<int>.Shared.Return(definitions);
            ArrayPool<int>.Shared.Return(repetitions);
        }
    }

    // Written levels: 0 a null list, 1 an empty list, 2 a null element, 3 an element (the leaf's maximum).
    private static void Flatten(IReadOnlyList<TItem>?[] rows, int rowCount, int max, TItem[] items, int[] definitions, int[] repetitions)
    {
        int at = 0;
        for (int i = 0; i < rowCount; i++)
        {
            IReadOnlyList<TItem>? list = rows[i];
            if (list is null || list.Count == 0)
            {
                items[at] = default!;
                definitions[at] = list is null ? max - 3 : max - 2;
                repetitions[at] = 0;
                at++;
                continue;
            }

            for (int j = 0; j < list.Count; j++)
            {
                TItem item = list[j];
                items[at] = item;
                definitions[at] = item is null ? max - 1 : max;
                repetitions[at] = j == 0 ? 0 : 1;
                at++;
            }
        }
    }

    internal override void Release() => ParquetBuffers.Return(ref _rows);
}
