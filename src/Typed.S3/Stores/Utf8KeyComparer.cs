using System;
using System.Collections.Generic;

namespace Typed.S3;

/// <summary>
/// Orders keys as S3 lists them: by their UTF-8 bytes, which is code point order. Ordinal UTF-16 order
/// differs for characters above U+FFFF (surrogate pairs, 0xD800-0xDFFF) against U+E000-U+FFFF: in UTF-16
/// the surrogates sort first, in UTF-8 they sort last.
/// </summary>
internal sealed class Utf8KeyComparer : IComparer<string>
{
    /// <summary>The one instance.</summary>
    public static readonly Utf8KeyComparer Instance = new();

    private Utf8KeyComparer()
    {
    }

    /// <inheritdoc />
    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return -1;
        }

        if (y is null)
        {
            return 1;
        }

        int mismatch = x.AsSpan().CommonPrefixLength(y.AsSpan());
        if (mismatch == x.Length || mismatch == y.Length)
        {
            return x.Length.CompareTo(y.Length);
        }

        return Fixup(x[mismatch]).CompareTo(Fixup(y[mismatch]));
    }

    // Moves surrogates above U+E000-U+FFFF so that comparing UTF-16 code units at the first difference
    // gives code point order (the classic "UTF-16 in code point order" fix-up).
    private static int Fixup(char c)
    {
        if (c >= 0xE000)
        {
            return c - 0x800;
        }

        if (c >= 0xD800)
        {
            return c + 0x2000;
        }

        return c;
    }
}
