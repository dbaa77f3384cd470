using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Typed.S3.Schema.Parsing;

/// <summary>C# naming rules: identifiers, keywords, and column names turned into property names.</summary>
internal static class CSharpNames
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
        "__arglist", "__makeref", "__reftype", "__refvalue",
    };

    // Contextual keywords that C# forbids or warns about as a type's name.
    private static readonly HashSet<string> ReservedTypeNames = new(StringComparer.Ordinal)
    {
        "record", "file", "required", "scoped", "var", "dynamic", "partial", "_",
    };

    // Members every C# record has: a property of the same name would not compile.
    private static readonly HashSet<string> RecordMembers = new(StringComparer.Ordinal)
    {
        "EqualityContract", "Equals", "GetHashCode", "ToString", "PrintMembers", "Deconstruct", "GetType",
        "MemberwiseClone", "Finalize", "ReferenceEquals",
    };

    /// <summary>Whether <paramref name="name"/> is a C# keyword (reserved, not contextual).</summary>
    /// <returns><see langword="true"/> for a reserved keyword.</returns>
    public static bool IsKeyword(string name) => Keywords.Contains(name);

    /// <summary>Whether <paramref name="name"/> is a member that every C# record has (<c>ToString</c>, <c>Equals</c>, ...).</summary>
    /// <returns><see langword="true"/> when a property cannot have that name.</returns>
    public static bool IsRecordMember(string name) => RecordMembers.Contains(name);

    /// <summary>Whether <paramref name="name"/> is a valid C# identifier that is not a keyword (no <c>@</c> prefix).</summary>
    /// <returns><see langword="true"/> when valid.</returns>
    public static bool IsValidIdentifier(string name) => WhyInvalid(name, false) is null;

    /// <summary>Whether <paramref name="name"/> can name a generated type: a valid identifier and not <c>record</c>, <c>var</c>, ...</summary>
    /// <returns><see langword="true"/> when valid.</returns>
    public static bool IsValidTypeName(string name) => WhyInvalid(name, true) is null;

    /// <summary>Why <paramref name="name"/> is not a valid identifier (<c>it starts with a digit</c>), or <see langword="null"/>.</summary>
    /// <param name="name">The identifier to check, as the schema spells it.</param>
    /// <param name="typeName">Whether the name is a type's, which excludes a few contextual keywords too.</param>
    /// <returns>The reason, or <see langword="null"/> when the name is valid.</returns>
    public static string? WhyInvalid(string name, bool typeName)
    {
        if (name.Length == 0)
        {
            return "it is empty";
        }

        if (Keywords.Contains(name))
        {
            return "it is a C# keyword";
        }

        if (typeName && ReservedTypeNames.Contains(name))
        {
            return "C# does not allow it as the name of a type";
        }

        int i = 0;
        while (i < name.Length)
        {
            int width = char.IsHighSurrogate(name[i]) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1]) ? 2 : 1;
            UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(name, i);
            bool ok = i == 0 ? IsStartCategory(category) || name[i] == '_' : IsPartCategory(category);
            if (!ok)
            {
                if (i == 0 && category == UnicodeCategory.DecimalDigitNumber)
                {
                    return "it starts with a digit";
                }

                string shown = name.Substring(i, width);
                if (width == 1 && (name[i] < ' ' || char.IsWhiteSpace(name[i]) || char.IsSurrogate(name[i])))
                {
                    shown = "U+" + ((int)name[i]).ToString("X4", CultureInfo.InvariantCulture);
                }
                else
                {
                    shown = "'" + shown + "'";
                }

                return "it contains " + shown;
            }

            i += width;
        }

        return null;
    }

    /// <summary>
    /// Turns a column name into a property name: the letters and digits of each word, with the first letter of
    /// each word upper-cased; any other character separates words (<c>signup_date</c> and <c>signup-date</c>
    /// become <c>SignupDate</c>, <c>id</c> becomes <c>Id</c>, <c>signupDate</c> becomes <c>SignupDate</c>).
    /// The result may still be invalid (<c>2fa</c>); the caller checks it.
    /// </summary>
    /// <returns>The PascalCase name.</returns>
    public static string ToPascalCase(string name)
    {
        var builder = new StringBuilder(name.Length);
        bool startOfWord = true;
        int i = 0;
        while (i < name.Length)
        {
            int width = char.IsHighSurrogate(name[i]) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1]) ? 2 : 1;
            UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(name, i);
            if (IsStartCategory(category) || (IsPartCategory(category) && category != UnicodeCategory.ConnectorPunctuation && category != UnicodeCategory.Format))
            {
                if (startOfWord && width == 1 && IsStartCategory(category))
                {
                    builder.Append(char.ToUpperInvariant(name[i]));
                }
                else
                {
                    builder.Append(name, i, width);
                }

                startOfWord = false;
            }
            else
            {
                startOfWord = true;
            }

            i += width;
        }

        return builder.ToString();
    }

    private static bool IsStartCategory(UnicodeCategory category) => category switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber => true,
        _ => false,
    };

    private static bool IsPartCategory(UnicodeCategory category) => IsStartCategory(category) || category switch
    {
        UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation or UnicodeCategory.NonSpacingMark
            or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.Format => true,
        _ => false,
    };
}
