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
        string name = column.Name;
        bool required = column.Required;
        ColumnType type = column.Type;
        return type.Kind switch
        {
            ColumnKind.Bool => ParquetColumns.Bool(name, required),
            ColumnKind.Int8 => ParquetColumns.Int8(name, required),
            ColumnKind.Int16 => ParquetColumns.Int16(name, required),
            ColumnKind.Int32 => ParquetColumns.Int32(name, required),
            ColumnKind.Int64 => ParquetColumns.Int64(name, required),
            ColumnKind.UInt8 => ParquetColumns.UInt8(name, required),
            ColumnKind.UInt16 => ParquetColumns.UInt16(name, required),
            ColumnKind.UInt32 => ParquetColumns.UInt32(name, required),
            ColumnKind.UInt64 => ParquetColumns.UInt64(name, required),
            ColumnKind.Float16 => ParquetColumns.Float16(name, required),
            ColumnKind.Float32 => ParquetColumns.Float32(name, required),
            ColumnKind.Float64 => ParquetColumns.Float64(name, required),
            ColumnKind.Decimal => ParquetColumns.Decimal(name, type.Precision, type.Scale, required),
            ColumnKind.String => ParquetColumns.String(name, required),
            ColumnKind.Binary => ParquetColumns.Binary(name, required),
            ColumnKind.Date => ParquetColumns.Date(name, required),
            ColumnKind.Time => ParquetColumns.Time(name, required),
            ColumnKind.Timestamp => ParquetColumns.Timestamp(name, required),
            ColumnKind.TimestampLocal => ParquetColumns.LocalTimestamp(name, required),
            ColumnKind.Uuid => ParquetColumns.Uuid(name, required),
            ColumnKind.List when type.Element is { } element => CreateList(name, element, required),
            _ => null,
        };
    }

    private static ParquetColumn? CreateList(string name, ColumnType element, bool required) => element.Kind switch
    {
        ColumnKind.Bool => ParquetColumns.List(name, ParquetListElements.Bool, required),
        ColumnKind.Int8 => ParquetColumns.List(name, ParquetListElements.Int8, required),
        ColumnKind.Int16 => ParquetColumns.List(name, ParquetListElements.Int16, required),
        ColumnKind.Int32 => ParquetColumns.List(name, ParquetListElements.Int32, required),
        ColumnKind.Int64 => ParquetColumns.List(name, ParquetListElements.Int64, required),
        ColumnKind.UInt8 => ParquetColumns.List(name, ParquetListElements.UInt8, required),
        ColumnKind.UInt16 => ParquetColumns.List(name, ParquetListElements.UInt16, required),
        ColumnKind.UInt32 => ParquetColumns.List(name, ParquetListElements.UInt32, required),
        ColumnKind.UInt64 => ParquetColumns.List(name, ParquetListElements.UInt64, required),
        ColumnKind.Float16 => ParquetColumns.List(name, ParquetListElements.Float16, required),
        ColumnKind.Float32 => ParquetColumns.List(name, ParquetListElements.Float32, required),
        ColumnKind.Float64 => ParquetColumns.List(name, ParquetListElements.Float64, required),
        ColumnKind.Decimal => ParquetColumns.List(name, ParquetListElements.Decimal(element.Precision, element.Scale), required),
        ColumnKind.String => ParquetColumns.List(name, ParquetListElements.String, required),
        ColumnKind.Binary => ParquetColumns.List(name, ParquetListElements.Binary, required),
        ColumnKind.Date => ParquetColumns.List(name, ParquetListElements.Date, required),
        ColumnKind.Time => ParquetColumns.List(name, ParquetListElements.Time, required),
        ColumnKind.Timestamp => ParquetColumns.List(name, ParquetListElements.Timestamp, required),
        ColumnKind.TimestampLocal => ParquetColumns.List(name, ParquetListElements.LocalTimestamp, required),
        ColumnKind.Uuid => ParquetColumns.List(name, ParquetListElements.Uuid, required),
        _ => null,
    };
}
