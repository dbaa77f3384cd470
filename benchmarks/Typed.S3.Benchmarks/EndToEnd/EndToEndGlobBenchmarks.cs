using Amazon.S3.Model;
using BenchmarkDotNet.Attributes;
using CsvHelper;
using Typed.S3.Benchmarks.Data;
using Typed.S3.Benchmarks.Peers;

namespace Typed.S3.Benchmarks.EndToEnd;

/// <summary>
/// End to end over S3 (Ceph's RADOS Gateway on loopback): every record of 200 small CSV objects (2,000 rows each)
/// under one prefix. Typed.S3 reads the glob <c>s3://bench/glob/*.csv</c> through a store opened with its default
/// options (which open the next objects ahead); the peer is the loop a user writes by hand: <c>ListObjectsV2</c> page by
/// page, then for each key in turn <c>GetObject</c> and CsvHelper 34's <c>GetRecords</c> with its own generated
/// mapping (and the same loop with <c>GetRecordsAsync</c>). None keeps the records: all count them and sum the ids.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class EndToEndGlobBenchmarks : EndToEndSetup
{
    private const string Prefix = "glob/";

    /// <summary>How many objects the prefix holds.</summary>
    [Params(200)]
    public int Objects { get; set; }

    /// <summary>How many rows each object holds.</summary>
    [Params(2_000)]
    public int RowsPerObject { get; set; }

    /// <summary>Connects to the server, has the objects uploaded once per run, and checks that all sides read the same records.</summary>
    [GlobalSetup]
    public void Setup()
    {
        SetUp(() => CheckSameRecords((long)Objects * RowsPerObject, TypedS3, AwsSdkCsvHelper, AwsSdkCsvHelperAsync));
    }

    /// <inheritdoc />
    protected override string DataSetName => $"glob-{Objects}x{RowsPerObject}";

    /// <inheritdoc />
    protected override async Task UploadDataAsync()
    {
        // Each object has its own seed and ids, so a reader that mixed up objects or their order would show.
        for (int i = 0; i < Objects; i++)
        {
            await Put(Key(i), TradeData.Create(RowsPerObject, seed: 1_000 + i, firstId: ((long)i * RowsPerObject) + 1));
        }
    }

    /// <summary>Reports the process figures (peak working set, processor time) and closes the store and the client.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        CleanUp();
    }

    /// <summary>Typed.S3: the generated dataset accessor over the glob.</summary>
    /// <returns>What was read.</returns>
    [Benchmark(Baseline = true)]
    public async Task<RecordTally> TypedS3()
    {
        ProcessFigures.CountOperation();
        var tally = new RecordTally();
        await foreach (Trade trade in Trades.ReadAsync(Store, $"s3://{Bucket}/{Prefix}*.csv"))
        {
            tally.Count(trade.Id);
            if (Checking)
            {
                tally.Hash(trade);
            }
        }

        return tally;
    }

    /// <summary>The hand-written loop: list the prefix, then get and parse one object after another.</summary>
    /// <returns>What was read.</returns>
    [Benchmark]
    public async Task<RecordTally> AwsSdkCsvHelper()
    {
        ProcessFigures.CountOperation();
        var tally = new RecordTally();
        var request = new ListObjectsV2Request { BucketName = Bucket, Prefix = Prefix };
        ListObjectsV2Response page;
        do
        {
            page = await Client.ListObjectsV2Async(request);
            foreach (S3Object entry in page.S3Objects ?? [])
            {
                if (!entry.Key.EndsWith(".csv", StringComparison.Ordinal))
                {
                    continue;
                }

                using GetObjectResponse response = await Client.GetObjectAsync(Bucket, entry.Key);
                using CsvReader csv = CsvReader.Create(response.ResponseStream, CsvOptions);
                foreach (CsvHelperTrade trade in csv.GetRecords<CsvHelperTrade>())
                {
                    tally.Count(trade.Id);
                    if (Checking)
                    {
                        tally.Hash(trade.ToTrade());
                    }
                }
            }

            request.ContinuationToken = page.NextContinuationToken;
        }
        while (page.IsTruncated == true);

        return tally;
    }

    /// <summary>
    /// The same hand-written loop with CsvHelper's <c>GetRecordsAsync</c>, as in a service that never blocks on I/O:
    /// it shows how much of the difference comes from opening objects ahead and how much from blocking reads.
    /// </summary>
    /// <returns>What was read.</returns>
    [Benchmark]
    public async Task<RecordTally> AwsSdkCsvHelperAsync()
    {
        ProcessFigures.CountOperation();
        var tally = new RecordTally();
        var request = new ListObjectsV2Request { BucketName = Bucket, Prefix = Prefix };
        ListObjectsV2Response page;
        do
        {
            page = await Client.ListObjectsV2Async(request);
            foreach (S3Object entry in page.S3Objects ?? [])
            {
                if (!entry.Key.EndsWith(".csv", StringComparison.Ordinal))
                {
                    continue;
                }

                using GetObjectResponse response = await Client.GetObjectAsync(Bucket, entry.Key);
                using CsvReader csv = CsvReader.Create(response.ResponseStream, CsvOptions);
                await foreach (CsvHelperTrade trade in csv.GetRecordsAsync<CsvHelperTrade>())
                {
                    tally.Count(trade.Id);
                    if (Checking)
                    {
                        tally.Hash(trade.ToTrade());
                    }
                }
            }

            request.ContinuationToken = page.NextContinuationToken;
        }
        while (page.IsTruncated == true);

        return tally;
    }

    private static string Key(int index) => $"{Prefix}part-{index:D4}.csv";
}
