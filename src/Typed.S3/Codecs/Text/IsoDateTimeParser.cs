using System;

namespace Typed.S3.Codecs;

/// <summary>
/// The fast path for the ISO 8601 forms data files nearly always hold (<c>yyyy-MM-ddTHH:mm:ss[.f…][Z|±hh[:mm]]</c>,
/// <c>HH:mm:ss[.f…]</c>), read straight from the bytes. Any other text returns <see langword="false"/> and the
/// caller falls back to the .NET parsers, which define what is accepted; this class only decides sooner.
/// </summary>
internal static class IsoDateTimeParser
{
    private const int MaxFractionDigits = 7;

    private static readonly int[] FractionScale = { 0, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1 };

    /// <summary>Reads <c>yyyy-MM-dd[T| ]HH:mm:ss[.fffffff]</c> and an optional zone (<c>Z</c>, <c>±hh</c>, <c>±hhmm</c>, <c>±hh:mm</c>).</summary>
    /// <param name="utf8">The field's UTF-8 bytes: an ISO 8601 date and time.</param>
    /// <param name="ticks">The date and time as written, in ticks.</param>
    /// <param name="offsetMinutes">The zone's offset from UTC in minutes; 0 without one.</param>
    /// <param name="hasZone">Whether the text has a zone.</param>
    /// <returns><see langword="false"/> when the text is not in this form or a field is out of range.</returns>
    public static bool TryReadDateTime(ReadOnlySpan<byte> utf8, out long ticks, out int offsetMinutes, out bool hasZone)
    {
        ticks = 0;
        offsetMinutes = 0;
        hasZone = false;
        if (utf8.Length < 19 || utf8[10] is not ((byte)'T' or (byte)'t' or (byte)' ')
            || !TryReadDate(utf8.Slice(0, 10), out long dateTicks)
            || !TryReadTime(utf8.Slice(11), out long timeTicks, out int consumed))
        {
            return false;
        }

        ReadOnlySpan<byte> zone = utf8.Slice(11 + consumed);
        if (!zone.IsEmpty)
        {
            hasZone = true;
            if (!TryReadZone(zone, out offsetMinutes))
            {
                return false;
            }
        }

        ticks = dateTicks + timeTicks;
        return true;
    }

    /// <summary>Reads <c>yyyy-MM-dd</c>.</summary>
    /// <param name="utf8">Exactly the date's ten bytes.</param>
    /// <param name="ticks">Midnight of the date, in ticks.</param>
    /// <returns>Whether the text is a valid date.</returns>
    public static bool TryReadDate(ReadOnlySpan<byte> utf8, out long ticks)
    {
        ticks = 0;
        if (utf8.Length != 10 || utf8[4] != '-' || utf8[7] != '-'
            || !TryDigits4(utf8, out int year) || !TryDigits2(utf8.Slice(5), out int month) || !TryDigits2(utf8.Slice(8), out int day)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        ticks = new DateTime(year, month, day).Ticks;
        return true;
    }

    /// <summary>Reads <c>HH:mm:ss</c> and an optional fraction of one to seven digits at the start of <paramref name="utf8"/>.</summary>
    /// <param name="utf8">The text, which may go on after the time.</param>
    /// <param name="ticks">The time of day, in ticks.</param>
    /// <param name="consumed">The bytes read.</param>
    /// <returns>Whether a valid time starts the text.</returns>
    public static bool TryReadTime(ReadOnlySpan<byte> utf8, out long ticks, out int consumed)
    {
        ticks = 0;
        consumed = 0;
        if (utf8.Length < 8 || utf8[2] != ':' || utf8[5] != ':'
            || !TryDigits2(utf8, out int hour) || !TryDigits2(utf8.Slice(3), out int minute) || !TryDigits2(utf8.Slice(6), out int second)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        ticks = (hour * TimeSpan.TicksPerHour) + (minute * TimeSpan.TicksPerMinute) + (second * TimeSpan.TicksPerSecond);
        consumed = 8;
        if (utf8.Length > 8 && utf8[8] == '.')
        {
            int digits = 0;
            int fraction = 0;
            while (9 + digits < utf8.Length && (uint)(utf8[9 + digits] - '0') <= 9)
            {
                if (digits == MaxFractionDigits)
                {
                    // More precision than a tick holds: the .NET parser decides how to round it.
                    return false;
                }

                fraction = (fraction * 10) + (utf8[9 + digits] - '0');
                digits++;
            }

            if (digits == 0)
            {
                return false;
            }

            ticks += (long)fraction * FractionScale[digits];
            consumed = 9 + digits;
        }

        return true;
    }

    private static bool TryReadZone(ReadOnlySpan<byte> zone, out int offsetMinutes)
    {
        offsetMinutes = 0;
        if (zone.Length == 1)
        {
            return zone[0] is (byte)'Z' or (byte)'z';
        }

        // A sign and two digits at least: "+1" is no zone this form knows.
        if (zone.Length < 3)
        {
            return false;
        }

        int sign = zone[0] switch { (byte)'+' => 1, (byte)'-' => -1, _ => 0 };
        if (sign == 0 || !TryDigits2(zone.Slice(1), out int hours))
        {
            return false;
        }

        int minutes = 0;
        switch (zone.Length)
        {
            case 3:
                break;
            case 5 when TryDigits2(zone.Slice(3), out minutes):
                break;
            case 6 when zone[3] == ':' && TryDigits2(zone.Slice(4), out minutes):
                break;
            default:
                return false;
        }

        if (hours > 14 || minutes > 59 || (hours == 14 && minutes != 0))
        {
            return false;
        }

        offsetMinutes = sign * ((hours * 60) + minutes);
        return true;
    }

    private static bool TryDigits2(ReadOnlySpan<byte> utf8, out int value)
    {
        uint tens = (uint)(utf8[0] - '0');
        uint ones = (uint)(utf8[1] - '0');
        value = (int)((tens * 10) + ones);
        return tens <= 9 && ones <= 9;
    }

    private static bool TryDigits4(ReadOnlySpan<byte> utf8, out int value)
    {
        bool digits = TryDigits2(utf8, out int high) & TryDigits2(utf8.Slice(2), out int low);
        value = (high * 100) + low;
        return digits;
    }
}
