using System;
using System.Text;

namespace Typed.S3;

/// <summary>
/// Masks the secrets of a connection string for messages: the password part of <c>scheme://KEY:SECRET@</c>, the
/// value of every parameter whose name suggests a secret (<c>secret_access_key</c>, <c>session_token</c>,
/// <c>password</c>, <c>api_key</c> ...), and credentials inside URL-valued parameters; access key ids are shortened.
/// It works on malformed text too, and masks too much rather than too little: where it cannot tell where a secret
/// ends, it masks to the end of the text.
/// </summary>
/// <remarks>
/// Text that starts with <c>s3:</c> (any case, after any whitespace) is read as an S3 connection string whatever
/// follows the colon (no slash, one, three): a <c>:</c> or <c>@</c> before the first <c>/</c> (or before the query)
/// starts user info, since bucket names hold neither. User info ends at the last <c>@</c> before the query (an
/// unencoded secret may hold <c>@</c>, <c>/</c> or <c>?</c>); user info with a <c>:</c> but no <c>@</c> anywhere
/// (<c>s3://KEY:SECRET/bucket</c>), or with its <c>@</c> only past the query, is masked to the end of the text, and
/// the region after the <c>@</c> is shown only when it looks like one (lower-case letters, digits, <c>-</c>).
/// Other schemes are masked in their <c>//user:password@</c> part (the host after it shown only in lower case),
/// and to the end after <c>//user:</c> when no <c>@</c> follows and what follows the colon is not a port, so that
/// <c>http://host:9000</c> and <c>http://[::1]:9000</c> stay readable. Text without a scheme is masked before its
/// last <c>@</c>, or after a <c>:</c> other than a drive letter's. A parameter value ends at the next <c>&amp;</c> or
/// <c>?</c>, except a secret's or a URL's, which runs to the next known parameter.
/// </remarks>
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
        MaskParameters(text, position, masked);
        return masked.ToString();
    }

    /// <summary>Whether <paramref name="text"/>, after any leading whitespace, starts with <c>s3:</c> in any case.</summary>
    /// <returns>Whether the text is meant as an S3 connection string.</returns>
    public static bool StartsWithS3Scheme(string text) => S3SchemeEnd(text) >= 0;

    /// <summary>The end of a parameter name (letters, digits, <c>_</c>, <c>-</c>, <c>.</c>) that starts at <paramref name="start"/>.</summary>
    /// <param name="text">The connection string being scanned.</param>
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

    // The index just after "s3:" when the text (after leading whitespace) starts with it, else -1.
    private static int S3SchemeEnd(string text)
    {
        int start = 0;
        while (start < text.Length && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        return text.Length >= start + 3 && string.Compare(text, start, "s3:", 0, 3, StringComparison.OrdinalIgnoreCase) == 0 ? start + 3 : -1;
    }

    // Copies the scheme and a masked "KEY:****@" to the output; returns where the rest starts (0 when there is no user info).
    private static int MaskUserInfo(string text, StringBuilder masked)
    {
        int authorityStart;
        bool s3 = false;
        int s3SchemeEnd = S3SchemeEnd(text);
        if (s3SchemeEnd >= 0)
        {
            // Any number of slashes (or backslashes) after "s3:": typos are masked like the real thing.
            s3 = true;
            authorityStart = s3SchemeEnd;
            while (authorityStart < text.Length && text[authorityStart] is '/' or '\\')
            {
                authorityStart++;
            }
        }
        else
        {
            int schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
            if (schemeEnd < 0)
            {
                return MaskBareUserInfo(text, masked);
            }

            authorityStart = schemeEnd + 3;
        }

        // Where the query starts: for s3, at a '?' followed by a known "name=" ('?' is also a glob wildcard); for other
        // schemes, at a '?' followed by any "name=".
        int queryStart = s3 ? FindKnownQueryStart(text, authorityStart) : FindAnyQueryStart(text, authorityStart);
        int segmentEnd = authorityStart;
        while (segmentEnd < queryStart && text[segmentEnd] != '/' && (s3 || text[segmentEnd] is not ('?' or '#')))
        {
            segmentEnd++;
        }

        // An IPv6 host ("[::1]:9000") holds colons of its own.
        int searchStart = authorityStart;
        if (!s3 && searchStart < segmentEnd && text[searchStart] == '[')
        {
            int close = text.IndexOf(']', searchStart, segmentEnd - searchStart);
            searchStart = close < 0 ? searchStart : close + 1;
        }

        int keyEnd = text.AsSpan(searchStart, segmentEnd - searchStart).IndexOfAny(':', '@');
        if (keyEnd < 0)
        {
            return 0;
        }

        keyEnd += searchStart;

        // The user info ends at the last '@' before the query (an unencoded secret may hold '/', '?' or '@'): a
        // location holding '@' is then masked too, which is the safe side. With no '@' before the query, a secret
        // that holds "?name=" may have pushed it there.
        int at = text.LastIndexOf('@', queryStart - 1, queryStart - keyEnd);
        if (at < 0)
        {
            if (!s3 && text.IndexOf('@', queryStart) < 0 && IsPort(text.AsSpan(keyEnd + 1, segmentEnd - keyEnd - 1)))
            {
                // Other schemes: "host:port" without '@' is no user info.
                return 0;
            }

            // "s3://KEY:SECRET/bucket" (no '@' at all), or an '@' only past where the query seems to start (a secret
            // holding "?name=" may have put it there): nothing tells where the secret ends, so all the rest is hidden.
            masked.Append(text, 0, authorityStart);
            AppendKey(text, authorityStart, keyEnd, masked);
            masked.Append(':').Append(SecretMask.Masked);
            return text.Length;
        }

        masked.Append(text, 0, authorityStart);
        AppendKey(text, authorityStart, keyEnd, masked);
        if (text[keyEnd] == ':' || text.AsSpan(keyEnd, at - keyEnd).Contains(':'))
        {
            masked.Append(':').Append(SecretMask.Masked);
        }

        masked.Append('@');

        // The region of s3://KEY:SECRET@REGION/... (or another scheme's host): shown only when it looks like one, since
        // after an unencoded '@' in the secret (and no region or host) it is a piece of the secret.
        int hostEnd = at + 1;
        while (hostEnd < text.Length && text[hostEnd] is not ('/' or '?' or '#'))
        {
            hostEnd++;
        }

        ReadOnlySpan<char> host = text.AsSpan(at + 1, hostEnd - at - 1);
        if (s3 ? IsHostRegion(host) : IsLowerCaseHost(host))
        {
            return at + 1;
        }

        masked.Append(SecretMask.Masked);
        return hostEnd;
    }

    /// <summary>Whether the host part of <c>s3://KEY:SECRET@REGION</c> is a region name: lower-case letters, digits and <c>-</c> (or empty).</summary>
    /// <param name="region">The host part.</param>
    /// <returns>Whether it may be shown and used as a region.</returns>
    public static bool IsHostRegion(ReadOnlySpan<char> region)
    {
        foreach (char c in region)
        {
            if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c != '-')
            {
                return false;
            }
        }

        return true;
    }

    // Text with no scheme, such as a mistyped one ("s3//KEY:SECRET@us-east-1/b"): what comes before the last '@' (before
    // a query) may be user info, and with no '@', what follows a ':' (other than a drive letter's, C:\) may be a secret.
    private static int MaskBareUserInfo(string text, StringBuilder masked)
    {
        int queryStart = FindKnownQueryStart(text, 0);
        int at = queryStart == 0 ? -1 : text.LastIndexOf('@', queryStart - 1, queryStart);
        if (at >= 0)
        {
            masked.Append(SecretMask.Masked).Append('@');
            return at + 1;
        }

        if (text.IndexOf('@', queryStart) >= 0)
        {
            // An '@' only past a seeming query: a secret holding "?name=" may have put it there.
            masked.Append(SecretMask.Masked);
            return text.Length;
        }

        int start = 0;
        while (start < text.Length && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        bool driveLetter = text.Length >= start + 3 && char.IsAsciiLetter(text[start]) && text[start + 1] == ':' && text[start + 2] is '\\' or '/';
        int colon = text.IndexOf(':', driveLetter ? start + 2 : start);
        if (colon < 0 || colon >= queryStart)
        {
            return 0;
        }

        masked.Append(text, 0, colon + 1).Append(SecretMask.Masked);
        return queryStart;
    }

    // A host as written in lower case: letters, digits, '-', '.', and a port or an IPv6 address's ':', '[' and ']'.
    private static bool IsLowerCaseHost(ReadOnlySpan<char> host)
    {
        foreach (char c in host)
        {
            if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c is not ('-' or '.' or ':' or '[' or ']'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsPort(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static void AppendKey(string text, int start, int end, StringBuilder masked)
    {
        if (end > start)
        {
            masked.Append(SecretMask.MaskAccessKeyId(Decode(text.Substring(start, end - start))));
        }
    }

    // Masks the values of "?name=value" and "&name=value" pairs from position on.
    private static void MaskParameters(string text, int position, StringBuilder masked)
    {
        while (position < text.Length)
        {
            char c = text[position];
            int nameEnd = c is '?' or '&' ? text.IndexOfAny(NameEnds, position + 1) : -1;
            if (nameEnd > position + 1 && text[nameEnd] == '=')
            {
                // Any text up to '=' is taken for a name, even a malformed one ("secret access key="), so that its
                // value is still judged by it.
                string name = text.Substring(position + 1, nameEnd - position - 1);
                masked.Append(text, position, nameEnd + 1 - position);
                int valueStart = nameEnd + 1;
                bool secret = S3ConnectionParameter.IsSecret(name);

                // A secret, or a URL whose password may hold '&' or '?', ends only where a known parameter starts.
                int valueEnd = secret || IsUrlValue(text, valueStart) ? FindSecretValueEnd(text, valueStart) : FindValueEnd(text, valueStart);
                string value = text.Substring(valueStart, valueEnd - valueStart);
                if (value.Length == 0)
                {
                    // Nothing to hide.
                }
                else if (secret)
                {
                    masked.Append(SecretMask.Masked);
                }
                else if (S3ConnectionParameter.IsAccessKeyId(name))
                {
                    masked.Append(SecretMask.MaskAccessKeyId(Decode(value)));
                }
                else
                {
                    // A URL value (an endpoint) may carry user info or a token of its own.
                    string decoded = Decode(value);
                    masked.Append(decoded.Contains("://", StringComparison.Ordinal) ? Mask(decoded) : value);
                }

                position = valueEnd;
                continue;
            }

            masked.Append(c);
            position++;
        }
    }

    private static readonly char[] NameEnds = ['=', '&', '?', '/'];

    // The first '?' followed by a known "name=" from start on (where an S3 query starts), or the text's length.
    private static int FindKnownQueryStart(string text, int start)
    {
        for (int i = start; i < text.Length; i++)
        {
            if (text[i] == '?' && S3ConnectionParameter.StartsKnownPair(text, i + 1))
            {
                return i;
            }
        }

        return text.Length;
    }

    // The first '?' followed by any "name=" from start on, or the text's length.
    private static int FindAnyQueryStart(string text, int start)
    {
        for (int i = text.IndexOf('?', start); i >= 0; i = text.IndexOf('?', i + 1))
        {
            int nameEnd = ReadName(text, i + 1);
            if (nameEnd > i + 1 && nameEnd < text.Length && text[nameEnd] == '=')
            {
                return i;
            }
        }

        return text.Length;
    }

    // Whether a value starts with "scheme://" (or its encoded form): a URL, which may hold user info with any character.
    private static bool IsUrlValue(string text, int start)
    {
        int end = start;
        while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || (end > start && text[end] is '+' or '-' or '.')))
        {
            end++;
        }

        return end > start
            && (string.CompareOrdinal(text, end, "://", 0, 3) == 0 || string.Compare(text, end, "%3A%2F%2F", 0, 9, StringComparison.OrdinalIgnoreCase) == 0);
    }

    // A secret ends only at an '&' that starts a known "name=" pair, or another secret's (masked in turn), or at the
    // end: an unencoded '&', '?', '=' or "&x=" inside a secret stays hidden with it.
    private static int FindSecretValueEnd(string text, int start)
    {
        for (int i = text.IndexOf('&', start); i >= 0; i = text.IndexOf('&', i + 1))
        {
            int nameEnd = ReadName(text, i + 1);
            if (S3ConnectionParameter.StartsKnownPair(text, i + 1)
                || (nameEnd > i + 1 && nameEnd < text.Length && text[nameEnd] == '=' && S3ConnectionParameter.IsSecret(text.AsSpan(i + 1, nameEnd - i - 1))))
            {
                return i;
            }
        }

        return text.Length;
    }

    // Any other value ends at the next '&' or '?', so that a pair after it is judged by its own name.
    private static int FindValueEnd(string text, int start)
    {
        int end = text.IndexOfAny(['&', '?'], start);
        return end < 0 ? text.Length : end;
    }
}
