using System.Globalization;
using Typed.S3.Schema.Model;

namespace Typed.S3.Schema.Parsing;

/// <summary>What went wrong reading a column type.</summary>
internal enum ColumnTypeError
{
    /// <summary>Nothing: the type is valid.</summary>
    None,

    /// <summary>An unknown name or a malformed <c>list&lt;T&gt;</c> (TS3004).</summary>
    Unknown,

    /// <summary>A <c>decimal</c> without a valid <c>(p,s)</c> (TS3015).</summary>
    Decimal,
}

/// <summary>
/// Reads a column type string: a simple name or alias (<see cref="SchemaVocabulary.SimpleTypes"/>),
/// <c>decimal(p,s)</c> (precision 1 to 28, scale 0 to p), <c>list&lt;T&gt;</c> (nested lists allowed, at most
/// <see cref="MaxListDepth"/> deep) or <c>record</c>. Names are case-insensitive and whitespace is allowed
/// around every token. A <c>record</c> comes back with no fields: the caller fills them from the column's
/// <c>columns</c>.
/// </summary>
internal static class ColumnTypeParser
{
    /// <summary>How deep <c>list&lt;...&gt;</c> may nest.</summary>
    public const int MaxListDepth = 16;

    /// <summary>Reads a type.</summary>
    /// <param name="text">The type as written.</param>
    /// <param name="type">The type, when valid.</param>
    /// <param name="error">What is wrong, when invalid.</param>
    /// <returns>Whether the type is valid.</returns>
    public static bool TryParse(string text, out ColumnType? type, out ColumnTypeError error)
    {
        type = null;
        error = ColumnTypeError.Unknown;
        int pos = 0;
        int lists = 0;
        while (true)
        {
            SkipWhitespace(text, ref pos);
            string word = ReadWord(text, ref pos);
            int afterWord = pos;
            SkipWhitespace(text, ref pos);
            if (word == "list" && pos < text.Length && text[pos] == '<')
            {
                if (++lists > MaxListDepth)
                {
                    return false;
                }

                pos++;
                continue;
            }

            pos = afterWord;
            ColumnType? inner;
            if (word == "decimal")
            {
                if (!TryReadDecimalArguments(text, ref pos, out int precision, out int scale))
                {
                    error = ColumnTypeError.Decimal;
                    return false;
                }

                inner = new ColumnType(ColumnKind.Decimal, precision, scale);
            }
            else if (word == "record")
            {
                inner = new ColumnType(ColumnKind.Record);
            }
            else if (SchemaVocabulary.SimpleTypes.TryGetValue(word, out ColumnKind kind))
            {
                inner = new ColumnType(kind);
            }
            else
            {
                return false;
            }

            for (int i = 0; i < lists; i++)
            {
                SkipWhitespace(text, ref pos);
                if (pos >= text.Length || text[pos] != '>')
                {
                    return false;
                }

                pos++;
                inner = new ColumnType(ColumnKind.List, Element: inner);
            }

            SkipWhitespace(text, ref pos);
            if (pos != text.Length)
            {
                return false;
            }

            type = inner;
            error = ColumnTypeError.None;
            return true;
        }
    }

    /// <summary>Whether the innermost element of <paramref name="type"/> (itself, or inside lists) is a record.</summary>
    /// <returns><see langword="true"/> for <c>record</c>, <c>list&lt;record&gt;</c>, ...</returns>
    public static bool IsRecordLike(ColumnType type)
    {
        ColumnType current = type;
        while (current.Kind == ColumnKind.List && current.Element is not null)
        {
            current = current.Element;
        }

        return current.Kind == ColumnKind.Record;
    }

    /// <summary>Puts a record's fields and name into the innermost record of <paramref name="type"/>.</summary>
    /// <param name="type">A record-like type.</param>
    /// <param name="fields">The record's columns.</param>
    /// <param name="recordName">The record's C# type name.</param>
    /// <returns>The completed type.</returns>
    public static ColumnType WithRecord(ColumnType type, EquatableArray<ColumnModel> fields, string recordName)
    {
        if (type.Kind == ColumnKind.List && type.Element is not null)
        {
            return type with { Element = WithRecord(type.Element, fields, recordName) };
        }

        return type with { Fields = fields, RecordName = recordName };
    }

    private static bool TryReadDecimalArguments(string text, ref int pos, out int precision, out int scale)
    {
        precision = 0;
        scale = 0;
        SkipWhitespace(text, ref pos);
        if (pos >= text.Length || text[pos] != '(')
        {
            return false;
        }

        pos++;
        SkipWhitespace(text, ref pos);
        if (!TryReadNumber(text, ref pos, out precision))
        {
            return false;
        }

        SkipWhitespace(text, ref pos);
        if (pos >= text.Length || text[pos] != ',')
        {
            return false;
        }

        pos++;
        SkipWhitespace(text, ref pos);
        if (!TryReadNumber(text, ref pos, out scale))
        {
            return false;
        }

        SkipWhitespace(text, ref pos);
        if (pos >= text.Length || text[pos] != ')')
        {
            return false;
        }

        pos++;
        return precision >= 1 && precision <= 28 && scale >= 0 && scale <= precision;
    }

    private static bool TryReadNumber(string text, ref int pos, out int value)
    {
        int start = pos;
        while (pos < text.Length && text[pos] >= '0' && text[pos] <= '9')
        {
            pos++;
        }

        value = 0;
        int length = pos - start;
        return length > 0 && length <= 6
            && int.TryParse(text.Substring(start, length), NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    private static string ReadWord(string text, ref int pos)
    {
        int start = pos;
        while (pos < text.Length && (char.IsLetterOrDigit(text[pos]) || text[pos] == '_'))
        {
            pos++;
        }

        return text.Substring(start, pos - start).ToLowerInvariant();
    }

    private static void SkipWhitespace(string text, ref int pos)
    {
        while (pos < text.Length && char.IsWhiteSpace(text[pos]))
        {
            pos++;
        }
    }
}
