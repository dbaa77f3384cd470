using System;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Typed.S3.Codecs;
using Typed.S3.Schema.Model;

namespace Typed.S3.DataCheck;

/// <summary>Whether a value read from an object has a column's declared type, by the rules the generated readers apply.</summary>
internal static class ValueChecks
{
    /// <summary>Whether the column's values are checked: nested lists and records have no generated reader yet.</summary>
    public static bool IsCheckable(ColumnType type) => type.Kind switch
    {
        ColumnKind.Record => false,
        ColumnKind.List => type.Element is { } element && element.Kind is not ColumnKind.List and not ColumnKind.Record,
        _ => true,
    };

    /// <summary>Checks a non-empty CSV field (UTF-8) as the generated CSV reader parses it.</summary>
    /// <param name="type">The column's type.</param>
    /// <param name="field">The field's unquoted bytes.</param>
    /// <param name="problem">Why the field is not valid.</param>
    /// <returns>Whether the field is valid.</returns>
    public static bool TryParseText(ColumnType type, ReadOnlySpan<byte> field, out string? problem)
    {
        problem = null;
        bool valid = type.Kind switch
        {
            ColumnKind.Bool => Utf8ValueParser.TryParseBoolean(field, out _),
            ColumnKind.Int8 => Utf8ValueParser.TryParseSByte(field, out _),
            ColumnKind.Int16 => Utf8ValueParser.TryParseInt16(field, out _),
            ColumnKind.Int32 => Utf8ValueParser.TryParseInt32(field, out _),
            ColumnKind.Int64 => Utf8ValueParser.TryParseInt64(field, out _),
            ColumnKind.UInt8 => Utf8ValueParser.TryParseByte(field, out _),
            ColumnKind.UInt16 => Utf8ValueParser.TryParseUInt16(field, out _),
            ColumnKind.UInt32 => Utf8ValueParser.TryParseUInt32(field, out _),
            ColumnKind.UInt64 => Utf8ValueParser.TryParseUInt64(field, out _),
            ColumnKind.Float16 => Utf8ValueParser.TryParseHalf(field, out _),
            ColumnKind.Float32 => Utf8ValueParser.TryParseSingle(field, out _),
            ColumnKind.Float64 => Utf8ValueParser.TryParseDouble(field, out _),
            ColumnKind.Decimal => Utf8ValueParser.TryParseDecimal(field, type.Precision, type.Scale, out _),
            ColumnKind.String => true,
            ColumnKind.Date => Utf8ValueParser.TryParseDate(field, out _),
            ColumnKind.Time => Utf8ValueParser.TryParseTime(field, out _),
            ColumnKind.Timestamp => Utf8ValueParser.TryParseTimestamp(field, out _),
            ColumnKind.TimestampLocal => Utf8ValueParser.TryParseLocalTimestamp(field, out _),
            ColumnKind.Uuid => Utf8ValueParser.TryParseGuid(field, out _),
            ColumnKind.Binary => Utf8ValueParser.TryParseBase64(field, out _),
            ColumnKind.List => TryParseJsonList(type, field, out problem),
            _ => true,
        };
        if (!valid && problem is null)
        {
            problem = "which is not a valid " + type.DisplayName;
        }

        return valid;
    }

    /// <summary>Checks a JSON property's value (not null) as the generated JSON reader reads it.</summary>
    /// <param name="type">The column's type.</param>
    /// <param name="value">The value.</param>
    /// <param name="problem">Why the value is not valid.</param>
    /// <returns>Whether the value is valid.</returns>
    public static bool TryCheckJson(ColumnType type, JsonElement value, out string? problem)
    {
        problem = null;
        JsonValueKind kind = value.ValueKind;
        bool valid;
        switch (type.Kind)
        {
            case ColumnKind.Bool:
                valid = kind is JsonValueKind.True or JsonValueKind.False;
                break;
            case ColumnKind.Int8:
                valid = kind == JsonValueKind.Number && value.TryGetSByte(out _);
                break;
            case ColumnKind.Int16:
                valid = kind == JsonValueKind.Number && value.TryGetInt16(out _);
                break;
            case ColumnKind.Int32:
                valid = kind == JsonValueKind.Number && value.TryGetInt32(out _);
                break;
            case ColumnKind.Int64:
                valid = kind == JsonValueKind.Number && value.TryGetInt64(out _);
                break;
            case ColumnKind.UInt8:
                valid = kind == JsonValueKind.Number && value.TryGetByte(out _);
                break;
            case ColumnKind.UInt16:
                valid = kind == JsonValueKind.Number && value.TryGetUInt16(out _);
                break;
            case ColumnKind.UInt32:
                valid = kind == JsonValueKind.Number && value.TryGetUInt32(out _);
                break;
            case ColumnKind.UInt64:
                valid = kind == JsonValueKind.Number && value.TryGetUInt64(out _);
                break;
            case ColumnKind.Float16:
                valid = (kind == JsonValueKind.Number && value.TryGetDouble(out double wide) && Half.IsFinite((Half)wide)) || IsNonFinite(value);
                break;
            case ColumnKind.Float32:
                valid = (kind == JsonValueKind.Number && value.TryGetSingle(out float single) && float.IsFinite(single)) || IsNonFinite(value);
                break;
            case ColumnKind.Float64:
                valid = (kind == JsonValueKind.Number && value.TryGetDouble(out double number) && double.IsFinite(number)) || IsNonFinite(value);
                break;
            case ColumnKind.Decimal:
                valid = kind == JsonValueKind.Number
                    && (value.TryGetDecimal(out decimal amount)
                        || decimal.TryParse(value.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture, out amount))
                    && Utf8ValueParser.FitsDecimal(amount, type.Precision, type.Scale);
                break;
            case ColumnKind.String:
                valid = kind == JsonValueKind.String;
                break;
            case ColumnKind.Binary:
                valid = kind == JsonValueKind.String && value.TryGetBytesFromBase64(out _);
                break;
            case ColumnKind.Date:
            case ColumnKind.Time:
            case ColumnKind.Timestamp:
            case ColumnKind.TimestampLocal:
            case ColumnKind.Uuid:
                valid = kind == JsonValueKind.String && TryParseText(type, Encoding.UTF8.GetBytes(value.GetString()!), out _);
                break;
            case ColumnKind.List:
                if (kind != JsonValueKind.Array)
                {
                    problem = "which is not a JSON array";
                    return false;
                }

                return TryParseJsonList(type, Encoding.UTF8.GetBytes(value.GetRawText()), out problem);
            default:
                return true;
        }

        if (!valid)
        {
            problem = "which is not a valid " + type.DisplayName;
        }

        return valid;
    }

