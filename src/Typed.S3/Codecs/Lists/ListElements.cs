using System;
using System.ComponentModel;
using System.Globalization;
using System.Text.Json;

namespace Typed.S3.Codecs;

/// <summary>
/// The element types of <c>list&lt;T&gt;</c> columns, for generated codecs. Elements read and write as the JSON codecs
/// read and write scalar values: numbers as JSON numbers (NaN and the infinities as strings), dates, times,
/// timestamps and UUIDs as ISO 8601 / canonical strings, binary values as base64 strings, and <c>null</c> for null
/// elements.
/// </summary>
/// <remarks>For generated code only: not a supported API, hidden from IntelliSense, and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ListElements
{
    private const int MaxTextValueLength = 128;

    /// <summary>Elements of <c>list&lt;bool&gt;</c>.</summary>
    public static ListElement<bool?> Bool { get; } = new ValueElement<bool>("bool", ReadBoolean, (w, v) => w.WriteBooleanValue(v));

    /// <summary>Elements of <c>list&lt;int8&gt;</c>.</summary>
    public static ListElement<sbyte?> Int8 { get; } = new ValueElement<sbyte>("int8", ReadSByte, (w, v) => w.WriteNumberValue(v));

    /// <summary>Elements of <c>list&lt;int16&gt;</c>.</summary>
    public static ListElement<short?> Int16 { get; } = new ValueElement<short>("int16", ReadInt16, (w, v) => w.WriteNumberValue(v));

    /// <summary>Elements of <c>list&lt;int32&gt;</c>.</summary>
    public static ListElement<int?> Int32 { get; } = new ValueElement<int>("int32", ReadInt32, (w, v) => w.WriteNumberValue(v));

    /// <summary>Elements of <c>list&lt;int64&gt;</c>.</summary>
    public static ListElement<long?> Int64 { get; } = new ValueElement<long>("int64", ReadInt64, (w, v) => w.WriteNumberValue(v));

    /// <summary>Elements of <c>list&lt;uint8&gt;</c>.</summary>
    public static ListElement<byte?> UInt8 { get; } = new ValueElement<byte>("uint8", ReadByte, (w, v) => w.WriteNumberValue(v));

    /// <summary>Elements of <c>list&lt;uint16&gt;</c>.</summary>
    public static ListElement<ushort?> UInt16 { get; } = new ValueElement<ushort>("uint16", ReadUInt16, (w, v) => w.WriteNumberValue(v));

    /// <summary>Elements of <c>list&lt;uint32&gt;</c>.</summary>
    public static ListElement<uint?> UInt32 { get; } = new ValueElement<uint>("uint32", ReadUInt32, (w, v) => w.WriteNumberValue(v));

    /// <summary>Elements of <c>list&lt;uint64&gt;</c>.</summary>
    public static ListElement<ulong?> UInt64 { get; } = new ValueElement<ulong>("uint64", ReadUInt64, (w, v) => w.WriteNumberValue(v));

    /// <summary>Elements of <c>list&lt;float16&gt;</c>: JSON numbers (a number beyond 65504 is an error), or the strings <c>"NaN"</c>, <c>"Infinity"</c>, <c>"-Infinity"</c>.</summary>
    public static ListElement<Half?> Float16 { get; } = new ValueElement<Half>("float16", ReadHalf, WriteHalf);

    /// <summary>Elements of <c>list&lt;float32&gt;</c>: JSON numbers, or the strings <c>"NaN"</c>, <c>"Infinity"</c>, <c>"-Infinity"</c>.</summary>
    public static ListElement<float?> Float32 { get; } = new ValueElement<float>("float32", ReadSingle, WriteSingle);

    /// <summary>Elements of <c>list&lt;float64&gt;</c>.</summary>
    public static ListElement<double?> Float64 { get; } = new ValueElement<double>("float64", ReadDouble, WriteDouble);

    /// <summary>Elements of <c>list&lt;string&gt;</c>.</summary>
    public static ListElement<string?> String { get; } = new ReferenceElement<string>("string", ReadString, (w, v) => w.WriteStringValue(v));

    /// <summary>Elements of <c>list&lt;binary&gt;</c> (base64 strings).</summary>
    public static ListElement<byte[]?> Binary { get; } = new ReferenceElement<byte[]>("binary", ReadBinary, (w, v) => w.WriteBase64StringValue(v));

    /// <summary>Elements of <c>list&lt;date&gt;</c> (<c>yyyy-MM-dd</c>).</summary>
    public static ListElement<DateOnly?> Date { get; } = new ValueElement<DateOnly>("date", ReadDate, WriteDateValue);

    /// <summary>Elements of <c>list&lt;time&gt;</c> (<c>HH:mm:ss[.fffffff]</c>).</summary>
    public static ListElement<TimeOnly?> Time { get; } = new ValueElement<TimeOnly>("time", ReadTime, WriteTimeValue);

    /// <summary>Elements of <c>list&lt;timestamp&gt;</c> (ISO 8601, written in UTC with <c>Z</c>).</summary>
    public static ListElement<DateTimeOffset?> Timestamp { get; } =
        new ValueElement<DateTimeOffset>("timestamp", ReadTimestamp, WriteTimestampValue);

    /// <summary>Elements of <c>list&lt;timestamp_local&gt;</c> (ISO 8601 without an offset).</summary>
    public static ListElement<DateTime?> LocalTimestamp { get; } =
        new ValueElement<DateTime>("timestamp_local", ReadLocalTimestamp, WriteLocalTimestampValue);

    /// <summary>Elements of <c>list&lt;uuid&gt;</c>.</summary>
    public static ListElement<Guid?> Uuid { get; } = new ValueElement<Guid>("uuid", ReadGuid, (w, v) => w.WriteStringValue(v));

    /// <summary>Elements of <c>list&lt;decimal(p,s)&gt;</c>: a number with more digits than the type holds is an error, never rounded.</summary>
    /// <param name="precision">Total digits (1 to 28).</param>
    /// <param name="scale">Digits after the point (0 to <paramref name="precision"/>).</param>
    public static ListElement<decimal?> Decimal(int precision, int scale)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(precision, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(scale);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(scale, precision);
        string typeName = string.Create(CultureInfo.InvariantCulture, $"decimal({precision},{scale})");
        return new ValueElement<decimal>(typeName, (ref Utf8JsonReader reader, out decimal value, out string? problem) => ReadDecimal(ref reader, precision, scale, out value, out problem), (w, v) => w.WriteNumberValue(v));
    }

    /// <summary>Lists as values of a nested column or of another container (<c>list&lt;list&lt;int32&gt;&gt;</c>): JSON arrays of <paramref name="element"/>.</summary>
    /// <typeparam name="T">The element type, nullable.</typeparam>
    /// <param name="element">The element type.</param>
    public static ListElement<System.Collections.Generic.IReadOnlyList<T>?> ListOf<T>(ListElement<T> element)
    {
        ArgumentNullException.ThrowIfNull(element);
        return new ListOfElement<T>(element);
    }

    /// <summary>Values of <c>map&lt;K,V&gt;</c>: JSON objects, keys read by <paramref name="key"/>, values by <paramref name="value"/>.</summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value type, nullable.</typeparam>
    /// <param name="key">The key type.</param>
    /// <param name="value">The value type.</param>
    public static ListElement<System.Collections.Generic.IReadOnlyDictionary<TKey, TValue>?> MapOf<TKey, TValue>(MapKey<TKey> key, ListElement<TValue> value)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        return new MapOfElement<TKey, TValue>(key, value);
    }

    private delegate bool ReadElement<TValue>(ref Utf8JsonReader reader, out TValue value, out string? problem);

    // Elements read from text, which may not be UTF-8.
    private delegate bool ReadTextElement<TValue>(ref Utf8JsonReader reader, bool replaceInvalidUtf8, out TValue value, out string? problem);

    internal static bool ReadBoolean(ref Utf8JsonReader reader, out bool value, out string? problem)
    {
        value = reader.TokenType == JsonTokenType.True;
        if (reader.TokenType is JsonTokenType.True or JsonTokenType.False)
        {
            problem = null;
            return true;
        }

        return WrongType(ref reader, "true or false", out problem);
    }

    internal static bool ReadSByte(ref Utf8JsonReader reader, out sbyte value, out string? problem)
    {
        value = default;
        return (reader.TokenType == JsonTokenType.Number && reader.TryGetSByte(out value) && Ok(out problem)) || InvalidInteger(ref reader, out problem);
    }

    internal static bool ReadInt16(ref Utf8JsonReader reader, out short value, out string? problem)
    {
        value = default;
        return (reader.TokenType == JsonTokenType.Number && reader.TryGetInt16(out value) && Ok(out problem)) || InvalidInteger(ref reader, out problem);
    }

    internal static bool ReadInt32(ref Utf8JsonReader reader, out int value, out string? problem)
    {
        value = default;
        return (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out value) && Ok(out problem)) || InvalidInteger(ref reader, out problem);
    }

    internal static bool ReadInt64(ref Utf8JsonReader reader, out long value, out string? problem)
    {
        value = default;
        return (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out value) && Ok(out problem)) || InvalidInteger(ref reader, out problem);
    }

    internal static bool ReadByte(ref Utf8JsonReader reader, out byte value, out string? problem)
    {
        value = default;
        return (reader.TokenType == JsonTokenType.Number && reader.TryGetByte(out value) && Ok(out problem)) || InvalidInteger(ref reader, out problem);
    }

    internal static bool ReadUInt16(ref Utf8JsonReader reader, out ushort value, out string? problem)
    {
        value = default;
        return (reader.TokenType == JsonTokenType.Number && reader.TryGetUInt16(out value) && Ok(out problem)) || InvalidInteger(ref reader, out problem);
    }

    internal static bool ReadUInt32(ref Utf8JsonReader reader, out uint value, out string? problem)
    {
        value = default;
        return (reader.TokenType == JsonTokenType.Number && reader.TryGetUInt32(out value) && Ok(out problem)) || InvalidInteger(ref reader, out problem);
    }

    internal static bool ReadUInt64(ref Utf8JsonReader reader, out ulong value, out string? problem)
    {
        value = default;
        return (reader.TokenType == JsonTokenType.Number && reader.TryGetUInt64(out value) && Ok(out problem)) || InvalidInteger(ref reader, out problem);
    }

    internal static bool ReadHalf(ref Utf8JsonReader reader, out Half value, out string? problem)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out double number) && double.IsFinite(number))
        {
            value = (Half)number;
            if (Half.IsFinite(value))
            {
                problem = null;
                return true;
            }

            problem = "the number is out of range";
            return false;
        }

        bool read = ReadNonFinite(ref reader, out double wide, out problem);
        value = (Half)wide;
        return read;
    }

    internal static bool ReadSingle(ref Utf8JsonReader reader, out float value, out string? problem)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetSingle(out value) && float.IsFinite(value))
        {
            problem = null;
            return true;
        }

        bool read = ReadNonFinite(ref reader, out double wide, out problem);
        value = (float)wide;
        return read;
    }

    internal static bool ReadDouble(ref Utf8JsonReader reader, out double value, out string? problem)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out value) && double.IsFinite(value))
        {
            problem = null;
            return true;
        }

        return ReadNonFinite(ref reader, out value, out problem);
    }

    private static bool ReadNonFinite(ref Utf8JsonReader reader, out double value, out string? problem)
    {
        value = default;
        problem = null;

        // Unescaped here rather than by ValueTextEquals, which throws on a \u escape of an unpaired surrogate.
        Span<byte> scratch = stackalloc byte[16];
        ReadOnlySpan<byte> text = reader.TokenType == JsonTokenType.String ? Unescaped(reader, scratch) : default;
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                problem = "the number is out of range";
                return false;
            case JsonTokenType.String when text.SequenceEqual("NaN"u8):
                value = double.NaN;
                return true;
            case JsonTokenType.String when text.SequenceEqual("Infinity"u8):
                value = double.PositiveInfinity;
                return true;
            case JsonTokenType.String when text.SequenceEqual("-Infinity"u8):
                value = double.NegativeInfinity;
                return true;
            case JsonTokenType.String:
                problem = "the string is not \"NaN\", \"Infinity\" or \"-Infinity\"";
                return false;
            default:
                return WrongType(ref reader, "a number", out problem);
        }
    }

    internal static bool ReadDecimal(ref Utf8JsonReader reader, int precision, int scale, out decimal value, out string? problem)
    {
        value = default;
        if (reader.TokenType != JsonTokenType.Number)
        {
            return WrongType(ref reader, "a number", out problem);
        }

        // A number token's bytes are its text as written (JSON numbers have no escapes): parsed as a CSV field is,
        // plain decimals digit by digit with the precision and scale checked on the digits.
        if (!Utf8ValueParser.TryParseDecimal(reader.ValueSpan, precision, scale, out value))
        {
            problem = ValueProblems.DoesNotFit(Utf8Text.ForMessage(reader.ValueSpan), precision, scale);
            return false;
        }

        problem = null;
        return true;
    }

    private static bool ReadString(ref Utf8JsonReader reader, bool replaceInvalidUtf8, out string value, out string? problem)
    {
        value = string.Empty;
        if (reader.TokenType != JsonTokenType.String)
        {
            return WrongType(ref reader, "a string", out problem);
        }

        return JsonText.TryGetString(ref reader, replaceInvalidUtf8, out value, out problem, out _);
    }

    internal static bool ReadBinary(ref Utf8JsonReader reader, bool replaceInvalidUtf8, out byte[] value, out string? problem)
    {
        value = Array.Empty<byte>();
        if (reader.TokenType != JsonTokenType.String)
        {
            return WrongType(ref reader, "a string", out problem);
        }

        if (JsonText.TryGetBase64(ref reader, out byte[]? bytes))
        {
            value = bytes;
            problem = null;
            return true;
        }

        problem = "invalid value";
        return false;
    }

    internal static bool ReadDate(ref Utf8JsonReader reader, out DateOnly value, out string? problem)
    {
        value = default;
        Span<byte> scratch = stackalloc byte[MaxTextValueLength];
        return reader.TokenType == JsonTokenType.String ? Invalid("date", Unescaped(reader, scratch), out value, out problem) : WrongType(ref reader, "a string", out problem);
    }

    internal static bool ReadTime(ref Utf8JsonReader reader, out TimeOnly value, out string? problem)
    {
        value = default;
        Span<byte> scratch = stackalloc byte[MaxTextValueLength];
        return reader.TokenType == JsonTokenType.String ? Invalid("time", Unescaped(reader, scratch), out value, out problem) : WrongType(ref reader, "a string", out problem);
    }

    internal static bool ReadTimestamp(ref Utf8JsonReader reader, out DateTimeOffset value, out string? problem)
    {
        value = default;
        Span<byte> scratch = stackalloc byte[MaxTextValueLength];
        return reader.TokenType == JsonTokenType.String ? Invalid("timestamp", Unescaped(reader, scratch), out value, out problem) : WrongType(ref reader, "a string", out problem);
    }

    internal static bool ReadLocalTimestamp(ref Utf8JsonReader reader, out DateTime value, out string? problem)
    {
        value = default;
        Span<byte> scratch = stackalloc byte[MaxTextValueLength];
        return reader.TokenType == JsonTokenType.String ? Invalid("timestamp_local", Unescaped(reader, scratch), out value, out problem) : WrongType(ref reader, "a string", out problem);
    }

    internal static bool ReadGuid(ref Utf8JsonReader reader, out Guid value, out string? problem)
    {
        value = default;
        Span<byte> scratch = stackalloc byte[MaxTextValueLength];
        return reader.TokenType == JsonTokenType.String ? Invalid("uuid", Unescaped(reader, scratch), out value, out problem) : WrongType(ref reader, "a string", out problem);
    }

    private static bool Ok(out string? problem)
    {
        problem = null;
        return true;
    }

    private static bool Invalid(string typeName, ReadOnlySpan<byte> text, out DateOnly value, out string? problem) =>
        Parsed(Utf8ValueParser.TryParseDate(text, out value), typeName, text, out problem);

    private static bool Invalid(string typeName, ReadOnlySpan<byte> text, out TimeOnly value, out string? problem) =>
        Parsed(Utf8ValueParser.TryParseTime(text, out value), typeName, text, out problem);

    private static bool Invalid(string typeName, ReadOnlySpan<byte> text, out DateTimeOffset value, out string? problem) =>
        Parsed(Utf8ValueParser.TryParseTimestamp(text, out value), typeName, text, out problem);

    private static bool Invalid(string typeName, ReadOnlySpan<byte> text, out DateTime value, out string? problem) =>
        Parsed(Utf8ValueParser.TryParseLocalTimestamp(text, out value), typeName, text, out problem);

    private static bool Invalid(string typeName, ReadOnlySpan<byte> text, out Guid value, out string? problem) =>
        Parsed(Utf8ValueParser.TryParseGuid(text, out value), typeName, text, out problem);

    private static bool Parsed(bool parsed, string typeName, ReadOnlySpan<byte> text, out string? problem)
    {
        problem = parsed ? null : ValueProblems.Of(typeName, text);
        return parsed;
    }

    private static bool WrongType(ref Utf8JsonReader reader, string expected, out string? problem)
    {
        problem = "the value is " + JsonReadContext.Describe(reader.TokenType) + ", not " + expected;
        return false;
    }

    private static bool InvalidInteger(ref Utf8JsonReader reader, out string? problem)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            return WrongType(ref reader, "a number", out problem);
        }

        problem = reader.ValueSpan.IndexOfAny("."u8 + "eE"u8) >= 0 ? "the number has a fraction or an exponent" : "the number is out of range";
        return false;
    }

    private static ReadOnlySpan<byte> Unescaped(in Utf8JsonReader reader, Span<byte> scratch) => JsonText.Unescaped(reader, scratch);

    private static void WriteHalf(Utf8JsonWriter writer, Half value)
    {
        if (!Half.IsFinite(value))
        {
            writer.WriteStringValue(NonFinite((double)value));
            return;
        }

        Span<byte> text = stackalloc byte[32];
        value.TryFormat(text, out int written, default, CultureInfo.InvariantCulture);
        writer.WriteRawValue(text.Slice(0, written), skipInputValidation: true);
    }

    private static void WriteSingle(Utf8JsonWriter writer, float value)
    {
        if (float.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteStringValue(NonFinite(value));
        }
    }

    private static void WriteDouble(Utf8JsonWriter writer, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteStringValue(NonFinite(value));
        }
    }

    private static ReadOnlySpan<byte> NonFinite(double value) =>
        double.IsNaN(value) ? "NaN"u8 : value > 0 ? "Infinity"u8 : "-Infinity"u8;

    // ISO text digit by digit: custom format strings cost more than the rest of an element.
    private static void WriteDateValue(Utf8JsonWriter writer, DateOnly value)
    {
        Span<byte> text = stackalloc byte[IsoDateTimeFormatter.DateLength];
        writer.WriteStringValue(text.Slice(0, IsoDateTimeFormatter.FormatDate(value, text)));
    }

    private static void WriteTimeValue(Utf8JsonWriter writer, TimeOnly value)
    {
        Span<byte> text = stackalloc byte[IsoDateTimeFormatter.MaxTimeLength];
        writer.WriteStringValue(text.Slice(0, IsoDateTimeFormatter.FormatTime(value, text)));
    }

    private static void WriteTimestampValue(Utf8JsonWriter writer, DateTimeOffset value)
    {
        Span<byte> text = stackalloc byte[IsoDateTimeFormatter.MaxTimestampLength];
        writer.WriteStringValue(text.Slice(0, IsoDateTimeFormatter.FormatUtcTimestamp(value, text)));
    }

    private static void WriteLocalTimestampValue(Utf8JsonWriter writer, DateTime value)
    {
        Span<byte> text = stackalloc byte[IsoDateTimeFormatter.MaxTimestampLength];
        writer.WriteStringValue(text.Slice(0, IsoDateTimeFormatter.FormatLocalTimestamp(value, text)));
    }

    private sealed class ValueElement<TValue> : ListElement<TValue?>
        where TValue : struct
    {
        private readonly ReadElement<TValue> _read;
        private readonly Action<Utf8JsonWriter, TValue> _write;

        public ValueElement(string typeName, ReadElement<TValue> read, Action<Utf8JsonWriter, TValue> write)
            : base(typeName)
        {
            _read = read;
            _write = write;
        }

        internal override bool TryRead(ref Utf8JsonReader reader, bool replaceInvalidUtf8, out TValue? value, out string? problem)
        {
            bool read = _read(ref reader, out TValue parsed, out problem);
            value = read ? parsed : null;
            return read;
        }

        internal override void Write(Utf8JsonWriter writer, TValue? value)
        {
            if (value is TValue present)
            {
                _write(writer, present);
            }
            else
            {
                writer.WriteNullValue();
            }
        }
    }

    private sealed class ReferenceElement<TValue> : ListElement<TValue?>
        where TValue : class
    {
        private readonly ReadTextElement<TValue> _read;
        private readonly Action<Utf8JsonWriter, TValue> _write;

        public ReferenceElement(string typeName, ReadTextElement<TValue> read, Action<Utf8JsonWriter, TValue> write)
            : base(typeName)
        {
            _read = read;
            _write = write;
        }

        internal override bool TryRead(ref Utf8JsonReader reader, bool replaceInvalidUtf8, out TValue? value, out string? problem)
        {
            bool read = _read(ref reader, replaceInvalidUtf8, out TValue parsed, out problem);
            value = read ? parsed : null;
            return read;
        }

        internal override void Write(Utf8JsonWriter writer, TValue? value)
        {
            if (value is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                _write(writer, value);
            }
        }
    }
}
