using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Typed.S3.Schema.Parsing;

namespace Typed.S3.Generators.Model;

/// <summary>
/// The names the generated code gives one column's locals and fields, derived from the column's property name
/// (<c>SignupDate</c>: the local <c>signupDate</c>, the field <c>_signupDateIndex</c>), escaped as C# identifiers
/// (<c>@class</c>) and unique among every name the dataset's generated code declares or uses: the parameters and
/// locals of the generated methods (<c>reader</c>, <c>record</c>, ...), the generated fields, and the members of the
/// runtime base types. A name that would collide gets a suffix (<c>readerValue</c>, <c>ab2</c>).
/// </summary>
/// <param name="Local">The local that holds the column's value while a record is read (<c>signupDate</c>).</param>
/// <param name="Parsed">The local a nullable column's value is parsed into (<c>parsedSignupDate</c>).</param>
/// <param name="Seen">The flag that a required JSON property was read (<c>hasSignupDate</c>).</param>
/// <param name="IndexField">The CSV mapper's field with the column's position in the header (<c>_signupDateIndex</c>).</param>
/// <param name="NameField">The JSON writer's field with the pre-encoded property name (<c>s_signupDateName</c>).</param>
/// <param name="ElementField">A list column's field with its element type (<c>s_tagsElement</c>).</param>
/// <param name="ColumnField">The Parquet mapper's field with the typed column (<c>_signupDateColumn</c>).</param>
internal sealed record ColumnNames(string Local, string Parsed, string Seen, string IndexField, string NameField, string ElementField, string ColumnField)
{
    // What a column's names must not take: the parameters and locals of the generated methods that declare column
    // locals (the CSV mapper's Read, the JSON reader's TryRead, a nested record's TryReadFields and WriteFields), the
    // generated members, the members of the runtime base types, and contextual keywords that would read as the keyword.
    private static readonly string[] Reserved =
    {
        "reader", "field", "context", "record", "column",
        "Instance", "s_columns", "s_codecs", "s_writeTarget", "ColumnOf", "EscapedColumnOf", "CreateColumns", "Read", "Write",
        "TryRead", "WriteHeader", "FieldCount",
        "ObjectName", "IndexOf", "ReadString", "ReadNullableString", "IsQuotedEmpty", "ReadList", "ReadNullableList",
        "ThrowInvalidValue", "ThrowMissingValue", "WriteColumnName", "CheckUnknownProperty", "CheckEscapedName",
        "ThrowMissingProperties", "TryReadList", "TryReadNullableList",
        "replaceInvalidUtf8", "fault", "writer", "FieldOf", "TryReadField", "TryReadFields", "WriteField", "WriteFields", "Missing",
        "TryReadNested", "TryReadNullableNested", "ReadNested", "ReadNullableNested", "WriteNested",
        "var", "dynamic", "nameof", "_",
    };

    /// <summary>The names of each column, in order, unique among themselves and the generated code's own names.</summary>
    /// <param name="propertyNames">The columns' property names (valid identifiers, unique).</param>
    /// <param name="typeNames">Names of generated types that the generated methods use (the record's).</param>
    /// <returns>One set of names per column.</returns>
    public static IReadOnlyList<ColumnNames> Allocate(IReadOnlyList<string> propertyNames, IEnumerable<string> typeNames)
    {
        var taken = new HashSet<string>(Reserved, System.StringComparer.Ordinal);
        taken.UnionWith(typeNames);
        var locals = new string[propertyNames.Count];

        // The locals first, so that each column keeps its plain name when another's derived name would want it.
        for (int i = 0; i < propertyNames.Count; i++)
        {
            string camel = CamelCase(Stem(propertyNames[i]));
            locals[i] = Take(taken, camel, camel + "Value");
        }

        var names = new ColumnNames[propertyNames.Count];
        for (int i = 0; i < propertyNames.Count; i++)
        {
            string pascal = PascalCase(Stem(propertyNames[i]));
            string camel = CamelCase(Stem(propertyNames[i]));
            names[i] = new ColumnNames(
                Escape(locals[i]),
                Take(taken, "parsed" + pascal),
                Take(taken, "has" + pascal),
                Take(taken, "_" + camel + "Index"),
                Take(taken, "s_" + camel + "Name"),
                Take(taken, "s_" + camel + "Element"),
                Take(taken, "_" + camel + "Column"));
        }

        return names;
    }

    // The property name without the '_' a column named like its record gets (Reading_ → Reading): the names derived from
    // it have a prefix or a suffix, or differ in case from the record's, so they cannot clash with it.
    private static string Stem(string propertyName)
    {
        string stem = propertyName.TrimEnd('_');
        return stem.Length == 0 ? propertyName : stem;
    }

    /// <summary><c>SignupDate</c> → <c>signupDate</c>, <c>ID</c> → <c>id</c>, <c>URLPath</c> → <c>urlPath</c>.</summary>
    /// <returns>The name with its leading capitals lower-cased.</returns>
    public static string CamelCase(string name)
    {
        var text = new StringBuilder(name);
        for (int i = 0; i < text.Length && char.IsUpper(text[i]); i++)
        {
            bool beforeLower = i > 0 && i + 1 < text.Length && char.IsLower(text[i + 1]);
            if (beforeLower)
            {
                break;
            }

            text[i] = char.ToLowerInvariant(text[i]);
        }

        return text.ToString();
    }

    private static string PascalCase(string name) =>
        name.Length > 0 && char.IsLower(name[0]) ? char.ToUpperInvariant(name[0]) + name.Substring(1) : name;

    // A keyword is a valid local once escaped (@class); the unescaped text is what must be unique.
    private static string Escape(string name) => CSharpNames.IsKeyword(name) ? "@" + name : name;

    private static string Take(HashSet<string> taken, string preferred, string? alternative = null)
    {
        if (taken.Add(preferred))
        {
            return preferred;
        }

        if (alternative is not null && taken.Add(alternative))
        {
            return alternative;
        }

        for (int suffix = 2; ; suffix++)
        {
            string candidate = preferred + suffix.ToString(CultureInfo.InvariantCulture);
            if (taken.Add(candidate))
            {
                return candidate;
            }
        }
    }
}
