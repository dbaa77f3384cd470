using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Typed.S3;

/// <summary>Parses key glob syntax into <see cref="GlobNode"/> sequences.</summary>
internal sealed class GlobParser
{
    private readonly string _pattern;
    private int _position;

    private GlobParser(string pattern)
    {
        _pattern = pattern;
    }

    /// <summary>Parses a pattern.</summary>
    /// <returns>The top-level sequence.</returns>
    /// <exception cref="FormatException">The pattern is invalid; the message names it and the position.</exception>
    public static List<GlobNode> Parse(string pattern)
    {
        var parser = new GlobParser(pattern);
        List<GlobNode> sequence = parser.ParseSequence(insideBraces: false);
        if (parser._position < pattern.Length)
        {
            throw parser.Error(parser._position, "'}' without a matching '{'");
        }

        return sequence;
    }

    /// <summary>The literal text a sequence starts with, up to its first wildcard.</summary>
    /// <param name="sequence">A parsed pattern or alternative, as <see cref="Parse"/> returns it.</param>
    /// <param name="isLiteral">Whether the whole sequence is literal.</param>
    /// <returns>The literal text.</returns>
    public static string LiteralPrefix(List<GlobNode> sequence, out bool isLiteral)
    {
        var prefix = new StringBuilder();
        foreach (GlobNode node in sequence)
        {
            if (node.Kind != GlobNodeKind.Literal)
            {
                isLiteral = false;
                return prefix.ToString();
            }

            if (node.CodePoint <= char.MaxValue)
            {
                prefix.Append((char)node.CodePoint);
            }
            else
            {
                prefix.Append(char.ConvertFromUtf32(node.CodePoint));
            }
        }

        isLiteral = true;
        return prefix.ToString();
    }

    private List<GlobNode> ParseSequence(bool insideBraces)
    {
        var sequence = new List<GlobNode>();
        while (_position < _pattern.Length)
        {
            char c = _pattern[_position];
            if (insideBraces && (c == ',' || c == '}'))
            {
                return sequence;
            }

            switch (c)
            {
                case '}':
                    return sequence;
                case '\\':
                    if (_position + 1 >= _pattern.Length)
                    {
                        throw Error(_position, "a pattern cannot end with a lone '\\'");
                    }

                    _position++;
                    sequence.Add(new GlobNode(GlobNodeKind.Literal, ReadCodePoint()));
                    break;
                case '?':
                    _position++;
                    sequence.Add(new GlobNode(GlobNodeKind.AnyChar));
                    break;
                case '*':
                    sequence.Add(ParseStars(sequence, insideBraces));
                    break;
                case '[':
                    sequence.Add(new GlobNode(GlobNodeKind.Class, Class: ParseClass()));
                    break;
                case '{':
                    sequence.Add(new GlobNode(GlobNodeKind.Alternation, Alternatives: ParseAlternatives()));
                    break;
                default:
                    sequence.Add(new GlobNode(GlobNodeKind.Literal, ReadCodePoint()));
                    break;
            }
        }

        return sequence;
    }

    // "**" is a globstar when it is a whole path segment (after the start or a '/', before a '/' or the end);
    // elsewhere any run of stars is one '*'.
    private GlobNode ParseStars(List<GlobNode> sequence, bool insideBraces)
    {
        int start = _position;
        while (_position < _pattern.Length && _pattern[_position] == '*')
        {
            _position++;
        }

        if (_position - start < 2)
        {
            return new GlobNode(GlobNodeKind.Star);
        }

        bool segmentStart = sequence.Count == 0 || (sequence[^1].Kind == GlobNodeKind.Literal && sequence[^1].CodePoint == '/');
        bool atEnd = _position == _pattern.Length || (insideBraces && _pattern[_position] is ',' or '}');
        bool beforeSlash = _position < _pattern.Length && _pattern[_position] == '/';
        if (!segmentStart || !(atEnd || beforeSlash))
        {
            return new GlobNode(GlobNodeKind.Star);
        }

        if (beforeSlash)
        {
            _position++;
            return new GlobNode(GlobNodeKind.GlobStarSegments);
        }

        return new GlobNode(GlobNodeKind.GlobStarRest);
    }

    private GlobCharClass ParseClass()
    {
        int open = _position;
        _position++;
        bool negated = false;
        if (_position < _pattern.Length && _pattern[_position] is '!' or '^')
        {
            negated = true;
            _position++;
        }

        var ranges = new List<(int, int)>();
        while (true)
        {
            if (_position >= _pattern.Length)
            {
                throw Error(open, "'[' without a matching ']'");
            }

            if (_pattern[_position] == ']')
            {
                _position++;
                break;
            }

            int itemStart = _position;
            int low = ReadClassCodePoint(open);
            int high = low;
            if (_position + 1 < _pattern.Length && _pattern[_position] == '-' && _pattern[_position + 1] != ']')
            {
                _position++;
                high = ReadClassCodePoint(open);
                if (high < low)
                {
                    throw Error(itemStart, "the range '" + _pattern.Substring(itemStart, _position - itemStart) + "' is reversed");
                }
            }

            if (!negated && low == '/' && high == '/')
            {
                throw Error(itemStart, "a character class never matches '/': keys' path separators match only a literal '/'");
            }

            ranges.Add((low, high));
        }

        if (ranges.Count == 0)
        {
            throw Error(open, "empty character class '" + _pattern.Substring(open, _position - open) + "'");
        }

        return new GlobCharClass(ranges.ToArray(), negated);
    }

    private int ReadClassCodePoint(int open)
    {
        if (_pattern[_position] == '\\')
        {
            _position++;
            if (_position >= _pattern.Length)
            {
                throw Error(open, "'[' without a matching ']'");
            }
        }

        return ReadCodePoint();
    }

    private List<List<GlobNode>> ParseAlternatives()
    {
        int open = _position;
        _position++;
        var alternatives = new List<List<GlobNode>>();
        while (true)
        {
            alternatives.Add(ParseSequence(insideBraces: true));
            if (_position >= _pattern.Length)
            {
                throw Error(open, "'{' without a matching '}'");
            }

            char c = _pattern[_position++];
            if (c == '}')
            {
                break;
            }
        }

        if (alternatives.Count == 1 && alternatives[0].Count == 0)
        {
            throw Error(open, "empty alternatives '{}'");
        }

        return alternatives;
    }

    // Reads one code point (a surrogate pair together; a lone surrogate as itself).
    private int ReadCodePoint()
    {
        char c = _pattern[_position++];
        if (char.IsHighSurrogate(c) && _position < _pattern.Length && char.IsLowSurrogate(_pattern[_position]))
        {
            return char.ConvertToUtf32(c, _pattern[_position++]);
        }

        return c;
    }

    private FormatException Error(int position, string problem) =>
        new(string.Format(CultureInfo.InvariantCulture, "invalid key pattern '{0}' at position {1}: {2}", _pattern, position, problem));
}
