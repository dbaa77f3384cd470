using System.Globalization;
using System.Text;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Typed.S3.Benchmarks;

/// <summary>
/// The combined table of a run (benchmarks/results/latest.md): per benchmark the mean, the ratio to the Typed.S3
/// baseline of its group, the allocated bytes per operation and per row.
/// </summary>
internal static class ResultsTable
{
    public static void Write(IReadOnlyList<Summary> summaries, string path, string mode)
    {
        var text = new StringBuilder();
        Summary first = summaries[0];
        text.AppendLine("# Benchmark results").AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Mode: **{mode}** ({Job(first)}), {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC. Written by `benchmarks/run.sh`; do not edit.")
            .AppendLine()
            .AppendLine("```")
            .AppendLine(string.Join(Environment.NewLine, first.HostEnvironmentInfo.ToFormattedString()))
            .AppendLine("```")
            .AppendLine()
            .AppendLine("Ratio: mean time relative to the Typed.S3 baseline of the same suite, size and group (below 1 means the peer is faster). ")
            .AppendLine("Alloc/row: managed bytes allocated per operation divided by the row count (for reads, includes the list that keeps the records).")
            .AppendLine();

        foreach (Summary summary in summaries)
        {
            if (summary.Reports.Length == 0)
            {
                continue;
            }

            text.AppendLine(CultureInfo.InvariantCulture, $"## {summary.BenchmarksCases[0].Descriptor.Type.Name}").AppendLine()
                .AppendLine("| Benchmark | Group | Rows | Mean | Ratio | Allocated | Alloc/row |")
                .AppendLine("|---|---|---:|---:|---:|---:|---:|");
            foreach (IGrouping<string, BenchmarkReport> group in summary.Reports.GroupBy(r => summary.GetLogicalGroupKey(r.BenchmarkCase) ?? ""))
            {
                BenchmarkReport? baseline = group.FirstOrDefault(r => r.BenchmarkCase.Descriptor.Baseline);
                foreach (BenchmarkReport report in group)
                {
                    BenchmarkCase benchmark = report.BenchmarkCase;
                    int rows = (int)benchmark.Parameters["Rows"];
                    double? mean = report.ResultStatistics?.Mean;
                    double? baselineMean = baseline?.ResultStatistics?.Mean;
                    long? allocated = report.GcStats.GetBytesAllocatedPerOperation(benchmark);
                    string category = string.Join(",", benchmark.Descriptor.Categories);
                    text.AppendLine(CultureInfo.InvariantCulture,
                        $"| {benchmark.Descriptor.WorkloadMethod.Name}{(benchmark.Descriptor.Baseline ? " (baseline)" : "")} | {(category.Length == 0 ? "-" : category)} | {rows:N0} | {Time(mean)} | {(mean is { } m && baselineMean is { } b && b > 0 ? (m / b).ToString("0.00", CultureInfo.InvariantCulture) : "?")} | {Bytes(allocated)} | {(allocated is { } a ? (a / (double)rows).ToString("0.0", CultureInfo.InvariantCulture) + " B" : "?")} |");
                }
            }

            text.AppendLine();
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, text.ToString());
    }

    private static string Job(Summary summary)
    {
        var job = summary.BenchmarksCases[0].Job;
        return $"job {job.ResolvedId}: {job.Run.WarmupCount} warmup, {job.Run.IterationCount} measured iterations, {job.Run.LaunchCount} launch";
    }

    private static string Time(double? nanoseconds) => nanoseconds switch
    {
        null => "failed",
        >= 1e9 => (nanoseconds.Value / 1e9).ToString("0.000", CultureInfo.InvariantCulture) + " s",
        >= 1e6 => (nanoseconds.Value / 1e6).ToString("0.00", CultureInfo.InvariantCulture) + " ms",
        _ => (nanoseconds.Value / 1e3).ToString("0.0", CultureInfo.InvariantCulture) + " us",
    };

    private static string Bytes(long? bytes) => bytes switch
    {
        null => "?",
        >= 1 << 20 => (bytes.Value / 1048576.0).ToString("0.00", CultureInfo.InvariantCulture) + " MB",
        >= 1 << 10 => (bytes.Value / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " KB",
        _ => bytes.Value.ToString(CultureInfo.InvariantCulture) + " B",
    };
}
