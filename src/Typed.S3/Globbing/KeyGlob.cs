using System;
using System.Collections.Generic;

namespace Typed.S3;

/// <summary>
/// A glob over S3 keys, matched against whole keys, ordinal and case-sensitive as S3 is.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>**</c> as a whole path segment: any number of segments, none included (<c>data/**/*.csv</c> matches
/// <c>data/x.csv</c> and <c>data/a/b/x.csv</c>); a trailing <c>/**</c> matches everything below. Elsewhere <c>**</c> is <c>*</c>.</item>
/// <item><c>*</c>: any characters except <c>/</c>; <c>?</c>: one character except <c>/</c>.</item>
/// <item><c>[abc]</c>, <c>[a-z]</c>, <c>[!abc]</c> or <c>[^abc]</c>: one character of (or not of) a class; never <c>/</c>.</item>
/// <item><c>{a,b,c}</c>: one of the alternatives, which may hold wildcards and nest.</item>
/// <item><c>\</c> makes the next character literal (<c>\*</c>, <c>\[</c>, <c>\{</c>, <c>\\</c>).</item>
/// </list>
/// Matching takes time proportional to the key's length times the pattern's, whatever the pattern.
/// </remarks>
internal sealed class KeyGlob : IEquatable<KeyGlob>
{
    private readonly GlobMatcher? _matcher;

    private KeyGlob(string pattern, string literalPrefix, GlobMatcher? matcher)
    {
        Pattern = pattern;
        LiteralPrefix = literalPrefix;
        _matcher = matcher;
    }

    /// <summary>The pattern as written.</summary>
    public string Pattern { get; }

    /// <summary>
    /// The literal text before the first wildcard, escapes resolved: the prefix a listing asks for
    /// (<c>data/sales/2024-*.csv</c> gives <c>data/sales/2024-</c>). Without wildcards, the whole key.
    /// </summary>
    public string LiteralPrefix { get; }

    /// <summary>Whether the pattern has a wildcard, class or alternatives; without, it names one key (<see cref="LiteralPrefix"/>).</summary>
    public bool HasWildcards => _matcher is not null;

    /// <summary>Parses a pattern.</summary>
    /// <returns>The glob.</returns>
    /// <exception cref="FormatException">The pattern is invalid (an unclosed <c>[</c> or <c>{</c>, an empty class, a
    /// reversed range, a stray <c>}</c>, a trailing <c>\</c>); the message names the pattern and the position.</exception>
    public static KeyGlob Parse(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        List<GlobNode> sequence = GlobParser.Parse(pattern);
        string prefix = GlobParser.LiteralPrefix(sequence, out bool isLiteral);
        return new KeyGlob(pattern, prefix, isLiteral ? null : GlobMatcher.Compile(sequence));
    }

    /// <summary>Whether a whole key matches the pattern.</summary>
    /// <returns><see langword="true"/> when it matches.</returns>
    public bool IsMatch(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_matcher is null)
        {
            return string.Equals(key, LiteralPrefix, StringComparison.Ordinal);
        }

        return key.StartsWith(LiteralPrefix, StringComparison.Ordinal) && _matcher.IsMatch(key);
    }

    /// <inheritdoc />
    public bool Equals(KeyGlob? other) => other is not null && string.Equals(Pattern, other.Pattern, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as KeyGlob);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Pattern);

    /// <summary>The pattern as written.</summary>
    /// <returns><see cref="Pattern"/>.</returns>
    public override string ToString() => Pattern;
}
