using System;

namespace Typed.S3.Codecs;

/// <summary>
/// ISO 8601 text for dates, times and timestamps, written digit by digit as UTF-8 for the CSV and JSON writers: the
/// custom format strings it replaces (<c>yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'</c>) cost more than the rest of a record.
/// <see cref="IsoDateTimeParser"/> reads it back to the same tick. The output is the same text: four-digit years, two-digit fields, and a fraction of up to seven digits with trailing zeros trimmed
/// (no point at all when the fraction is zero).
/// </summary>
internal static class IsoDateTimeFormatter
{
    /// <summary>The length of <c>yyyy-MM-dd</c>.</summary>
    public const int DateLength = 10;

    /// <summary>The longest time of day: <c>HH:mm:ss.fffffff</c>.</summary>
    public const int MaxTimeLength = 16;

    /// <summary>The longest timestamp: <c>yyyy-MM-ddTHH:mm:ss.fffffffZ</c>.</summary>
    public const int MaxTimestampLength = 28;

    /// <summary>Writes <c>yyyy-MM-dd</c>.</summary>
    /// <param name="value">The date to write as <c>yyyy-MM-dd</c>.</param>
    /// <param name="destination">At least <see cref="DateLength"/> bytes.</param>
    /// <returns>The number of bytes written.</returns>
    public static int FormatDate(DateOnly value, Span<byte> destination)
    {
        value.Deconstruct(out int year, out int month, out int day);
        WriteDate(destination, year, month, day);
        return DateLength;
    }

    /// <summary>Writes <c>HH:mm:ss[.fffffff]</c>.</summary>
    /// <param name="value">The time of day.</param>
    /// <param name="destination">At least <see cref="MaxTimeLength"/> bytes.</param>
    /// <returns>The number of bytes written.</returns>
    public static int FormatTime(TimeOnly value, Span<byte> destination) => WriteTimeOfDay(destination, 0, value.Ticks);

    /// <summary>Writes the instant in UTC: <c>yyyy-MM-ddTHH:mm:ss[.fffffff]Z</c>, whatever the value's offset.</summary>
    /// <param name="value">The instant.</param>
    /// <param name="destination">At least <see cref="MaxTimestampLength"/> bytes.</param>
    /// <returns>The number of bytes written.</returns>
    public static int FormatUtcTimestamp(DateTimeOffset value, Span<byte> destination)
    {
        int length = FormatLocalTimestamp(value.UtcDateTime, destination);
        destination[length] = (byte)'Z';
        return length + 1;
    }

    /// <summary>Writes the date and time as they are, without an offset: <c>yyyy-MM-ddTHH:mm:ss[.fffffff]</c>.</summary>
    /// <param name="value">The date and time; its <see cref="DateTime.Kind"/> is not written.</param>
    /// <param name="destination">At least <see cref="MaxTimestampLength"/> - 1 bytes.</param>
    /// <returns>The number of bytes written.</returns>
    public static int FormatLocalTimestamp(DateTime value, Span<byte> destination)
    {
        value.Deconstruct(out int year, out int month, out int day);
        WriteDate(destination, year, month, day);
        destination[DateLength] = (byte)'T';
        return WriteTimeOfDay(destination, DateLength + 1, value.Ticks % TimeSpan.TicksPerDay);
    }

    private static void WriteDate(Span<byte> destination, int year, int month, int day)
    {
        // Year 1 to 9999: always four digits.
        uint high = (uint)year / 100;
        WriteTwoDigits(destination, 0, high);
        WriteTwoDigits(destination, 2, (uint)year - (high * 100));
        destination[4] = (byte)'-';
        WriteTwoDigits(destination, 5, (uint)month);
        destination[7] = (byte)'-';
        WriteTwoDigits(destination, 8, (uint)day);
    }

    private static int WriteTimeOfDay(Span<byte> destination, int offset, long ticksOfDay)
    {
        ulong seconds = (ulong)ticksOfDay / TimeSpan.TicksPerSecond;
        uint fraction = (uint)((ulong)ticksOfDay - (seconds * TimeSpan.TicksPerSecond));
        uint rest = (uint)seconds;
        uint hours = rest / 3600;
        rest -= hours * 3600;
        uint minutes = rest / 60;
        rest -= minutes * 60;
        WriteTwoDigits(destination, offset, hours);
        destination[offset + 2] = (byte)':';
        WriteTwoDigits(destination, offset + 3, minutes);
        destination[offset + 5] = (byte)':';
        WriteTwoDigits(destination, offset + 6, rest);
        int end = offset + 8;
        if (fraction == 0)
        {
            return end;
        }

        // Seven digits with the trailing zeros dropped, as "FFFFFFF" does.
        int digits = 7;
        while (fraction % 10 == 0)
        {
            fraction /= 10;
            digits--;
        }

        destination[end] = (byte)'.';
        for (int i = end + digits; i > end; i--)
        {
            uint quotient = fraction / 10;
            destination[i] = (byte)('0' + (fraction - (quotient * 10)));
            fraction = quotient;
        }

        return end + digits + 1;
    }

    private static void WriteTwoDigits(Span<byte> destination, int offset, uint value)
    {
        uint tens = value / 10;
        destination[offset + 1] = (byte)('0' + (value - (tens * 10)));
        destination[offset] = (byte)('0' + tens);
    }
}
