using System.Globalization;
using System.Text;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Typed.S3.Benchmarks.EndToEnd;

namespace Typed.S3.Benchmarks;

/// <summary>
/// The combined table of a run (benchmarks/results/latest.md): per benchmark the mean, the ratio to the Typed.S3
/// baseline of its group, the allocated bytes per operation and per row, and for the end-to-end suites the figures of
/// <see cref="ProcessFigures"/> (working set, processor time of the process and of the S3 server).
/// </summary>
internal static class ResultsTable
{
    public static void Write(IReadOnlyList<Summary> summaries, string path, string mode, IReadOnlyList<StreamingMemoryProbe.Result> probes)
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
            .AppendLine("Alloc/row: managed bytes allocated per operation divided by the row count (for reads, includes the list that keeps the records; the end-to-end suites keep none). ")
            .AppendLine("Peak WS (end-to-end suites): the benchmark process's peak working set from the end of its setup through warmup and measured iterations (Linux: VmHWM reset after the setup); ")
            .AppendLine("WS at start: its working set at that point (runtime, loaded code, connections); WS growth: the difference, what reading added. ")
            .AppendLine("CPU/op, RGW CPU/op: processor time per operation of the benchmark process and of the S3 server (all the RADOS Gateway's daemons), which unlike the mean do not depend on what else runs on the machine.")
            .AppendLine();

        foreach (Summary summary in summaries)
        {
            if (summary.Reports.Length == 0)
            {
                continue;
            }

            // The end-to-end suites report figures of each benchmark process (working set, processor time).
            bool figures = summary.Reports.Any(r => ProcessFigures.TryRead(r, out _));
            text.AppendLine(CultureInfo.InvariantCulture, $"## {summary.BenchmarksCases[0].Descriptor.Type.Name}").AppendLine()
                .AppendLine("| Benchmark | Group | Rows | Mean | Ratio | Allocated | Alloc/row |" + (figures ? string.Concat(Enum.GetValues<ProcessFigure>().Select(f => $" {ProcessFigureColumn.Name(f)} |")) : ""))
                .AppendLine("|---|---|---:|---:|---:|---:|---:|" + (figures ? string.Concat(Enum.GetValues<ProcessFigure>().Select(_ => "---:|")) : ""));
            foreach (IGrouping<string, BenchmarkReport> group in summary.Reports.GroupBy(r => summary.GetLogicalGroupKey(r.BenchmarkCase) ?? ""))
            {
                BenchmarkReport? baseline = group.FirstOrDefault(r => r.BenchmarkCase.Descriptor.Baseline);
                foreach (BenchmarkReport report in group)
                {
                    BenchmarkCase benchmark = report.BenchmarkCase;
                    long rows = Rows(benchmark);
                    double? mean = report.ResultStatistics?.Mean;
                    double? baselineMean = baseline?.ResultStatistics?.Mean;
                    long? allocated = report.GcStats.GetBytesAllocatedPerOperation(benchmark);
                    string category = string.Join(",", benchmark.Descriptor.Categories);
                    text.Append(CultureInfo.InvariantCulture,
                        $"| {benchmark.Descriptor.WorkloadMethod.Name}{(benchmark.Descriptor.Baseline ? " (baseline)" : "")} | {(category.Length == 0 ? "-" : category)} | {rows:N0} | {Time(mean)} | {(mean is { } m && baselineMean is { } b && b > 0 ? (m / b).ToString("0.00", CultureInfo.InvariantCulture) : "?")} | {Bytes(allocated)} | {(allocated is { } a ? (a / (double)rows).ToString("0.0", CultureInfo.InvariantCulture) + " B" : "?")} |")
                        .AppendLine(figures ? FigureCells(report) : "");
                }
            }

            text.AppendLine();
        }

        if (probes.Count > 0)
        {
            text.AppendLine("## Streaming the large object in a process of its own").AppendLine()
                .AppendLine("A fresh process streams the object once and exits (median of 3): its peak working set over its whole life")
                .AppendLine("(Linux VmHWM: runtime, SDK, HTTP stack, loaded code and reading), and its working set after start-up.")
                .AppendLine()
                .AppendLine("| Side | Rows | Peak WS | WS after start-up |")
                .AppendLine("|---|---:|---:|---:|");
            foreach (StreamingMemoryProbe.Result probe in probes)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| {probe.Side} | {probe.Rows:N0} | {ProcessFigures.FormatBytes(probe.PeakBytes)} | {ProcessFigures.FormatBytes(probe.StartBytes)} |");
            }

            text.AppendLine();
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, text.ToString());
    }

    // The rows one operation reads or writes: the Rows parameter, or Objects x RowsPerObject (a glob over many objects).
    private static long Rows(BenchmarkCase benchmark) =>
        benchmark.HasParameters && benchmark.Parameters.Items.Any(p => p.Name == "Rows")
            ? Convert.ToInt64(benchmark.Parameters["Rows"], CultureInfo.InvariantCulture)
            : Convert.ToInt64(benchmark.Parameters["Objects"], CultureInfo.InvariantCulture) * Convert.ToInt64(benchmark.Parameters["RowsPerObject"], CultureInfo.InvariantCulture);

    private static string FigureCells(BenchmarkReport report) =>
        string.Concat(Enum.GetValues<ProcessFigure>().Select(f =>
            ProcessFigures.TryRead(report, out ProcessFigures.Figures figures) ? $" {ProcessFigureColumn.Format(figures, f)} |" : " ? |"));

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
