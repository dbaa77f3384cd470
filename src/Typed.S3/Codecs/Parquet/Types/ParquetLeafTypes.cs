namespace Typed.S3.Codecs;

/// <summary>What a file's leaf column holds, from its physical type and its annotations (logical type, else converted type).</summary>
internal static class ParquetLeafTypes
{
    public static PhysicalType? Physical(SchemaElement element) =>
        element.Type is int type && type is >= 0 and <= (int)PhysicalType.FixedLenByteArray ? (PhysicalType)type : null;

    /// <summary>An integer column's width and signedness (INT32 or INT64, no annotation or an INT one); false for anything else.</summary>
    public static bool TryInteger(SchemaElement element, out int bits, out bool signed)
    {
        bits = 0;
        signed = true;
        PhysicalType? physical = Physical(element);
        if (physical is not (PhysicalType.Int32 or PhysicalType.Int64))
        {
            return false;
        }

        int width = physical == PhysicalType.Int32 ? 32 : 64;
        LogicalType logical = element.Logical;
        if (logical.Kind == LogicalKind.Integer)
        {
            bits = logical.BitWidth;
            signed = logical.Signed;
        }
        else if (logical.Kind != LogicalKind.None)
        {
            return false;
        }
        else if (element.ConvertedType is int converted)
        {
            (bits, signed) = converted switch
            {
                (int)ConvertedType.Int8 => (8, true),
                (int)ConvertedType.Int16 => (16, true),
                (int)ConvertedType.Int32 => (32, true),
                (int)ConvertedType.Int64 => (64, true),
                (int)ConvertedType.UInt8 => (8, false),
                (int)ConvertedType.UInt16 => (16, false),
                (int)ConvertedType.UInt32 => (32, false),
                (int)ConvertedType.UInt64 => (64, false),
                _ => (0, true),
            };
            if (bits == 0)
            {
                return false;
            }
        }
        else
        {
            bits = width;
        }

        // An INT annotation wider than its physical type, or a 64-bit one on INT32, is not a column of integers.
        return width == 64 ? bits == 64 : bits is 8 or 16 or 32;
    }

    /// <summary>A FLOAT or DOUBLE column without annotation (FLOAT16 is a FIXED_LEN_BYTE_ARRAY).</summary>
    public static bool IsFloatingPoint(SchemaElement element, PhysicalType type) =>
        Physical(element) == type && element.Logical.Kind == LogicalKind.None && element.ConvertedType is null;

    /// <summary>A DECIMAL column: its precision and scale (from the logical type, else the converted type's fields).</summary>
    public static bool TryDecimal(SchemaElement element, out int precision, out int scale)
    {
        if (element.Logical.Kind == LogicalKind.Decimal)
        {
            precision = element.Logical.Precision;
            scale = element.Logical.Scale;
        }
        else if (element.Logical.Kind == LogicalKind.None && element.ConvertedType == (int)ConvertedType.Decimal)
        {
            precision = element.Precision;
            scale = element.Scale;
        }
        else
        {
            precision = scale = 0;
            return false;
        }

        PhysicalType? physical = Physical(element);
        bool stored = physical is PhysicalType.Int32 or PhysicalType.Int64 or PhysicalType.ByteArray
            || (physical == PhysicalType.FixedLenByteArray && element.TypeLength is > 0);
        return stored && precision > 0 && scale >= 0 && scale <= precision;
    }

    public static bool IsDate(SchemaElement element) =>
        Physical(element) == PhysicalType.Int32
        && (element.Logical.Kind == LogicalKind.Date || (element.Logical.Kind == LogicalKind.None && element.ConvertedType == (int)ConvertedType.Date));

