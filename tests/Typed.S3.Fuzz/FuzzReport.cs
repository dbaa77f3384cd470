namespace Typed.S3.Fuzz;

/// <summary>What a run over one format found: counts per outcome, and the first input of each distinct cause.</summary>
public sealed class FuzzReport
{
    /// <summary>Creates an empty report.</summary>
    /// <param name="format">The format.</param>
    public FuzzReport(FuzzFormat format)
    {
        Format = format;
    }

    /// <summary>The format.</summary>
    public FuzzFormat Format { get; }

    /// <summary>Inputs read.</summary>
    public long Inputs { get; set; }

    /// <summary>Inputs per outcome.</summary>
    public Dictionary<OutcomeKind, long> Counts { get; } = Enum.GetValues<OutcomeKind>().ToDictionary(k => k, _ => 0L);

    /// <summary>For each distinct cause of a disallowed outcome: its kind, how many inputs, the first input's number, and its (minimised) bytes.</summary>
    public SortedDictionary<string, Finding> Findings { get; } = new(StringComparer.Ordinal);

    /// <summary>The largest allocation per input byte seen.</summary>
    public double MaxAllocationPerByte { get; set; }

    /// <summary>The largest share of its time bound an input took.</summary>
    public double MaxTimeShare { get; set; }

    /// <summary>How long the run took.</summary>
    public TimeSpan Elapsed { get; set; }

    /// <summary>Whether every input ended in an allowed outcome.</summary>
    public bool Clean => Findings.Count == 0;
}

/// <summary>One distinct cause found by a run.</summary>
/// <param name="Kind">The outcome.</param>
/// <param name="Cause">The cause's key.</param>
/// <param name="FirstInput">The number of the first input that showed it.</param>
/// <param name="Detail">The exception or message of that input.</param>
public sealed record Finding(OutcomeKind Kind, string Cause, long FirstInput, string Detail)
{
    /// <summary>How many inputs showed it.</summary>
    public long Count { get; set; }

    /// <summary>The smallest input found that still shows it.</summary>
    public byte[] Minimised { get; set; } = Array.Empty<byte>();
}
