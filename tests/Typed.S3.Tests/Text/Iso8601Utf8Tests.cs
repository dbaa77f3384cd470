using System.Globalization;
using System.Text;
using Typed.S3.Codecs;

namespace Typed.S3.Tests.Text;

/// <summary>The direct ISO 8601 writer gives .NET's own text for the same format, and reads back to the same tick.</summary>
public class Iso8601Utf8Tests
{
    [Fact]
    public void DateTimesMatchDotNetFormattingAndRoundTrip()
    {
        var random = new Random(3);
        var samples = new List<DateTime> { DateTime.MinValue, DateTime.MaxValue, new(2024, 2, 29, 23, 59, 59) };
        for (int i = 0; i < 5_000; i++)
        {
            long ticks = (long)(random.NextDouble() * DateTime.MaxValue.Ticks);

            // Trim to a random number of fraction digits, so every length from none to seven is written.
            long unit = (long)Math.Pow(10, random.Next(0, 8));
            samples.Add(new DateTime(ticks / unit * unit));
        }

        Span<byte> buffer = stackalloc byte[Iso8601Utf8.MaxDateTimeLength];
        foreach (DateTime value in samples)
        {
            foreach (bool utc in new[] { true, false })
            {
                string expected = value.ToString(utc ? "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'" : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
                int length = Iso8601Utf8.FormatDateTime(value, utc, buffer);

                Assert.Equal(expected, Encoding.ASCII.GetString(buffer.Slice(0, length)));
                Assert.True(Iso8601Utf8.TryReadDateTime(buffer.Slice(0, length), out long ticks, out int offset, out bool hasZone));
                Assert.Equal(value.Ticks, ticks);
                Assert.Equal(0, offset);
                Assert.Equal(utc, hasZone);
            }
        }
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(1L)]
    [InlineData(863_999_999_999L)]
    [InlineData(450_000_000_000L)]
    [InlineData(123_456_780_000L)]
    public void TimesMatchDotNetFormatting(long ticks)
    {
        Span<byte> buffer = stackalloc byte[16];
        int length = Iso8601Utf8.FormatTime(ticks, buffer);

        Assert.Equal(new TimeOnly(ticks).ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture), Encoding.ASCII.GetString(buffer.Slice(0, length)));
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(9999, 12, 31)]
    [InlineData(2024, 2, 29)]
    [InlineData(987, 6, 5)]
    public void DatesMatchDotNetFormatting(int year, int month, int day)
    {
        var date = new DateOnly(year, month, day);
        Span<byte> buffer = stackalloc byte[10];

        Assert.Equal(10, Iso8601Utf8.FormatDate(date, buffer));
        Assert.Equal(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Encoding.ASCII.GetString(buffer));
    }
}
