using System;
using System.Text;
using System.Text.Json;

namespace Typed.S3.Codecs;

/// <summary>
/// The text of JSON string tokens, for values and for messages. <see cref="Utf8JsonReader"/> does not validate the UTF-8
/// of strings and throws <see cref="InvalidOperationException"/> when asked to decode invalid text; here an unescaped
/// token (nearly every one) is validated with <see cref="System.Text.Unicode.Utf8.IsValid"/> and decoded, and an escaped one
/// is decoded by the reader, its failure turned into a problem sentence.
/// </summary>
internal static class JsonText
{
    /// <summary>Decodes the string token the reader is on.</summary>
    /// <param name="reader">The reader, on a string or property name.</param>
    /// <param name="replace">Whether invalid UTF-8 becomes U+FFFD rather than failing.</param>
    /// <param name="value">The decoded (unescaped) text, when it can be decoded.</param>
    /// <param name="problem">Why it cannot be decoded.</param>
    /// <param name="invalidAt">Where the invalid bytes start in the token's raw (escaped) bytes, or −1.</param>
    /// <returns>Whether the token was decoded.</returns>
    public static bool TryGetString(ref Utf8JsonReader reader, bool replace, out string value, out string? problem, out int invalidAt)
    {
        ReadOnlySpan<byte> raw = reader.ValueSpan;
        if (!reader.ValueIsEscaped && Utf8Text.TryDecodeValid(raw, out value))
        {
            // The usual case: checked and decoded in one go.
            problem = null;
            invalidAt = -1;
            return true;
        }

        invalidAt = Utf8Text.IndexOfInvalid(raw);
        if (!reader.ValueIsEscaped)
        {
            if (invalidAt < 0 || replace)
            {
                value = Utf8Text.ForMessage(raw);
                problem = null;
                return true;
            }

            value = string.Empty;
            problem = Utf8Text.InvalidProblem(raw, invalidAt);
            return false;
        }

        if (invalidAt >= 0 && !replace)
        {
            value = string.Empty;
            problem = Utf8Text.InvalidProblem(raw, invalidAt);
            return false;
        }

        if (invalidAt >= 0)
        {
            // Replacing in escaped text: the raw bytes made valid first, then unescaped by a reader of their own.
            return TryUnescape(Encoding.UTF8.GetBytes("\"" + Encoding.UTF8.GetString(raw) + "\""), out value, out problem);
        }

        try
        {
            value = reader.GetString()!;
            problem = null;
            return true;
        }
        catch (InvalidOperationException)
        {
            value = string.Empty;
            problem = UnpairedEscape;
            return false;
        }
    }

    /// <summary>The text of the token the reader is on, for a message: never throws, invalid UTF-8 shown as U+FFFD.</summary>
    /// <returns>A string's text, a number or literal as written; <see langword="null"/> for objects, arrays and null.</returns>
    public static string? ForMessage(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String or JsonTokenType.PropertyName:
                return TryGetString(ref reader, replace: true, out string value, out _, out _) ? value : Utf8Text.ForMessage(reader.ValueSpan);
            case JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False:
                return Utf8Text.ForMessage(reader.ValueSpan);
            default:
                return null;
        }
    }

    /// <summary>
    /// The unescaped bytes of a string token: the token itself when it has no escapes, else a copy in
    /// <paramref name="scratch"/>; empty when the escaped text is longer than <paramref name="scratch"/> or does not unescape.
    /// </summary>
    /// <param name="reader">The reader, on a string.</param>
    /// <param name="scratch">Room for the unescaped text.</param>
    public static ReadOnlySpan<byte> Unescaped(in Utf8JsonReader reader, Span<byte> scratch)
    {
        if (!reader.ValueIsEscaped)
        {
            return reader.ValueSpan;
        }

        if (reader.ValueSpan.Length > scratch.Length)
        {
            return ReadOnlySpan<byte>.Empty;
        }

        try
        {
            return scratch.Slice(0, reader.CopyString(scratch));
        }
        catch (InvalidOperationException)
        {
            return ReadOnlySpan<byte>.Empty;
        }
    }

    /// <summary>Decodes a base64 string token; <see langword="false"/> for text that is not base64 or does not unescape.</summary>
    /// <param name="reader">The reader, on a string.</param>
    /// <param name="value">The decoded bytes, when the token is a base64 string.</param>
    /// <returns>Whether the token was base64.</returns>
    public static bool TryGetBase64(ref Utf8JsonReader reader, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out byte[]? value)
    {
        try
        {
            return reader.TryGetBytesFromBase64(out value);
        }
        catch (InvalidOperationException)
        {
            value = null;
            return false;
        }
    }

    private const string UnpairedEscape = "the string holds a \\u escape of an unpaired surrogate, which is no character";

    private static bool TryUnescape(byte[] quoted, out string value, out string? problem)
    {
        try
        {
            var reader = new Utf8JsonReader(quoted);
            reader.Read();
            value = reader.GetString()!;
            problem = null;
            return true;
        }
        catch (Exception exception) when (exception is InvalidOperationException or JsonException)
        {
            value = string.Empty;
            problem = UnpairedEscape;
            return false;
        }
    }
}
