namespace Typed.S3.Tests.Layout;

public class LoadClockTests
{
    [Fact]
    public void LoadIdsAreUnixSecondsWithSixDecimals()
    {
        var instant = DateTimeOffset.FromUnixTimeMilliseconds(1_712_345_678_123).AddTicks(4_560);
        var clock = new LoadClock(instant);
        Assert.Equal("1712345678.123456", clock.LoadId);
        Assert.Equal(instant, clock.Instant);
        Assert.Equal("0.000000", LoadClock.FormatLoadId(DateTimeOffset.UnixEpoch));
        Assert.Equal("1.000001", LoadClock.FormatLoadId(DateTimeOffset.UnixEpoch.AddTicks(10_000_010)));
    }

    [Fact]
    public void TheInstantIsUtcToTheMicrosecond()
    {
        var local = new DateTimeOffset(2024, 4, 5, 14, 30, 0, TimeSpan.FromHours(2)).AddTicks(17);
        var clock = new LoadClock(local);
        Assert.Equal(TimeSpan.Zero, clock.Instant.Offset);
        Assert.Equal(new DateTimeOffset(2024, 4, 5, 12, 30, 0, TimeSpan.Zero).AddTicks(10), clock.Instant);
    }

    [Fact]
    public void FileIdsIncreaseWithinALoad()
    {
        var clock = new LoadClock(DateTimeOffset.UnixEpoch.AddDays(1));
        Assert.Equal("00000", clock.NextFileId());
        Assert.Equal("00001", clock.NextFileId());
        LayoutValues values = clock.NextFile("sales", "customers", "csv.gz", partition: 3, offset: 42);
        Assert.Equal("00002", values.FileId);
        Assert.Equal(clock.LoadId, values.LoadId);
        Assert.Equal(clock.Instant, values.LoadTimestamp);
        Assert.Equal("sales", values.SchemaName);
        Assert.Equal("customers", values.TableName);
        Assert.Equal("csv.gz", values.Extension);
        Assert.Equal(3, values.Partition);
        Assert.Equal(42, values.Offset);
    }

    [Fact]
    public void FileIdsAreUniqueAcrossThreads()
    {
        var clock = new LoadClock(DateTimeOffset.UnixEpoch);
        string[] ids = new string[1000];
        Parallel.For(0, ids.Length, i => ids[i] = clock.NextFileId());
        Assert.Equal(ids.Length, ids.Distinct().Count());
        Assert.Equal("00999", ids.Max());
    }

    [Fact]
    public void StartReadsTheTimeProvider()
    {
        var now = new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);
        LoadClock clock = LoadClock.Start(new FixedTime(now));
        Assert.Equal(now, clock.Instant);
        Assert.Equal(now.ToUnixTimeSeconds() + ".000000", clock.LoadId);
    }

    [Fact]
    public void InstantsBefore1970AreRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new LoadClock(DateTimeOffset.UnixEpoch.AddTicks(-10)));

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
