using System;
using System.Buffers;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
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
    private readonly ParquetLevels _levels = new();
    private ParquetSchemaNode? _leaf;
    private ParquetListItemReader<TItem>? _reader;
    private int _nullBelow;
    private int _elementLevel;
    private TItem[]? _elements;
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

    internal override bool Bind(ParquetSchemaNode fileNode)
    {
        if (!TryFindElement(fileNode, out ParquetSchemaNode? element, out int nullBelow, out int elementLevel) || !_items.Accepts(element.Element))
        {
            return false;
        }

        _leaf = element;
        _nullBelow = nullBelow;
        _elementLevel = elementLevel;
        _reader?.Release();
        _reader = _items.CreateReader(element.Element);
        return true;
    }

    // The list's leaf, and the definition levels below which a row's list is null, and from which an entry is an
    // element: the standard three-level LIST (whatever its names), a two-level LIST whose repeated field is the
    // element, and a bare repeated field (its lists never null, its elements never null). Groups as elements (an
    // "array" or "_tuple" repeated group, or one of several fields) are lists of records, which this column is not.
    private static bool TryFindElement(ParquetSchemaNode node, [NotNullWhen(true)] out ParquetSchemaNode? element, out int nullBelow, out int elementLevel)
    {
        element = null;
        nullBelow = elementLevel = 0;
        if (node.IsLeaf)
        {
            if (!node.IsRepeated || node.MaxRepetition != 1)
            {
                return false;
            }

            element = node;
            elementLevel = node.MaxDefinition;
            return true;
        }

        SchemaElement group = node.Element;
        bool list = group.Logical.Kind == LogicalKind.List || (group.Logical.Kind == LogicalKind.None && group.ConvertedType == (int)ConvertedType.List);
        if (!list || node.IsRepeated || node.Children is not [{ IsRepeated: true } repeated])
        {
            return false;
        }

        nullBelow = node.MaxDefinition;
        elementLevel = repeated.MaxDefinition;
        if (repeated.IsLeaf)
        {
            element = repeated;
            return true;
        }

        if (repeated.Children is not [{ IsLeaf: true, IsRepeated: false } leaf]
            || repeated.Name == "array" || repeated.Name == node.Name + "_tuple")
        {
            return false;
        }

        element = leaf;
        return true;
    }

    internal override async ValueTask ReadAsync(ParquetRowGroupContext context, CancellationToken cancellationToken)
    {
        ColumnChunkMetaData chunk = await context.Chunks.LoadAsync(context.Group, _leaf!, context.RowCount, cancellationToken).ConfigureAwait(false);
        ClearBadRow();
        ParquetListItemReader<TItem> reader = _reader!;
        reader.Decode(context.Chunks, chunk, _leaf!, _levels, cancellationToken);
        int count = _levels.Count;
        ParquetBuffers.Ensure(ref _elements, Math.Max(count, 1), 0);
        int bad = reader.Fill(_levels, _elements, out string? value, out string? problem);
        Assemble(context.RowCount, bad);
        if (bad >= 0)
        {
            SetBadRow(RowOfEntry(bad), value, problem!);
        }
    }

    // Levels: an entry defined at least to the repeated node is an element (null unless defined to the leaf); below
    // that but at least to the list, an empty list; lower, a null list.
    private void Assemble(int rowCount, int bad)
    {
        ParquetBuffers.Ensure(ref _rows, Math.Max(rowCount, 1), 0);
        IReadOnlyList<TItem>?[] rows = _rows;
        TItem[] items = _elements!;
        ReadOnlySpan<int> definitions = _levels.Definitions;
        ReadOnlySpan<int> repetitions = _levels.Repetitions;
        int count = _levels.Count;
        int row = 0;
        int i = 0;
        while (i < count)
        {
            if (row == rowCount)
            {
                ParquetErrors.Corrupt(string.Create(CultureInfo.InvariantCulture, $"the list column holds more than the row group's {rowCount} rows"));
            }

            int end = i + 1;
            while (end < count && repetitions[end] != 0)
            {
                end++;
            }

            int definition = definitions.IsEmpty ? _elementLevel : definitions[i];
            if (definition < _elementLevel)
            {
                rows[row++] = definition < _nullBelow ? null : Array.Empty<TItem>();
            }
            else if (bad >= 0 && bad < end)
            {
                // Rows from the bad element on are never delivered.
                rows[row++] = null;
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
            ParquetErrors.Corrupt(string.Create(CultureInfo.InvariantCulture, $"the list column holds {row} rows, not the row group's {rowCount}"));
        }
    }

    private int RowOfEntry(int entry)
    {
        ReadOnlySpan<int> repetitions = _levels.Repetitions;
        int row = -1;
        for (int i = 0; i <= entry; i++)
        {
            if (repetitions[i] == 0)
            {
                row++;
            }
        }

        return row;
    }

    internal override void ReadAbsent(int rowCount)
    {
        ClearBadRow();
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

    internal override void Release()
    {
        ParquetBuffers.Return(ref _rows);
        ParquetBuffers.Return(ref _elements);
        _reader?.Release();
        _levels.Release();
    }
}
