using System;
using System.Collections.Generic;

namespace Typed.S3.Codecs;

/// <summary>
/// Finds, among an object's columns that no schema column took, the one a missing schema column was probably meant
/// to be: the same name but for case, underscores, hyphens or spaces (<c>Amount</c>, <c>amount_</c>), or one edit
/// away (<c>amout</c>, <c>amonut</c>). Used by every format's "column missing" error to say "did you mean …?".
/// </summary>
internal static class ColumnSuggestions
{
    /// <summary>The object's column that <paramref name="missing"/> most likely names, or <see langword="null"/>.</summary>
    /// <param name="missing">The schema column the object lacks.</param>
    /// <param name="unmatched">The object's columns that no schema column bound to.</param>
    /// <returns>The suggestion, or <see langword="null"/> when none is close (or two are equally close).</returns>
    public static string? Suggest(string missing, IEnumerable<string> unmatched)
    {
        ArgumentNullException.ThrowIfNull(missing);
        ArgumentNullException.ThrowIfNull(unmatched);
        string wanted = Fold(missing);
        string? best = null;
        int bestDistance = int.MaxValue;
        bool tie = false;
        foreach (string candidate in unmatched)
        {
            int distance = Fold(candidate) == wanted ? 0 : IsOneEditApart(candidate.ToLowerInvariant(), missing.ToLowerInvariant()) ? 1 : int.MaxValue;
            if (distance == int.MaxValue)
            {
                continue;
            }

            if (distance < bestDistance)
            {
                (best, bestDistance, tie) = (candidate, distance, false);
            }
            else if (distance == bestDistance && candidate != best)
            {
                tie = true;
            }
        }

        return tie ? null : best;
    }

    /// <summary>The hint to append to a missing-column message: <c>; did you mean 'amout'?</c>, or empty.</summary>
    /// <param name="missing">The schema column the object lacks.</param>
    /// <param name="unmatched">The object's columns that no schema column bound to.</param>
    /// <returns>The hint.</returns>
    public static string Hint(string missing, IEnumerable<string> unmatched) =>
        Suggest(missing, unmatched) is { } suggestion ? "; did you mean '" + suggestion + "'?" : string.Empty;

    // Lower case, without the separators that spellings of one name differ by.
    private static string Fold(string name)
    {
        Span<char> folded = name.Length <= 256 ? stackalloc char[name.Length] : new char[name.Length];
        int length = 0;
        foreach (char c in name)
        {
            if (c is not ('_' or '-' or ' ' or '.'))
            {
                folded[length++] = char.ToLowerInvariant(c);
            }
        }

        return new string(folded.Slice(0, length));
    }

    // One insertion, deletion, substitution or swap of two neighbours (Damerau's "one edit").
    private static bool IsOneEditApart(string a, string b)
    {
        if (a == b || Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }

        int prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        if (a.Length == b.Length)
        {
            // A substitution, or a swap of neighbours.
            return a.AsSpan(prefix + 1).SequenceEqual(b.AsSpan(prefix + 1))
                || (prefix + 1 < a.Length && a[prefix] == b[prefix + 1] && a[prefix + 1] == b[prefix] && a.AsSpan(prefix + 2).SequenceEqual(b.AsSpan(prefix + 2)));
        }

        // An insertion into the shorter one.
        string longer = a.Length > b.Length ? a : b;
        string shorter = a.Length > b.Length ? b : a;
        return longer.AsSpan(prefix + 1).SequenceEqual(shorter.AsSpan(prefix));
    }
}
