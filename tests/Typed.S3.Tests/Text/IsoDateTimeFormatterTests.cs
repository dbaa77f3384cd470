using System.Globalization;
using System.Text;
using Typed.S3.Codecs;

namespace Typed.S3.Tests.Text;

/// <summary>
/// The hand-written ISO 8601 formatter writes exactly what the .NET custom format strings it replaced wrote, at the
/// ends of the ranges and for every fraction length.
/// </summary>
public class IsoDateTimeFormatterTests
{
    private const string DateFormat = "yyyy-MM-dd";
    private const string TimeFormat = "HH:mm:ss.FFFFFFF";
    private const string LocalTimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF";

    public static IEnumerable<object[]> Instants()
    {
        yield return [DateTime.MinValue];
        yield return [DateTime.MaxValue];
        yield return [new DateTime(1, 1, 1, 0, 0, 1)];
        yield return [new DateTime(9999, 12, 31, 0, 0, 0)];
        yield return [new DateTime(1970, 1, 1)];
        yield return [new DateTime(2000, 2, 29, 23, 59, 59)];
        yield return [new DateTime(2024, 10, 9, 8, 7, 6)];

        // One to seven fraction digits, with and without inner zeros.
        var start = new DateTime(2024, 1, 1, 12, 0, 0);
        foreach (long ticks in new long[] { 1_000_000, 1_200_000, 1_230_000, 1_234_000, 1_234_500, 1_234_560, 1_234_567, 1, 10, 100, 1_000, 10_000, 100_000, 9_999_999, 1_000_001, 5_000_000 })
        {
            yield return [start.AddTicks(ticks)];
        }
    }

    [Theory]
    [InlineData(1, 1, 1, "0001-01-01")]
    [InlineData(9999, 12, 31, "9999-12-31")]
    [InlineData(10, 2, 3, "0010-02-03")]
    [InlineData(999, 11, 30, "0999-11-30")]
    [InlineData(2024, 2, 29, "2024-02-29")]
    public void FormatsDates(int year, int month, int day, string expected)
    {
        var date = new DateOnly(year, month, day);
        Span<byte> text = stackalloc byte[IsoDateTimeFormatter.DateLength];

        int written = IsoDateTimeFormatter.FormatDate(date, text);

        Assert.Equal(expected, Encoding.UTF8.GetString(text.Slice(0, written)));
        Assert.Equal(date.ToString(DateFormat, CultureInfo.InvariantCulture), Encoding.UTF8.GetString(text.Slice(0, written)));
    }

    [Theory]
    [InlineData(0L, "00:00:00")]
    [InlineData(1L, "00:00:00.0000001")]
    [InlineData(5_000_000L, "00:00:00.5")]
    [InlineData(1_200_000L, "00:00:00.12")]
    [InlineData(1_230_000L, "00:00:00.123")]
    [InlineData(1_234_000L, "00:00:00.1234")]
    [InlineData(1_234_500L, "00:00:00.12345")]
    [InlineData(1_234_560L, "00:00:00.123456")]
    [InlineData(1_234_567L, "00:00:00.1234567")]
    [InlineData(10_000_000L, "00:00:01")]
    [InlineData(863_999_999_999L, "23:59:59.9999999")]
    public void FormatsTimes(long ticks, string expected)
    {
        var time = new TimeOnly(ticks);
        Span<byte> text = stackalloc byte[IsoDateTimeFormatter.MaxTimeLength];

        int written = IsoDateTimeFormatter.FormatTime(time, text);

        Assert.Equal(expected, Encoding.UTF8.GetString(text.Slice(0, written)));
        Assert.Equal(time.ToString(TimeFormat, CultureInfo.InvariantCulture), expected);
    }

