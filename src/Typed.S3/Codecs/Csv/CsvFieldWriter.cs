using System;
using System.Buffers;
using System.Buffers.Text;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;
using CsvHelper;

namespace Typed.S3.Codecs;

/// <summary>
/// Writes column values as CSV fields in the forms <see cref="Utf8ValueParser"/> reads back: invariant culture,
/// ISO 8601 dates and times, shortest round-trip floats, base64 binary. A <see langword="null"/> value is an
/// empty field and an empty string a quoted empty field (<c>""</c>), so the two survive a round trip.
/// </summary>
/// <remarks>For generated code only: not a supported API, hidden from IntelliSense, and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class CsvFieldWriter
{
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_listBuffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_listWriter;


    /// <summary>Writes a string; <see langword="null"/> as an empty field, <c>""</c> quoted.</summary>
    public static void Write(CsvOutput writer, string? value)
    {
        if (value is null)
        {
            writer.Writer.WriteField(ReadOnlySpan<char>.Empty);
        }
        else if (value.Length == 0)
        {
            writer.Writer.WriteField(ReadOnlySpan<char>.Empty, CsvQuoting.Always);
        }
        else
        {
            writer.Writer.WriteField(value.AsSpan());
        }
    }

    /// <summary>Writes a <c>bool</c> as <c>true</c>/<c>false</c>.</summary>
    public static void Write(CsvOutput writer, bool value) => writer.Writer.WriteField(value ? "true"u8 : "false"u8);

    /// <summary>Writes a number or other UTF-8 formattable value in the invariant culture.</summary>
    /// <typeparam name="TValue">The value's type.</typeparam>
    public static void WriteNumber<TValue>(CsvOutput writer, TValue value)
        where TValue : IUtf8SpanFormattable => writer.Writer.WriteField(value, default);

    /// <summary>Writes a decimal digit by digit (the general format's text, every digit of the scale kept).</summary>
    public static void WriteNumber(CsvOutput writer, decimal value)
    {
        ArgumentNullException.ThrowIfNull(writer.Writer, nameof(writer));
        Span<byte> text = stackalloc byte[DecimalText.BufferLength];
        if (DecimalText.TryFormat(value, text, out int start))
        {
            writer.Writer.WriteField(text[start..]);
        }
        else
        {
            writer.Writer.WriteField(value, default);
        }
    }

    /// <summary>Writes a <c>date</c> as <c>yyyy-MM-dd</c>.</summary>
    public static void Write(CsvOutput writer, DateOnly value)
    {
        Span<byte> text = stackalloc byte[IsoDateTimeFormatter.DateLength];
        writer.Writer.WriteField(text.Slice(0, IsoDateTimeFormatter.FormatDate(value, text)));
    }

    /// <summary>Writes a <c>time</c> as <c>HH:mm:ss</c> with as many fraction digits as needed.</summary>
    public static void Write(CsvOutput writer, TimeOnly value)
    {
        Span<byte> text = stackalloc byte[IsoDateTimeFormatter.MaxTimeLength];
        writer.Writer.WriteField(text.Slice(0, IsoDateTimeFormatter.FormatTime(value, text)));
    }

    /// <summary>Writes a <c>timestamp</c> in UTC: <c>yyyy-MM-ddTHH:mm:ss[.fffffff]Z</c>.</summary>
    public static void Write(CsvOutput writer, DateTimeOffset value)
    {
        Span<byte> text = stackalloc byte[IsoDateTimeFormatter.MaxTimestampLength];
        writer.Writer.WriteField(text.Slice(0, IsoDateTimeFormatter.FormatUtcTimestamp(value, text)));
    }

    /// <summary>Writes a <c>timestamp_local</c>: <c>yyyy-MM-ddTHH:mm:ss[.fffffff]</c>, no offset.</summary>
    public static void Write(CsvOutput writer, DateTime value)
    {
        Span<byte> text = stackalloc byte[IsoDateTimeFormatter.MaxTimestampLength];
        writer.Writer.WriteField(text.Slice(0, IsoDateTimeFormatter.FormatLocalTimestamp(value, text)));
    }

    /// <summary>Writes a <c>binary</c> value as base64; <see langword="null"/> as an empty field.</summary>
    public static void Write(CsvOutput writer, byte[]? value)
    {
        if (value is null)
        {
            writer.Writer.WriteField(ReadOnlySpan<byte>.Empty);
            return;
        }

        if (value.Length == 0)
        {
            writer.Writer.WriteField(ReadOnlySpan<char>.Empty, CsvQuoting.Always);
            return;
        }

        int length = Base64.GetMaxEncodedToUtf8Length(value.Length);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            Base64.EncodeToUtf8(value, buffer, out _, out int written);
            writer.Writer.WriteField(buffer.AsSpan(0, written));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Writes a null column as an empty field (the generated writer checks a nullable value and writes it, or this).</summary>
    /// <param name="writer">The CSV writer, on the record being written.</param>
    public static void WriteNull(CsvOutput writer)
    {
        ArgumentNullException.ThrowIfNull(writer.Writer, nameof(writer));
        writer.Writer.WriteField(ReadOnlySpan<byte>.Empty);
    }

    /// <summary>
    /// Writes a <c>list&lt;T&gt;</c> as one field holding its JSON array text (<c>[1,2,null]</c>, strings JSON-quoted);
    /// <see langword="null"/> as an empty field.
    /// </summary>
    /// <typeparam name="TItem">The element type, nullable.</typeparam>
    public static void WriteList<TItem>(CsvOutput writer, IReadOnlyList<TItem>? value, ListElement<TItem> element)
    {
        ArgumentNullException.ThrowIfNull(writer.Writer, nameof(writer));
        ArgumentNullException.ThrowIfNull(element);
        if (value is null)
        {
            writer.Writer.WriteField(ReadOnlySpan<byte>.Empty);
            return;
        }

        Utf8JsonWriter json = StartJsonText();
        element.WriteArray(json, value);
        EndJsonText(writer, json);
    }

    /// <summary>Writes a nested column (a record, a map, a list of lists or of records) as its JSON text in one field; <see langword="null"/> as an empty field.</summary>
    /// <typeparam name="T">The column's type, nullable.</typeparam>
    /// <param name="writer">The CSV writer, on the record being written.</param>
    /// <param name="value">The value.</param>
    /// <param name="type">The column's type.</param>
    public static void WriteNested<T>(CsvOutput writer, T value, ListElement<T> type)
    {
        ArgumentNullException.ThrowIfNull(writer.Writer, nameof(writer));
        ArgumentNullException.ThrowIfNull(type);
        if (value is null)
        {
            writer.Writer.WriteField(ReadOnlySpan<byte>.Empty);
            return;
        }

        Utf8JsonWriter json = StartJsonText();
        type.Write(json, value);
        EndJsonText(writer, json);
    }

    // A field's JSON text is written to the thread's buffer, then written as the field.
    private static Utf8JsonWriter StartJsonText()
    {
        ArrayBufferWriter<byte> buffer = t_listBuffer ??= new ArrayBufferWriter<byte>(256);
        buffer.ResetWrittenCount();
        Utf8JsonWriter json = t_listWriter ??= new Utf8JsonWriter(buffer, JsonFieldWriter.WriterOptions);
        json.Reset(buffer);
        return json;
    }

    private static void EndJsonText(CsvOutput writer, Utf8JsonWriter json)
    {
        json.Flush();
        writer.Writer.WriteField(t_listBuffer!.WrittenSpan);
    }
}
