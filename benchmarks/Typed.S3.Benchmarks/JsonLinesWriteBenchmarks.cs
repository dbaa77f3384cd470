using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Typed.S3.Benchmarks.Data;
using Typed.S3.Benchmarks.Peers;

namespace Typed.S3.Benchmarks;

/// <summary>
/// Writing typed records as JSON Lines into a <see cref="MemoryStream"/>: the generated writer against
/// System.Text.Json's source-generated serializer, one <c>Serialize</c> per record into a reused
/// <see cref="Utf8JsonWriter"/> followed by a line feed.
/// </summary>
[MemoryDiagnoser]
public class JsonLinesWriteBenchmarks
{
    private List<Trade> _trades = [];
    private List<JsonTrade> _jsonTrades = [];
    private MemoryStream _output = new();

    [ParamsSource(typeof(BenchSizes), nameof(BenchSizes.Rows))]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _trades = TradeData.Records(Rows);
        _jsonTrades = _trades.Select(JsonTrade.From).ToList();
        _output = new MemoryStream(Rows * 256);

        TypedS3().GetAwaiter().GetResult();
        List<Trade> typed = TradeData.Collect(Trades.ReadJsonLinesAsync(new MemoryStream(_output.ToArray())));
        Stj();
        List<Trade> stj = TradeData.Collect(Trades.ReadJsonLinesAsync(new MemoryStream(_output.ToArray())));
        if (!typed.SequenceEqual(_trades) || !stj.SequenceEqual(_trades))
        {
            throw new InvalidOperationException("Typed.S3 and System.Text.Json wrote different records.");
        }
    }

    [Benchmark(Baseline = true)]
    public async Task<long> TypedS3()
    {
        _output.SetLength(0);
        await Trades.WriteJsonLinesAsync(_output, _trades);
        return _output.Length;
    }

    [Benchmark]
    public long Stj()
    {
        _output.SetLength(0);
        using (var writer = new Utf8JsonWriter(_output))
        {
            foreach (JsonTrade trade in _jsonTrades)
            {
                JsonSerializer.Serialize(writer, trade, BenchJsonContext.Default.JsonTrade);
                writer.Flush();
                writer.Reset();
                _output.WriteByte((byte)'\n');
            }
        }

        return _output.Length;
    }
}
