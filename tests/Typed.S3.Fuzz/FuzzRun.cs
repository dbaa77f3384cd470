using System.Diagnostics;

namespace Typed.S3.Fuzz;

/// <summary>Runs the mutated inputs of one format through its reader and gathers the outcomes.</summary>
public static class FuzzRun
{
    /// <summary>Reads <paramref name="count"/> inputs of <paramref name="format"/> made from <paramref name="seed"/>.</summary>
    /// <param name="format">The format.</param>
    /// <param name="seed">The run's seed.</param>
    /// <param name="count">How many inputs.</param>
    /// <param name="minimise">Whether to shrink the first input of each distinct cause.</param>
    /// <param name="maxHangs">After this many hangs the run stops (each leaves a thread spinning).</param>
    /// <param name="timeScale">Multiplies every input's time bound (see <see cref="FuzzTarget.Run"/>).</param>
    /// <returns>The report.</returns>
    public static FuzzReport Execute(FuzzFormat format, int seed, long count, bool minimise = true, int maxHangs = 8, double timeScale = 1)
    {
        var report = new FuzzReport(format);
        var mutator = new Mutator(format, Seeds.For(format), seed);
        var watch = Stopwatch.StartNew();

        // Warm up (the first read of each path compiles it), then the seeds themselves must read: a harness whose
        // starting points fail finds nothing.
        foreach (byte[] valid in Seeds.For(format))
        {
            FuzzTarget.Run(format, valid, timeScale: 100);
        }

        foreach (byte[] valid in Seeds.For(format))
        {
            Outcome outcome = FuzzTarget.Run(format, valid, timeScale);
            if (outcome.Kind != OutcomeKind.Records)
            {
                Record(report, format, -1, valid, outcome, minimise, timeScale);
            }
        }

        for (long i = 0; i < count; i++)
        {
            byte[] input = mutator.Input(i);
            Outcome outcome = FuzzTarget.Run(format, input, timeScale);
            report.Inputs++;
            report.Counts[outcome.Kind]++;
            if (input.Length > 0)
            {
                report.MaxAllocationPerByte = Math.Max(report.MaxAllocationPerByte, (double)outcome.Allocated / input.Length);
            }

            report.MaxTimeShare = Math.Max(report.MaxTimeShare, outcome.Elapsed / (FuzzTarget.TimeBound(input.Length) * timeScale));
            if (!outcome.IsAllowed)
            {
                Record(report, format, i, input, outcome, minimise, timeScale);
                if (report.Counts[OutcomeKind.Hang] >= maxHangs)
                {
                    break;
                }
            }
        }

        report.Elapsed = watch.Elapsed;
        return report;
    }

    private static void Record(FuzzReport report, FuzzFormat format, long index, byte[] input, Outcome outcome, bool minimise, double timeScale)
    {
        string key = outcome.Kind + ": " + outcome.Cause;
        if (report.Findings.TryGetValue(key, out Finding? known))
        {
            known.Count++;
            return;
        }

        var finding = new Finding(outcome.Kind, outcome.Cause, index, outcome.Detail) { Count = 1 };
        finding.Minimised = minimise && outcome.Kind != OutcomeKind.Hang
            ? Minimiser.Shrink(input, candidate => Same(FuzzTarget.Run(format, candidate, timeScale), outcome))
            : input;
        report.Findings[key] = finding;
    }

    private static bool Same(Outcome candidate, Outcome found) => candidate.Kind == found.Kind && candidate.Cause == found.Cause;
}
