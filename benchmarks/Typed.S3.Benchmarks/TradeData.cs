using System.Globalization;
using System.Text;
using Typed.S3.Benchmarks.Data;

namespace Typed.S3.Benchmarks;

/// <summary>Deterministic CSV data with a realistic mix of columns, some quoted fields and nulls.</summary>
internal static class TradeData
{
    public const string Header = "id,quantity,price,trade_date,executed_at,is_buy,fee,symbol,comment";

    public static byte[] Create(int rows)
    {
        var random = new Random(42);
        string[] symbols = ["MSFT", "AAPL", "NVDA", "AMZN", "GOOG", "META", "TSLA", "ASML"];
        var text = new StringBuilder(rows * 96);
        text.Append(Header).Append("\r\n");
        var start = new DateTime(2024, 1, 1, 9, 30, 0, DateTimeKind.Utc);
        for (int i = 0; i < rows; i++)
        {
            DateTime executed = start.AddSeconds(i * 7 + random.Next(7));
            text.Append(i + 1).Append(',')
                .Append(random.Next(1, 10_000)).Append(',')
                .Append((random.Next(100, 5_000_000) / 10_000m).ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(executed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',')
                .Append(executed.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)).Append(',')
                .Append(random.Next(2) == 0 ? "true" : "false").Append(',')
                .Append(i % 5 == 0 ? string.Empty : (random.NextDouble() * 10).ToString("R", CultureInfo.InvariantCulture)).Append(',')
                .Append(symbols[random.Next(symbols.Length)]).Append(',')
                .Append((i % 4) switch
                {
                    0 => string.Empty,
                    1 => "\"limit order, partially filled\"",
                    2 => "market",
                    _ => "\"said \"\"urgent\"\" at the desk\"",
                })
                .Append("\r\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>The records of <see cref="Create"/>, read once with the generated reader (the write suites' input).</summary>
    public static List<Trade> Records(int rows) => ReadCsv(Create(rows));

    /// <summary>Reads CSV bytes with the generated reader; used by the checks, never measured.</summary>
    public static List<Trade> ReadCsv(byte[] csv) => Collect(Trades.ReadCsvAsync(new MemoryStream(csv, writable: false)));

    public static List<T> Collect<T>(IAsyncEnumerable<T> source)
    {
        return Run().GetAwaiter().GetResult();

        async Task<List<T>> Run()
        {
            var list = new List<T>();
            await foreach (T item in source)
            {
                list.Add(item);
            }

            return list;
        }
    }
}
