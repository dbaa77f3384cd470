using System.Globalization;
using BenchmarkDotNet.Attributes;
using Sylvan.Data.Csv;
using Typed.S3.Benchmarks.Data;

namespace Typed.S3.Benchmarks;

/// <summary>
/// Reading typed records from CSV: the generated Typed.S3 reader against Sylvan.Data.Csv's reader with typed
/// getters into the same record. (The issue on performance adds CsvHelper's own generated mapping and the
/// other suites.)
/// </summary>
[MemoryDiagnoser]
public class CsvReadBenchmarks
{
    private byte[] _csv = [];

    [Params(10_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _csv = TradeData.Create(Rows);

        // A benchmark of wrong code measures nothing: both sides must read the same records.
        List<Trade> typed = TypedS3().GetAwaiter().GetResult();
        List<Trade> sylvan = Sylvan();
        if (typed.Count != Rows || !typed.SequenceEqual(sylvan))
        {
            throw new InvalidOperationException("Typed.S3 and Sylvan read different records.");
        }
    }

    [Benchmark(Baseline = true)]
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

    [Benchmark]
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
                Fee = csv.IsDBNull(fee) ? null : csv.GetDouble(fee),
                Symbol = csv.GetString(symbol),
                Comment = csv.IsDBNull(comment) ? null : csv.GetString(comment),
            });
        }

        return trades;
    }
}
