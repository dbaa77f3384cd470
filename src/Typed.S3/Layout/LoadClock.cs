using System;
using System.Globalization;
using System.Threading;

namespace Typed.S3;

/// <summary>
/// One load: its single clock instant (UTC, to the microsecond), its id in dlt's format (unix seconds with six
/// decimals, <c>1712345678.123456</c>) and its file ids (<c>00000</c>, <c>00001</c>, …, increasing, so the
/// files of a load list in the order they were written). Safe to use from several threads.
/// </summary>
internal sealed class LoadClock
{
    private int _nextFile = -1;

    /// <summary>Creates a load at a given instant.</summary>
    /// <param name="instant">The load's instant; converted to UTC and cut to the microsecond. Not before 1970.</param>
    /// <exception cref="ArgumentOutOfRangeException">The instant is before the unix epoch.</exception>
    public LoadClock(DateTimeOffset instant)
    {
        DateTimeOffset utc = instant.ToUniversalTime();
        if (utc < DateTimeOffset.UnixEpoch)
        {
            throw new ArgumentOutOfRangeException(nameof(instant), instant, "a load cannot start before 1970-01-01T00:00:00Z");
        }

        Instant = new DateTimeOffset(utc.Ticks - (utc.Ticks % 10), TimeSpan.Zero);
        LoadId = FormatLoadId(Instant);
    }

    /// <summary>The load's instant, in UTC.</summary>
    public DateTimeOffset Instant { get; }

    /// <summary>The load's id: unix seconds with six decimals, as dlt writes it.</summary>
    public string LoadId { get; }

    /// <summary>Starts a load now.</summary>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <returns>The load.</returns>
    public static LoadClock Start(TimeProvider? timeProvider = null) => new((timeProvider ?? TimeProvider.System).GetUtcNow());

    /// <summary>Formats an instant as a load id: unix seconds with six decimals (<c>1712345678.123456</c>).</summary>
    /// <param name="instant">The instant; not before 1970.</param>
    /// <returns>The load id.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The instant is before the unix epoch.</exception>
    public static string FormatLoadId(DateTimeOffset instant)
    {
        long ticks = (instant.ToUniversalTime() - DateTimeOffset.UnixEpoch).Ticks;
        if (ticks < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(instant), instant, "a load id cannot be before 1970-01-01T00:00:00Z");
        }

        long microseconds = ticks / 10;
        return string.Create(CultureInfo.InvariantCulture, $"{microseconds / 1_000_000}.{microseconds % 1_000_000:D6}");
    }

    /// <summary>Hands out the next file id of this load: <c>00000</c>, <c>00001</c>, … (at least five digits).</summary>
    public string NextFileId() => Interlocked.Increment(ref _nextFile).ToString("D5", CultureInfo.InvariantCulture);

    /// <summary>The layout values of the next file of this load.</summary>
    /// <param name="schemaName">The schema's name.</param>
    /// <param name="tableName">The table's name.</param>
    /// <param name="extension">The full extension without the leading dot (<c>csv</c>, <c>csv.gz</c>).</param>
    /// <param name="partition">The source partition, if any.</param>
    /// <param name="offset">The source offset, if any.</param>
    /// <returns>The values, with a new file id.</returns>
    public LayoutValues NextFile(string schemaName, string tableName, string extension, int? partition = null, long? offset = null) => new()
    {
        SchemaName = schemaName,
        TableName = tableName,
        LoadId = LoadId,
        FileId = NextFileId(),
        Extension = extension,
        LoadTimestamp = Instant,
        Partition = partition,
        Offset = offset,
    };
}
