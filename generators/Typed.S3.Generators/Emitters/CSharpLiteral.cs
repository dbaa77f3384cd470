using System.Globalization;
using System.Text;

namespace Typed.S3.Generators.Emitters;

/// <summary>Writes values as C# literals and XML doc text, escaped.</summary>
internal static class CSharpLiteral
{
    public static string String(string value)
    {
        var text = new StringBuilder(value.Length + 2);
        text.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case '\0': text.Append("\\0"); break;
                default:
                    if (char.IsControl(c) || char.IsSurrogate(c) || c == '\u2028' || c == '\u2029')
                    {
                        text.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        return text.Append('"').ToString();
    }

    public static string Char(char value) => value switch
    {
        '\'' => "'\\''",
        '\\' => "'\\\\'",
        '\t' => "'\\t'",
        _ when value < ' ' => "'\\u" + ((int)value).ToString("X4", CultureInfo.InvariantCulture) + "'",
        _ => "'" + value + "'",
    };

    public static string Bool(bool value) => value ? "true" : "false";

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Escapes text for an XML doc comment.</summary>
    public static string Xml(string value) =>
        value.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\r", " ").Replace("\n", " ");
}
