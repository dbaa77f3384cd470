using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Threading;
using Typed.S3.Schema.Diagnostics;
using Typed.S3.Schema.Model;

namespace Typed.S3.Schema.Json;

/// <summary>
/// A strict RFC 8259 JSON reader that keeps where every value and property name is, for diagnostics.
/// No comments, no trailing commas, no single quotes, no <c>NaN</c>; a leading byte order mark is skipped.
/// Escapes are unescaped (<c>\uXXXX</c> surrogate pairs joined; an unpaired surrogate escape is an error).
/// It never throws on any input (only <see cref="OperationCanceledException"/>): the first syntax error
/// stops reading and is reported as TS3001 at its exact position, containers nest at most
/// <see cref="MaxDepth"/> deep, and a property name repeated in one object is reported as TS3020.
/// </summary>
internal static class JsonReader
{
    /// <summary>How deep objects and arrays may nest.</summary>
    public const int MaxDepth = 64;

    /// <summary>Reads <paramref name="text"/> into a tree.</summary>
    /// <param name="filePath">The file the text came from, for diagnostics.</param>
    /// <param name="text">The JSON text.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <returns>The tree, or the syntax error.</returns>
    public static JsonParseResult Parse(string filePath, string text, CancellationToken cancellationToken = default)
    {
        var map = new SourceTextMap(text);
        var reader = new Reader(filePath, text, map, cancellationToken);
        JsonNode? root = reader.ReadDocument();
        return new JsonParseResult(root, reader.Diagnostics, map);
    }

    private sealed class Reader
    {
        private readonly string _filePath;
        private readonly string _text;
        private readonly SourceTextMap _map;
        private readonly CancellationToken _cancellationToken;
        private int _pos;
        private int _valuesRead;

        public Reader(string filePath, string text, SourceTextMap map, CancellationToken cancellationToken)
        {
            _filePath = filePath;
            _text = text;
            _map = map;
            _cancellationToken = cancellationToken;
        }

        public List<SchemaDiagnostic> Diagnostics { get; } = new();

        public JsonNode? ReadDocument()
        {
            if (_text.Length > 0 && _text[0] == '\uFEFF')
            {
                _pos = 1;
            }

            SkipWhitespace();
            if (_pos >= _text.Length)
            {
                return Fail(_pos, 0, "the text is empty; expected a JSON value");
            }

            JsonNode? root = ReadValue(0);
            if (root is null)
            {
                return null;
            }

            SkipWhitespace();
            if (_pos < _text.Length)
            {
                return Fail(_pos, 1, "unexpected " + DescribeChar(_text[_pos]) + " after the end of the JSON value");
            }

            return root;
        }

        private JsonNode? ReadValue(int depth)
        {
            if ((++_valuesRead & 1023) == 0)
            {
                _cancellationToken.ThrowIfCancellationRequested();
            }

            SkipWhitespace();
            if (_pos >= _text.Length)
            {
                return Fail(_pos, 0, "unexpected end of input; expected a value");
            }

            char c = _text[_pos];
            switch (c)
            {
                case '{':
                    return ReadObject(depth + 1);
                case '[':
                    return ReadArray(depth + 1);
                case '"':
                    return ReadString();
                case '-':
                    return ReadNumber();
                default:
                    if (c >= '0' && c <= '9')
                    {
                        return ReadNumber();
                    }

                    if (IsWordChar(c))
                    {
                        return ReadLiteral();
                    }

                    return Fail(_pos, 1, UnexpectedValueMessage(c));
            }
        }

        private static string UnexpectedValueMessage(char c) => c switch
        {
            '\'' => "strings must be in double quotes, not single quotes",
            '/' => "comments are not allowed in JSON",
            _ => "unexpected " + DescribeChar(c) + "; expected a value",
        };

