using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Typed.S3.Benchmarks.Data;
using Typed.S3.Benchmarks.Peers;

namespace Typed.S3.Benchmarks;

/// <summary>
/// Reading typed records from JSON Lines (written by Typed.S3 from the CSV data): the generated reader against
/// System.Text.Json with a source-generated <see cref="BenchJsonContext"/>, both line by line
/// (<c>JsonSerializer.Deserialize</c> per line with the <c>JsonTypeInfo</c>) and as a stream of top-level values
/// (<c>DeserializeAsyncEnumerable</c> with <c>topLevelValues: true</c>).
/// </summary>
[MemoryDiagnoser]
public class JsonLinesReadBenchmarks
{
    private byte[] _jsonl = [];

    [ParamsSource(typeof(BenchSizes), nameof(BenchSizes.Rows))]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        List<Trade> trades = TradeData.Records(Rows);
        using (var output = new MemoryStream())
        {
            Trades.WriteJsonLinesAsync(output, trades).GetAwaiter().GetResult();
            _jsonl = output.ToArray();
        }

        List<Trade> typed = TypedS3().GetAwaiter().GetResult();
        List<Trade> perLine = StjPerLine().Select(t => t.ToTrade()).ToList();
        List<Trade> topLevel = StjTopLevelValues().GetAwaiter().GetResult().Select(t => t.ToTrade()).ToList();
        if (!typed.SequenceEqual(trades) || !perLine.SequenceEqual(trades) || !topLevel.SequenceEqual(trades))
        {
            throw new InvalidOperationException("Typed.S3 and System.Text.Json read different records.");
        }
    }

    [Benchmark(Baseline = true)]
    public async Task<List<Trade>> TypedS3()
    {
        var trades = new List<Trade>(Rows);
        using var stream = new MemoryStream(_jsonl, writable: false);
        await foreach (Trade trade in Trades.ReadJsonLinesAsync(stream))
        {
            trades.Add(trade);
        }

        return trades;
    }

    /// <summary>The loop a user writes: split the UTF-8 bytes at line feeds, deserialize each line.</summary>
    [Benchmark]
    public List<JsonTrade> StjPerLine()
    {
        var trades = new List<JsonTrade>(Rows);
        ReadOnlySpan<byte> rest = _jsonl;
        while (!rest.IsEmpty)
        {
            int end = rest.IndexOf((byte)'\n');
            ReadOnlySpan<byte> line = end < 0 ? rest : rest[..end];
            rest = end < 0 ? default : rest[(end + 1)..];
            if (!line.Trim((byte)'\r').IsEmpty)
            {
                trades.Add(JsonSerializer.Deserialize(line, BenchJsonContext.Default.JsonTrade)!);
            }
        }

        return trades;
    }

    [Benchmark]
    public async Task<List<JsonTrade>> StjTopLevelValues()
    {
        var trades = new List<JsonTrade>(Rows);
        using var stream = new MemoryStream(_jsonl, writable: false);
        await foreach (JsonTrade? trade in JsonSerializer.DeserializeAsyncEnumerable(stream, BenchJsonContext.Default.JsonTrade, topLevelValues: true))
        {
            trades.Add(trade!);
        }

        return trades;
    }
}
