using System;
using System.Text;

namespace Typed.S3;

/// <summary>
/// Masks the secrets of a connection string for messages: the password part of <c>scheme://KEY:SECRET@</c>, the
/// value of every parameter whose name suggests a secret (<c>secret_access_key</c>, <c>session_token</c>,
/// <c>password</c>, <c>api_key</c> ...), and credentials inside URL-valued parameters; access key ids are shortened.
/// It works on malformed text too, and masks too much rather than too little.
/// </summary>
internal static class ConnectionStringMask
{
    /// <summary>Masks the secrets of <paramref name="text"/>.</summary>
    /// <param name="text">A connection string, well-formed or not.</param>
    /// <returns>The text with its secrets replaced by <c>****</c>.</returns>
    public static string Mask(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        var masked = new StringBuilder(text.Length);
        int position = MaskUserInfo(text, masked);
        while (position < text.Length)
        {
            char c = text[position];
            int nameEnd = c is '?' or '&' ? ReadName(text, position + 1) : -1;
            if (nameEnd > position + 1 && nameEnd < text.Length && text[nameEnd] == '=')
            {
                string name = text.Substring(position + 1, nameEnd - position - 1);
                masked.Append(text, position, nameEnd + 1 - position);
                int valueStart = nameEnd + 1;
                int valueEnd = FindValueEnd(text, valueStart);
                string value = text.Substring(valueStart, valueEnd - valueStart);
                if (value.Length == 0)
                {
                    // Nothing to hide.
                }
                else if (S3ConnectionParameter.IsSecret(name))
                {
                    masked.Append(SecretMask.Masked);
                }
                else if (S3ConnectionParameter.IsAccessKeyId(name))
                {
                    masked.Append(SecretMask.MaskAccessKeyId(Decode(value)));
                }
                else
                {
                    string decoded = Decode(value);
                    masked.Append(decoded.Contains("://", StringComparison.Ordinal) && decoded.Contains('@') ? Mask(decoded) : value);
                }

                position = valueEnd;
                continue;
            }

            masked.Append(c);
            position++;
        }

        return masked.ToString();
    }

    /// <summary>The end of a parameter name (letters, digits, <c>_</c>, <c>-</c>, <c>.</c>) that starts at <paramref name="start"/>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="start">Where the name starts.</param>
    /// <returns>The index after the name; <paramref name="start"/> when there is none.</returns>
    public static int ReadName(string text, int start)
    {
        int end = start;
        while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '_' or '-' or '.'))
        {
            end++;
        }

        return end;
    }

    /// <summary>Percent-decodes a value; <c>+</c> stays a plus.</summary>
    /// <param name="value">The value as written.</param>
    /// <returns>The decoded value.</returns>
    public static string Decode(string value) => Uri.UnescapeDataString(value);

    // Copies "scheme://" and a masked "KEY:****@" to the output; returns where the rest starts.
    private static int MaskUserInfo(string text, StringBuilder masked)
    {
        int schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0)
        {
            return 0;
        }

        int keyStart = schemeEnd + 3;
        int keyEnd = keyStart;
        while (keyEnd < text.Length && text[keyEnd] is not (':' or '@' or '/' or '?' or '&' or '=' or '#'))
        {
            keyEnd++;
        }

        if (keyEnd >= text.Length || text[keyEnd] is not (':' or '@'))
        {
            return 0;
        }

        // The user info ends at the last '@' before the query (an unencoded secret may hold '/', '?' or '@'): a
        // prefix holding '@' is then masked too, which is the safe side.
        int queryStart = keyEnd;
        while (queryStart < text.Length && !(text[queryStart] == '?' && S3ConnectionParameter.StartsKnownPair(text, queryStart + 1)))
        {
            queryStart++;
        }

        int at = text.LastIndexOf('@', queryStart - 1, queryStart - keyEnd);
        if (at < 0)
        {
            at = text.LastIndexOf('@');
        }

        if (at < keyEnd)
        {
            return 0;
        }

        masked.Append(text, 0, keyStart);
        if (keyEnd > keyStart)
        {
            masked.Append(SecretMask.MaskAccessKeyId(Decode(text.Substring(keyStart, keyEnd - keyStart))));
        }

        if (text[keyEnd] == ':')
        {
            masked.Append(':').Append(SecretMask.Masked);
        }

        masked.Append('@');
        return at + 1;
    }

    // A value ends at the next '&' that starts another "name=" pair, or at the end: an unencoded '&' inside a secret
    // stays hidden with it.
    private static int FindValueEnd(string text, int start)
    {
        for (int i = start; i < text.Length; i++)
        {
            if (text[i] == '&')
            {
                int nameEnd = ReadName(text, i + 1);
                if (nameEnd > i + 1 && nameEnd < text.Length && text[nameEnd] == '=')
                {
                    return i;
                }
            }
        }

        return text.Length;
    }
}
