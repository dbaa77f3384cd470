using Typed.S3.Codecs;
using Typed.S3.Schema.Model;

namespace Typed.S3.DataCheck;

/// <summary>
/// The runtime's Parquet column for a schema column, built by the same factories as the generated codecs, so that
/// the check accepts exactly the file columns a read accepts (widened integers, any TIMESTAMP unit, ...).
/// </summary>
internal static class ParquetSchemaColumns
{
    /// <summary>The column, or <see langword="null"/> for a type the generated codecs do not read yet (nested lists, records).</summary>
    public static ParquetColumn? Create(ColumnModel column)
    {
        ColumnType type = column.Type;
        if (type.Kind == ColumnKind.List && type.Element is { } element && !ColumnTypes.IsComposite(element.Kind))
        {
            return ValueChecks.For(element).ParquetList(column.Name, column.Required);
        }

        return ColumnTypes.IsComposite(type.Kind) ? null : ValueChecks.For(type).ParquetColumn(column.Name, column.Required);
    }
}
