using System;
using System.Buffers.Text;
using System.ComponentModel;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Typed.S3.Codecs;

/// <summary>
/// Parses the text forms of the schema's column types straight from UTF-8 bytes, in the invariant culture
/// whatever the current one, without allocating (except for strings and binary values). Generated readers
/// call these; a <see langword="false"/> return makes them throw a <see cref="DatasetFormatException"/>
/// that names the object, line, column, type and value.
/// </summary>
/// <remarks>For generated code only: not a supported API, hidden from IntelliSense, and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Utf8ValueParser
{
    // Longest text accepted for values parsed through char APIs (dates, times, timestamps).
    private const int MaxTemporalLength = 64;

    /// <summary>Parses <c>true</c>/<c>false</c> (any case), <c>1</c>/<c>0</c>, <c>t</c>/<c>f</c>, <c>yes</c>/<c>no</c>.</summary>
    /// <returns>Whether the text is a boolean.</returns>
    public static bool TryParseBoolean(ReadOnlySpan<byte> utf8, out bool value)
    {
        switch (utf8.Length)
        {
            case 1:
                switch (utf8[0] | 0x20)
                {
                    case '1' | 0x20:
                    case 't':
                    case 'y':
                        value = true;
                        return true;
                    case '0' | 0x20:
                    case 'f':
                    case 'n':
                        value = false;
                        return true;
                }

                break;
            case 2 when Ascii.EqualsIgnoreCase(utf8, "no"u8):
                value = false;
                return true;
            case 3 when Ascii.EqualsIgnoreCase(utf8, "yes"u8):
                value = true;
                return true;
            case 4 when Ascii.EqualsIgnoreCase(utf8, "true"u8):
                value = true;
                return true;
            case 5 when Ascii.EqualsIgnoreCase(utf8, "false"u8):
                value = false;
                return true;
        }

        value = false;
        return false;
    }

    /// <summary>Parses an <c>int8</c>.</summary>
    /// <returns>Whether the text is an integer in range.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryParseSByte(ReadOnlySpan<byte> utf8, out sbyte value) => Utf8Parser.TryParse(utf8, out value, out int consumed) && consumed == utf8.Length;

    /// <summary>Parses an <c>int16</c>.</summary>
    /// <returns>Whether the text is an integer in range.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryParseInt16(ReadOnlySpan<byte> utf8, out short value) => Utf8Parser.TryParse(utf8, out value, out int consumed) && consumed == utf8.Length;

    /// <summary>Parses an <c>int32</c>.</summary>
    /// <returns>Whether the text is an integer in range.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryParseInt32(ReadOnlySpan<byte> utf8, out int value) => Utf8Parser.TryParse(utf8, out value, out int consumed) && consumed == utf8.Length;

    /// <summary>Parses an <c>int64</c>.</summary>
    /// <returns>Whether the text is an integer in range.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryParseInt64(ReadOnlySpan<byte> utf8, out long value) => Utf8Parser.TryParse(utf8, out value, out int consumed) && consumed == utf8.Length;

    /// <summary>Parses a <c>uint8</c>.</summary>
    /// <returns>Whether the text is an integer in range.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryParseByte(ReadOnlySpan<byte> utf8, out byte value) => Utf8Parser.TryParse(utf8, out value, out int consumed) && consumed == utf8.Length;

    /// <summary>Parses a <c>uint16</c>.</summary>
    /// <returns>Whether the text is an integer in range.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryParseUInt16(ReadOnlySpan<byte> utf8, out ushort value) => Utf8Parser.TryParse(utf8, out value, out int consumed) && consumed == utf8.Length;

    /// <summary>Parses a <c>uint32</c>.</summary>
    /// <returns>Whether the text is an integer in range.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryParseUInt32(ReadOnlySpan<byte> utf8, out uint value) => Utf8Parser.TryParse(utf8, out value, out int consumed) && consumed == utf8.Length;

    /// <summary>Parses a <c>uint64</c>.</summary>
    /// <returns>Whether the text is an integer in range.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryParseUInt64(ReadOnlySpan<byte> utf8, out ulong value) => Utf8Parser.TryParse(utf8, out value, out int consumed) && consumed == utf8.Length;

    /// <summary>
    /// Parses a <c>float16</c>: decimal or exponent notation (rounded to the nearest half, as every float is),
    /// <c>NaN</c>, <c>Infinity</c>, <c>-Infinity</c>, <c>inf</c>. A finite number beyond float16's range (65504) is not
    /// one: it would otherwise read as an infinity.
    /// </summary>
    /// <returns>Whether the text is a number float16 holds.</returns>
    public static bool TryParseHalf(ReadOnlySpan<byte> utf8, out Half value)
    {
        if (TryParseSpecialFloat(utf8, out double special))
        {
            value = (Half)special;
            return true;
        }

        value = default;
        if (!TryParseFiniteDouble(utf8, out double wide))
        {
            return false;
        }

        value = (Half)wide;
        return Half.IsFinite(value);
    }

    /// <summary>
    /// Parses a <c>float32</c>: decimal or exponent notation, <c>NaN</c>, <c>Infinity</c>, <c>-Infinity</c>, <c>inf</c>.
    /// A finite number beyond float32's range is not one: it would otherwise read as an infinity.
    /// </summary>
    /// <returns>Whether the text is a number float32 holds.</returns>
    public static bool TryParseSingle(ReadOnlySpan<byte> utf8, out float value)
    {
        if ((Utf8Parser.TryParse(utf8, out value, out int consumed) && consumed == utf8.Length)
            || float.TryParse(utf8, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return float.IsFinite(value) || TryParseSpecialFloat(utf8, out _);
        }

        if (TryParseSpecialFloat(utf8, out double special))
        {
            value = (float)special;
            return true;
        }

        return false;
    }

    /// <summary>
    /// Parses a <c>float64</c>: decimal or exponent notation, <c>NaN</c>, <c>Infinity</c>, <c>-Infinity</c>, <c>inf</c>.
    /// A finite number beyond float64's range is not one: it would otherwise read as an infinity.
    /// </summary>
    /// <returns>Whether the text is a number float64 holds.</returns>
    public static bool TryParseDouble(ReadOnlySpan<byte> utf8, out double value) =>
        TryParseFiniteDouble(utf8, out value) || TryParseSpecialFloat(utf8, out value);

    // A number written in digits (not NaN or an infinity) that double holds.
    private static bool TryParseFiniteDouble(ReadOnlySpan<byte> utf8, out double value) =>
        ((Utf8Parser.TryParse(utf8, out value, out int consumed) && consumed == utf8.Length)
            || double.TryParse(utf8, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        && double.IsFinite(value);

    /// <summary>
    /// Parses a <c>decimal(p,s)</c>. A value with more than <paramref name="scale"/> significant decimal places,
    /// or more than <paramref name="precision"/> − <paramref name="scale"/> integer digits, does not fit the
    /// column and is rejected rather than rounded, so no digit is lost silently.
    /// </summary>
    /// <param name="utf8">The text, in decimal or exponent notation.</param>
    /// <param name="precision">The column's total digits.</param>
    /// <param name="scale">The column's digits after the point.</param>
    /// <param name="value">The number, exactly as written, when it fits the column.</param>
    /// <returns>Whether the text is a number that fits the column.</returns>
    public static bool TryParseDecimal(ReadOnlySpan<byte> utf8, int precision, int scale, out decimal value)
    {
        if (TryParsePlainDecimal(utf8, precision, scale, out value, out bool fits))
        {
            return fits;
        }

        if (!Utf8Parser.TryParse(utf8, out value, out int consumed) || consumed != utf8.Length)
        {
            if (!decimal.TryParse(utf8, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
            {
                return false;
            }
        }

        return FitsDecimal(value, precision, scale);
    }

    /// <summary>Whether a value fits <c>decimal(precision,scale)</c> without rounding.</summary>
    /// <param name="value">The number to check, scale as stored.</param>
    /// <param name="precision">Total digits.</param>
    /// <param name="scale">Digits after the point.</param>
    /// <returns><see langword="true"/> when the value fits.</returns>
    public static bool FitsDecimal(decimal value, int precision, int scale)
    {
        if (value.Scale > scale && decimal.Round(value, scale) != value)
        {
            return false;
        }

        int integerDigits = precision - scale;
        if (integerDigits >= 29)
        {
            return true;
        }

        // |value| < 10^n exactly when its integer part is: 10^n is an integer.
        return Math.Abs(value) < Pow10(integerDigits);
    }

    // Plain [-+]digits[.digits] with at most 18 digits and no more decimals than the column's scale: the usual
    // case, read into a 64-bit mantissa directly. Anything else returns false for the general parser.
    private static bool TryParsePlainDecimal(ReadOnlySpan<byte> utf8, int precision, int scale, out decimal value, out bool fits)
    {
        value = 0m;
        fits = false;
        int i = 0;
        bool negative = false;
        if (utf8.Length > 0 && (utf8[0] == '-' || utf8[0] == '+'))
        {
            negative = utf8[0] == '-';
            i = 1;
        }

        ulong mantissa = 0;
        int digits = 0;
        int integerDigits = 0;
        int fractionDigits = 0;
        bool point = false;
        for (; i < utf8.Length; i++)
        {
            uint digit = (uint)(utf8[i] - '0');
            if (digit <= 9)
            {
                if (++digits > 18)
                {
                    return false;
                }

                mantissa = (mantissa * 10) + digit;
                if (point)
                {
                    fractionDigits++;
                }
                else if (mantissa != 0)
                {
                    integerDigits++;
                }
            }
            else if (utf8[i] == '.' && !point)
            {
                point = true;
            }
            else
            {
                return false;
            }
        }

        if (digits == 0 || fractionDigits > scale || (point && fractionDigits == 0))
        {
            return false;
        }

        value = new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), 0, negative && mantissa != 0, (byte)fractionDigits);
        fits = integerDigits <= precision - scale;
        return true;
    }

    /// <summary>Parses a <c>date</c> in ISO 8601 form: <c>yyyy-MM-dd</c>.</summary>
    /// <returns>Whether the text is a date.</returns>
    public static bool TryParseDate(ReadOnlySpan<byte> utf8, out DateOnly value)
    {
        if (IsoDateTimeParser.TryReadDate(utf8, out long ticks))
        {
            value = DateOnly.FromDayNumber((int)(ticks / TimeSpan.TicksPerDay));
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>Parses a <c>time</c>: <c>HH:mm</c>, <c>HH:mm:ss</c> or <c>HH:mm:ss.fffffff</c>.</summary>
    /// <returns>Whether the text is a time of day.</returns>
    public static bool TryParseTime(ReadOnlySpan<byte> utf8, out TimeOnly value)
    {
        if (IsoDateTimeParser.TryReadTime(utf8, out long ticks, out int consumed) && consumed == utf8.Length)
        {
            value = new TimeOnly(ticks);
            return true;
        }

        Span<char> chars = stackalloc char[MaxTemporalLength];
        if (!TryWiden(utf8, chars, out int length))
        {
            value = default;
            return false;
        }

        return TimeOnly.TryParseExact(chars.Slice(0, length), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    /// <summary>
    /// Parses a <c>timestamp</c> (an instant): ISO 8601 with <c>T</c> or a space and a zone (<c>Z</c>, <c>+02:00</c>,
    /// <c>+0200</c>, <c>+02</c>). Text without a zone is refused, not taken for UTC: which instant it means is not in the
    /// data (DuckDB's <c>TIMESTAMP</c>, pandas and spreadsheets write local date-times that way; they are
    /// <c>timestamp_local</c>). The result is in UTC.
    /// </summary>
    /// <param name="utf8">The field's UTF-8 bytes: an ISO 8601 date and time with an offset or <c>Z</c>.</param>
    /// <param name="value">The value, with offset zero.</param>
    /// <returns>Whether the text is a timestamp.</returns>
    public static bool TryParseTimestamp(ReadOnlySpan<byte> utf8, out DateTimeOffset value)
    {
        if (IsoDateTimeParser.TryReadDateTime(utf8, out long ticks, out int offsetMinutes, out bool hasZone))
        {
            if (!hasZone)
            {
                value = default;
                return false;
            }

            long utcTicks = ticks - (offsetMinutes * TimeSpan.TicksPerMinute);
            if (utcTicks >= 0 && utcTicks <= DateTime.MaxValue.Ticks)
            {
                value = new DateTimeOffset(utcTicks, TimeSpan.Zero);
                return true;
            }
        }

        Span<char> chars = stackalloc char[MaxTemporalLength];
        if (!TryWiden(utf8, chars, out int length) || length < 10 || !char.IsAsciiDigit(chars[0]))
        {
            value = default;
            return false;
        }

        Span<char> text = chars.Slice(0, length);

        // "+02" (hours only, as DuckDB and PostgreSQL write offsets) is not an ISO form .NET reads: widen it.
        if (length >= 3 && (text[length - 3] == '+' || text[length - 3] == '-') && char.IsAsciiDigit(text[length - 2]) && char.IsAsciiDigit(text[length - 1])
            && length + 3 <= chars.Length && text.Slice(0, length - 3).Contains(':'))
        {
            ":00".AsSpan().CopyTo(chars.Slice(length));
            text = chars.Slice(0, length + 3);
        }

        // A zone is required here too: round-trip parsing leaves a date-time without one Unspecified.
        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind | DateTimeStyles.AllowWhiteSpaces, out DateTime zoned)
            || zoned.Kind == DateTimeKind.Unspecified)
        {
            value = default;
            return false;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out value))
        {
            value = value.ToUniversalTime();
            return true;
        }

        return false;
    }

    /// <summary>Parses a <c>timestamp_local</c>: ISO 8601 date and time with <c>T</c> or a space and no offset.</summary>
    /// <param name="utf8">The field's UTF-8 bytes: an ISO 8601 date and time without an offset.</param>
    /// <param name="value">The value, of kind <see cref="DateTimeKind.Unspecified"/>.</param>
    /// <returns>Whether the text is a local timestamp.</returns>
    public static bool TryParseLocalTimestamp(ReadOnlySpan<byte> utf8, out DateTime value)
    {
        if (IsoDateTimeParser.TryReadDateTime(utf8, out long ticks, out _, out bool hasZone) && !hasZone)
        {
            value = new DateTime(ticks, DateTimeKind.Unspecified);
            return true;
        }

        Span<char> chars = stackalloc char[MaxTemporalLength];
        if (!TryWiden(utf8, chars, out int length) || length < 10 || !char.IsAsciiDigit(chars[0]))
        {
            value = default;
            return false;
        }

        ReadOnlySpan<char> text = chars.Slice(0, length);
        if (text[length - 1] is 'Z' or 'z' || (length > 19 && text.Slice(19).IndexOfAny('+', '-') >= 0))
        {
            value = default;
            return false;
        }

        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out value))
        {
            value = DateTime.SpecifyKind(value, DateTimeKind.Unspecified);
            return true;
        }

        return false;
    }

    /// <summary>Parses a <c>uuid</c>: 32 hex digits, with or without hyphens and braces.</summary>
    /// <returns>Whether the text is a UUID.</returns>
    public static bool TryParseGuid(ReadOnlySpan<byte> utf8, out Guid value)
    {
        if (utf8.Length == 36 && Utf8Parser.TryParse(utf8, out value, out int consumed, 'D') && consumed == 36)
        {
            return true;
        }

        Span<char> chars = stackalloc char[MaxTemporalLength];
        if (!TryWiden(utf8, chars, out int length))
        {
            value = default;
            return false;
        }

        return Guid.TryParse(chars.Slice(0, length), out value);
    }

    /// <summary>Parses a <c>binary</c> value written as base64.</summary>
    /// <param name="utf8">The base64 text.</param>
    /// <param name="value">The decoded bytes, when the text is valid base64.</param>
    /// <returns>Whether the text is valid base64.</returns>
    public static bool TryParseBase64(ReadOnlySpan<byte> utf8, out byte[] value)
    {
        byte[] buffer = new byte[Base64.GetMaxDecodedFromUtf8Length(utf8.Length)];
        if (Base64.DecodeFromUtf8(utf8, buffer, out int consumed, out int written) == System.Buffers.OperationStatus.Done && consumed == utf8.Length)
        {
            value = written == buffer.Length ? buffer : buffer.AsSpan(0, written).ToArray();
            return true;
        }

        value = Array.Empty<byte>();
        return false;
    }

    /// <summary>Decodes UTF-8 text into a string; invalid sequences become U+FFFD. Readers validate first (see <see cref="DatasetReadOptions.InvalidUtf8"/>).</summary>
    public static string GetString(ReadOnlySpan<byte> utf8) => utf8.IsEmpty ? string.Empty : Encoding.UTF8.GetString(utf8);

    private static readonly string[] TimeFormats =
    {
        "HH:mm:ss", "HH:mm", "HH:mm:ss.FFFFFFF",
    };

    private static bool TryParseSpecialFloat(ReadOnlySpan<byte> utf8, out double value)
    {
        ReadOnlySpan<byte> unsigned = utf8.Length > 0 && (utf8[0] == '-' || utf8[0] == '+') ? utf8.Slice(1) : utf8;
        bool negative = utf8.Length > 0 && utf8[0] == '-';
        if (Ascii.EqualsIgnoreCase(unsigned, "inf"u8) || Ascii.EqualsIgnoreCase(unsigned, "infinity"u8))
        {
            value = negative ? double.NegativeInfinity : double.PositiveInfinity;
            return true;
        }

        if (Ascii.EqualsIgnoreCase(unsigned, "nan"u8))
        {
            value = double.NaN;
            return true;
        }

        value = 0;
        return false;
    }

    // Temporal and GUID texts are ASCII: widening them byte by byte avoids a transcoder and any allocation.
    private static bool TryWiden(ReadOnlySpan<byte> utf8, Span<char> chars, out int length)
    {
        length = utf8.Length;
        if (length > chars.Length)
        {
            return false;
        }

        for (int i = 0; i < utf8.Length; i++)
        {
            byte b = utf8[i];
            if (b > 0x7F)
            {
                return false;
            }

            chars[i] = (char)b;
        }

        return true;
    }

    private static decimal Pow10(int exponent) => PowersOfTen[exponent];

    private static readonly decimal[] PowersOfTen = CreatePowersOfTen();

    private static decimal[] CreatePowersOfTen()
    {
        var powers = new decimal[29];
        powers[0] = 1m;
        for (int i = 1; i < powers.Length; i++)
        {
            powers[i] = powers[i - 1] * 10m;
        }

        return powers;
    }
}
