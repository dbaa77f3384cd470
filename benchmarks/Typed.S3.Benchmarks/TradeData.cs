using System.Globalization;
using System.Text;
using Typed.S3.Benchmarks.Data;

namespace Typed.S3.Benchmarks;

/// <summary>Deterministic CSV data with a realistic mix of columns, some quoted fields and nulls.</summary>
internal static class TradeData
{
    public const string Header = "id,quantity,price,trade_date,executed_at,is_buy,fee,symbol,comment";

    /// <summary>The seed of <see cref="Create(int)"/>: the data every in-memory suite reads and writes.</summary>
    public const int DefaultSeed = 42;

    public static byte[] Create(int rows) => Create(rows, DefaultSeed, firstId: 1);

    /// <summary>A CSV object of <paramref name="rows"/> rows whose ids start at <paramref name="firstId"/>.</summary>
    public static byte[] Create(int rows, int seed, long firstId)
    {
        var generator = new Generator(seed, firstId);
        var text = new StringBuilder(rows * 96 + Header.Length + 2);
        text.Append(Header).Append("\r\n");
        generator.Append(text, rows);
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>
    /// Writes the same data as <see cref="Create(int, int, long)"/> to a stream in chunks of rows, so objects of
    /// hundreds of megabytes never sit in memory whole.
    /// </summary>
    /// <returns>The number of bytes written.</returns>
    public static async Task<long> WriteAsync(Stream output, long rows, int seed, long firstId, CancellationToken cancellationToken = default)
    {
        const int chunkRows = 20_000;
        var generator = new Generator(seed, firstId);
        var text = new StringBuilder(chunkRows * 100);
        text.Append(Header).Append("\r\n");
        byte[] buffer = [];
        long written = 0;
        for (long done = 0; done < rows;)
        {
            int count = (int)Math.Min(chunkRows, rows - done);
            generator.Append(text, count);
            done += count;
            int length = Encoding.UTF8.GetMaxByteCount(text.Length);
            if (buffer.Length < length)
            {
                buffer = new byte[length];
            }

            int bytes = Encoding.UTF8.GetBytes(text.ToString(), buffer);
            await output.WriteAsync(buffer.AsMemory(0, bytes), cancellationToken);
            written += bytes;
            text.Clear();
        }

        return written;
    }

    /// <summary>The records of <see cref="Create(int)"/>, read once with the generated reader (the write suites' input).</summary>
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

    // The rows, one after another: a chunked writer and a one-shot Create draw the same random sequence.
    private sealed class Generator(int seed, long firstId)
    {
        private static readonly string[] Symbols = ["MSFT", "AAPL", "NVDA", "AMZN", "GOOG", "META", "TSLA", "ASML"];
        private static readonly DateTime Start = new(2024, 1, 1, 9, 30, 0, DateTimeKind.Utc);
        private readonly Random _random = new(seed);
        private long _index;

        public void Append(StringBuilder text, int count)
        {
            for (int n = 0; n < count; n++, _index++)
            {
                long i = _index;
                DateTime executed = Start.AddSeconds(i * 7 + _random.Next(7));
                text.Append(firstId + i).Append(',')
                    .Append(_random.Next(1, 10_000)).Append(',')
                    .Append((_random.Next(100, 5_000_000) / 10_000m).ToString(CultureInfo.InvariantCulture)).Append(',')
                    .Append(executed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',')
                    .Append(executed.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)).Append(',')
                    .Append(_random.Next(2) == 0 ? "true" : "false").Append(',')
                    .Append(i % 5 == 0 ? string.Empty : (_random.NextDouble() * 10).ToString("R", CultureInfo.InvariantCulture)).Append(',')
                    .Append(Symbols[_random.Next(Symbols.Length)]).Append(',')
                    .Append((i % 4) switch
                    {
                        0 => string.Empty,
                        1 => "\"limit order, partially filled\"",
                        2 => "market",
                        _ => "\"said \"\"urgent\"\" at the desk\"",
                    })
                    .Append("\r\n");
            }
        }
    }
}
