using BenchmarkDotNet.Attributes;
using Parquet.Serialization;
using Typed.S3.Benchmarks.Data;
using Typed.S3.Benchmarks.Peers;

namespace Typed.S3.Benchmarks;

/// <summary>
/// Writing typed records as one Parquet file into a <see cref="MemoryStream"/>: the generated writer (Snappy) against
/// Parquet.Net's <see cref="ParquetSerializer"/> (its default compression, Snappy) on a POCO.
/// </summary>
[MemoryDiagnoser]
public class ParquetWriteBenchmarks
{
    private List<Trade> _trades = [];
    private List<ParquetTrade> _parquetTrades = [];
    private MemoryStream _output = new();

    [ParamsSource(typeof(BenchSizes), nameof(BenchSizes.Rows))]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _trades = TradeData.Records(Rows);
        _parquetTrades = _trades.Select(ParquetTrade.From).ToList();
        _output = new MemoryStream(Rows * 64);

        // Both files must read back (with the generated reader) as the same records.
        TypedS3().GetAwaiter().GetResult();
        List<Trade> typed = TradeData.Collect(Trades.ReadParquetAsync(new MemoryStream(_output.ToArray())));
        ParquetNet().GetAwaiter().GetResult();
        List<Trade> parquetNet = TradeData.Collect(Trades.ReadParquetAsync(new MemoryStream(_output.ToArray())));
        if (!typed.SequenceEqual(_trades) || !parquetNet.SequenceEqual(_trades))
        {
            throw new InvalidOperationException("Typed.S3 and Parquet.Net wrote different records.");
        }
    }

    [Benchmark(Baseline = true)]
    public async Task<long> TypedS3()
    {
        _output.SetLength(0);
        await Trades.WriteParquetAsync(_output, _trades);
        return _output.Length;
    }

    [Benchmark]
    public async Task<long> ParquetNet()
    {
        _output.SetLength(0);
        await ParquetSerializer.SerializeAsync(_parquetTrades, _output);
        return _output.Length;
    }
}
