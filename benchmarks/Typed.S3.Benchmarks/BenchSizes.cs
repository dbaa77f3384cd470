namespace Typed.S3.Benchmarks;

/// <summary>
/// The row counts of every suite. The full run measures 10k and 1M rows; <c>run.sh --quick</c> sets
/// <c>TYPEDS3_BENCH_ROWS</c> to the small size only (BenchmarkDotNet evaluates this in the host process and bakes
/// the values into the generated benchmark program).
/// </summary>
public static class BenchSizes
{
    public static IEnumerable<int> Rows()
    {
        string? rows = Environment.GetEnvironmentVariable("TYPEDS3_BENCH_ROWS");
        return string.IsNullOrWhiteSpace(rows)
            ? [10_000, 1_000_000]
            : rows.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(int.Parse).ToArray();
    }
}
