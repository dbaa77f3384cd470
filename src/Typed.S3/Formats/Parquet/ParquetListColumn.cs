using System;
using System.Collections.Generic;
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

    internal override async ValueTask ReadAsync(ParquetRowGroupReader rowGroup, DataField fileField, int rowCount, CancellationToken cancellationToken)
    {
        ParquetBuffers.Ensure(ref _rows, rowCount, 0);
        int count = checked((int)(rowGroup.GetMetadata(fileField)?.MetaData?.NumValues ?? 0));
        TItem[] items = new TItem[Math.Max(count, 1)];
        int[] definitions = new int[Math.Max(count, 1)];
        int[] repetitions = new int[Math.Max(count, 1)];
        await _items.ReadAsync(rowGroup, fileField, items, definitions, repetitions, count, cancellationToken).ConfigureAwait(false);

        // Levels: an entry defined at least to the repeated node is an element (null unless defined to the leaf);
        // one level below, an empty list; lower, a null list. A bare repeated field (the legacy form without a LIST
        // group) is its own repeated node: its elements are never null, and its lists never null, only empty.
        int elementLevel = fileField.IsArray ? fileField.MaxDefinitionLevel : fileField.MaxDefinitionLevel - (fileField.IsNullable ? 1 : 0);
        int row = -1;
        var current = new List<TItem>();
        bool open = false;
        for (int i = 0; i < count; i++)
        {
            if (repetitions[i] == 0)
            {
                Close(ref row, current, ref open, rowCount);
                row++;
                if (definitions[i] < elementLevel - 1)
                {
                    _rows![row] = null;
                    continue;
                }

                open = true;
                if (definitions[i] == elementLevel - 1)
                {
                    continue;
                }
            }

            current.Add(items[i]);
        }

        Close(ref row, current, ref open, rowCount);
        if (row != rowCount - 1)
        {
            throw new InvalidOperationException($"the list column has {row + 1} rows, not {rowCount}");
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

    internal override Task WriteAsync(ParquetRowGroupWriter rowGroup, DataField field, long firstRow, int rowCount, CancellationToken cancellationToken)
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

        // Written levels: 0 a null list, 1 an empty list, 2 a null element, 3 an element (field.MaxDefinitionLevel).
        int max = field.MaxDefinitionLevel;
        var items = new TItem[Math.Max(count, 1)];
        int[] definitions = new int[Math.Max(count, 1)];
        int[] repetitions = new int[Math.Max(count, 1)];
        int at = 0;
        for (int i = 0; i < rowCount; i++)
        {
            IReadOnlyList<TItem>? list = rows[i];
            if (list is null || list.Count == 0)
            {
                definitions[at] = list is null ? max - 3 : max - 2;
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

        return _items.WriteAsync(this, rowGroup, field, firstRow, items, definitions, repetitions, count, max, cancellationToken);
    }

    internal override void Release() => ParquetBuffers.Return(ref _rows);

    private void Close(ref int row, List<TItem> current, ref bool open, int rowCount)
    {
        if (!open)
        {
            return;
        }

        if (row >= rowCount)
        {
            throw new InvalidOperationException($"the list column has more than {rowCount} rows");
        }

        _rows![row] = current.Count == 0 ? Array.Empty<TItem>() : current.ToArray();
        current.Clear();
        open = false;
    }
}
