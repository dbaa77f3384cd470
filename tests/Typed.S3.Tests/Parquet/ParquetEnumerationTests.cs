using Typed.S3.Tests.Data;
using static Typed.S3.Tests.Csv.CsvTestData;

namespace Typed.S3.Tests.Parquet;

/// <summary>How the records of a Parquet stream enumerate: across row groups, again, cancelled, stopped early.</summary>
public class ParquetEnumerationTests
{
    private static readonly Reading[] Rows = Enumerable.Range(1, 250)
        .Select(i => new Reading { Id = i, Sensor = "s" + (i % 3), Value = i % 7 == 0 ? null : i / 4.0, At = DateTimeOffset.UnixEpoch.AddMinutes(i) })
        .ToArray();

    [Fact]
    public async Task EachEnumerationReadsTheStreamFromTheStart()
    {
        using var stream = new MemoryStream(await FileAsync());
        IAsyncEnumerable<Reading> records = Readings.ReadParquetAsync(stream);

        var first = await CollectAsync(records);
        var second = await CollectAsync(records);

        Assert.Equal(Rows, first);
        Assert.Equal(Rows, second);
    }

    [Fact]
    public async Task ReadingCanStopInsideARowGroup()
    {
        using var stream = new MemoryStream(await FileAsync());
        var read = new List<Reading>();

        await foreach (Reading reading in Readings.ReadParquetAsync(stream))
        {
            read.Add(reading);
            if (read.Count == 150)
            {
                break;
            }
        }

        Assert.Equal(Rows.Take(150), read);
        Assert.Equal(Rows, await CollectAsync(Readings.ReadParquetAsync(stream)));
    }

    [Fact]
    public async Task TheTokenOfWithCancellationStopsAtTheNextRecord()
    {
        using var stream = new MemoryStream(await FileAsync());
        using var cancellation = new CancellationTokenSource();
        var read = new List<Reading>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (Reading reading in Readings.ReadParquetAsync(stream).WithCancellation(cancellation.Token))
            {
                read.Add(reading);
                cancellation.Cancel();
            }
        });

        // Readings are written in row groups of 100: the rest of the first one, already decoded, is not delivered either.
        Assert.Equal(Rows.Take(1), read);
    }

    [Fact]
    public async Task TheTokenPassedToReadCancelsToo()
    {
        using var stream = new MemoryStream(await FileAsync());
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CollectAsync(Readings.ReadParquetAsync(stream, cancellation.Token)));
    }

    [Fact]
    public void MissingArgumentsAreRefusedAtOnce()
    {
        Assert.Throws<ArgumentNullException>(() => Readings.ReadParquetAsync(null!));
    }

    private static async Task<byte[]> FileAsync()
    {
        using var stream = new MemoryStream();
        await Readings.WriteParquetAsync(stream, Rows);
        return stream.ToArray();
    }
}
