using System.Globalization;

namespace Typed.S3.Codecs;

/// <summary>Describes a file's column as Parquet tools do (<c>INT32 (DATE)</c>, <c>INT64 (TIMESTAMP(MICROS, UTC))</c>), for messages.</summary>
internal static class ParquetFileTypes
{
    public static string Describe(ParquetSchemaNode node)
    {
        SchemaElement element = node.Element;
        if (element.IsGroup)
        {
            LogicalKind kind = element.Logical.Kind;
            if (kind == LogicalKind.List || element.ConvertedType == (int)ConvertedType.List)
            {
                return node.Children is [{ Children: [{ IsLeaf: true } item] }] ? "a list of " + Describe(item)
                    : node.Children is [{ IsLeaf: true } bare] ? "a list of " + Describe(bare)
                    : "a list";
            }

            if (kind == LogicalKind.Map || element.ConvertedType is (int)ConvertedType.Map or (int)ConvertedType.MapKeyValue)
            {
                return "a map";
            }

            return node.IsRepeated ? "a repeated group" : "a group (struct)";
        }

        string physical = Physical(element);
        if (node.IsRepeated)
        {
            return "a repeated " + physical + Annotation(element);
        }

        return physical + Annotation(element);
    }

    public static string Physical(SchemaElement element) => element.Type switch
    {
        (int)PhysicalType.Boolean => "BOOLEAN",
        (int)PhysicalType.Int32 => "INT32",
        (int)PhysicalType.Int64 => "INT64",
        (int)PhysicalType.Int96 => "INT96",
        (int)PhysicalType.Float => "FLOAT",
        (int)PhysicalType.Double => "DOUBLE",
        (int)PhysicalType.ByteArray => "BYTE_ARRAY",
        (int)PhysicalType.FixedLenByteArray => string.Create(CultureInfo.InvariantCulture, $"FIXED_LEN_BYTE_ARRAY({element.TypeLength})"),
        int other => string.Create(CultureInfo.InvariantCulture, $"an unknown physical type ({other})"),
        null => "a group",
    };

    private static string Annotation(SchemaElement element)
    {
        string? logical = Logical(element);
        return logical is null ? string.Empty : " (" + logical + ")";
    }

    private static string? Logical(SchemaElement element)
    {
        LogicalType logical = element.Logical;
        switch (logical.Kind)
        {
            case LogicalKind.None:
                break;
            case LogicalKind.Decimal:
                return string.Create(CultureInfo.InvariantCulture, $"DECIMAL({logical.Precision},{logical.Scale})");
            case LogicalKind.Time:
                return "TIME(" + Unit(logical.Unit) + (logical.AdjustedToUtc ? ", UTC)" : ")");
            case LogicalKind.Timestamp:
                return "TIMESTAMP(" + Unit(logical.Unit) + (logical.AdjustedToUtc ? ", UTC)" : ")");
            case LogicalKind.Integer:
                return string.Create(CultureInfo.InvariantCulture, $"INT({logical.BitWidth}, {(logical.Signed ? "signed" : "unsigned")})");
            case LogicalKind.Other:
                return string.Create(CultureInfo.InvariantCulture, $"an unknown logical type ({logical.OtherId})");
            default:
                return logical.Kind.ToString().ToUpperInvariant();
        }

        if (element.ConvertedType is int converted)
        {
            return converted switch
            {
                (int)ConvertedType.Decimal => string.Create(CultureInfo.InvariantCulture, $"DECIMAL({element.Precision},{element.Scale})"),
                >= 0 and <= (int)ConvertedType.Interval => ConvertedName((ConvertedType)converted),
                _ => string.Create(CultureInfo.InvariantCulture, $"an unknown converted type ({converted})"),
            };
        }

        return null;
    }

    // The spec's spelling of the ConvertedType enum, by value.
    private static readonly string[] s_convertedNames =
    {
        "UTF8", "MAP", "MAP_KEY_VALUE", "LIST", "ENUM", "DECIMAL", "DATE", "TIME_MILLIS", "TIME_MICROS", "TIMESTAMP_MILLIS",
        "TIMESTAMP_MICROS", "UINT_8", "UINT_16", "UINT_32", "UINT_64", "INT_8", "INT_16", "INT_32", "INT_64", "JSON", "BSON", "INTERVAL",
    };

    private static string ConvertedName(ConvertedType converted) => s_convertedNames[(int)converted];

    private static string Unit(TimeUnit unit) => unit switch
    {
        TimeUnit.Millis => "MILLIS",
        TimeUnit.Nanos => "NANOS",
        _ => "MICROS",
    };
}