        private JsonNode? ReadObject(int depth)
        {
            int start = _pos;
            if (depth > MaxDepth)
            {
                return Fail(start, 1, "objects and arrays nest deeper than " + MaxDepth + " levels");
            }

            _pos++;
            var properties = new List<JsonProperty>();
            Dictionary<string, JsonProperty>? seen = null;
            SkipWhitespace();
            if (_pos < _text.Length && _text[_pos] == '}')
            {
                _pos++;
                return new JsonObject(Span(start, _pos), properties);
            }

            int commaPos = -1;
            while (true)
            {
                SkipWhitespace();
                if (_pos >= _text.Length)
                {
                    return Fail(_pos, 0, "unexpected end of input; expected a property name" + NotClosed(start, "object"));
                }

                char c = _text[_pos];
                if (c != '"')
                {
                    if (c == '}' && commaPos >= 0)
                    {
                        return Fail(commaPos, 1, "trailing comma before '}'");
                    }

                    return Fail(_pos, 1, c == '\''
                        ? "property names must be in double quotes, not single quotes"
                        : c == '/' ? "comments are not allowed in JSON" : "expected a property name in double quotes, found " + DescribeChar(c));
                }

                JsonString? name = ReadString();
                if (name is null)
                {
                    return null;
                }

                SkipWhitespace();
                if (_pos >= _text.Length)
                {
                    return Fail(_pos, 0, "unexpected end of input; expected ':' after property name" + NotClosed(start, "object"));
                }

                if (_text[_pos] != ':')
                {
                    return Fail(_pos, 1, "expected ':' after property name, found " + DescribeChar(_text[_pos]));
                }

                _pos++;
                JsonNode? value = ReadValue(depth);
                if (value is null)
                {
                    return null;
                }

                var property = new JsonProperty(name.Value, name.Span, value);
                properties.Add(property);
                seen ??= new Dictionary<string, JsonProperty>(StringComparer.Ordinal);
                if (seen.TryGetValue(name.Value, out JsonProperty? first))
                {
                    Diagnostics.Add(SchemaDiagnostic.Create(
                        SchemaDiagnosticCodes.DuplicateJsonProperty, _filePath, name.Span, name.Value, first.NameSpan.StartLine + 1, first.NameSpan.StartColumn + 1));
                }
                else
                {
                    seen.Add(name.Value, property);
                }

                SkipWhitespace();
                if (_pos >= _text.Length)
                {
                    return Fail(_pos, 0, "unexpected end of input; expected ',' or '}' after property value" + NotClosed(start, "object"));
                }

                c = _text[_pos];
                if (c == ',')
                {
                    commaPos = _pos;
                    _pos++;
                    continue;
                }

                if (c == '}')
                {
                    _pos++;
                    return new JsonObject(Span(start, _pos), properties);
                }

                return Fail(_pos, 1, "expected ',' or '}' after property value, found " + DescribeChar(c));
            }
        }

        private JsonNode? ReadArray(int depth)
        {
            int start = _pos;
            if (depth > MaxDepth)
            {
                return Fail(start, 1, "objects and arrays nest deeper than " + MaxDepth + " levels");
            }

            _pos++;
            var items = new List<JsonNode>();
            SkipWhitespace();
            if (_pos < _text.Length && _text[_pos] == ']')
            {
                _pos++;
                return new JsonArray(Span(start, _pos), items);
            }

            int commaPos = -1;
            while (true)
            {
                SkipWhitespace();
                if (commaPos >= 0 && _pos < _text.Length && _text[_pos] == ']')
                {
                    return Fail(commaPos, 1, "trailing comma before ']'");
                }

                if (_pos >= _text.Length)
                {
                    return Fail(_pos, 0, "unexpected end of input; expected a value" + NotClosed(start, "array"));
                }

                JsonNode? item = ReadValue(depth);
                if (item is null)
                {
                    return null;
                }

                items.Add(item);
                SkipWhitespace();
                if (_pos >= _text.Length)
                {
                    return Fail(_pos, 0, "unexpected end of input; expected ',' or ']' after array element" + NotClosed(start, "array"));
                }

                char c = _text[_pos];
                if (c == ',')
                {
                    commaPos = _pos;
                    _pos++;
                    continue;
                }

                if (c == ']')
                {
                    _pos++;
                    return new JsonArray(Span(start, _pos), items);
                }

                return Fail(_pos, 1, "expected ',' or ']' after array element, found " + DescribeChar(c));
            }
        }

