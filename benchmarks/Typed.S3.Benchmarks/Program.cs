using BenchmarkDotNet.Running;
using Typed.S3.Benchmarks;
using Typed.S3.Benchmarks.EndToEnd;

// Pick a suite or pass BenchmarkDotNet's options (--filter, --job, --exporters ...). benchmarks/run.sh runs them all
// and sets TYPEDS3_BENCH_SUMMARY to the markdown file that gets the combined table.

// The end-to-end suites' benchmark processes (children of this one, which inherit the variable) start s3rver on this
// folder; the data sets of the benchmarks the arguments select are uploaded there first, once, by this process. The
// folder is deleted when the run ends.
string s3Data = Path.Combine(Path.GetTempPath(), "typeds3-bench-s3data-" + Guid.NewGuid().ToString("N"));
Environment.SetEnvironmentVariable(EndToEndSetup.DataFolderVariable, s3Data);
List<BenchmarkDotNet.Reports.Summary> summaries;
try
{
    EndToEndSetup.UploadDataForRun(args);
    summaries = BenchmarkSwitcher.FromAssembly(typeof(CsvReadBenchmarks).Assembly).Run(args).ToList();
}
finally
{
    S3Server.DeleteFolder(s3Data);
}

string? summaryPath = Environment.GetEnvironmentVariable("TYPEDS3_BENCH_SUMMARY");
if (!string.IsNullOrEmpty(summaryPath) && summaries.Count > 0)
{
    ResultsTable.Write(summaries, summaryPath, Environment.GetEnvironmentVariable("TYPEDS3_BENCH_MODE") ?? "full");
    Console.WriteLine($"Wrote {summaryPath}");
}
