using System;
using System.Buffers;
using System.Collections.Generic;
using System.ComponentModel;
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
/// <remarks>For generated code only: not a supported API, hidden from IntelliSense, and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ParquetListColumn<TItem> : ParquetColumn
{
    private readonly ParquetListItems<TItem> _items;
    private readonly ColumnChunkCursor _cursor = new();
    private readonly List<ParquetBadValue> _badEntries = [];
    private ParquetSchemaNode? _leaf;
    private ParquetListItemReader<TItem>? _reader;
    private int _nullBelow;
    private int _elementLevel;
    private IReadOnlyList<TItem>?[]? _rows;

    // While reading: the row group's rows, those assembled so far, and the slice of level entries being assembled from
    // (its elements, the next entry, the next of its bad entries); the elements of a row that spans slices.
    private int _rowCount;
    private int _rowsDone;
    private TItem[]? _elements;
    private int _at;
    private int _count;
    private int _badAt;
    private TItem[]? _pending;
    private int _pendingCount;

    internal ParquetListColumn(string name, bool required, ParquetListItems<TItem> items)
        : base(name, "list<" + items.TypeName + ">", required)
    {
        _items = items;
    }

    /// <summary>The list of a row of the batch read.</summary>
    /// <param name="row">The 0-based row in the batch.</param>
    /// <returns>The list, or <see langword="null"/>.</returns>
    public IReadOnlyList<TItem>? Get(int row) => _rows![row];

    /// <summary>The list of a row of the batch read, in a required column (its nulls have been ruled out).</summary>
    /// <param name="row">The 0-based row in the batch.</param>
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

    internal override ValueTask LoadAsync(ParquetRowGroupContext context, CancellationToken cancellationToken)
    {
        _rowCount = context.RowCount;
        _rowsDone = 0;
        _at = _count = 0;
        return context.Chunks.LoadAsync(context.Group, _leaf!, context.RowCount, _cursor, _reader!.Values, cancellationToken);
    }

    // Levels: an entry defined at least to the repeated node is an element (null unless defined to the leaf); below
    // that but at least to the list, an empty list; lower, a null list. A row is its first entry and the entries after
    // it that repeat (repetition level above 0), read a slice of entries at a time, so a row may span slices.
    private protected override void FillRows(int rows, bool everyBad, CancellationToken cancellationToken)
    {
        ParquetBuffers.Ensure(ref _rows, Math.Max(rows, 1), 0);
        IReadOnlyList<TItem>?[] target = _rows;
        for (int row = 0; row < rows; row++)
        {
            if (_at == _count && !NextSlice(everyBad, cancellationToken))
            {
                ParquetErrors.Corrupt(string.Create(CultureInfo.InvariantCulture, $"the list column holds {_rowsDone} rows, not the row group's {_rowCount}"));
            }

            int definition = Definition(_at);
            bool elements = definition >= _elementLevel;
            int start = _at;
            int end = _at + 1;
            bool spans = false;
            ParquetBadValue? bad = null;
            _pendingCount = 0;
            while (true)
            {
                ReadOnlySpan<int> repetitions = _cursor.Levels.Repetitions;
                while (end < _count && repetitions[end] != 0)
                {
                    end++;
                }

                bad ??= BadEntry(end);
                if (end < _count || _cursor.AtEnd)
                {
                    break;
                }

                // The slice ends within the row (or at its end): keep its elements, and read on.
                if (elements)
                {
                    Keep(start, end);
                }

                spans = true;
                if (!NextSlice(everyBad, cancellationToken))
                {
                    break;
                }

                start = end = 0;
            }

            _at = end;
            _rowsDone++;
            if (!elements)
            {
                target[row] = definition < _nullBelow ? null : Array.Empty<TItem>();
            }
            else if (bad is { } entry)
            {
                // The row is never delivered; a placeholder keeps a required column's null check off it.
                target[row] = Array.Empty<TItem>();
                AddBad(row, entry.Value, entry.Problem!);
            }
            else if (!spans)
            {
                target[row] = _elements.AsSpan(start, end - start).ToArray();
            }
            else
            {
                Keep(start, end);
                target[row] = _pending.AsSpan(0, _pendingCount).ToArray();
            }
        }
    }

    // Reads the next slice of entries and converts its elements; false at the chunk's end.
    private bool NextSlice(bool everyBad, CancellationToken cancellationToken)
    {
        _at = 0;
        _badAt = 0;
        _badEntries.Clear();
        _count = _cursor.Next(ParquetReadBatch.Rows, cancellationToken);
        if (_count == 0)
        {
            return false;
        }

        ParquetBuffers.Ensure(ref _elements, _count, 0);
        _reader!.Fill(_cursor.Levels, _elements, _badEntries, everyBad, ReplaceInvalidUtf8);
        return true;
    }

    private int Definition(int entry)
    {
        ReadOnlySpan<int> definitions = _cursor.Levels.Definitions;
        return definitions.IsEmpty ? _elementLevel : definitions[entry];
    }

    // The first bad element of the slice before entry end not yet passed, if any.
    private ParquetBadValue? BadEntry(int end)
    {
        ParquetBadValue? found = null;
        while (_badAt < _badEntries.Count && _badEntries[_badAt].Row < end)
        {
            found ??= _badEntries[_badAt];
            _badAt++;
        }

        return found;
    }

    // Adds the slice's elements from start to end to the row being assembled.
    private void Keep(int start, int end)
    {
        ParquetBuffers.Ensure(ref _pending, Math.Max(_pendingCount + end - start, 16), _pendingCount);
        Array.Copy(_elements!, start, _pending, _pendingCount, end - start);
        _pendingCount += end - start;
    }

    internal override void EndRowGroup()
    {
        if (_at < _count || !_cursor.AtEnd)
        {
            ParquetErrors.Corrupt(string.Create(CultureInfo.InvariantCulture, $"the list column holds more than the row group's {_rowCount} rows"));
        }
    }

    internal override void FillAbsent(int rows)
    {
        ParquetBuffers.Ensure(ref _rows, Math.Max(rows, 1), 0);
        Array.Clear(_rows, 0, rows);
    }

    private protected override int NextNull(int from, int rows) => Array.IndexOf(_rows!, null, from, rows - from);

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
        ParquetBuffers.Return(ref _pending);
        _badEntries.Clear();
        _at = _count = _pendingCount = 0;
        _reader?.Release();
        _cursor.Dispose();
    }
}
