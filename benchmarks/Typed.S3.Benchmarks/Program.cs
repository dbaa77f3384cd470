using BenchmarkDotNet.Running;
using Typed.S3.Benchmarks;
using Typed.S3.Benchmarks.EndToEnd;

// Pick a suite or pass BenchmarkDotNet's options (--filter, --job, --exporters ...). benchmarks/run.sh runs them all
// and sets TYPEDS3_BENCH_SUMMARY to the markdown file that gets the combined table.

// The end-to-end suites read from one RADOS Gateway that this process starts for the whole run, with the data sets
// of the benchmarks the arguments select uploaded first; its objects live in the gateway's memory, so the benchmark
// processes (children of this one) connect to it through inherited environment variables and never start a server.
if (args.Length > 0 && args[0] == StreamingMemoryProbe.Argument)
{
    // A child of the host, after the run: stream the large object once and report the peak working set.
    Environment.Exit(await StreamingMemoryProbe.RunAsync(args));
}

List<BenchmarkDotNet.Reports.Summary> summaries;
IReadOnlyList<StreamingMemoryProbe.Result> probes = [];
await using (EndToEndHost endToEnd = await EndToEndHost.StartAsync(args))
{
    summaries = BenchmarkSwitcher.FromAssembly(typeof(CsvReadBenchmarks).Assembly).Run(args).ToList();

    // The large objects the run measured, streamed again by processes that do nothing else.
    int[] largeObjects = summaries.SelectMany(s => s.Reports)
        .Where(r => r.BenchmarkCase.Descriptor.Type == typeof(EndToEndLargeObjectBenchmarks) && r.ResultStatistics is not null)
        .Select(r => Convert.ToInt32(r.BenchmarkCase.Parameters["Rows"], System.Globalization.CultureInfo.InvariantCulture))
        .Distinct()
        .ToArray();
    if (endToEnd.ServiceUrl is { } serviceUrl)
    {
        probes = await StreamingMemoryProbe.MeasureAsync(serviceUrl, largeObjects);
    }
}

string? summaryPath = Environment.GetEnvironmentVariable("TYPEDS3_BENCH_SUMMARY");
if (!string.IsNullOrEmpty(summaryPath) && summaries.Count > 0)
{
    ResultsTable.Write(summaries, summaryPath, Environment.GetEnvironmentVariable("TYPEDS3_BENCH_MODE") ?? "full", probes);
    Console.WriteLine($"Wrote {summaryPath}");
}
