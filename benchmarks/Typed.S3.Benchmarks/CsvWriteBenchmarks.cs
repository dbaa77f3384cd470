using BenchmarkDotNet.Attributes;
using CsvHelper;
using Typed.S3.Benchmarks.Data;
using Typed.S3.Benchmarks.Peers;

namespace Typed.S3.Benchmarks;

/// <summary>
/// Writing typed records as CSV into a <see cref="MemoryStream"/>: the generated Typed.S3 writer against CsvHelper 34's
/// source-generated record writer (<c>WriteRecords</c>). Sylvan.Data.Csv is not here: its only writer,
/// <c>CsvDataWriter</c>, writes a <c>DbDataReader</c>, and the package that adapts objects to one (Sylvan.Data) is not
/// available; it has no field-level writer API.
/// </summary>
[MemoryDiagnoser]
public class CsvWriteBenchmarks
{
    private List<Trade> _trades = [];
    private List<CsvHelperTrade> _csvHelperTrades = [];
    private MemoryStream _output = new();

    [ParamsSource(typeof(BenchSizes), nameof(BenchSizes.Rows))]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _trades = TradeData.Records(Rows);
        _csvHelperTrades = _trades.Select(CsvHelperTrade.From).ToList();
        _output = new MemoryStream(TradeData.Create(Rows).Length * 2);

        // Both outputs must read back as the same records (the texts differ: booleans, timestamps).
        List<Trade> typed = TradeData.ReadCsv(Written(() => TypedS3().GetAwaiter().GetResult()));
        List<Trade> csvHelper = TradeData.ReadCsv(Written(() => CsvHelperGenerated()));
        if (!typed.SequenceEqual(_trades) || !csvHelper.SequenceEqual(_trades))
        {
            throw new InvalidOperationException("Typed.S3 and CsvHelper wrote different records.");
        }
    }

    private byte[] Written(Func<long> write)
    {
        write();
        return _output.ToArray();
    }

    [Benchmark(Baseline = true)]
    public async Task<long> TypedS3()
    {
        _output.SetLength(0);
        await Trades.WriteCsvAsync(_output, _trades);
        return _output.Length;
    }

    [Benchmark]
    public long CsvHelperGenerated()
    {
        _output.SetLength(0);
        using (CsvWriter csv = CsvWriter.Create(_output, CsvWriterOptions.Default, leaveOpen: true))
        {
            csv.WriteRecords(_csvHelperTrades);
        }

        return _output.Length;
    }
}
