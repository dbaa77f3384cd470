using System.Collections.Generic;
using Typed.S3.Schema.Model;

namespace Typed.S3.Generators.Model;

/// <summary>One column, as the emitters need it (a <see cref="ColumnModel"/> without its span).</summary>
/// <param name="Name">The column's name in the data.</param>
/// <param name="PropertyName">The C# property name.</param>
/// <param name="Type">The column type.</param>
/// <param name="Required">Whether the column is required.</param>
/// <param name="AbsentAsNull">Whether an object without the column reads it as null.</param>
internal sealed record ColumnSpec(string Name, string PropertyName, ColumnTypeSpec Type, bool Required, bool AbsentAsNull)
{
    /// <summary>The models of <paramref name="columns"/>, in order.</summary>
    /// <param name="columns">Parsed columns.</param>
    /// <returns>The columns without spans.</returns>
    public static EquatableArray<ColumnSpec> From(EquatableArray<ColumnModel> columns)
    {
        var specs = new List<ColumnSpec>(columns.Count);
        foreach (ColumnModel column in columns)
        {
            specs.Add(new ColumnSpec(column.Name, column.PropertyName, ColumnTypeSpec.From(column.Type), column.Required, column.AbsentAsNull));
        }

        return EquatableArray.From(specs);
    }
}

/// <summary>A column type, as the emitters need it (a <see cref="ColumnType"/> whose nested columns have no spans).</summary>
/// <param name="Kind">The kind of type.</param>
/// <param name="DisplayName">The type as the schema file spells it (<c>decimal(18,2)</c>).</param>
/// <param name="Precision">Total digits, for <see cref="ColumnKind.Decimal"/>.</param>
/// <param name="Scale">Digits after the point, for <see cref="ColumnKind.Decimal"/>.</param>
/// <param name="Element">The element type, for <see cref="ColumnKind.List"/>.</param>
/// <param name="Fields">The columns of a nested record, for <see cref="ColumnKind.Record"/>.</param>
/// <param name="RecordName">The C# name of a nested record's type, for <see cref="ColumnKind.Record"/>.</param>
internal sealed record ColumnTypeSpec(
    ColumnKind Kind,
    string DisplayName,
    int Precision,
    int Scale,
    ColumnTypeSpec? Element,
    EquatableArray<ColumnSpec> Fields,
    string? RecordName)
{
    /// <summary>The model of a parsed column type.</summary>
    /// <param name="type">The parsed type.</param>
    /// <returns>The type without spans.</returns>
    public static ColumnTypeSpec From(ColumnType type) =>
        new(
            type.Kind,
            type.DisplayName,
            type.Precision,
            type.Scale,
            type.Element is { } element ? From(element) : null,
            ColumnSpec.From(type.Fields),
            type.RecordName);
}
