using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using CsvHelper;
using CsvDataReader = Sylvan.Data.Csv.CsvDataReader;
using Sylvan.Data.Csv;
using Typed.S3.Benchmarks.Data;
using Typed.S3.Benchmarks.Peers;

namespace Typed.S3.Benchmarks;

/// <summary>
/// Reading typed records from CSV: the generated Typed.S3 reader against CsvHelper 34 with its own
/// source-generated <c>[CsvRecord]</c> mapping and against Sylvan.Data.Csv's reader with typed getters into the same
/// record. All three read the same UTF-8 bytes from a <see cref="MemoryStream"/> and keep every record in a list.
/// The <c>Streamed</c> group reads as a service processing a large object would: each record is used (folded into a
/// checksum) and dropped, on one thread and with records mapped on two; its <c>HalvesAtOnce</c> line is what two
/// threads can give on the machine at best: the object's two halves read at once by two one-thread readers that do
/// not cut, hand over or order anything.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class CsvReadBenchmarks
{
    private static readonly DatasetReadOptions TwoThreads = new() { MaxDegreeOfParallelism = 2 };
    private byte[] _csv = [];
    private byte[] _firstHalf = [];
    private byte[] _secondHalf = [];
    private int _secondHalfRows;

    [ParamsSource(typeof(BenchSizes), nameof(BenchSizes.Rows))]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _csv = TradeData.Create(Rows);
        int headerEnd = Array.IndexOf(_csv, (byte)'\n') + 1;
        int middle = Array.IndexOf(_csv, (byte)'\n', _csv.Length / 2) + 1;
        _firstHalf = _csv[..middle];
        _secondHalf = [.. _csv.AsSpan(0, headerEnd), .. _csv.AsSpan(middle)];
        _secondHalfRows = _secondHalf.Count((byte)'\n') - 1;

        // A benchmark of wrong code measures nothing: both sides must read the same records.
        List<Trade> typed = TypedS3().GetAwaiter().GetResult();
        List<Trade> sylvan = Sylvan();
        if (!typed.SequenceEqual(TypedS3TwoThreads().GetAwaiter().GetResult()))
        {
            throw new InvalidOperationException("Typed.S3 read different records on two threads.");
        }

        long checksum = typed.Aggregate(0L, (sum, trade) => Fold(sum, trade));
        if (checksum != TypedS3Streamed().GetAwaiter().GetResult()
            || checksum != TypedS3StreamedTwoThreads().GetAwaiter().GetResult()
            || checksum != HalvesAtOnce().GetAwaiter().GetResult())
        {
            throw new InvalidOperationException("Typed.S3 streamed different records.");
        }

        if (typed.Count != Rows || !typed.SequenceEqual(sylvan))
        {
            throw new InvalidOperationException("Typed.S3 and Sylvan read different records.");
        }

        List<CsvHelperTrade> csvHelper = CsvHelperGenerated();
        if (!typed.SequenceEqual(csvHelper.Select(t => t.ToTrade())))
        {
            throw new InvalidOperationException("Typed.S3 and CsvHelper read different records.");
        }
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Kept")]
    public async Task<List<Trade>> TypedS3()
    {
        var trades = new List<Trade>(Rows);
        using var stream = new MemoryStream(_csv, writable: false);
        await foreach (Trade trade in Trades.ReadCsvAsync(stream))
        {
            trades.Add(trade);
        }

        return trades;
    }

    /// <summary>The same read with records mapped on two threads (<see cref="DatasetReadOptions.MaxDegreeOfParallelism"/>).</summary>
    [Benchmark, BenchmarkCategory("Kept")]
    public async Task<List<Trade>> TypedS3TwoThreads()
    {
        var trades = new List<Trade>(Rows);
        using var stream = new MemoryStream(_csv, writable: false);
        await foreach (Trade trade in Trades.ReadCsvAsync(stream, "bench", TwoThreads))
        {
            trades.Add(trade);
        }

        return trades;
    }

    /// <summary>One thread; each record folded into a checksum and dropped.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Streamed")]
    public async Task<long> TypedS3Streamed()
    {
        long checksum = 0;
        using var stream = new MemoryStream(_csv, writable: false);
        await foreach (Trade trade in Trades.ReadCsvAsync(stream))
        {
            checksum = Fold(checksum, trade);
        }

        return checksum;
    }

    /// <summary>Records mapped on two threads; each folded into a checksum and dropped.</summary>
    [Benchmark, BenchmarkCategory("Streamed")]
    public async Task<long> TypedS3StreamedTwoThreads()
    {
        long checksum = 0;
        using var stream = new MemoryStream(_csv, writable: false);
        await foreach (Trade trade in Trades.ReadCsvAsync(stream, "bench", TwoThreads))
        {
            checksum = Fold(checksum, trade);
        }

        return checksum;
    }

    /// <summary>
    /// The ceiling for two threads on this machine, not a way to read: each half of the object (the second with a
    /// copy of the header) read on a thread of its own by the one-thread reader, each record folded and dropped.
    /// </summary>
    [Benchmark, BenchmarkCategory("Streamed")]
    public async Task<long> HalvesAtOnce()
    {
        Task<long> first = Task.Run(() => FoldAll(_firstHalf));
        Task<long> second = Task.Run(() => FoldAll(_secondHalf));
        long firstChecksum = await first;
        long secondChecksum = await second;

        // The fold of the whole object from the folds of its halves: checksum * 31 per record of the second half.
        long shift = 1;
        for (int i = 0; i < _secondHalfRows; i++)
        {
            shift *= 31;
        }

        return (firstChecksum * shift) + secondChecksum;
    }

    [Benchmark, BenchmarkCategory("Kept")]
    public List<CsvHelperTrade> CsvHelperGenerated()
    {
        var trades = new List<CsvHelperTrade>(Rows);
        using var stream = new MemoryStream(_csv, writable: false);
        using CsvReader csv = CsvReader.Create(stream, CsvReaderOptions.Default with { Separator = ',' });
        foreach (CsvHelperTrade trade in csv.GetRecords<CsvHelperTrade>())
        {
            trades.Add(trade);
        }

        return trades;
    }

    [Benchmark, BenchmarkCategory("Kept")]
    public List<Trade> Sylvan()
    {
        var trades = new List<Trade>(Rows);
        using var reader = new StreamReader(new MemoryStream(_csv, writable: false));
        using CsvDataReader csv = CsvDataReader.Create(reader, new CsvDataReaderOptions { Culture = CultureInfo.InvariantCulture });
        int id = csv.GetOrdinal("id"), quantity = csv.GetOrdinal("quantity"), price = csv.GetOrdinal("price"),
            tradeDate = csv.GetOrdinal("trade_date"), executedAt = csv.GetOrdinal("executed_at"), isBuy = csv.GetOrdinal("is_buy"),
            fee = csv.GetOrdinal("fee"), symbol = csv.GetOrdinal("symbol"), comment = csv.GetOrdinal("comment");
        while (csv.Read())
        {
            trades.Add(new Trade
            {
                Id = csv.GetInt64(id),
                Quantity = csv.GetInt32(quantity),
                Price = csv.GetDecimal(price),
                TradeDate = DateOnly.FromDateTime(csv.GetDateTime(tradeDate)),
                ExecutedAt = new DateTimeOffset(DateTime.SpecifyKind(DateTime.Parse(csv.GetString(executedAt), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), DateTimeKind.Utc)),
                IsBuy = csv.GetBoolean(isBuy),
                Fee = csv.GetFieldSpan(fee).IsEmpty ? null : csv.GetDouble(fee),
                Symbol = csv.GetString(symbol),
                Comment = csv.GetFieldSpan(comment).IsEmpty ? null : csv.GetString(comment),
            });
        }

        return trades;
    }

    private static async Task<long> FoldAll(byte[] csv)
    {
        long checksum = 0;
        using var stream = new MemoryStream(csv, writable: false);
        await foreach (Trade trade in Trades.ReadCsvAsync(stream))
        {
            checksum = Fold(checksum, trade);
        }

        return checksum;
    }

    // Touches every field, so that nothing is left unread.
    private static long Fold(long checksum, Trade trade) =>
        (checksum * 31) + trade.Id + trade.Quantity + (long)trade.Price + trade.TradeDate.DayNumber + trade.ExecutedAt.Ticks
        + (trade.IsBuy ? 1 : 0) + (long)(trade.Fee ?? 0) + trade.Symbol.Length + (trade.Comment?.Length ?? 0);
}
