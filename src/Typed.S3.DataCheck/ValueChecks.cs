using System;
using System.Collections.Concurrent;
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

    /// <summary>Checks a non-empty CSV field (UTF-8) as the generated CSV reader parses it, with the reader's own parser.</summary>
    /// <param name="type">The column's type.</param>
    /// <param name="field">The field's unquoted bytes.</param>
    /// <param name="problem">Why the field is not valid.</param>
    /// <returns>Whether the field is valid.</returns>
    public static bool TryParseText(ColumnType type, ReadOnlySpan<byte> field, out string? problem)
    {
        problem = null;
        if (type.Kind == ColumnKind.List)
        {
            return TryParseJsonList(type, field, out problem);
        }

        if (ColumnTypes.IsComposite(type.Kind))
        {
            return true;
        }

        if (!For(type).Text(field))
        {
            problem = "which is not a valid " + type.DisplayName;
            return false;
        }

        return true;
    }

    /// <summary>Checks a JSON property's value (not null) as the generated JSON reader reads it, with the runtime's own element reader.</summary>
    /// <param name="type">The column's type.</param>
    /// <param name="value">The value.</param>
    /// <param name="problem">Why the value is not valid.</param>
    /// <returns>Whether the value is valid.</returns>
    public static bool TryCheckJson(ColumnType type, JsonElement value, out string? problem)
    {
        problem = null;
        if (type.Kind == ColumnKind.List)
        {
            if (value.ValueKind != JsonValueKind.Array)
            {
                problem = "which is not a JSON array";
                return false;
            }

            return TryParseJsonList(type, Encoding.UTF8.GetBytes(value.GetRawText()), out problem);
        }

        if (ColumnTypes.IsComposite(type.Kind))
        {
            return true;
        }

        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(value.GetRawText()));
        if (!reader.Read() || !For(type).Json(ref reader))
        {
            problem = "which is not a valid " + type.DisplayName;
            return false;
        }

        return true;
    }

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
        if (ColumnTypes.IsComposite(element.Kind))
        {
            problem = null;
            return reader.TrySkip();
        }

        return For(element).Array(ref reader, out problem);
    }

    // The readers' parsers of a scalar type, cached per type (a decimal's depend on its precision and scale).
    private static TypeParsers For(ColumnType type) =>
        s_parsers.GetOrAdd((type.Kind, type.Precision, type.Scale), static key => Create(key.Kind, key.Precision, key.Scale));

    private static readonly ConcurrentDictionary<(ColumnKind Kind, int Precision, int Scale), TypeParsers> s_parsers = new();

    // The one place the data check maps a column type to runtime code: the Utf8ValueParser method the generated CSV
    // reader calls (ColumnTypes' CsvParse; for strings, the reader's UTF-8 decoding), and the ListElements element
    // reader, which reads JSON values by the JSON reader's rules.
    private static TypeParsers Create(ColumnKind kind, int precision, int scale) => kind switch
    {
        ColumnKind.Bool => Parsers(ListElements.Bool, static f => Utf8ValueParser.TryParseBoolean(f, out _)),
        ColumnKind.Int8 => Parsers(ListElements.Int8, static f => Utf8ValueParser.TryParseSByte(f, out _)),
        ColumnKind.Int16 => Parsers(ListElements.Int16, static f => Utf8ValueParser.TryParseInt16(f, out _)),
        ColumnKind.Int32 => Parsers(ListElements.Int32, static f => Utf8ValueParser.TryParseInt32(f, out _)),
        ColumnKind.Int64 => Parsers(ListElements.Int64, static f => Utf8ValueParser.TryParseInt64(f, out _)),
        ColumnKind.UInt8 => Parsers(ListElements.UInt8, static f => Utf8ValueParser.TryParseByte(f, out _)),
        ColumnKind.UInt16 => Parsers(ListElements.UInt16, static f => Utf8ValueParser.TryParseUInt16(f, out _)),
        ColumnKind.UInt32 => Parsers(ListElements.UInt32, static f => Utf8ValueParser.TryParseUInt32(f, out _)),
        ColumnKind.UInt64 => Parsers(ListElements.UInt64, static f => Utf8ValueParser.TryParseUInt64(f, out _)),
        ColumnKind.Float16 => Parsers(ListElements.Float16, static f => Utf8ValueParser.TryParseHalf(f, out _)),
        ColumnKind.Float32 => Parsers(ListElements.Float32, static f => Utf8ValueParser.TryParseSingle(f, out _)),
        ColumnKind.Float64 => Parsers(ListElements.Float64, static f => Utf8ValueParser.TryParseDouble(f, out _)),
        ColumnKind.Decimal => Parsers(ListElements.Decimal(precision, scale), f => Utf8ValueParser.TryParseDecimal(f, precision, scale, out _)),
        ColumnKind.String => Parsers(ListElements.String, static f => Utf8Text.TryDecode(f, replace: false, out _)),
        ColumnKind.Date => Parsers(ListElements.Date, static f => Utf8ValueParser.TryParseDate(f, out _)),
        ColumnKind.Time => Parsers(ListElements.Time, static f => Utf8ValueParser.TryParseTime(f, out _)),
        ColumnKind.Timestamp => Parsers(ListElements.Timestamp, static f => Utf8ValueParser.TryParseTimestamp(f, out _)),
        ColumnKind.TimestampLocal => Parsers(ListElements.LocalTimestamp, static f => Utf8ValueParser.TryParseLocalTimestamp(f, out _)),
        ColumnKind.Uuid => Parsers(ListElements.Uuid, static f => Utf8ValueParser.TryParseGuid(f, out _)),
        ColumnKind.Binary => Parsers(ListElements.Binary, static f => Utf8ValueParser.TryParseBase64(f, out _)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a scalar column type."),
    };

    private static TypeParsers Parsers<T>(ListElement<T> element, TextParser text) => new(
        text,
        (ref Utf8JsonReader reader) => element.TryRead(ref reader, replaceInvalidUtf8: false, out _, out _),
        (ref Utf8JsonReader reader, out string? problem) => element.TryReadArray(ref reader, replaceInvalidUtf8: false, out _, out problem));

    private delegate bool TextParser(ReadOnlySpan<byte> field);

    private delegate bool JsonParser(ref Utf8JsonReader reader);

    private delegate bool ArrayParser(ref Utf8JsonReader reader, out string? problem);

    private sealed record TypeParsers(TextParser Text, JsonParser Json, ArrayParser Array);
}
