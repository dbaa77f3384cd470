using System.Globalization;
using System.Text;
using Typed.S3.Codecs;

namespace Typed.S3.Tests.Text;

/// <summary>
/// The byte-level fast paths give the same values as .NET's own parsers, and hand anything unusual to them: checked
/// against values built from their parts, not against the code under test.
/// </summary>
public class Utf8ValueParserTests
{
    private static ReadOnlySpan<byte> U(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public void TimestampsInEveryIsoShapeReadAsTheirUtcInstant()
    {
        var random = new Random(7);
        string[] separators = ["T", "t", " "];
        for (int i = 0; i < 5_000; i++)
        {
            var local = new DateTime(random.Next(2, 9999), random.Next(1, 13), 1).AddDays(random.Next(0, 28))
                .AddHours(random.Next(24)).AddMinutes(random.Next(60)).AddSeconds(random.Next(60));
            int fractionDigits = random.Next(0, 8);
            int fraction = fractionDigits == 0 ? 0 : random.Next((int)Math.Pow(10, fractionDigits));
            long fractionTicks = fractionDigits == 0 ? 0 : fraction * (long)Math.Pow(10, 7 - fractionDigits);
            int offsetMinutes = random.Next(4) == 0 ? 0 : random.Next(-14 * 60, 14 * 60 + 1);
            string text = local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + separators[random.Next(3)] + local.ToString("HH:mm:ss", CultureInfo.InvariantCulture)
                + (fractionDigits == 0 ? string.Empty : "." + fraction.ToString(new string('0', fractionDigits), CultureInfo.InvariantCulture));
            string zone;
            int hours = Math.Abs(offsetMinutes) / 60, minutes = Math.Abs(offsetMinutes) % 60;
            string sign = offsetMinutes < 0 ? "-" : "+";
            switch (random.Next(6))
            {
                case 0: zone = "+00"; offsetMinutes = 0; break;
                case 1: zone = random.Next(2) == 0 ? "Z" : "z"; offsetMinutes = 0; break;
                case 2: zone = $"{sign}{hours:00}"; offsetMinutes = Math.Sign(offsetMinutes) * hours * 60; break;
                case 3: zone = $"{sign}{hours:00}{minutes:00}"; break;
                default: zone = $"{sign}{hours:00}:{minutes:00}"; break;
            }

            var expected = new DateTimeOffset(local.AddTicks(fractionTicks), TimeSpan.FromMinutes(offsetMinutes)).ToUniversalTime();

            Assert.True(Utf8ValueParser.TryParseTimestamp(U(text + zone), out DateTimeOffset value), text + zone);
            Assert.Equal(expected, value);
            Assert.Equal(TimeSpan.Zero, value.Offset);
        }
    }

    [Theory]
    [InlineData("2024-02-29T10:00:00Z", "2024-02-29T10:00:00.0000000+00:00")]
    [InlineData("2024-03-01 00:30:00+01:00", "2024-02-29T23:30:00.0000000+00:00")]
    [InlineData("9999-12-31T23:59:59.9999999Z", "9999-12-31T23:59:59.9999999+00:00")]
    [InlineData("0001-01-01T00:00:00Z", "0001-01-01T00:00:00.0000000+00:00")]
    [InlineData("2024-01-01T10:00Z", "2024-01-01T10:00:00.0000000+00:00")]
    [InlineData("2024-01-01T10:00", null)]
    [InlineData("2024-01-01T10:00:00", null)]
    [InlineData("2024-01-01 10:00:00.5", null)]
    [InlineData("2024-01-01", null)]
    [InlineData("2020-01-01T00:00:00+1", "2019-12-31T23:00:00.0000000+00:00")]
    [InlineData("2020-01-01T00:00:00+", null)]
    [InlineData("2024-01-01T10:00:00.123456789Z", "2024-01-01T10:00:00.1234568+00:00")]
    [InlineData(" 2024-01-01T10:00:00Z", null)]
    [InlineData("2024-01-01T10:00:00Z ", "2024-01-01T10:00:00.0000000+00:00")]
    [InlineData("2023-02-29T10:00:00Z", null)]
    [InlineData("2024-13-01T10:00:00Z", null)]
    [InlineData("2024-01-01T24:00:00Z", null)]
    [InlineData("2024-01-01T10:60:00Z", null)]
    [InlineData("2024-01-01T10:00:00+15:00", null)]
    [InlineData("2024-01-01T10:00:00.Z", null)]
    [InlineData("2024-01-01X10:00:00Z", null)]
    [InlineData("0001-01-01T00:00:00+01:00", null)]
    [InlineData("9999-12-31T23:59:59-01:00", null)]
    [InlineData("yesterday", null)]
    public void TimestampEdgesMatchTheGeneralParser(string text, string? expected)
    {
        bool parsed = Utf8ValueParser.TryParseTimestamp(U(text), out DateTimeOffset value);

        Assert.Equal(expected is not null, parsed);
        if (expected is not null)
        {
            Assert.Equal(expected, value.ToString("O", CultureInfo.InvariantCulture));
        }
    }

    [Theory]
    [InlineData("2024-01-01T10:00:00", "2024-01-01T10:00:00.0000000")]
    [InlineData("2024-01-01 10:00:00.5", "2024-01-01T10:00:00.5000000")]
    [InlineData("2024-01-01T10:00:00Z", null)]
    [InlineData("2024-01-01T10:00:00+02:00", null)]
    [InlineData("2024-01-01T10:00:00-0200", null)]
    [InlineData("2024-02-30T10:00:00", null)]
    public void LocalTimestampsHaveNoZone(string text, string? expected)
    {
        bool parsed = Utf8ValueParser.TryParseLocalTimestamp(U(text), out DateTime value);

        Assert.Equal(expected is not null, parsed);
        if (expected is not null)
        {
            Assert.Equal(expected, value.ToString("O", CultureInfo.InvariantCulture));
            Assert.Equal(DateTimeKind.Unspecified, value.Kind);
        }
    }

    [Theory]
    [InlineData("00:00:00", "00:00:00.0000000")]
    [InlineData("23:59:59.9999999", "23:59:59.9999999")]
    [InlineData("12:30", "12:30:00.0000000")]
    [InlineData("07:05:03.25", "07:05:03.2500000")]
    [InlineData("24:00:00", null)]
    [InlineData("12:30:00Z", null)]
    [InlineData("12:3x:00", null)]
    public void Times(string text, string? expected)
    {
        bool parsed = Utf8ValueParser.TryParseTime(U(text), out TimeOnly value);

        Assert.Equal(expected is not null, parsed);
        if (expected is not null)
        {
            Assert.Equal(expected, value.ToString("HH:mm:ss.fffffff", CultureInfo.InvariantCulture));
        }
    }

    [Theory]
    [InlineData("2024-02-29", true)]
    [InlineData("0001-01-01", true)]
    [InlineData("9999-12-31", true)]
    [InlineData("0000-01-01", false)]
    [InlineData("2023-02-29", false)]
    [InlineData("2024-1-01", false)]
    [InlineData("2024/01/01", false)]
    public void Dates(string text, bool valid)
    {
        bool parsed = Utf8ValueParser.TryParseDate(U(text), out DateOnly value);

        Assert.Equal(valid, parsed);
        if (valid)
        {
            Assert.Equal(DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture), value);
        }
    }