    [Theory]
    [MemberData(nameof(Instants))]
    public void FormatsTimestampsAsTheFormatStringDid(DateTime value)
    {
        Span<byte> text = stackalloc byte[IsoDateTimeFormatter.MaxTimestampLength];

        int local = IsoDateTimeFormatter.FormatLocalTimestamp(value, text);
        Assert.Equal(value.ToString(LocalTimestampFormat, CultureInfo.InvariantCulture), Encoding.UTF8.GetString(text.Slice(0, local)));

        var instant = new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Unspecified), TimeSpan.Zero);
        int utc = IsoDateTimeFormatter.FormatUtcTimestamp(instant, text);
        Assert.Equal(value.ToString(LocalTimestampFormat, CultureInfo.InvariantCulture) + "Z", Encoding.UTF8.GetString(text.Slice(0, utc)));

        var time = TimeOnly.FromDateTime(value);
        int timeLength = IsoDateTimeFormatter.FormatTime(time, text);
        Assert.Equal(time.ToString(TimeFormat, CultureInfo.InvariantCulture), Encoding.UTF8.GetString(text.Slice(0, timeLength)));
    }

    [Fact]
    public void WritesTheLongestFormsInTheirBounds()
    {
        Span<byte> text = stackalloc byte[IsoDateTimeFormatter.MaxTimestampLength];

        Assert.Equal(IsoDateTimeFormatter.MaxTimestampLength, IsoDateTimeFormatter.FormatUtcTimestamp(DateTimeOffset.MaxValue, text));
        Assert.Equal("9999-12-31T23:59:59.9999999Z", Encoding.UTF8.GetString(text));
        Assert.Equal(IsoDateTimeFormatter.MaxTimeLength, IsoDateTimeFormatter.FormatTime(TimeOnly.MaxValue, text.Slice(0, IsoDateTimeFormatter.MaxTimeLength)));
    }

    [Theory]
    [InlineData(-5, 0, "2024-01-01T05:30:00Z")]
    [InlineData(-14, 0, "2024-01-01T14:30:00Z")]
    [InlineData(-9, -30, "2024-01-01T10:00:00Z")]
    [InlineData(14, 0, "2023-12-31T10:30:00Z")]
    [InlineData(5, 45, "2023-12-31T18:45:00Z")]
    public void ConvertsOffsetsToUtc(int hours, int minutes, string expected)
    {
        var value = new DateTimeOffset(2024, 1, 1, 0, 30, 0, new TimeSpan(hours, minutes, 0));
        Span<byte> text = stackalloc byte[IsoDateTimeFormatter.MaxTimestampLength];

        int written = IsoDateTimeFormatter.FormatUtcTimestamp(value, text);

        Assert.Equal(expected, Encoding.UTF8.GetString(text.Slice(0, written)));
    }

    [Fact]
    public void WritesTheEndsOfTheInstantRange()
    {
        Span<byte> text = stackalloc byte[IsoDateTimeFormatter.MaxTimestampLength];

        Assert.Equal("0001-01-01T00:00:00Z", Encoding.UTF8.GetString(text.Slice(0, IsoDateTimeFormatter.FormatUtcTimestamp(DateTimeOffset.MinValue, text))));

        // The earliest and latest instants a non-zero offset can hold, converted to UTC.
        var earliest = new DateTimeOffset(1, 1, 1, 5, 0, 0, TimeSpan.FromHours(5));
        Assert.Equal("0001-01-01T00:00:00Z", Encoding.UTF8.GetString(text.Slice(0, IsoDateTimeFormatter.FormatUtcTimestamp(earliest, text))));
        var latest = new DateTimeOffset(9999, 12, 31, 18, 59, 59, TimeSpan.FromHours(-5)).AddTicks(9_999_999);
        Assert.Equal("9999-12-31T23:59:59.9999999Z", Encoding.UTF8.GetString(text.Slice(0, IsoDateTimeFormatter.FormatUtcTimestamp(latest, text))));
    }

    [Fact]
    public void MatchesTheFormatStringsOverManyInstants()
    {
        // A deterministic spread over the whole range, every fraction length included.
        var random = new Random(20240101);
        Span<byte> text = stackalloc byte[IsoDateTimeFormatter.MaxTimestampLength];
        for (int i = 0; i < 20_000; i++)
        {
            var value = new DateTime(random.NextInt64(DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks));
            if (i % 3 == 0)
            {
                value = value.AddTicks(-(value.Ticks % (long)Math.Pow(10, i % 8)));
            }

            int written = IsoDateTimeFormatter.FormatLocalTimestamp(value, text);
            Assert.Equal(value.ToString(LocalTimestampFormat, CultureInfo.InvariantCulture), Encoding.UTF8.GetString(text.Slice(0, written)));
            int date = IsoDateTimeFormatter.FormatDate(DateOnly.FromDateTime(value), text);
            Assert.Equal(value.ToString(DateFormat, CultureInfo.InvariantCulture), Encoding.UTF8.GetString(text.Slice(0, date)));
        }
    }
}
