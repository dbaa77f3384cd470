using System.Globalization;
using Amazon.S3.Model;
using BenchmarkDotNet.Attributes;
using CsvHelper;
using Typed.S3.Benchmarks.Data;
using Typed.S3.Benchmarks.Peers;

namespace Typed.S3.Benchmarks.EndToEnd;

/// <summary>
/// End to end over S3 (Ceph's RADOS Gateway on loopback): one large CSV object streamed record by record (2.1M rows,
/// about 206 MB; <see cref="Sizes"/>). Typed.S3 reads <c>s3://bench/large/...</c> through its dataset accessor; the peer
/// is what a user writes by hand: <c>GetObject</c> and CsvHelper 34's <c>GetRecords</c> over the response stream.
/// Neither keeps the records (both count them and sum the ids), so the peak working set shows what streaming holds.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class EndToEndLargeObjectBenchmarks : EndToEndSetup
{
    /// <summary>The environment variable that overrides the row count (<c>run.sh --quick</c> sets a smaller one).</summary>
    public const string RowsVariable = "TYPEDS3_BENCH_LARGE_ROWS";

    /// <summary>How many rows the object holds.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Rows { get; set; }

    private string Key => KeyOf(Rows);

    /// <summary>The key of the object with <paramref name="rows"/> rows.</summary>
    /// <param name="rows">The row count.</param>
    /// <returns>The key.</returns>
    public static string KeyOf(int rows) => $"large/trades-{rows}.csv";

    /// <summary>2,100,000 rows (about 206 MB of CSV), or what <see cref="RowsVariable"/> says.</summary>
    /// <returns>The row counts.</returns>
    public static IEnumerable<int> Sizes()
    {
        string? rows = Environment.GetEnvironmentVariable(RowsVariable);
        return string.IsNullOrWhiteSpace(rows)
            ? [2_100_000]
            : rows.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(r => int.Parse(r, CultureInfo.InvariantCulture)).ToArray();
    }

    /// <summary>Connects to the server, has the object uploaded once per run, and checks that both sides read the same records.</summary>
    [GlobalSetup]
    public void Setup()
    {
        SetUp(() => CheckSameRecords(Rows, TypedS3, AwsSdkCsvHelper));
    }

    /// <inheritdoc />
    protected override string DataSetName => $"large-{Rows}";

    /// <inheritdoc />
    protected override Task UploadDataAsync() =>
        // Generated in chunks straight into a multipart upload: the object never sits in memory whole.
        PutMultipart(Key, output => TradeData.WriteAsync(output, Rows, seed: 7, firstId: 1));

    /// <summary>Reports the process figures (peak working set, processor time) and closes the store and the client.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        CleanUp();
    }

    /// <summary>Typed.S3: the generated dataset accessor on the object.</summary>
    /// <returns>What was read.</returns>
    [Benchmark(Baseline = true)]
    public async Task<RecordTally> TypedS3()
    {
        ProcessFigures.CountOperation();
        var tally = new RecordTally();
        await foreach (Trade trade in Trades.ReadAsync(Store, $"s3://{Bucket}/{Key}"))
        {
            tally.Count(trade.Id);
            if (Checking)
            {
                tally.Hash(trade);
            }
        }

        return tally;
    }

    /// <summary>The hand-written loop: get the object, parse its response stream.</summary>
    /// <returns>What was read.</returns>
    [Benchmark]
    public async Task<RecordTally> AwsSdkCsvHelper()
    {
        ProcessFigures.CountOperation();
        var tally = new RecordTally();
        using GetObjectResponse response = await Client.GetObjectAsync(Bucket, Key);
        using CsvReader csv = CsvReader.Create(response.ResponseStream, CsvOptions);
        foreach (CsvHelperTrade trade in csv.GetRecords<CsvHelperTrade>())
        {
            tally.Count(trade.Id);
            if (Checking)
            {
                tally.Hash(trade.ToTrade());
            }
        }

        return tally;
    }
}
