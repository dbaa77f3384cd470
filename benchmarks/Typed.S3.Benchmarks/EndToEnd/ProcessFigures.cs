using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Typed.S3.Benchmarks.EndToEnd;

/// <summary>
/// Figures of an end-to-end benchmark process while it measures, not while it prepares data: its peak working set
/// (resident memory), and the processor time it and the S3 server spent per operation. BenchmarkDotNet runs each
/// benchmark case in a process of its own, so these belong to that one case; the server is the host's, shared by the
/// run, but only one benchmark process runs at a time.
/// </summary>
/// <remarks>
/// <see cref="StartMeasuring"/> (at the end of <c>GlobalSetup</c>) gives the memory the setup used back to the OS
/// and, on Linux, resets the kernel's high-water mark (<c>VmHWM</c>, by writing 5 to <c>/proc/self/clear_refs</c>);
/// <see cref="Report"/> (in <c>GlobalCleanup</c>) prints the figures since then on a line the host reads back from
/// the process's output (<see cref="TryRead"/>), which <see cref="ProcessFigureColumn"/> shows in the summary. Where
/// the mark cannot be reset, the peak is the whole process's (<see cref="Process.PeakWorkingSet64"/>), setup
/// included, and the line says so. Processor time is divided by every operation run since the start (warmup ones
/// too: they do the same work); it does not depend on what else runs on the machine as wall-clock time does. The
/// server's is that of all the gateway's daemons (radosgw, the monitor, the in-memory OSD), read through the pid files
/// in the cluster folder the host passes down (<see cref="S3Endpoint.ProcessorTime"/>); it includes the daemons'
/// housekeeping while the operations run, about 1-2 ms a second when idle.
/// </remarks>
public static class ProcessFigures
{
    private const string Prefix = "// TypedS3.ProcessFigures:";
    private static long s_atStart;
    private static bool s_reset;
    private static long s_operations;
    private static TimeSpan s_cpuAtStart;
    private static TimeSpan s_serverCpuAtStart;
    private static S3Endpoint? s_server;

    /// <summary>Frees what the setup left behind and starts fresh figures; call last in <c>GlobalSetup</c>.</summary>
    /// <param name="server">The S3 server whose processor time is counted.</param>
    public static void StartMeasuring(S3Endpoint server)
    {
        // An aggressive collection compacts and decommits the heap: the setup's garbage does not stay resident.
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        s_reset = TryResetHighWaterMark();
        s_atStart = CurrentBytes();
        s_server = server;
        s_serverCpuAtStart = server.ProcessorTime;
        s_cpuAtStart = CurrentCpu();
        s_operations = 0;
    }

    /// <summary>Counts one benchmark operation (an increment: nothing that shows in the measured time).</summary>
    public static void CountOperation() => s_operations++;

