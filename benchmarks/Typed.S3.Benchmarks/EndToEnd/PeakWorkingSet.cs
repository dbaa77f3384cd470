using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Typed.S3.Benchmarks.EndToEnd;

/// <summary>
/// The peak working set (resident memory) of a benchmark process while it measures, not while it prepares data.
/// BenchmarkDotNet runs each benchmark case in a process of its own, so the process's peak belongs to that one case.
/// <see cref="StartMeasuring"/> (at the end of <c>GlobalSetup</c>) gives the memory the setup used back to the OS
/// and, on Linux, resets the kernel's high-water mark (<c>VmHWM</c>, by writing 5 to <c>/proc/self/clear_refs</c>);
/// <see cref="Report"/> (in <c>GlobalCleanup</c>) prints the peak since then on a line the host reads back from the
/// process's output (<see cref="TryRead"/>), which <see cref="PeakWorkingSetColumn"/> shows in the summary. Where the
/// mark cannot be reset, the peak is the whole process's (<see cref="Process.PeakWorkingSet64"/>), setup included,
/// and the line says so.
/// </summary>
public static class PeakWorkingSet
{
    private const string Prefix = "// TypedS3.PeakWorkingSet:";
    private static long s_atStart;
    private static bool s_reset;

    /// <summary>Frees what the setup left behind and starts a fresh peak; call last in <c>GlobalSetup</c>.</summary>
    public static void StartMeasuring()
    {
        // An aggressive collection compacts and decommits the heap: the setup's garbage does not stay resident.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        s_reset = TryResetHighWaterMark();
        s_atStart = CurrentBytes();
    }

    /// <summary>Prints the peak since <see cref="StartMeasuring"/> for the host; call in <c>GlobalCleanup</c>.</summary>
    public static void Report()
    {
        long peak = s_reset && ReadStatusKilobytes("VmHWM:") is { } hwm ? hwm * 1024 : Process.GetCurrentProcess().PeakWorkingSet64;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Prefix} peak={peak} start={s_atStart} reset={(s_reset ? "yes" : "no")}"));
    }

    /// <summary>Reads what <see cref="Report"/> printed in a benchmark's processes (the highest peak of its launches).</summary>
    /// <param name="report">The benchmark's report.</param>
    /// <param name="peak">The peak working set in bytes.</param>
    /// <param name="atStart">The working set when measuring started, in bytes.</param>
    /// <returns>Whether the benchmark reported a peak.</returns>
    public static bool TryRead(BenchmarkReport? report, out long peak, out long atStart)
    {
        peak = 0;
        atStart = 0;
        bool found = false;
        foreach (string line in report?.ExecuteResults.SelectMany(r => r.StandardOutput.Concat(r.PrefixedLines)) ?? [])
        {
            if (!line.StartsWith(Prefix, StringComparison.Ordinal))
            {
                continue;
            }

            long linePeak = 0, lineStart = 0;
            foreach (string part in line[Prefix.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (part.StartsWith("peak=", StringComparison.Ordinal))
                {
                    linePeak = long.Parse(part["peak=".Length..], CultureInfo.InvariantCulture);
                }
                else if (part.StartsWith("start=", StringComparison.Ordinal))
                {
                    lineStart = long.Parse(part["start=".Length..], CultureInfo.InvariantCulture);
                }
            }

            if (!found || linePeak > peak)
            {
                (peak, atStart) = (linePeak, lineStart);
            }

            found = true;
        }

        return found;
    }

    /// <summary>Bytes as the tables show them (MB = 2^20 bytes).</summary>
    /// <param name="bytes">The bytes.</param>
    /// <returns>Text such as <c>61.3 MB</c>.</returns>
    public static string Format(long bytes) => (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture) + " MB";

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

    private static long? ReadStatusKilobytes(string field)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        foreach (string line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
            {
                string value = line[field.Length..].Trim();
                return long.Parse(value.Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }

        return null;
    }
}

/// <summary>What a <see cref="PeakWorkingSetColumn"/> shows.</summary>
public enum WorkingSetFigure
{
    /// <summary>The peak working set while measuring.</summary>
    Peak,

    /// <summary>The working set when measuring started (after the setup).</summary>
    AtStart,

    /// <summary>The peak minus the working set at start: what reading added on top of the loaded process.</summary>
    Growth,
}

/// <summary>A summary column with a benchmark process's working set (see <see cref="PeakWorkingSet"/>).</summary>
/// <param name="figure">Which figure the column shows.</param>
public sealed class PeakWorkingSetColumn(WorkingSetFigure figure) : IColumn
{
    /// <inheritdoc />
    public string Id => "TypedS3.WorkingSet." + figure;

    /// <inheritdoc />
    public string ColumnName => figure switch
    {
        WorkingSetFigure.Peak => "Peak WS",
        WorkingSetFigure.AtStart => "WS at start",
        _ => "WS growth",
    };

    /// <inheritdoc />
    public bool AlwaysShow => true;

    /// <inheritdoc />
    public ColumnCategory Category => ColumnCategory.Metric;

    /// <inheritdoc />
    public int PriorityInCategory => 10 + (int)figure;

    /// <inheritdoc />
    public bool IsNumeric => true;

    /// <inheritdoc />
    public UnitType UnitType => UnitType.Size;

    /// <inheritdoc />
    public string Legend => figure switch
    {
        WorkingSetFigure.Peak => "Peak working set of the benchmark process from the end of its setup through its warmup and measured iterations (Linux: VmHWM, reset after the setup)",
        WorkingSetFigure.AtStart => "Working set of the benchmark process when measuring started (runtime, loaded code, connections; the setup's garbage collected)",
        _ => "Peak WS minus WS at start: the memory reading added on top of the loaded process",
    };

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
        PeakWorkingSet.TryRead(summary[benchmarkCase], out long peak, out long start)
            ? PeakWorkingSet.Format(figure switch { WorkingSetFigure.Peak => peak, WorkingSetFigure.AtStart => start, _ => peak - start })
            : "?";

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    /// <inheritdoc />
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    /// <inheritdoc />
    public bool IsAvailable(Summary summary) => true;
}