    /// <summary>A TIME column's unit: MILLIS on INT32, MICROS or NANOS on INT64.</summary>
    public static bool TryTime(SchemaElement element, out TimeUnit unit)
    {
        PhysicalType? physical = Physical(element);
        unit = TimeUnit.Micros;
        if (element.Logical.Kind == LogicalKind.Time)
        {
            unit = element.Logical.Unit;
        }
        else if (element.Logical.Kind == LogicalKind.None && element.ConvertedType is (int)ConvertedType.TimeMillis or (int)ConvertedType.TimeMicros)
        {
            unit = element.ConvertedType == (int)ConvertedType.TimeMillis ? TimeUnit.Millis : TimeUnit.Micros;
        }
        else
        {
            return false;
        }

        return unit == TimeUnit.Millis ? physical == PhysicalType.Int32 : physical == PhysicalType.Int64;
    }

    /// <summary>A TIMESTAMP column on INT64 (its unit), or an INT96 column (<paramref name="int96"/>).</summary>
    public static bool TryTimestamp(SchemaElement element, out TimeUnit unit, out bool int96)
    {
        PhysicalType? physical = Physical(element);
        unit = TimeUnit.Micros;
        int96 = physical == PhysicalType.Int96;
        if (int96)
        {
            return element.Logical.Kind is LogicalKind.None or LogicalKind.Timestamp;
        }

        if (physical != PhysicalType.Int64)
        {
            return false;
        }

        if (element.Logical.Kind == LogicalKind.Timestamp)
        {
            unit = element.Logical.Unit;
            return true;
        }

        if (element.Logical.Kind == LogicalKind.None && element.ConvertedType is (int)ConvertedType.TimestampMillis or (int)ConvertedType.TimestampMicros)
        {
            unit = element.ConvertedType == (int)ConvertedType.TimestampMillis ? TimeUnit.Millis : TimeUnit.Micros;
            return true;
        }

        return false;
    }

    /// <summary>Text in a BYTE_ARRAY: STRING (UTF8), ENUM or JSON.</summary>
    public static bool IsString(SchemaElement element) =>
        Physical(element) == PhysicalType.ByteArray
        && (element.Logical.Kind is LogicalKind.String or LogicalKind.Enum or LogicalKind.Json
            || (element.Logical.Kind == LogicalKind.None && element.ConvertedType is (int)ConvertedType.Utf8 or (int)ConvertedType.Enum or (int)ConvertedType.Json));

    /// <summary>
    /// Bytes that are not text, numbers or an identifier: BYTE_ARRAY or FIXED_LEN_BYTE_ARRAY without annotation, or
    /// with one that only says what the bytes mean to another system (BSON, GEOMETRY, GEOGRAPHY, a type this reader
    /// does not know).
    /// </summary>
    public static bool IsBinary(SchemaElement element)
    {
        if (Physical(element) is not (PhysicalType.ByteArray or PhysicalType.FixedLenByteArray))
        {
            return false;
        }

        return element.Logical.Kind switch
        {
            LogicalKind.None => element.ConvertedType is null or (int)ConvertedType.Bson,
            LogicalKind.Bson or LogicalKind.Geometry or LogicalKind.Geography or LogicalKind.Unknown or LogicalKind.Other => true,
            _ => false,
        };
    }

    public static bool IsUuid(SchemaElement element) =>
        Physical(element) == PhysicalType.FixedLenByteArray && element.TypeLength == 16 && element.Logical.Kind == LogicalKind.Uuid;

    public static bool IsFloat16(SchemaElement element) =>
        Physical(element) == PhysicalType.FixedLenByteArray && element.TypeLength == 2 && element.Logical.Kind == LogicalKind.Float16;

    public static bool IsBoolean(SchemaElement element) => Physical(element) == PhysicalType.Boolean;

    /// <summary>
    /// A column of the UNKNOWN logical type (the null type): it holds only nulls, so a column of any type reads it; a
    /// value in it is corrupt.
    /// </summary>
    public static bool IsAlwaysNull(SchemaElement element) => element.Logical.Kind == LogicalKind.Unknown && Physical(element) is not null;
}