        private JsonString? ReadString()
        {
            int start = _pos;
            _pos++;
            int contentStart = _pos;
            StringBuilder? builder = null;
            List<int>? offsets = null;
            while (true)
            {
                if (_pos >= _text.Length)
                {
                    return Fail(start, 1, "unterminated string");
                }

                char c = _text[_pos];
                if (c == '"')
                {
                    _pos++;
                    string value = builder is null ? _text.Substring(contentStart, _pos - 1 - contentStart) : builder.ToString();
                    return new JsonString(Span(start, _pos), value, offsets?.ToArray());
                }

                if (c == '\\')
                {
                    if (builder is null)
                    {
                        builder = new StringBuilder();
                        builder.Append(_text, contentStart, _pos - contentStart);
                        offsets = new List<int>();
                        for (int i = contentStart; i < _pos; i++)
                        {
                            offsets.Add(i);
                        }
                    }

                    if (!ReadEscape(builder, offsets!))
                    {
                        return null;
                    }

                    continue;
                }

                if (c < ' ')
                {
                    if (c == '\n' || c == '\r')
                    {
                        return Fail(start, 1, "unterminated string (a string cannot contain a line break)");
                    }

                    return Fail(_pos, 1, "control character " + DescribeChar(c) + " must be escaped inside a string");
                }

                builder?.Append(c);
                offsets?.Add(_pos);
                _pos++;
            }
        }

        // At a backslash: appends the escaped character(s), records their offsets and moves past the escape.
        private bool ReadEscape(StringBuilder builder, List<int> offsets)
        {
            int escapeStart = _pos;
            if (_pos + 1 >= _text.Length)
            {
                Fail(escapeStart, 1, "unterminated string");
                return false;
            }

            char e = _text[_pos + 1];
            char decoded;
            switch (e)
            {
                case '"': decoded = '"'; break;
                case '\\': decoded = '\\'; break;
                case '/': decoded = '/'; break;
                case 'b': decoded = '\b'; break;
                case 'f': decoded = '\f'; break;
                case 'n': decoded = '\n'; break;
                case 'r': decoded = '\r'; break;
                case 't': decoded = '\t'; break;
                case 'u':
                    return ReadUnicodeEscape(builder, offsets);
                default:
                    Fail(escapeStart, 2, "invalid escape sequence '\\" + (e >= ' ' && e < '\u007f' ? e.ToString() : DescribeChar(e)) + "'");
                    return false;
            }

            builder.Append(decoded);
            offsets.Add(escapeStart);
            _pos += 2;
            return true;
        }

        private bool ReadUnicodeEscape(StringBuilder builder, List<int> offsets)
        {
            int escapeStart = _pos;
            if (!TryReadHex4(_pos + 2, out int code))
            {
                Fail(escapeStart, Math.Min(6, _text.Length - escapeStart), "invalid \\u escape: expected four hexadecimal digits after '\\u'");
                return false;
            }

            _pos += 6;
            if (code >= 0xDC00 && code <= 0xDFFF)
            {
                Fail(escapeStart, 6, "invalid \\u escape: the low surrogate " + Escape(code) + " has no high surrogate before it");
                return false;
            }

            if (code >= 0xD800 && code <= 0xDBFF)
            {
                if (_pos + 1 < _text.Length && _text[_pos] == '\\' && _text[_pos + 1] == 'u'
                    && TryReadHex4(_pos + 2, out int low) && low >= 0xDC00 && low <= 0xDFFF)
                {
                    builder.Append((char)code).Append((char)low);
                    offsets.Add(escapeStart);
                    offsets.Add(escapeStart);
                    _pos += 6;
                    return true;
                }

                Fail(escapeStart, 6, "invalid \\u escape: the high surrogate " + Escape(code) + " is not followed by a low surrogate escape");
                return false;
            }

            builder.Append((char)code);
            offsets.Add(escapeStart);
            return true;
        }

        private static string Escape(int code) => "\\u" + code.ToString("X4", CultureInfo.InvariantCulture);

