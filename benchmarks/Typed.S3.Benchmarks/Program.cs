using BenchmarkDotNet.Running;
using Typed.S3.Benchmarks;

// Pick a suite or pass BenchmarkDotNet's options (--filter, --job, --exporters ...). benchmarks/run.sh runs them all
// and sets TYPEDS3_BENCH_SUMMARY to the markdown file that gets the combined table.
var summaries = BenchmarkSwitcher.FromAssembly(typeof(CsvReadBenchmarks).Assembly).Run(args).ToList();
string? summaryPath = Environment.GetEnvironmentVariable("TYPEDS3_BENCH_SUMMARY");
if (!string.IsNullOrEmpty(summaryPath) && summaries.Count > 0)
{
    ResultsTable.Write(summaries, summaryPath, Environment.GetEnvironmentVariable("TYPEDS3_BENCH_MODE") ?? "full");
    Console.WriteLine($"Wrote {summaryPath}");
}