    /// <summary>Prints the figures since <see cref="StartMeasuring"/> for the host; call first in <c>GlobalCleanup</c>.</summary>
    public static void Report()
    {
        TimeSpan cpu = CurrentCpu() - s_cpuAtStart;
        TimeSpan serverCpu = s_server is null ? TimeSpan.Zero : s_server.ProcessorTime - s_serverCpuAtStart;
        long peak = s_reset && ReadStatusKilobytes("VmHWM:") is { } hwm ? hwm * 1024 : Process.GetCurrentProcess().PeakWorkingSet64;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Prefix} peak={peak} start={s_atStart} ops={s_operations} cpu={cpu.Ticks} servercpu={serverCpu.Ticks} reset={(s_reset ? "yes" : "no")}"));
    }

    /// <summary>Reads what <see cref="Report"/> printed in a benchmark's processes (the launch with the highest peak).</summary>
    /// <param name="report">The benchmark's report.</param>
    /// <param name="figures">The figures.</param>
    /// <returns>Whether the benchmark reported figures.</returns>
    public static bool TryRead(BenchmarkReport? report, out Figures figures)
    {
        figures = default;
        bool found = false;
        foreach (string line in report?.ExecuteResults.SelectMany(r => r.StandardOutput.Concat(r.PrefixedLines)) ?? [])
        {
            if (!line.StartsWith(Prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var values = line[Prefix.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(part => part.Split('=', 2))
                .Where(pair => pair.Length == 2 && pair[0] != "reset")
                .ToDictionary(pair => pair[0], pair => long.Parse(pair[1], CultureInfo.InvariantCulture));
            long ops = Math.Max(1, values.GetValueOrDefault("ops"));
            var read = new Figures(
                values.GetValueOrDefault("peak"),
                values.GetValueOrDefault("start"),
                TimeSpan.FromTicks(values.GetValueOrDefault("cpu") / ops),
                TimeSpan.FromTicks(values.GetValueOrDefault("servercpu") / ops));
            if (!found || read.PeakWorkingSet > figures.PeakWorkingSet)
            {
                figures = read;
            }

            found = true;
        }

        return found;
    }

    /// <summary>Bytes as the tables show them (MB = 2^20 bytes).</summary>
    /// <param name="bytes">The bytes.</param>
    /// <returns>Text such as <c>61.3 MB</c>.</returns>
    public static string FormatBytes(long bytes) => (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture) + " MB";

    /// <summary>Processor time as the tables show it.</summary>
    /// <param name="time">The time.</param>
    /// <returns>Text such as <c>512 ms</c>.</returns>
    public static string FormatCpu(TimeSpan time) => time.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";

    private static TimeSpan CurrentCpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private static bool TryResetHighWaterMark()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            // "5" resets the peak resident set size (Linux 4.0 and later).
            File.WriteAllText("/proc/self/clear_refs", "5");
            return ReadStatusKilobytes("VmHWM:") is not null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static long CurrentBytes()
    {
        using var process = Process.GetCurrentProcess();
        return ReadStatusKilobytes("VmRSS:") is { } rss ? rss * 1024 : process.WorkingSet64;
    }

    internal static long? ReadStatusKilobytes(string field)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        foreach (string line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
            {
                return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    /// <summary>The figures of one benchmark.</summary>
    /// <param name="PeakWorkingSet">The peak working set while measuring, in bytes.</param>
    /// <param name="WorkingSetAtStart">The working set when measuring started, in bytes.</param>
    /// <param name="CpuPerOperation">The benchmark process's processor time per operation.</param>
    /// <param name="ServerCpuPerOperation">The S3 server's processor time per operation.</param>
    public readonly record struct Figures(long PeakWorkingSet, long WorkingSetAtStart, TimeSpan CpuPerOperation, TimeSpan ServerCpuPerOperation)
    {
        /// <summary>What reading added to the working set: the peak minus the working set at start.</summary>
        public long WorkingSetGrowth => PeakWorkingSet - WorkingSetAtStart;
    }
}

/// <summary>What a <see cref="ProcessFigureColumn"/> shows.</summary>
public enum ProcessFigure
{
    /// <summary>The peak working set while measuring.</summary>
    PeakWorkingSet,

    /// <summary>The working set when measuring started (after the setup).</summary>
    WorkingSetAtStart,

    /// <summary>The peak minus the working set at start: what reading added on top of the loaded process.</summary>
    WorkingSetGrowth,

    /// <summary>The benchmark process's processor time per operation.</summary>
    CpuPerOperation,

    /// <summary>The S3 server's processor time per operation.</summary>
    ServerCpuPerOperation,
}

/// <summary>A summary column with one of a benchmark process's figures (see <see cref="ProcessFigures"/>).</summary>
/// <param name="figure">Which figure the column shows.</param>
public sealed class ProcessFigureColumn(ProcessFigure figure) : IColumn
{
    /// <summary>All the columns, in table order.</summary>
    public static IColumn[] All => Enum.GetValues<ProcessFigure>().Select(f => (IColumn)new ProcessFigureColumn(f)).ToArray();

    /// <inheritdoc />
    public string Id => "TypedS3." + figure;

    /// <inheritdoc />
    public string ColumnName => Name(figure);

    /// <inheritdoc />
    public bool AlwaysShow => true;

    /// <inheritdoc />
    public ColumnCategory Category => ColumnCategory.Metric;

    /// <inheritdoc />
    public int PriorityInCategory => 10 + (int)figure;

    /// <inheritdoc />
    public bool IsNumeric => true;

    /// <inheritdoc />
    public UnitType UnitType => UnitType.Dimensionless; // formatted here, with its unit

    /// <inheritdoc />
    public string Legend => figure switch
    {
        ProcessFigure.PeakWorkingSet => "Peak working set of the benchmark process from the end of its setup through its warmup and measured iterations (Linux: VmHWM, reset after the setup)",
        ProcessFigure.WorkingSetAtStart => "Working set of the benchmark process when measuring started (runtime, loaded code, connections; the setup's garbage collected)",
        ProcessFigure.WorkingSetGrowth => "Peak WS minus WS at start: the memory reading added on top of the loaded process",
        ProcessFigure.CpuPerOperation => "Processor time of the benchmark process per operation (all its threads)",
        _ => "Processor time of the S3 server (Ceph RADOS Gateway: radosgw, its monitor and its in-memory OSD) per operation",
    };

    /// <summary>A column's heading.</summary>
    /// <param name="figure">The figure.</param>
    /// <returns>The heading.</returns>
    public static string Name(ProcessFigure figure) => figure switch
    {
        ProcessFigure.PeakWorkingSet => "Peak WS",
        ProcessFigure.WorkingSetAtStart => "WS at start",
        ProcessFigure.WorkingSetGrowth => "WS growth",
        ProcessFigure.CpuPerOperation => "CPU/op",
        _ => "RGW CPU/op",
    };

    /// <summary>A figure as the tables show it.</summary>
    /// <param name="figures">The benchmark's figures.</param>
    /// <param name="figure">The figure.</param>
    /// <returns>The text.</returns>
    public static string Format(ProcessFigures.Figures figures, ProcessFigure figure) => figure switch
    {
        ProcessFigure.PeakWorkingSet => ProcessFigures.FormatBytes(figures.PeakWorkingSet),
        ProcessFigure.WorkingSetAtStart => ProcessFigures.FormatBytes(figures.WorkingSetAtStart),
        ProcessFigure.WorkingSetGrowth => ProcessFigures.FormatBytes(figures.WorkingSetGrowth),
        ProcessFigure.CpuPerOperation => ProcessFigures.FormatCpu(figures.CpuPerOperation),
        _ => ProcessFigures.FormatCpu(figures.ServerCpuPerOperation),
    };

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
        ProcessFigures.TryRead(summary[benchmarkCase], out ProcessFigures.Figures figures) ? Format(figures, figure) : "?";

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    /// <inheritdoc />
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    /// <inheritdoc />
    public bool IsAvailable(Summary summary) => true;
}
