using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Typed.S3.Codecs;

/// <summary>
/// Writes column values as JSON properties in the forms <see cref="JsonRecordReader{T}"/> reads back: numbers as
/// JSON numbers (decimals keep their scale, floats round-trip, and NaN and the infinities, which JSON lacks, as
/// the strings <c>"NaN"</c>, <c>"Infinity"</c>, <c>"-Infinity"</c>), ISO 8601 strings for dates and times
/// (timestamps in UTC with <c>Z</c>), base64 strings for binary values, and <c>null</c> for null values.
/// Text is UTF-8, with the characters JSON requires escaped (quotes, backslashes, control characters) and,
/// as the encoder does, characters outside the Basic Multilingual Plane (emoji) as <c>\u</c> escape pairs;
/// HTML-sensitive characters are not escaped: the output is data, not markup to embed in HTML.
/// </summary>
/// <remarks>For generated code only: not a supported API, hidden from IntelliSense, and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonFieldWriter
{
    /// <summary>The options every JSON writer of the codecs uses: compact, UTF-8 text unescaped where JSON allows.</summary>
    public static JsonWriterOptions WriterOptions { get; } = new JsonWriterOptions
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    /// <summary>
    /// <see cref="WriterOptions"/> without the writer's structural checks, for the codecs' own writers: the generated
    /// record writers always write whole objects, so checking every token would only cost time.
    /// </summary>
    internal static JsonWriterOptions TrustedWriterOptions { get; } = new JsonWriterOptions
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
        SkipValidation = true,
    };

    /// <summary>Encodes a property name once, for the generated writers' static fields.</summary>
    /// <returns>The encoded name.</returns>
    public static JsonEncodedText EncodeName(string name) => JsonEncodedText.Encode(name, JavaScriptEncoder.UnsafeRelaxedJsonEscaping);

    /// <summary>Writes a <c>string</c>; <see langword="null"/> as <c>null</c>.</summary>
    public static void Write(Utf8JsonWriter writer, JsonEncodedText name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    /// <summary>Writes a <c>binary</c> value as a base64 string; <see langword="null"/> as <c>null</c>.</summary>
    public static void Write(Utf8JsonWriter writer, JsonEncodedText name, byte[]? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteBase64String(name, value);
        }
    }

    /// <summary>Writes a <c>bool</c> as <c>true</c>/<c>false</c>.</summary>
    public static void Write(Utf8JsonWriter writer, JsonEncodedText name, bool value) => writer.WriteBoolean(name, value);

    /// <summary>Writes an <c>int8</c> as a number.</summary>
    public static void Write(Utf8JsonWriter writer, JsonEncodedText name, sbyte value) => writer.WriteNumber(name, (int)value);

    /// <summary>Writes an <c>int16</c> as a number.</summary>
    public static void Write(Utf8JsonWriter writer, JsonEncodedText name, short value) => writer.WriteNumber(name, (int)value);

    /// <summary>Writes an <c>int32</c> as a number.</summary>
    public static void Write(Utf8JsonWriter writer, JsonEncodedText name, int value) => writer.WriteNumber(name, value);

    /// <summary>Writes an <c>int64</c> as a number.</summary>
    public static void Write(Utf8JsonWriter writer, JsonEncodedText name, long value) => writer.WriteNumber(name, value);

    /// <summary>Writes a <c>uint8</c> as a number.</summary>
    public static void Write(Utf8JsonWriter writer, JsonEncodedText name, byte value) => writer.WriteNumber(name, (uint)value);

    /// <summary>Writes a <c>uint16</c> as a number.</summary>
    public static void Write(Utf8JsonWriter writer, JsonEncodedText name, ushort value) => writer.WriteNumber(name, (uint)value);

    /// <summary>Writes a <c>uint32</c> as a number.</summary>
    public static void Write(Utf8JsonWriter writer, JsonEncodedText name, uint value) => writer.WriteNumber(name, value);

    /// <summary>Writes a <c>uint64</c> as a number.</summary>
    public static void Write(Utf8JsonWriter writer, JsonEncodedText name, ulong value) => writer.WriteNumber(name, value);

    /// <summary>Writes a <c>float16</c> as a number (its shortest round-trip form), NaN and the infinities as strings.</summary>
    public static void Write(Utf8JsonWriter writer, JsonEncodedText name, Half value) => WriteHalf(writer, name, value);

    /// <summary>Writes a <c>float32</c> as a number (shortest round-trip form), NaN and the infinities as strings.</summary>
    public static void Write(Utf8JsonWriter writer, JsonEncodedText name, float value) => WriteSingle(writer, name, value);

    /// <summary>Writes a <c>float64</c> as a number (shortest round-trip form), NaN and the infinities as strings.</summary>
    public static void Write(Utf8JsonWriter writer, JsonEncodedText name, double value) => WriteDouble(writer, name, value);

    /// <summary>Writes a <c>decimal(p,s)</c> as a number, keeping its scale.</summary>
    public static void Write(Utf8JsonWriter writer, JsonEncodedText name, decimal value)
    {
        Span<byte> text = stackalloc byte[DecimalText.BufferLength];
        if (DecimalText.TryFormat(value, text, out int start))
        {
            writer.WritePropertyName(name);
            writer.WriteRawValue(text.Slice(start), skipInputValidation: true);
        }
        else
        {
            writer.WriteNumber(name, value);
        }
    }

    /// <summary>Writes a <c>date</c> as <c>"yyyy-MM-dd"</c>.</summary>
    public static void Write(Utf8JsonWriter writer, JsonEncodedText name, DateOnly value)
    {
        Span<byte> text = stackalloc byte[IsoDateTimeFormatter.DateLength];
        writer.WriteString(name, text.Slice(0, IsoDateTimeFormatter.FormatDate(value, text)));
    }

    /// <summary>Writes a <c>time</c> as <c>"HH:mm:ss[.fffffff]"</c>.</summary>
    public static void Write(Utf8JsonWriter writer, JsonEncodedText name, TimeOnly value)
    {
        Span<byte> text = stackalloc byte[IsoDateTimeFormatter.MaxTimeLength];
        writer.WriteString(name, text.Slice(0, IsoDateTimeFormatter.FormatTime(value, text)));
    }

    /// <summary>Writes a <c>timestamp</c> in UTC: <c>"yyyy-MM-ddTHH:mm:ss[.fffffff]Z"</c>.</summary>
    public static void Write(Utf8JsonWriter writer, JsonEncodedText name, DateTimeOffset value)
    {
        Span<byte> text = stackalloc byte[IsoDateTimeFormatter.MaxTimestampLength];
        writer.WriteString(name, text.Slice(0, IsoDateTimeFormatter.FormatUtcTimestamp(value, text)));
    }

    /// <summary>Writes a <c>timestamp_local</c>: <c>"yyyy-MM-ddTHH:mm:ss[.fffffff]"</c>, no offset.</summary>
    public static void Write(Utf8JsonWriter writer, JsonEncodedText name, DateTime value)
    {
        Span<byte> text = stackalloc byte[IsoDateTimeFormatter.MaxTimestampLength];
        writer.WriteString(name, text.Slice(0, IsoDateTimeFormatter.FormatLocalTimestamp(value, text)));
    }

    /// <summary>Writes a <c>uuid</c> as <c>"xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx"</c>.</summary>
    public static void Write(Utf8JsonWriter writer, JsonEncodedText name, Guid value) => writer.WriteString(name, value);

    /// <summary>Writes a null column as <c>null</c> (the generated writer checks a nullable value and writes it, or this).</summary>
    /// <param name="writer">The JSON writer, inside the record's object.</param>
    /// <param name="name">The property name, encoded once.</param>
    public static void WriteNull(Utf8JsonWriter writer, JsonEncodedText name)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNull(name);
    }

    /// <summary>Writes a <c>list&lt;T&gt;</c> as a JSON array (null elements as <c>null</c>); <see langword="null"/> as <c>null</c>.</summary>
    /// <typeparam name="TItem">The element type, nullable.</typeparam>
    public static void WriteList<TItem>(Utf8JsonWriter writer, JsonEncodedText name, IReadOnlyList<TItem>? value, ListElement<TItem> element)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(element);
        if (value is null)
        {
            writer.WriteNull(name);
            return;
        }

        writer.WritePropertyName(name);
        element.WriteArray(writer, value);
    }

    /// <summary>Writes a nested column (a record, a map, a list of lists or of records) as its JSON value; <see langword="null"/> as <c>null</c>.</summary>
    /// <typeparam name="T">The column's type, nullable.</typeparam>
    /// <param name="writer">The JSON writer, inside the record's object.</param>
    /// <param name="name">The property name, encoded once.</param>
    /// <param name="value">The value.</param>
    /// <param name="type">The column's type.</param>
    public static void WriteNested<T>(Utf8JsonWriter writer, JsonEncodedText name, T value, ListElement<T> type)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(type);
        writer.WritePropertyName(name);
        type.Write(writer, value);
    }

    // Half's shortest round-trip text, written as the number it is (Utf8JsonWriter has no Half overload).
    private static void WriteHalf(Utf8JsonWriter writer, JsonEncodedText name, Half value)
    {
        if (!Half.IsFinite(value))
        {
            writer.WriteString(name, NonFinite((double)value));
            return;
        }

        Span<byte> text = stackalloc byte[32];
        value.TryFormat(text, out int written, default, CultureInfo.InvariantCulture);
        writer.WritePropertyName(name);
        writer.WriteRawValue(text.Slice(0, written), skipInputValidation: true);
    }

    private static void WriteSingle(Utf8JsonWriter writer, JsonEncodedText name, float value)
    {
        if (float.IsFinite(value))
        {
            writer.WriteNumber(name, value);
        }
        else
        {
            writer.WriteString(name, NonFinite(value));
        }
    }

    private static void WriteDouble(Utf8JsonWriter writer, JsonEncodedText name, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumber(name, value);
        }
        else
        {
            writer.WriteString(name, NonFinite(value));
        }
    }

    private static ReadOnlySpan<byte> NonFinite(double value) =>
        double.IsNaN(value) ? "NaN"u8 : value > 0 ? "Infinity"u8 : "-Infinity"u8;
}