    private static bool IsNonFinite(JsonElement value) =>
        value.ValueKind == JsonValueKind.String && (value.ValueEquals("NaN") || value.ValueEquals("Infinity") || value.ValueEquals("-Infinity"));

    // A list is a JSON array in every text format (a CSV field holds its JSON text); elements are read by the
    // runtime's own element readers.
    private static bool TryParseJsonList(ColumnType type, ReadOnlySpan<byte> text, out string? problem)
    {
        try
        {
            var reader = new Utf8JsonReader(text);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                problem = "which is not a JSON array";
                return false;
            }

            if (!TryReadElements(type.Element!, ref reader, out problem))
            {
                problem = "whose elements are not all " + type.Element!.DisplayName + (problem is null ? string.Empty : " (" + problem + ")");
                return false;
            }

            if (reader.Read())
            {
                problem = "which has more after the JSON array";
                return false;
            }

            return true;
        }
        catch (JsonException exception)
        {
            problem = "which is not a JSON array (" + exception.Message + ")";
            return false;
        }
    }

    private static bool TryReadElements(ColumnType element, ref Utf8JsonReader reader, out string? problem)
    {
        problem = null;
        return element.Kind switch
        {
            ColumnKind.Bool => ListElements.Bool.TryReadArray(ref reader, replaceInvalidUtf8: false, out _, out problem),
            ColumnKind.Int8 => ListElements.Int8.TryReadArray(ref reader, replaceInvalidUtf8: false, out _, out problem),
            ColumnKind.Int16 => ListElements.Int16.TryReadArray(ref reader, replaceInvalidUtf8: false, out _, out problem),
            ColumnKind.Int32 => ListElements.Int32.TryReadArray(ref reader, replaceInvalidUtf8: false, out _, out problem),
            ColumnKind.Int64 => ListElements.Int64.TryReadArray(ref reader, replaceInvalidUtf8: false, out _, out problem),
            ColumnKind.UInt8 => ListElements.UInt8.TryReadArray(ref reader, replaceInvalidUtf8: false, out _, out problem),
            ColumnKind.UInt16 => ListElements.UInt16.TryReadArray(ref reader, replaceInvalidUtf8: false, out _, out problem),
            ColumnKind.UInt32 => ListElements.UInt32.TryReadArray(ref reader, replaceInvalidUtf8: false, out _, out problem),
            ColumnKind.UInt64 => ListElements.UInt64.TryReadArray(ref reader, replaceInvalidUtf8: false, out _, out problem),
            ColumnKind.Float16 => ListElements.Float16.TryReadArray(ref reader, replaceInvalidUtf8: false, out _, out problem),
            ColumnKind.Float32 => ListElements.Float32.TryReadArray(ref reader, replaceInvalidUtf8: false, out _, out problem),
            ColumnKind.Float64 => ListElements.Float64.TryReadArray(ref reader, replaceInvalidUtf8: false, out _, out problem),
            ColumnKind.Decimal => ListElements.Decimal(element.Precision, element.Scale).TryReadArray(ref reader, replaceInvalidUtf8: false, out _, out problem),
            ColumnKind.String => ListElements.String.TryReadArray(ref reader, replaceInvalidUtf8: false, out _, out problem),
            ColumnKind.Binary => ListElements.Binary.TryReadArray(ref reader, replaceInvalidUtf8: false, out _, out problem),
            ColumnKind.Date => ListElements.Date.TryReadArray(ref reader, replaceInvalidUtf8: false, out _, out problem),
            ColumnKind.Time => ListElements.Time.TryReadArray(ref reader, replaceInvalidUtf8: false, out _, out problem),
            ColumnKind.Timestamp => ListElements.Timestamp.TryReadArray(ref reader, replaceInvalidUtf8: false, out _, out problem),
            ColumnKind.TimestampLocal => ListElements.LocalTimestamp.TryReadArray(ref reader, replaceInvalidUtf8: false, out _, out problem),
            ColumnKind.Uuid => ListElements.Uuid.TryReadArray(ref reader, replaceInvalidUtf8: false, out _, out problem),
            _ => reader.TrySkip(),
        };
    }
}
