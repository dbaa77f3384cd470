using System.Collections.Generic;

namespace Typed.S3;

/// <summary>What one piece of a parsed key glob is.</summary>
internal enum GlobNodeKind
{
    /// <summary>One literal code point.</summary>
    Literal,

    /// <summary><c>?</c>: one code point other than <c>/</c>.</summary>
    AnyChar,

    /// <summary><c>[...]</c>: one code point of a class.</summary>
    Class,

    /// <summary><c>*</c>: any code points other than <c>/</c>.</summary>
    Star,

    /// <summary><c>**/</c>: zero or more whole path segments, each with its <c>/</c>.</summary>
    GlobStarSegments,

    /// <summary>A trailing <c>**</c>: anything, <c>/</c> included.</summary>
    GlobStarRest,

    /// <summary><c>{a,b}</c>: one of several sequences.</summary>
    Alternation,
}

/// <summary>One piece of a parsed key glob.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="CodePoint">The code point of a literal.</param>
/// <param name="Class">The character set of a <c>[...]</c> node; <see langword="null"/> for other kinds.</param>
/// <param name="Alternatives">The sequences of a <c>{...}</c>.</param>
internal sealed record GlobNode(GlobNodeKind Kind, int CodePoint = 0, GlobCharClass? Class = null, List<List<GlobNode>>? Alternatives = null);
