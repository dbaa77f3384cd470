using System.Globalization;
using Typed.S3.Schema.Model;

namespace Typed.S3.Schema.Parsing;

/// <summary>What went wrong reading a column type.</summary>
internal enum ColumnTypeError
{
    /// <summary>Nothing: the type is valid.</summary>
    None,

    /// <summary>An unknown name, or a malformed <c>list&lt;T&gt;</c> or <c>map&lt;K,V&gt;</c> (TS3004).</summary>
    Unknown,

    /// <summary>A <c>decimal</c> without a valid <c>(p,s)</c> (TS3015).</summary>
    Decimal,

    /// <summary>A <c>map&lt;K,V&gt;</c> whose key is not a scalar type, or is binary (TS3004).</summary>
    MapKey,
}

/// <summary>
/// Reads a column type string: a simple name or alias (<see cref="SchemaVocabulary.SimpleTypes"/>),
/// <c>decimal(p,s)</c> (precision 1 to 28, scale 0 to p), <c>list&lt;T&gt;</c> and <c>map&lt;K,V&gt;</c> (K a scalar but binary,
/// T and V any type; lists and maps nest, at most <see cref="MaxListDepth"/> deep) or <c>record</c>. Names are
/// case-insensitive and whitespace is allowed around every token. A <c>record</c> comes back with no fields: the
/// caller fills them from the column's <c>columns</c>.
/// </summary>
internal static class ColumnTypeParser
{
    /// <summary>How deep <c>list&lt;...&gt;</c> and <c>map&lt;...&gt;</c> may nest.</summary>
    public const int MaxListDepth = 16;

    /// <summary>Reads a type.</summary>
    /// <param name="text">The type as written.</param>
    /// <param name="type">The type, when valid.</param>
    /// <param name="error">What is wrong, when invalid.</param>
    /// <returns>Whether the type is valid.</returns>
    public static bool TryParse(string text, out ColumnType? type, out ColumnTypeError error)
    {
        int pos = 0;
        type = ReadType(text, ref pos, 0, out error);
        if (type is not null)
        {
            SkipWhitespace(text, ref pos);
            error = pos == text.Length ? ColumnTypeError.None : ColumnTypeError.Unknown;
            if (pos != text.Length)
            {
                type = null;
            }
        }

        return type is not null;
    }

    /// <summary>Whether <paramref name="type"/> holds a record: is one, or one is inside it (list elements, map values).</summary>
    /// <returns><see langword="true"/> for <c>record</c>, <c>list&lt;record&gt;</c>, <c>map&lt;string,record&gt;</c>, ...</returns>
    public static bool IsRecordLike(ColumnType type)
    {
        ColumnType current = type;
        while (current.Kind is ColumnKind.List or ColumnKind.Map && current.Element is not null)
        {
            current = current.Element;
        }

        return current.Kind == ColumnKind.Record;
    }

    /// <summary>Puts a record's fields and name into the record inside <paramref name="type"/> (through list elements and map values).</summary>
    /// <param name="type">A record-like type.</param>
    /// <param name="fields">The record's columns.</param>
    /// <param name="recordName">The record's C# type name.</param>
    /// <returns>The completed type.</returns>
    public static ColumnType WithRecord(ColumnType type, EquatableArray<ColumnModel> fields, string recordName)
    {
        if (type.Kind is ColumnKind.List or ColumnKind.Map && type.Element is not null)
        {
            return type with { Element = WithRecord(type.Element, fields, recordName) };
        }

        return type with { Fields = fields, RecordName = recordName };
    }

    // type := list '<' type '>' | map '<' scalar ',' type '>' | decimal '(' p ',' s ')' | record | simple name
    private static ColumnType? ReadType(string text, ref int pos, int depth, out ColumnTypeError error)
    {
        error = ColumnTypeError.Unknown;
        SkipWhitespace(text, ref pos);
        string word = ReadWord(text, ref pos);
        int afterWord = pos;
        SkipWhitespace(text, ref pos);
        if (word is "list" or "map" && pos < text.Length && text[pos] == '<')
        {
            if (depth + 1 > MaxListDepth)
            {
                return null;
            }

            pos++;
            ColumnType? key = null;
            if (word == "map")
            {
                int keyStart = pos;
                key = ReadType(text, ref pos, depth + 1, out error);
                if (key is null)
                {
                    return null;
                }

                // Binary keys would compare by reference in a dictionary.
                if (ColumnTypes.IsComposite(key.Kind) || key.Kind == ColumnKind.Binary)
                {
                    pos = keyStart;
                    error = ColumnTypeError.MapKey;
                    return null;
                }

                if (!Expect(text, ref pos, ','))
                {
                    error = ColumnTypeError.Unknown;
                    return null;
                }
            }

            ColumnType? element = ReadType(text, ref pos, depth + 1, out error);
            if (element is null)
            {
                return null;
            }

            if (!Expect(text, ref pos, '>'))
            {
                error = ColumnTypeError.Unknown;
                return null;
            }

            return key is null ? new ColumnType(ColumnKind.List, Element: element) : new ColumnType(ColumnKind.Map, Element: element, Key: key);
        }

        pos = afterWord;
        if (word == "decimal")
        {
            if (!TryReadDecimalArguments(text, ref pos, out int precision, out int scale))
            {
                error = ColumnTypeError.Decimal;
                return null;
            }

            return new ColumnType(ColumnKind.Decimal, precision, scale);
        }

        if (word == "record")
        {
            return new ColumnType(ColumnKind.Record);
        }

        return SchemaVocabulary.SimpleTypes.TryGetValue(word, out ColumnKind kind) ? new ColumnType(kind) : null;
    }

    private static bool Expect(string text, ref int pos, char expected)
    {
        SkipWhitespace(text, ref pos);
        if (pos >= text.Length || text[pos] != expected)
        {
            return false;
        }

        pos++;
        return true;
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
