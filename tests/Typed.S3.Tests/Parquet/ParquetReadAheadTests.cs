using Parquet;
using Typed.S3.Codecs;
using Typed.S3.Tests.Data;

namespace Typed.S3.Tests.Parquet;

/// <summary>
/// While one row group is decoded, the next one's chunks are fetched and decompressed on a pool thread: the result is
/// used (each chunk is fetched once), the file is never read by two threads at once nor after the read is disposed, and
/// whatever fails ahead (a damaged page, a failed read) fails in order, after the rows before it, as it would without
/// the read-ahead.
/// </summary>
public class ParquetReadAheadTests
{
    // Written in row groups of 20,000 (Snappy): 20,000, 20,000 and 5,000 rows, each group's chunks far above the
    // read-ahead's minimum.
    private static readonly WideRow[] Rows = CreateRows();

    [Fact]
    public async Task TheNextRowGroupIsFetchedWhileTheCurrentOneIsReadAndOnlyOnce()
    {
        byte[] file = await FileAsync();
        List<(long Start, int Length)> second = await ChunksAsync(file, rowGroup: 1);
        var stream = new WatchedStream(file);
        var read = new List<WideRow>();

        await using (IAsyncEnumerator<WideRow> records = Wide.ReadParquetAsync(stream).GetAsyncEnumerator())
        {
            Assert.True(await records.MoveNextAsync());
            read.Add(records.Current);

            // One record of the first row group taken, and the second row group's chunks arrive.
            await WaitAsync(() => second.All(chunk => stream.ReadsAt(chunk.Start) == 1));
            while (await records.MoveNextAsync())
            {
                read.Add(records.Current);
            }
        }

        Assert.Equal(Rows.Select(Key), read.Select(Key));
        Assert.All(second, chunk => Assert.Equal(1, stream.ReadsAt(chunk.Start)));
        Assert.Null(stream.Misuse);
    }

    [Fact]
    public async Task TheFileIsNotReadAfterTheReadIsDisposedWhileReadingAhead()
    {
        byte[] file = await FileAsync();
        List<(long Start, int Length)> second = await ChunksAsync(file, rowGroup: 1);
        var stream = new WatchedStream(file) { SlowAt = second[0].Start };

        await foreach (WideRow reading in Wide.ReadParquetAsync(stream))
        {
            await WaitAsync(() => stream.ReadsAt(second[0].Start) == 1);
            break;
        }

        stream.Closed = true;
        await Task.Delay(300);

        Assert.Null(stream.Misuse);
    }

    [Fact]
    public async Task AFailedReadAheadIsReadAgainOnTheReadingThread()
    {
        byte[] file = await FileAsync();
        List<(long Start, int Length)> second = await ChunksAsync(file, rowGroup: 1);
        var stream = new WatchedStream(file) { FailAt = second[1].Start, Failures = 1 };

        Assert.Equal(Rows.Select(Key), (await CollectAsync(Wide.ReadParquetAsync(stream))).Select(Key));
        Assert.Equal(2, stream.ReadsAt(second[1].Start));
        Assert.Null(stream.Misuse);
    }

