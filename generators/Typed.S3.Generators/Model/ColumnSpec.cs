using System.Collections.Generic;
using Typed.S3.Generators.Emitters;
using Typed.S3.Schema.Model;

namespace Typed.S3.Generators.Model;

/// <summary>One column, as the emitters need it (a <see cref="ColumnModel"/> without its span).</summary>
/// <param name="Name">The column's name in the data.</param>
/// <param name="PropertyName">The C# property name.</param>
/// <param name="Type">The column's type, in the generator's equatable form.</param>
/// <param name="Required">Whether the column is required.</param>
/// <param name="AbsentAsNull">Whether an object without the column reads it as null.</param>
/// <param name="Index">The column's position in the dataset (what the runtime's column arrays are indexed by).</param>
/// <param name="Names">The names of the generated locals and fields that hold this column's values.</param>
internal sealed record ColumnSpec(string Name, string PropertyName, ColumnTypeSpec Type, bool Required, bool AbsentAsNull, int Index, ColumnNames Names)
{
    /// <summary>Whether the column is a list of scalars (<c>list&lt;int64&gt;</c>), read and written element by element.</summary>
    public bool IsList => Type.Kind == ColumnKind.List && Type.Element is { } element && !ColumnTypes.IsComposite(element.Kind);

    /// <summary>
    /// Whether the column is nested: a record, a map, or a list of lists, maps or records. Its values are read and
    /// written whole by a type descriptor (<see cref="Emitters.NestedTypes"/>), and errors name the path inside it.
    /// </summary>
    public bool IsNested => ColumnTypes.IsComposite(Type.Kind) && !IsList;

    /// <summary>Whether the column is text (a string): CSV fields are decoded, not parsed.</summary>
    public bool IsString => CsvShape == CsvFieldShape.Text;

    /// <summary>Whether the column is binary: a quoted empty CSV field is an empty value.</summary>
    public bool IsBinary => CsvShape == CsvFieldShape.Bytes;

    private CsvFieldShape? CsvShape => ColumnTypes.TryGet(Type.Kind, out ColumnTypeInfo info) ? info.CsvShape : null;

    /// <summary>Whether the column's type takes a precision and a scale (<c>decimal(p,s)</c>), which its parsers and factories take too.</summary>
    public bool HasPrecisionScale => ColumnTypes.TryGet(Type.Kind, out ColumnTypeInfo info) && info.HasPrecisionScale;

    /// <summary>A list column's element type.</summary>
    public ColumnTypeSpec ListElement => Type.Element ?? throw new System.InvalidOperationException("Column '" + Name + "' is not a list.");

    /// <summary>The C# type of the column (supported columns only).</summary>
    public ClrTypeMapping Clr => ClrTypeMapping.For(Type);

    /// <summary>The record property's type: <c>T</c> when required, <c>T?</c> otherwise.</summary>
    public string PropertyType => Clr.PropertyType(Required);

    /// <summary>The column's position as a C# literal.</summary>
    public string IndexLiteral => CSharpLiteral.Int(Index);

    /// <summary>The models of <paramref name="columns"/>, in order, with generated names unique among them.</summary>
    /// <param name="columns">Parsed columns.</param>
    /// <param name="recordNamespace">The namespace nested records are generated in.</param>
    /// <param name="typeNames">Names of the generated types (the record, the accessor) that no local may take.</param>
    /// <returns>The columns without spans.</returns>
    public static EquatableArray<ColumnSpec> From(EquatableArray<ColumnModel> columns, string recordNamespace, params string[] typeNames)
    {
        var propertyNames = new List<string>(columns.Count);
        foreach (ColumnModel column in columns)
        {
            propertyNames.Add(column.PropertyName);
        }

        IReadOnlyList<ColumnNames> names = ColumnNames.Allocate(propertyNames, typeNames);
        var specs = new List<ColumnSpec>(columns.Count);
        for (int i = 0; i < columns.Count; i++)
        {
            ColumnModel column = columns[i];
            specs.Add(new ColumnSpec(column.Name, column.PropertyName, ColumnTypeSpec.From(column.Type, recordNamespace), column.Required, column.AbsentAsNull, i, names[i]));
        }

        return EquatableArray.From(specs);
    }
}

/// <summary>A column type, as the emitters need it (a <see cref="ColumnType"/> whose nested columns have no spans).</summary>
/// <param name="Kind">Which type: a scalar, a list, a map or a nested record; the other parameters apply only to some kinds.</param>
/// <param name="DisplayName">The type as the schema file spells it (<c>decimal(18,2)</c>).</param>
/// <param name="Precision">Total digits, for <see cref="ColumnKind.Decimal"/>.</param>
/// <param name="Scale">Digits after the point, for <see cref="ColumnKind.Decimal"/>.</param>
/// <param name="Element">The element type of a <see cref="ColumnKind.List"/>, the value type of a <see cref="ColumnKind.Map"/>.</param>
/// <param name="Fields">The columns of a nested record, for <see cref="ColumnKind.Record"/>.</param>
/// <param name="RecordName">The C# name of a nested record's type, for <see cref="ColumnKind.Record"/>.</param>
/// <param name="Key">The key type of a <see cref="ColumnKind.Map"/>.</param>
/// <param name="RecordTypeName">The fully qualified C# name of a nested record's type (<c>global::Shop.Item</c>).</param>
internal sealed record ColumnTypeSpec(
    ColumnKind Kind,
    string DisplayName,
    int Precision,
    int Scale,
    ColumnTypeSpec? Element,
    EquatableArray<ColumnSpec> Fields,
    string? RecordName,
    ColumnTypeSpec? Key = null,
    string? RecordTypeName = null)
{
    /// <summary>The model of a parsed column type.</summary>
    /// <param name="type">The parsed type.</param>
    /// <param name="recordNamespace">The namespace nested records are generated in.</param>
    /// <returns>The type without spans.</returns>
    public static ColumnTypeSpec From(ColumnType type, string recordNamespace) =>
        new(
            type.Kind,
            type.DisplayName,
            type.Precision,
            type.Scale,
            type.Element is { } element ? From(element, recordNamespace) : null,
            type.RecordName is { } record ? ColumnSpec.From(type.Fields, recordNamespace, record) : ColumnSpec.From(type.Fields, recordNamespace),
            type.RecordName,
            type.Key is { } key ? From(key, recordNamespace) : null,
            type.RecordName is { } name ? "global::" + (recordNamespace.Length == 0 ? string.Empty : recordNamespace + ".") + name : null);

    /// <summary>The nested records inside this type (itself, list elements, map values, their fields), each once, outermost first.</summary>
    /// <param name="records">Where they are added.</param>
    public void CollectRecords(List<ColumnTypeSpec> records)
    {
        if (Kind == ColumnKind.Record)
        {
            foreach (ColumnTypeSpec known in records)
            {
                if (known.RecordName == RecordName)
                {
                    return;
                }
            }

            records.Add(this);
            foreach (ColumnSpec field in Fields)
            {
                field.Type.CollectRecords(records);
            }
        }

        Element?.CollectRecords(records);
    }
}
