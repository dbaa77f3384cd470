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
    // A nested column: a record, a map, or a list of lists, maps or records (lists of scalars keep their own checks).
    private static bool IsNested(ColumnType type) =>
        type.Kind is ColumnKind.Record or ColumnKind.Map || (type.Kind == ColumnKind.List && type.Element is { } element && ColumnTypes.IsComposite(element.Kind));

    /// <summary>Checks a non-empty CSV field (UTF-8) as the generated CSV reader parses it, with the reader's own parser.</summary>
    /// <param name="type">The column's type.</param>
    /// <param name="field">The field's unquoted bytes.</param>
    /// <param name="problem">Why the field is not valid.</param>
    /// <returns>Whether the field is valid.</returns>
    public static bool TryParseText(ColumnType type, ReadOnlySpan<byte> field, out string? problem)
    {
        problem = null;
        if (IsNested(type))
        {
            return NestedChecks.TryCheck(type, field, out problem);
        }

        if (type.Kind == ColumnKind.List)
        {
            return TryParseJsonList(type, field, out problem);
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
    /// <param name="value">The property's value as parsed; a JSON <c>null</c> is the caller's to handle.</param>
    /// <param name="problem">Why the value is not valid.</param>
    /// <returns>Whether the value is valid.</returns>
    public static bool TryCheckJson(ColumnType type, JsonElement value, out string? problem)
    {
        problem = null;
        if (IsNested(type))
        {
            return NestedChecks.TryCheck(type, Encoding.UTF8.GetBytes(value.GetRawText()), out problem);
        }

        if (type.Kind == ColumnKind.List)
        {
            if (value.ValueKind != JsonValueKind.Array)
            {
                problem = "which is not a JSON array";
                return false;
            }

            return TryParseJsonList(type, Encoding.UTF8.GetBytes(value.GetRawText()), out problem);
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

    /// <summary>The readers' code for a scalar type, cached per type (a decimal's depends on its precision and scale).</summary>
    /// <param name="type">A scalar type.</param>
    /// <returns>Its parsers and Parquet column factories.</returns>
    internal static TypeParsers For(ColumnType type) =>
        s_parsers.GetOrAdd((type.Kind, type.Precision, type.Scale), static key => Create(key.Kind, key.Precision, key.Scale));

    private static readonly ConcurrentDictionary<(ColumnKind Kind, int Precision, int Scale), TypeParsers> s_parsers = new();

    // The one place the data check maps a column type to runtime code: the Utf8ValueParser method the generated CSV
    // reader calls (ColumnTypes' CsvParse; for strings, the reader's UTF-8 decoding), the ListElements element
    // reader, which JsonRecordReader's Read methods call for every value too, and the ParquetColumns and ParquetListElements
    // factories of the generated Parquet codecs (ColumnTypes' ParquetFactory).
    private static TypeParsers Create(ColumnKind kind, int precision, int scale) => kind switch
    {
        ColumnKind.Bool => Values(ListElements.Bool, Utf8ValueParser.TryParseBoolean, ParquetColumns.Bool, ParquetListElements.Bool),
        ColumnKind.Int8 => Values(ListElements.Int8, Utf8ValueParser.TryParseSByte, ParquetColumns.Int8, ParquetListElements.Int8),
        ColumnKind.Int16 => Values(ListElements.Int16, Utf8ValueParser.TryParseInt16, ParquetColumns.Int16, ParquetListElements.Int16),
        ColumnKind.Int32 => Values(ListElements.Int32, Utf8ValueParser.TryParseInt32, ParquetColumns.Int32, ParquetListElements.Int32),
        ColumnKind.Int64 => Values(ListElements.Int64, Utf8ValueParser.TryParseInt64, ParquetColumns.Int64, ParquetListElements.Int64),
        ColumnKind.UInt8 => Values(ListElements.UInt8, Utf8ValueParser.TryParseByte, ParquetColumns.UInt8, ParquetListElements.UInt8),
        ColumnKind.UInt16 => Values(ListElements.UInt16, Utf8ValueParser.TryParseUInt16, ParquetColumns.UInt16, ParquetListElements.UInt16),
        ColumnKind.UInt32 => Values(ListElements.UInt32, Utf8ValueParser.TryParseUInt32, ParquetColumns.UInt32, ParquetListElements.UInt32),
        ColumnKind.UInt64 => Values(ListElements.UInt64, Utf8ValueParser.TryParseUInt64, ParquetColumns.UInt64, ParquetListElements.UInt64),
        ColumnKind.Float16 => Values(ListElements.Float16, Utf8ValueParser.TryParseHalf, ParquetColumns.Float16, ParquetListElements.Float16),
        ColumnKind.Float32 => Values(ListElements.Float32, Utf8ValueParser.TryParseSingle, ParquetColumns.Float32, ParquetListElements.Float32),
        ColumnKind.Float64 => Values(ListElements.Float64, Utf8ValueParser.TryParseDouble, ParquetColumns.Float64, ParquetListElements.Float64),
        ColumnKind.Decimal => Values(
            ListElements.Decimal(precision, scale), (ReadOnlySpan<byte> f, out decimal v) => Utf8ValueParser.TryParseDecimal(f, precision, scale, out v),
            (n, r) => ParquetColumns.Decimal(n, precision, scale, r), ParquetListElements.Decimal(precision, scale)),
        ColumnKind.String => References(ListElements.String, static f => Utf8Text.TryDecode(f, replace: false, out _), MapKeys.String, ParquetColumns.String, ParquetListElements.String),
        ColumnKind.Date => Values(ListElements.Date, Utf8ValueParser.TryParseDate, ParquetColumns.Date, ParquetListElements.Date),
        ColumnKind.Time => Values(ListElements.Time, Utf8ValueParser.TryParseTime, ParquetColumns.Time, ParquetListElements.Time),
        ColumnKind.Timestamp => Values(ListElements.Timestamp, Utf8ValueParser.TryParseTimestamp, ParquetColumns.Timestamp, ParquetListElements.Timestamp),
        ColumnKind.TimestampLocal => Values(ListElements.LocalTimestamp, Utf8ValueParser.TryParseLocalTimestamp, ParquetColumns.LocalTimestamp, ParquetListElements.LocalTimestamp),
        ColumnKind.Uuid => Values(ListElements.Uuid, Utf8ValueParser.TryParseGuid, ParquetColumns.Uuid, ParquetListElements.Uuid),
        ColumnKind.Binary => References(ListElements.Binary, static f => Utf8ValueParser.TryParseBase64(f, out _), null, ParquetColumns.Binary, ParquetListElements.Binary),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a scalar column type."),
    };

    // A value type: its CSV parser also reads map keys (as the generated codecs' MapKeys.Text do).
    private static TypeParsers Values<TValue, TItem>(ListElement<TValue?> element, Utf8TryParse<TValue> parse, Func<string, bool, ParquetColumn> column, ParquetListItems<TItem> items)
        where TValue : struct =>
        Parsers(element, f => parse(f, out _), new BoxedMapKey<TValue>(MapKeys.Text(parse, element)), column, items);

    // A reference type: strings are keys as they are; binary cannot be a key.
    private static TypeParsers References<T, TItem>(ListElement<T> element, TextParser text, MapKey<string>? key, Func<string, bool, ParquetColumn> column, ParquetListItems<TItem> items) =>
        Parsers(element, text, key is null ? null : new BoxedMapKey<string>(key), column, items);

    private static TypeParsers Parsers<T, TItem>(ListElement<T> element, TextParser text, MapKey<object>? key, Func<string, bool, ParquetColumn> column, ParquetListItems<TItem> items) => new(
        text,
        (ref Utf8JsonReader reader) => element.TryRead(ref reader, replaceInvalidUtf8: false, out _, out _),
        (ref Utf8JsonReader reader, out string? problem) => element.TryReadArray(ref reader, replaceInvalidUtf8: false, out _, out problem),
        column,
        (name, required) => ParquetColumns.List(name, items, required),
        new BoxedElement<T>(element),
        key);

    /// <summary>Parses a CSV field.</summary>
    internal delegate bool TextParser(ReadOnlySpan<byte> field);

    /// <summary>Reads the JSON value the reader is on.</summary>
    internal delegate bool JsonParser(ref Utf8JsonReader reader);

    /// <summary>Reads the JSON array the reader is on.</summary>
    internal delegate bool ArrayParser(ref Utf8JsonReader reader, out string? problem);

    /// <summary>The runtime's code for one scalar type, as the generated codecs use it.</summary>
    /// <param name="Text">The CSV reader's parser.</param>
    /// <param name="Json">The JSON reader's rules for one value.</param>
    /// <param name="Array">The JSON reader's rules for a list's array.</param>
    /// <param name="ParquetColumn">The Parquet column factory (name, required).</param>
    /// <param name="ParquetList">The Parquet column factory of a list of the type (name, required).</param>
    /// <param name="Element">The type's JSON value, as a nested value's part (a list element, a record field, a map value).</param>
    /// <param name="Key">The type as a map key; null for binary, which cannot be one.</param>
    internal sealed record TypeParsers(
        TextParser Text,
        JsonParser Json,
        ArrayParser Array,
        Func<string, bool, ParquetColumn> ParquetColumn,
        Func<string, bool, ParquetColumn> ParquetList,
        ListElement<object?> Element,
        MapKey<object>? Key);
}
