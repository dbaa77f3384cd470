using System.Text;
using Typed.S3.Tests.Data;
using static Typed.S3.Tests.Csv.CsvTestData;

namespace Typed.S3.Tests.Csv;

/// <summary>Everything the generated writer writes, the generated reader reads back unchanged.</summary>
public class CsvRoundTripTests
{
    public static IEnumerable<object[]> Rows()
    {
        yield return [new EveryTypeRow { Id = 1, Name = "plain" }];
        yield return [new EveryTypeRow
        {
            Id = long.MaxValue,
            Flag = true,
            Tiny = sbyte.MinValue,
            Small = short.MaxValue,
            Count = int.MinValue,
            Big = long.MinValue,
            UTiny = byte.MaxValue,
            USmall = ushort.MaxValue,
            UCount = uint.MaxValue,
            UBig = ulong.MaxValue,
            Half = Half.MaxValue,
            Ratio = 3.4028235E+38f,
            Score = double.Epsilon,
            Amount = 123456789012345678.0123456789m,
            Name = "comma, \"quote\"\r\nnew line; semicolon\ttab",
            Note = "unicode: Zoë, 東京, 😀",
            Day = DateOnly.MaxValue,
            AtTime = new TimeOnly(23, 59, 59, 999, 999).Add(TimeSpan.FromTicks(9)),
            CreatedAt = new DateTimeOffset(2024, 4, 14, 12, 30, 15, 123, TimeSpan.Zero).AddTicks(4567),
            LocalAt = new DateTime(1999, 12, 31, 23, 59, 59, DateTimeKind.Unspecified),
            Key = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"),
            Payload = [0, 1, 2, 250, 255],
        }];
        yield return [new EveryTypeRow { Id = -1, Name = string.Empty, Note = string.Empty, Payload = [], Score = double.NaN, Ratio = float.NegativeInfinity, Half = Half.Epsilon }];
        yield return [new EveryTypeRow { Id = 0, Name = " leading and trailing spaces ", Note = "\"", Score = double.PositiveInfinity, Half = Half.NegativeInfinity, Amount = -0.0000000001m, Day = DateOnly.MinValue, AtTime = TimeOnly.MinValue }];
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task WriterOutputReadsBackUnchanged(EveryTypeRow row)
    {
        using var stream = new MemoryStream();
        long written = await EveryTypes.WriteCsvAsync(stream, new[] { row, row });
        stream.Position = 0;

        var rows = await CollectAsync(EveryTypes.ReadCsvAsync(stream));

        Assert.Equal(2, written);
        Assert.Equal(2, rows.Count);
        foreach (EveryTypeRow read in rows)
        {
            Assert.Equal(Normalize(row), Normalize(read));
        }
    }

    [Fact]
    public async Task TimestampsAreReadAsUtcInstants()
    {
        var row = new EveryTypeRow { Id = 1, Name = "n", CreatedAt = new DateTimeOffset(2024, 1, 1, 14, 0, 0, TimeSpan.FromHours(2)) };
        using var stream = new MemoryStream();
        await EveryTypes.WriteCsvAsync(stream, new[] { row });
        stream.Position = 0;

        EveryTypeRow read = Assert.Single(await CollectAsync(EveryTypes.ReadCsvAsync(stream)));

        Assert.Equal(TimeSpan.Zero, read.CreatedAt!.Value.Offset);
        Assert.Equal(row.CreatedAt.Value.UtcDateTime, read.CreatedAt.Value.UtcDateTime);
        Assert.Contains("2024-01-01T12:00:00Z", Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Theory]
    [InlineData("2024-01-01 12:00:00+02", "2024-01-01T10:00:00Z")]
    [InlineData("2024-01-01T12:00:00.5-01:30", "2024-01-01T13:30:00.5Z")]
    [InlineData("2024-01-01T12:00:00Z", "2024-01-01T12:00:00Z")]
    public async Task ReadsTimestampsWrittenByOtherTools(string text, string expectedUtc)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("id,name,created_at\n1,n," + text + "\n"));

        EveryTypeRow read = Assert.Single(await CollectAsync(EveryTypes.ReadCsvAsync(stream)));

        Assert.Equal(DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), read.CreatedAt);
    }

    [Fact]
    public async Task WritesHeaderInSchemaOrderAndQuotesOnlyWhenNeeded()
    {
        using var stream = new MemoryStream();
        await People.WriteCsvAsync(stream, new[]
        {
            new Person { Id = 1, Name = "a,b", Nickname = null, Age = 3, Balance = 1.50m, Born = new DateOnly(2020, 2, 29), Active = false },
            new Person { Id = 2, Name = "q\"q", Nickname = string.Empty },
        });

        Assert.Equal(
            "id,name,nickname,age,balance,born,active\r\n1,\"a,b\",,3,1.50,2020-02-29,false\r\n2,\"q\"\"q\",\"\",,,,\r\n",
            Encoding.UTF8.GetString(stream.ToArray()));
    }

    // Decimals are written digit by digit when their unscaled value fits in 64 bits, by .NET otherwise: the same text.
    [Theory]
    [InlineData("0.0000000000")]
    [InlineData("-0.0000000001")]
    [InlineData("-12.5000000000")]
    [InlineData("18446744073709551615")]
    [InlineData("18446744073709551616")]
    [InlineData("79228162514264337593543950335")]
    [InlineData("-123456789012345678.0123456789")]
    public async Task WritesDecimalsAsTheGeneralFormatDoes(string text)
    {
        decimal amount = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        using var stream = new MemoryStream();
        await EveryTypes.WriteCsvAsync(stream, new[] { new EveryTypeRow { Id = 1, Name = "n", Amount = amount } });

        string line = Encoding.UTF8.GetString(stream.ToArray()).Split("\r\n")[1];
        Assert.Equal(amount.ToString(System.Globalization.CultureInfo.InvariantCulture), line.Split(',')[13]);
    }

    [Fact]
    public async Task NullRowIsAClearError()
    {
        using var stream = new MemoryStream();
        var error = await Assert.ThrowsAsync<ArgumentException>(() => People.WriteCsvAsync(stream, new Person[] { new() { Id = 1, Name = "a" }, null! }));

        Assert.Contains("Row 2 is null", error.Message);
    }

    [Fact]
    public async Task NullRowInAnAsyncSequenceIsAClearError()
    {
        using var stream = new MemoryStream();
        var error = await Assert.ThrowsAsync<ArgumentException>(() => People.WriteCsvAsync(stream, Rows()));

        Assert.Contains("Row 3 is null", error.Message);

        static async IAsyncEnumerable<Person> Rows()
        {
            yield return new Person { Id = 1, Name = "a" };
            await Task.Yield();
            yield return new Person { Id = 2, Name = "b" };
            yield return null!;
        }
    }

    [Fact]
    public async Task CancellingAWriteOfRowsInMemoryStopsIt()
    {
        using var stream = new MemoryStream();
        using var cancellation = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => People.WriteCsvAsync(stream, Endless(cancellation), cancellation.Token));

        static IEnumerable<Person> Endless(CancellationTokenSource cancellation)
        {
            for (int id = 1; ; id++)
            {
                if (id == 5000)
                {
                    cancellation.Cancel();
                }

                yield return new Person { Id = id, Name = "n" };
            }
        }
    }

    // byte[] compares by reference in a record's equality: compare its content instead.
    private static object Normalize(EveryTypeRow row) => row with { Payload = null } is var rest
        ? (rest, row.Payload is null ? null : Convert.ToBase64String(row.Payload))
        : throw new InvalidOperationException();
}