    [Fact]
    public async Task AReadThatKeepsFailingFailsAfterTheRowsBeforeIt()
    {
        byte[] file = await FileAsync();
        List<(long Start, int Length)> second = await ChunksAsync(file, rowGroup: 1);
        var stream = new WatchedStream(file) { FailAt = second[1].Start, Failures = int.MaxValue };
        var read = new List<WideRow>();

        IOException error = await Assert.ThrowsAsync<IOException>(async () =>
        {
            await foreach (WideRow reading in Wide.ReadParquetAsync(stream))
            {
                read.Add(reading);
            }
        });

        Assert.Equal(WatchedStream.FailureMessage, error.Message);
        Assert.Equal(Rows.Take(20_000).Select(Key), read.Select(Key));
        Assert.Null(stream.Misuse);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ADamagedPageInTheNextRowGroupFailsAfterTheRowsBeforeIt(bool damageTheHeader)
    {
        byte[] file = await FileAsync();
        (long start, _) = (await ChunksAsync(file, rowGroup: 1))[3];
        int bodyStart = (int)start;
        PageHeader.Read(file, ref bodyStart);

        // A garbled page header, or a garbled Snappy preamble (the length it decompresses to): neither can be read.
        file.AsSpan(damageTheHeader ? (int)start : bodyStart, 4).Fill(0xFF);
        var read = new List<WideRow>();

        DatasetFormatException error = await Assert.ThrowsAsync<DatasetFormatException>(async () =>
        {
            await foreach (WideRow reading in Wide.ReadParquetAsync(new WatchedStream(file), "s3://b/readings.parquet"))
            {
                read.Add(reading);
            }
        });

        Assert.Equal(Rows.Take(20_000).Select(Key), read.Select(Key));
        Assert.Equal("score", error.Column);
        Assert.Contains("row group 2", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("s3://b/readings.parquet", error.Message, StringComparison.Ordinal);
    }

    // A row as text: its blob's bytes, not the array's identity.
    private static string Key(WideRow row) => (row with { Blob = null }) + Convert.ToHexString(row.Blob ?? []);

    private static WideRow[] CreateRows()
    {
        var random = new Random(5);
        return Enumerable.Range(0, 45_000).Select(i => new WideRow
        {
            Id = i,
            Label = "label " + (i % 50),
            Text = i % 9 == 0 ? null : Convert.ToBase64String(BitConverter.GetBytes(random.NextInt64())),
            Score = random.NextDouble(),
            Count = i % 11 == 0 ? null : random.Next(),
            Comment = null,
            Blob = [(byte)i, (byte)(i >> 8)],
            At = DateTimeOffset.UnixEpoch.AddSeconds(i * 7),
        }).ToArray();
    }

    private static async Task<byte[]> FileAsync()
    {
        using var stream = new MemoryStream();
        await Wide.WriteParquetAsync(stream, Rows);
        return stream.ToArray();
    }

    // Where each column chunk of a row group starts, and its length, in schema order, as Parquet.Net reads the footer.
    private static async Task<List<(long Start, int Length)>> ChunksAsync(byte[] file, int rowGroup)
    {
        await using ParquetReader reader = await ParquetReader.CreateAsync(new MemoryStream(file));
        Assert.Equal(3, reader.RowGroupCount);
        return reader.Metadata!.RowGroups![rowGroup].Columns
            .Select(c => c.MetaData!)
            .Select(m => (m.DictionaryPageOffset is long d && d > 0 && d < m.DataPageOffset ? d : m.DataPageOffset, (int)m.TotalCompressedSize))
            .ToList();
    }

    private static async Task<List<T>> CollectAsync<T>(IAsyncEnumerable<T> records)
    {
        var list = new List<T>();
        await foreach (T record in records)
        {
            list.Add(record);
        }

        return list;
    }

    private static async Task WaitAsync(Func<bool> condition)
    {
        for (int waited = 0; !condition(); waited += 10)
        {
            Assert.True(waited < 10_000, "the read-ahead did not fetch the next row group");
            await Task.Delay(10);
        }
    }

    /// <summary>
    /// A seekable stream over bytes that counts reads by where they start, can fail or slow the reads at one position,
    /// and notes the first misuse: two reads at once, or a read after <see cref="Closed"/>.
    /// </summary>
    private sealed class WatchedStream(byte[] bytes) : MemoryStream(bytes, writable: false)
    {
        public const string FailureMessage = "the disk said no";

        private readonly Dictionary<long, int> _reads = [];
        private int _inFlight;

        public long FailAt { get; init; } = -1;

        public int Failures { get; set; }

        public long SlowAt { get; init; } = -1;

        public volatile bool Closed;

        public string? Misuse { get; private set; }

        public int ReadsAt(long position)
        {
            lock (_reads)
            {
                return _reads.GetValueOrDefault(position);
            }
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Enter();
            try
            {
                return base.Read(buffer, offset, count);
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }

        // MemoryStream sends a subclass's span reads to Read(byte[], ...): so do these, through a copy.
        public override int Read(Span<byte> buffer)
        {
            byte[] copy = new byte[buffer.Length];
            int read = Read(copy, 0, copy.Length);
            copy.AsSpan(0, read).CopyTo(buffer);
            return read;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (Position == SlowAt)
            {
                await Task.Delay(500, cancellationToken);
            }

            return Read(buffer.Span);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private void Enter()
        {
            if (Interlocked.Increment(ref _inFlight) > 1)
            {
                Misuse ??= "two reads at once";
            }

            if (Closed)
            {
                Misuse ??= "a read after the read was disposed";
            }

            long position = Position;
            lock (_reads)
            {
                _reads[position] = _reads.GetValueOrDefault(position) + 1;
            }

            if (position == FailAt && Failures > 0)
            {
                Failures--;
                Interlocked.Decrement(ref _inFlight);
                throw new IOException(FailureMessage);
            }
        }
    }
}