    [Theory]
    [InlineData("123.4567", 18, 4, "123.4567")]
    [InlineData("-0.5", 18, 4, "-0.5")]
    [InlineData("+12", 18, 4, "12")]
    [InlineData(".25", 18, 4, "0.25")]
    [InlineData("1.50", 18, 4, "1.50")]
    [InlineData("1.50000", 18, 4, "1.50000")]
    [InlineData("00012.5", 5, 2, "12.5")]
    [InlineData("99999999999999.9999", 18, 4, "99999999999999.9999")]
    [InlineData("999999999999999.999", 18, 4, null)]
    [InlineData("123.45678", 18, 4, null)]
    [InlineData("1000.0", 5, 2, null)]
    [InlineData("999.99", 5, 2, "999.99")]
    [InlineData("1e3", 18, 4, "1000")]
    [InlineData("1234567890123456789012.5", 38, 4, "1234567890123456789012.5")]
    [InlineData("-0.0000", 18, 4, "0.0000")]
    [InlineData("5.", 18, 4, "5")]
    [InlineData("", 18, 4, null)]
    [InlineData(".", 18, 4, null)]
    [InlineData("-", 18, 4, null)]
    [InlineData("1.2.3", 18, 4, null)]
    [InlineData("12a", 18, 4, null)]
    public void DecimalsFitTheColumnOrAreRejected(string text, int precision, int scale, string? expected)
    {
        bool parsed = Utf8ValueParser.TryParseDecimal(U(text), precision, scale, out decimal value);

        Assert.Equal(expected is not null, parsed);
        if (expected is not null)
        {
            Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), value);
        }
    }

    [Fact]
    public void PlainDecimalsKeepTheirWrittenScale()
    {
        Assert.True(Utf8ValueParser.TryParseDecimal(U("1.50"), 18, 4, out decimal value));

        Assert.Equal("1.50", value.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void DoublesRoundTripTheirShortestText()
    {
        var random = new Random(11);
        for (int i = 0; i < 5_000; i++)
        {
            double expected = (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-30, 30));
            string text = expected.ToString(random.Next(2) == 0 ? "R" : "E10", CultureInfo.InvariantCulture);

            Assert.True(Utf8ValueParser.TryParseDouble(U(text), out double value), text);
            Assert.Equal(double.Parse(text, CultureInfo.InvariantCulture), value);
            Assert.True(Utf8ValueParser.TryParseSingle(U(text), out float single), text);
            Assert.Equal(float.Parse(text, CultureInfo.InvariantCulture), single);
        }
    }

    [Theory]
    [InlineData(" 1.5 ", 1.5)]
    [InlineData("1.", 1.0)]
    [InlineData("inf", double.PositiveInfinity)]
    [InlineData("-Infinity", double.NegativeInfinity)]
    public void DoublesTheFastPathLeavesToTheGeneralParser(string text, double expected)
    {
        Assert.True(Utf8ValueParser.TryParseDouble(U(text), out double value));

        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1,5")]
    [InlineData("one")]
    [InlineData("1e")]
    public void NotDoubles(string text)
    {
        Assert.False(Utf8ValueParser.TryParseDouble(U(text), out _));
    }
}
