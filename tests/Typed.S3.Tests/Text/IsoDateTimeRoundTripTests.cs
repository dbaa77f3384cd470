using Typed.S3.Codecs;

namespace Typed.S3.Tests.Text;

/// <summary>What the ISO 8601 formatter writes, the parser's fast path reads back to the same tick.</summary>
public class IsoDateTimeRoundTripTests
{
    [Fact]
    public void TimestampsReadBackToTheSameTick()
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

        Span<byte> buffer = stackalloc byte[IsoDateTimeFormatter.MaxTimestampLength];
        foreach (DateTime value in samples)
        {
            int local = IsoDateTimeFormatter.FormatLocalTimestamp(value, buffer);
            Assert.True(IsoDateTimeParser.TryReadDateTime(buffer.Slice(0, local), out long ticks, out int offset, out bool hasZone));
            Assert.Equal((value.Ticks, 0, false), (ticks, offset, hasZone));

            int utc = IsoDateTimeFormatter.FormatUtcTimestamp(new DateTimeOffset(value, TimeSpan.Zero), buffer);
            Assert.True(IsoDateTimeParser.TryReadDateTime(buffer.Slice(0, utc), out ticks, out offset, out hasZone));
            Assert.Equal((value.Ticks, 0, true), (ticks, offset, hasZone));

            int time = IsoDateTimeFormatter.FormatTime(TimeOnly.FromDateTime(value), buffer);
            Assert.True(IsoDateTimeParser.TryReadTime(buffer.Slice(0, time), out ticks, out int consumed));
            Assert.Equal((value.TimeOfDay.Ticks, time), (ticks, consumed));

            int date = IsoDateTimeFormatter.FormatDate(DateOnly.FromDateTime(value), buffer);
            Assert.True(IsoDateTimeParser.TryReadDate(buffer.Slice(0, date), out ticks));
            Assert.Equal(value.Date.Ticks, ticks);
        }
    }
}
