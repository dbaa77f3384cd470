using Typed.S3.Tests.Data;
using Typed.S3.Tests.Parquet.Crafting;
using Xunit.Abstractions;
using static Typed.S3.Tests.Parquet.Crafting.CraftedPages;

namespace Typed.S3.Tests.Parquet;

/// <summary>
/// The reader's memory is bounded by its input, not by what a file declares: a few-KB file whose row group declares
/// 100 million rows (RLE-encoded nulls and repeats, which the format allows) costs a bounded amount to start reading,
/// and a row group of 10 million rows read to its end costs its records and a bounded amount besides. Allocation is
/// measured on the reading thread (a <see cref="MemoryStream"/> completes every read at once, so the whole read runs on
/// it).
/// </summary>
public class ParquetMemoryBoundTests(ITestOutputHelper output)
{
    private const int Declared = 100_000_000;

    [Fact]
    public void ARowGroupDeclaringAHundredMillionRowsCostsLittleToStartReading()
    {
        byte[] file = HundredMillionRows();
        Assert.True(file.Length < 4096, file.Length + " bytes");

        var read = new List<DeclaredRow>();
        long allocated = Allocated(() =>
        {
            IAsyncEnumerator<DeclaredRow> records = DeclaredRows.ReadParquetAsync(new MemoryStream(file), "s3://b/declared.parquet").GetAsyncEnumerator();
            try
            {
                while (read.Count < 1000 && Next(records))
                {
                    read.Add(records.Current);
                }
            }
            finally
            {
                records.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        });

        output.WriteLine($"{file.Length} bytes declaring {Declared:N0} rows: the first 1,000 records cost {allocated:N0} bytes");
        Assert.Equal(1000, read.Count);
        Assert.All(read, r => Assert.Equal(new DeclaredRow { N = 7, Note = null, At = null, Tags = null }, r));
        Assert.True(allocated < 4L << 20, $"allocated {allocated:N0} bytes");
    }

    [Fact]
    public async Task EveryRowOfARowGroupDeclaringMillionsOfRowsIsRead()
    {
        // Fewer rows than above, so the test stays quick, but far more than one batch of the reader.
        byte[] file = HundredMillionRows(rows: 1_000_003);
        long count = 0;
        await foreach (DeclaredRow row in DeclaredRows.ReadParquetAsync(new MemoryStream(file), "s3://b/declared.parquet"))
        {
            Assert.Equal(7, row.N);
            count++;
        }

        Assert.Equal(1_000_003, count);
    }

    [Fact]
    public void ReadingTenMillionRowsCostsTheirRecordsAndABoundedAmountBesides()
    {
        const int Rows = 10_000_000;
        byte[] file = TenMillionCounters(Rows);
        long recordSize = RecordSize();
        long sum = 0;
        long count = 0;

        long allocated = Allocated(() =>
        {
            IAsyncEnumerator<Counter> records = Counters.ReadParquetAsync(new MemoryStream(file), "s3://b/counters.parquet").GetAsyncEnumerator();
            try
            {
                while (Next(records))
                {
                    sum += records.Current.N;
                    count++;
                }
            }
            finally
            {
                records.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        });

        long besides = allocated - (Rows * recordSize);
        output.WriteLine($"{file.Length:N0} bytes, one page of {Rows:N0} values: {allocated:N0} bytes allocated, {recordSize} a record, {besides:N0} besides the records ({(double)besides / Rows:F3} a row)");
        Assert.Equal(Rows, count);
        Assert.Equal(Enumerable.Range(0, Rows).Sum(i => (long)Value(i)), sum);
        // The chunk's bytes, the input itself, are held while its row group is read (in a pooled buffer of up to twice
        // their size); everything else is a batch's worth.
        Assert.True(besides < (2L * file.Length) + (1L << 20), $"{besides:N0} bytes besides the records");
    }

    // n: a one-entry dictionary and one RLE run of indices; note and at: one RLE run of nulls; tags: one run of null lists.
    private static byte[] HundredMillionRows(int rows = Declared) =>
        new CraftedParquet(
                new CraftedParquet.Column("n", CraftedParquet.Int32, Optional: false),
                new CraftedParquet.Column("note", CraftedParquet.ByteArray, Optional: true, Converted: 0),
                new CraftedParquet.Column("at", CraftedParquet.Int64, Optional: true, Converted: 10),
                new CraftedParquet.Column("tags", CraftedParquet.ByteArray, Optional: true, Converted: 0, List: true))
            .RowGroup(
                rows,
                [DictionaryPage(1, Int32s(7)), DataPage(rows, null, Indices(1, Rle(0, rows, 1)), RleDictionary)],
                [DataPage(rows, Levels(Rle(0, rows, 1)), [])],
                [DataPage(rows, Levels(Rle(0, rows, 1)), [])],
                [ListDataPage(rows, Levels(Rle(0, rows, 1)), Levels(Rle(0, rows, 2)), [])])
            .Build();

    // One DELTA_BINARY_PACKED page holding every value of the row group.
    private static byte[] TenMillionCounters(int rows) =>
        new CraftedParquet(new CraftedParquet.Column("n", CraftedParquet.Int64, Optional: false))
            .RowGroup(rows, [DataPage(rows, null, Delta(new ValueList(rows)), DeltaBinaryPacked)])
            .Build();

    private static long Value(int i) => i + (i % 3);

    // What one Counter costs, measured as the test's records are made.
    private static long RecordSize()
    {
        var keep = new Counter[1000];
        long allocated = Allocated(() =>
        {
            for (int i = 0; i < keep.Length; i++)
            {
                keep[i] = new Counter { N = i };
            }
        });
        return allocated / keep.Length;
    }

    private static long Allocated(Action action)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static bool Next<T>(IAsyncEnumerator<T> records)
    {
        ValueTask<bool> next = records.MoveNextAsync();
        Assert.True(next.IsCompleted, "a read of a MemoryStream completes on the reading thread");
        return next.GetAwaiter().GetResult();
    }

    // The values i + i % 3, without holding 10 million of them.
    private sealed class ValueList(int count) : IReadOnlyList<long>
    {
        public long this[int index] => Value(index);

        public int Count => count;

        public IEnumerator<long> GetEnumerator() => Enumerable.Range(0, count).Select(i => Value(i)).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
