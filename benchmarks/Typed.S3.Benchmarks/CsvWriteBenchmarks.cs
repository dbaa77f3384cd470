using System.Globalization;
using BenchmarkDotNet.Attributes;
using CsvHelper;
using Sylvan.Data.Csv;
using Typed.S3.Benchmarks.Data;
using Typed.S3.Benchmarks.Peers;

namespace Typed.S3.Benchmarks;

/// <summary>
/// Writing typed records as CSV into a <see cref="MemoryStream"/>: the generated Typed.S3 writer against CsvHelper 34's
/// source-generated record writer (<c>WriteRecords</c>) and against Sylvan.Data.Csv's <c>CsvDataWriter</c>. Sylvan's
/// only writer takes a <c>DbDataReader</c> and the package that adapts objects to one (Sylvan.Data) is not available,
/// so its side reads the records through the hand-written <see cref="SylvanTradeReader"/> (typed getters, no boxing)
/// and writes through a <see cref="StreamWriter"/> with its default buffer (Sylvan formats into chars, the
/// <see cref="StreamWriter"/> encodes them to UTF-8), configured to write the same text as Typed.S3.
/// </summary>
[MemoryDiagnoser]
public class CsvWriteBenchmarks
{
    private List<Trade> _trades = [];
    private List<CsvHelperTrade> _csvHelperTrades = [];
    private MemoryStream _output = new();

    // Invariant culture (the default, said here), and the line ends and booleans the other two sides write.
    private static readonly CsvDataWriterOptions SylvanOptions = new()
    {
        Culture = CultureInfo.InvariantCulture, NewLine = "\r\n", TrueString = "true", FalseString = "false",
    };

    [ParamsSource(typeof(BenchSizes), nameof(BenchSizes.Rows))]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _trades = TradeData.Records(Rows);
        _csvHelperTrades = _trades.Select(CsvHelperTrade.From).ToList();
        _output = new MemoryStream(TradeData.Create(Rows).Length * 2);

        // Every output must read back as the input records (CsvHelper's text differs: booleans, timestamps).
        Check("Typed.S3", Written(() => TypedS3().GetAwaiter().GetResult()));
        Check("CsvHelper", Written(CsvHelperGenerated));
        Check("Sylvan", Written(Sylvan));
    }

    private void Check(string side, byte[] csv)
    {
        List<Trade> written = TradeData.ReadCsv(csv);
        if (!written.SequenceEqual(_trades))
        {
            int row = written.Zip(_trades).TakeWhile(pair => pair.First.Equals(pair.Second)).Count();
            throw new InvalidOperationException(
                $"{side} wrote different records: {written.Count} read back for {_trades.Count}, first difference at record {row}: "
                + $"{(row < written.Count ? written[row] : "(none)")} instead of {(row < _trades.Count ? _trades[row] : "(none)")}.");
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

    [Benchmark]
    public long Sylvan()
    {
        _output.SetLength(0);
        using (var text = new StreamWriter(_output, encoding: null, bufferSize: -1, leaveOpen: true)) // UTF-8, no BOM
        using (CsvDataWriter csv = CsvDataWriter.Create(text, SylvanOptions))
        {
            csv.Write(new SylvanTradeReader(_trades));
        }

        return _output.Length;
    }
}
