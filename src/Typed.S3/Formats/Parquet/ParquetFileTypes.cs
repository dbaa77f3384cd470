using System.Globalization;
using System.Text;
using Parquet.Meta;
using Parquet.Schema;

namespace Typed.S3.Codecs;

/// <summary>Describes a file's column as Parquet tools do (<c>INT32 (DATE)</c>, <c>INT64 (TIMESTAMP(MICROS, UTC))</c>), for messages.</summary>
internal static class ParquetFileTypes
{
    public static string Describe(Field field)
    {
        switch (field.SchemaType)
        {
            case SchemaType.List:
                return field is ListField { Item: DataField item } ? "a list of " + Describe(item) : "a list";
            case SchemaType.Map:
                return "a map";
            case SchemaType.Struct:
                return "a struct";
        }

        if (field is DataField { IsArray: true })
        {
            return "a repeated field";
        }

        SchemaElement? element = field.SchemaElement;
        if (element?.Type is not Type type)
        {
            return field is DataField data ? data.ClrType.Name : "an unknown type";
        }

        var text = new StringBuilder(type == Type.FIXED_LEN_BYTE_ARRAY
            ? string.Create(CultureInfo.InvariantCulture, $"FIXED_LEN_BYTE_ARRAY({element.TypeLength})")
            : type.ToString());
        string? logical = Logical(element);
        if (logical is not null)
        {
            text.Append(" (").Append(logical).Append(')');
        }

        return text.ToString();
    }

    private static string? Logical(SchemaElement element)
    {
        LogicalType? logical = element.LogicalType;
        if (logical is not null)
        {
            if (logical.STRING is not null)
            {
                return "STRING";
            }

            if (logical.DECIMAL is DecimalType decimalType)
            {
                return string.Create(CultureInfo.InvariantCulture, $"DECIMAL({decimalType.Precision},{decimalType.Scale})");
            }

            if (logical.DATE is not null)
            {
                return "DATE";
            }

            if (logical.TIME is TimeType time)
            {
                return "TIME(" + Unit(time.Unit) + (time.IsAdjustedToUTC ? ", UTC)" : ")");
            }

            if (logical.TIMESTAMP is TimestampType timestamp)
            {
                return "TIMESTAMP(" + Unit(timestamp.Unit) + (timestamp.IsAdjustedToUTC ? ", UTC)" : ")");
            }

            if (logical.INTEGER is IntType integer)
            {
                return string.Create(CultureInfo.InvariantCulture, $"INT({integer.BitWidth}, {(integer.IsSigned ? "signed" : "unsigned")})");
            }

            if (logical.UUID is not null)
            {
                return "UUID";
            }

            if (logical.JSON is not null)
            {
                return "JSON";
            }

            if (logical.ENUM is not null)
            {
                return "ENUM";
            }
        }

        if (element.ConvertedType is ConvertedType converted)
        {
            return converted == ConvertedType.DECIMAL
                ? string.Create(CultureInfo.InvariantCulture, $"DECIMAL({element.Precision},{element.Scale})")
                : converted.ToString();
        }

        return null;
    }

    private static string Unit(TimeUnit? unit) =>
        unit?.MILLIS is not null ? "MILLIS" : unit?.NANOS is not null ? "NANOS" : "MICROS";
}