        private bool TryReadHex4(int at, out int value)
        {
            value = 0;
            if (at + 4 > _text.Length)
            {
                return false;
            }

            for (int i = at; i < at + 4; i++)
            {
                char h = _text[i];
                int digit = h >= '0' && h <= '9' ? h - '0'
                    : h >= 'a' && h <= 'f' ? h - 'a' + 10
                    : h >= 'A' && h <= 'F' ? h - 'A' + 10
                    : -1;
                if (digit < 0)
                {
                    return false;
                }

                value = (value * 16) + digit;
            }

            return true;
        }

        private JsonNode? ReadNumber()
        {
            int start = _pos;
            if (_text[_pos] == '-')
            {
                _pos++;
            }

            if (_pos < _text.Length && _text[_pos] == '0')
            {
                _pos++;
                if (_pos < _text.Length && IsDigit(_text[_pos]))
                {
                    return Fail(start, _pos + 1 - start, "invalid number: leading zeros are not allowed");
                }
            }
            else if (_pos < _text.Length && IsDigit(_text[_pos]))
            {
                SkipDigits();
            }
            else
            {
                return Fail(_pos, _pos < _text.Length ? 1 : 0, "invalid number: expected a digit after '-'");
            }

            if (_pos < _text.Length && _text[_pos] == '.')
            {
                _pos++;
                if (_pos >= _text.Length || !IsDigit(_text[_pos]))
                {
                    return Fail(_pos, _pos < _text.Length ? 1 : 0, "invalid number: expected a digit after the decimal point");
                }

                SkipDigits();
            }

            if (_pos < _text.Length && (_text[_pos] == 'e' || _text[_pos] == 'E'))
            {
                _pos++;
                if (_pos < _text.Length && (_text[_pos] == '+' || _text[_pos] == '-'))
                {
                    _pos++;
                }

                if (_pos >= _text.Length || !IsDigit(_text[_pos]))
                {
                    return Fail(_pos, _pos < _text.Length ? 1 : 0, "invalid number: expected a digit in the exponent");
                }

                SkipDigits();
            }

            return new JsonNumber(Span(start, _pos), _text.Substring(start, _pos - start));
        }

        private JsonNode? ReadLiteral()
        {
            int start = _pos;
            while (_pos < _text.Length && IsWordChar(_text[_pos]))
            {
                _pos++;
            }

            string word = _text.Substring(start, _pos - start);
            switch (word)
            {
                case "true":
                    return new JsonBoolean(Span(start, _pos), true);
                case "false":
                    return new JsonBoolean(Span(start, _pos), false);
                case "null":
                    return new JsonNull(Span(start, _pos));
            }

            string shown = word.Length <= 40 ? word : word.Substring(0, 40) + "...";
            if (string.Equals(word, "true", StringComparison.OrdinalIgnoreCase)
                || string.Equals(word, "false", StringComparison.OrdinalIgnoreCase)
                || string.Equals(word, "null", StringComparison.OrdinalIgnoreCase))
            {
                return Fail(start, word.Length, "invalid literal '" + shown + "': write true, false and null in lowercase");
            }

            return Fail(start, word.Length, "unexpected '" + shown + "'; expected a value (strings must be in double quotes)");
        }

        private void SkipDigits()
        {
            while (_pos < _text.Length && IsDigit(_text[_pos]))
            {
                _pos++;
            }
        }

        private void SkipWhitespace()
        {
            while (_pos < _text.Length)
            {
                char c = _text[_pos];
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
                {
                    return;
                }

                _pos++;
            }
        }

        private static bool IsDigit(char c) => c >= '0' && c <= '9';

        private static bool IsWordChar(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || IsDigit(c);

        private string NotClosed(int start, string what)
        {
            _map.GetLineColumn(start, out int line, out int column);
            return " (the " + what + " opened at line " + (line + 1) + ", column " + (column + 1) + " is not closed)";
        }

        private static string DescribeChar(char c) =>
            c >= ' ' && c < '\u007f' ? "'" + c + "'" : "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);

        private SourceSpan Span(int start, int end) => _map.GetSpan(start, end - start);

        private JsonString? Fail(int offset, int length, string message)
        {
            Diagnostics.Add(SchemaDiagnostic.Create(SchemaDiagnosticCodes.InvalidJson, _filePath, _map.GetSpan(offset, length), message));
            return null;
        }
    }
}
