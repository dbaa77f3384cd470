using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Typed.S3.Codecs;

namespace Typed.S3.Tests.Text;

/// <summary>The hand-written decimal formatter writes what the general format ("G") writes, or declines.</summary>
public class DecimalTextTests
{
    public static IEnumerable<object[]> Values()
    {
        yield return [0m];
        yield return [new decimal(0, 0, 0, true, 0)];
        yield return [new decimal(0, 0, 0, true, 2)];
        yield return [new decimal(0, 0, 0, false, 28)];
        yield return [1m];
        yield return [-1m];
        yield return [12.3400m];
        yield return [-0.0001m];
        yield return [0.0000000000000000000000000001m];
        yield return [-0.0000000000000000000000000001m];
        yield return [100m];
        yield return [1000000.000m];
        yield return [(decimal)ulong.MaxValue];
        yield return [-(decimal)ulong.MaxValue];
        yield return [new decimal(-1, -1, 0, false, 28)];
        yield return [new decimal(-1, -1, 0, true, 19)];
        yield return [new decimal(-1, -1, 0, true, 20)];
        yield return [99999999999999.9999m];
        yield return [-99999999999999.9999m];
    }

    [Theory]
    [MemberData(nameof(Values))]
    public void WritesTheGeneralFormat(decimal value)
    {
        Span<byte> buffer = stackalloc byte[DecimalText.BufferLength];

        Assert.True(DecimalText.TryFormat(value, buffer, out int start));

        Assert.Equal(General(value), Encoding.UTF8.GetString(buffer.Slice(start)));
    }

    [Theory]
    [InlineData("18446744073709551616")]
    [InlineData("-79228162514264337593543950335")]
    [InlineData("7.9228162514264337593543950335")]
    [InlineData("-999999999999999999.9999999999")]
    public void DeclinesValuesWiderThan64Bits(string text)
    {
        decimal value = decimal.Parse(text, CultureInfo.InvariantCulture);
        Span<byte> buffer = stackalloc byte[DecimalText.BufferLength];

        Assert.False(DecimalText.TryFormat(value, buffer, out _));
    }

    [Fact]
    public void MatchesTheGeneralFormatOverManyValues()
    {
        var random = new Random(184);
        Span<byte> buffer = stackalloc byte[DecimalText.BufferLength];
        for (int i = 0; i < 50_000; i++)
        {
            // Every scale, unscaled values of every width up to 64 bits, both signs.
            ulong unscaled = (((ulong)random.NextInt64() << 1) | (uint)random.Next(2)) >> random.Next(64);
            var value = new decimal((int)unscaled, (int)(unscaled >> 32), 0, random.Next(2) == 0, (byte)random.Next(29));

            Assert.True(DecimalText.TryFormat(value, buffer, out int start));
            Assert.Equal(General(value), Encoding.UTF8.GetString(buffer.Slice(start)));
        }
    }

    private static string General(decimal value)
    {
        Span<byte> text = stackalloc byte[64];
        Assert.True(Utf8Formatter.TryFormat(value, text, out int written));
        return Encoding.UTF8.GetString(text.Slice(0, written));
    }
}
