namespace Typed.S3;

/// <summary>A <c>[...]</c> character class of a key glob: code point ranges, possibly negated; never matches <c>/</c>.</summary>
internal sealed class GlobCharClass
{
    private readonly (int Low, int High)[] _ranges;
    private readonly bool _negated;

    /// <summary>Creates the class.</summary>
    /// <param name="ranges">The inclusive code point ranges.</param>
    /// <param name="negated">Whether the class matches the code points outside the ranges.</param>
    public GlobCharClass((int Low, int High)[] ranges, bool negated)
    {
        _ranges = ranges;
        _negated = negated;
    }

    /// <summary>Whether the class matches a code point.</summary>
    /// <returns><see langword="true"/> when it matches.</returns>
    public bool Matches(int codePoint)
    {
        if (codePoint == '/')
        {
            return false;
        }

        bool inRanges = false;
        foreach ((int low, int high) in _ranges)
        {
            if (codePoint >= low && codePoint <= high)
            {
                inRanges = true;
                break;
            }
        }

        return inRanges != _negated;
    }
}
