using Typed.S3.InteropTests.Data;

namespace Typed.S3.InteropTests;

/// <summary>Compares records field by field, with byte arrays by content, and names the first difference.</summary>
internal static class RowComparison
{
    public static void AssertSame(IReadOnlyList<DuckRow> expected, IReadOnlyList<DuckRow> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            DuckRow e = expected[i] with { Payload = null };
            DuckRow a = actual[i] with { Payload = null };
            Assert.True(e == a, $"row {i + 1} differs in {Difference(e, a)}:\nexpected {e}\nactual   {a}");
            Assert.True(
                (expected[i].Payload is null && actual[i].Payload is null)
                || (expected[i].Payload is { } ep && actual[i].Payload is { } ap && ep.AsSpan().SequenceEqual(ap)),
                $"row {i + 1}: payload differs");
        }
    }

    // The first differing column, with its values in round-trip form (ToString hides sub-second parts).
    private static string Difference(DuckRow e, DuckRow a)
    {
        (string Name, object? Expected, object? Actual)[] columns =
        {
            ("flag", e.Flag, a.Flag), ("tiny", e.Tiny, a.Tiny), ("small", e.Small, a.Small), ("count", e.Count, a.Count),
            ("big", e.Big, a.Big), ("u_tiny", e.UTiny, a.UTiny), ("u_small", e.USmall, a.USmall), ("u_count", e.UCount, a.UCount),
            ("u_big", e.UBig, a.UBig), ("ratio", e.Ratio?.ToString("R"), a.Ratio?.ToString("R")), ("score", e.Score?.ToString("R"), a.Score?.ToString("R")),
            ("amount", e.Amount, a.Amount), ("name", e.Name, a.Name), ("note", e.Note, a.Note), ("day", e.Day, a.Day),
            ("at_time", e.AtTime?.ToString("O"), a.AtTime?.ToString("O")), ("created_at", e.CreatedAt?.ToString("O"), a.CreatedAt?.ToString("O")),
            ("local_at", e.LocalAt?.ToString("O"), a.LocalAt?.ToString("O")), ("key", e.Key, a.Key),
        };
        foreach ((string name, object? expected, object? actual) in columns)
        {
            if (!Equals(expected, actual))
            {
                return $"'{name}' ({expected ?? "null"} != {actual ?? "null"})";
            }
        }

        return "no column (record equality)";
    }
}
