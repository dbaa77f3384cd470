using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using DuckDB.NET.Data;
using Parquet.Serialization;
using Typed.S3.Benchmarks.Data;
using Typed.S3.Benchmarks.Peers;

namespace Typed.S3.Benchmarks;

/// <summary>
/// Reading typed records from one Parquet file written by Typed.S3 (Snappy, one row group per 122,880 rows): all
/// columns, and 2 of them (<c>id</c>, <c>price</c>, through the <c>TradePrices</c> dataset, whose record has only
/// those). Peers: Parquet.Net's <see cref="ParquetSerializer"/> into a POCO, ParquetSharp (Apache Arrow's C++ reader)
/// through its column API into the same records, and DuckDB.NET (<c>SELECT ... FROM read_parquet(path)</c>, a
/// <c>DbDataReader</c> loop into the same records). Typed.S3, Parquet.Net and ParquetSharp read a
/// <see cref="MemoryStream"/>; DuckDB reads the same bytes from a temporary file (in the page cache).
/// Each category (All, TwoColumns) has Typed.S3 as its baseline.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ParquetReadBenchmarks
{
    private byte[] _parquet = [];
    private string _path = "";
    private DuckDBConnection? _duck;

    [ParamsSource(typeof(BenchSizes), nameof(BenchSizes.Rows))]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        List<Trade> trades = TradeData.Records(Rows);
        using (var output = new MemoryStream())
        {
            Trades.WriteParquetAsync(output, trades).GetAwaiter().GetResult();
            _parquet = output.ToArray();
        }

        _path = Path.Combine(Path.GetTempPath(), $"typeds3-bench-{Environment.ProcessId}-{Rows}.parquet");
        File.WriteAllBytes(_path, _parquet);
        _duck = new DuckDBConnection("DataSource=:memory:");
        _duck.Open();

        // Every reader must produce the same records.
        if (!TypedS3_All().GetAwaiter().GetResult().SequenceEqual(trades)
            || !ParquetNet_All().GetAwaiter().GetResult().Select(t => t.ToTrade()).SequenceEqual(trades)
            || !DuckDb_All().SequenceEqual(trades)
            || !ParquetSharp_All().SequenceEqual(trades))
        {
            throw new InvalidOperationException("The Parquet readers read different records (all columns).");
        }

        var prices = trades.Select(t => (t.Id, t.Price)).ToList();
        if (!TypedS3_TwoColumns().GetAwaiter().GetResult().Select(t => (t.Id, t.Price)).SequenceEqual(prices)
            || !ParquetNet_TwoColumns().GetAwaiter().GetResult().Select(t => (t.Id, t.Price)).SequenceEqual(prices)
            || !DuckDb_TwoColumns().Select(t => (t.Id, t.Price)).SequenceEqual(prices)
            || !ParquetSharp_TwoColumns().Select(t => (t.Id, t.Price)).SequenceEqual(prices))
        {
            throw new InvalidOperationException("The Parquet readers read different records (2 columns).");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _duck?.Dispose();
        File.Delete(_path);
    }

    [Benchmark(Baseline = true), BenchmarkCategory("All")]
    public async Task<List<Trade>> TypedS3_All()
    {
        var trades = new List<Trade>(Rows);
        using var stream = new MemoryStream(_parquet, writable: false);
        await foreach (Trade trade in Trades.ReadParquetAsync(stream))
        {
            trades.Add(trade);
        }

        return trades;
    }

    [Benchmark, BenchmarkCategory("All")]
    public async Task<IList<ParquetTrade>> ParquetNet_All()
    {
        using var stream = new MemoryStream(_parquet, writable: false);
        return (await ParquetSerializer.DeserializeAsync<ParquetTrade>(stream)).Data;
    }

    [Benchmark, BenchmarkCategory("All")]
    public List<Trade> ParquetSharp_All() => ParquetSharpTrades.ReadAll(_parquet);

    [Benchmark, BenchmarkCategory("All")]
    public List<Trade> DuckDb_All()
    {
        var trades = new List<Trade>(Rows);
        using DuckDBCommand command = _duck!.CreateCommand();
        command.CommandText = $"SELECT id, quantity, price, trade_date, executed_at, is_buy, fee, symbol, comment FROM read_parquet('{_path}')";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            trades.Add(new Trade
            {
                Id = reader.GetInt64(0),
                Quantity = reader.GetInt32(1),
                Price = reader.GetDecimal(2),
                TradeDate = reader.GetFieldValue<DateOnly>(3),
                ExecutedAt = new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(4), DateTimeKind.Utc)),
                IsBuy = reader.GetBoolean(5),
                Fee = reader.IsDBNull(6) ? null : reader.GetDouble(6),
                Symbol = reader.GetString(7),
                Comment = reader.IsDBNull(8) ? null : reader.GetString(8),
            });
        }

        return trades;
    }

    [Benchmark(Baseline = true), BenchmarkCategory("TwoColumns")]
    public async Task<List<TradePrice>> TypedS3_TwoColumns()
    {
        var prices = new List<TradePrice>(Rows);
        using var stream = new MemoryStream(_parquet, writable: false);
        await foreach (TradePrice price in TradePrices.ReadParquetAsync(stream))
        {
            prices.Add(price);
        }

        return prices;
    }

    [Benchmark, BenchmarkCategory("TwoColumns")]
    public async Task<IList<ParquetTradePrice>> ParquetNet_TwoColumns()
    {
        using var stream = new MemoryStream(_parquet, writable: false);
        return (await ParquetSerializer.DeserializeAsync<ParquetTradePrice>(stream)).Data;
    }

    [Benchmark, BenchmarkCategory("TwoColumns")]
    public List<TradePrice> ParquetSharp_TwoColumns() => ParquetSharpTrades.ReadPrices(_parquet);

    [Benchmark, BenchmarkCategory("TwoColumns")]
    public List<TradePrice> DuckDb_TwoColumns()
    {
        var prices = new List<TradePrice>(Rows);
        using DuckDBCommand command = _duck!.CreateCommand();
        command.CommandText = $"SELECT id, price FROM read_parquet('{_path}')";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            prices.Add(new TradePrice { Id = reader.GetInt64(0), Price = reader.GetDecimal(1) });
        }

        return prices;
    }
}
