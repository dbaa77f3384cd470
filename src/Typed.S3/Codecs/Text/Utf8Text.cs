using System;
using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace Typed.S3.Codecs;

/// <summary>
/// UTF-8 checks for the text readers: string values are validated with <see cref="Utf8.IsValid"/> (vectorized, no
/// per-byte loop of ours) before they are decoded, and only the error path asks where the first invalid sequence is.
/// Values of other types need no check: their parsers accept ASCII only.
/// </summary>
internal static class Utf8Text
{
    /// <summary>Decodes valid UTF-8, or any bytes with each invalid sequence as U+FFFD when <paramref name="replace"/> is set.</summary>
    /// <param name="utf8">The bytes to decode.</param>
    /// <param name="replace">Whether invalid sequences become U+FFFD rather than failing.</param>
    /// <param name="value">The decoded text, when it could be decoded.</param>
    /// <returns><see langword="false"/> when the bytes are not valid UTF-8 and replacing was not asked for.</returns>
    public static bool TryDecode(ReadOnlySpan<byte> utf8, bool replace, out string value)
    {
        if (TryDecodeValid(utf8, out value))
        {
            return true;
        }

        if (replace)
        {
            value = Encoding.UTF8.GetString(utf8);
            return true;
        }

        return false;
    }

    /// <summary>
    /// Decodes UTF-8 that must be valid. ASCII (nearly every value) is checked with <see cref="Ascii.IsValid(ReadOnlySpan{byte})"/>
    /// and widened without a second look (<see cref="Encoding.UTF8"/> would count the characters first, and the check
    /// before it would read the bytes a third time); anything else is checked with <see cref="Utf8.IsValid"/> and decoded.
    /// </summary>
    /// <param name="utf8">The bytes to decode, as they are (nothing is replaced).</param>
    /// <param name="value">The text, or <see cref="string.Empty"/> when the bytes are not valid UTF-8.</param>
    /// <returns>Whether the bytes are valid UTF-8.</returns>
    public static bool TryDecodeValid(ReadOnlySpan<byte> utf8, out string value)
    {
        if (utf8.IsEmpty)
        {
            value = string.Empty;
            return true;
        }

        if (Ascii.IsValid(utf8))
        {
            // Every byte below 0x80: each is its own character, as UTF-8 and ASCII agree.
            value = Encoding.ASCII.GetString(utf8);
            return true;
        }

        if (Utf8.IsValid(utf8))
        {
            value = Encoding.UTF8.GetString(utf8);
            return true;
        }

        value = string.Empty;
        return false;
    }

    /// <summary>Where the first invalid sequence starts, or −1 for valid UTF-8.</summary>
    /// <returns>The index of its first byte.</returns>
    public static int IndexOfInvalid(ReadOnlySpan<byte> utf8)
    {
        if (Utf8.IsValid(utf8))
        {
            return -1;
        }

        // The transcoder stops at the first invalid sequence and says how far it read.
        char[] chars = ArrayPool<char>.Shared.Rent(Math.Max(1, utf8.Length));
        try
        {
            Utf8.ToUtf16(utf8, chars, out int read, out _, replaceInvalidSequences: false, isFinalBlock: true);
            return read;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>The problem sentence for an invalid sequence: its bytes, and how to read such data anyway.</summary>
    /// <param name="utf8">The bytes the invalid sequence was found in.</param>
    /// <param name="at">Where the invalid sequence starts.</param>
    /// <returns>The sentence.</returns>
    public static string InvalidProblem(ReadOnlySpan<byte> utf8, int at)
    {
        var bytes = new StringBuilder();
        for (int i = at; i < utf8.Length && i < at + 4; i++)
        {
            bytes.Append(bytes.Length == 0 ? string.Empty : " ").Append(CultureInfo.InvariantCulture, $"0x{utf8[i]:X2}");
        }

        return "the text is not valid UTF-8 (" + bytes + " at byte " + at.ToString(CultureInfo.InvariantCulture)
            + " of the value; set DatasetReadOptions.InvalidUtf8 to Replace to read invalid sequences as U+FFFD)";
    }

    /// <summary>Text for a message: decoded with invalid sequences as U+FFFD.</summary>
    public static string ForMessage(ReadOnlySpan<byte> utf8) => utf8.IsEmpty ? string.Empty : Encoding.UTF8.GetString(utf8);

    /// <summary>
    /// A bad record's bytes as text for <see cref="DatasetFormatException.RecordText"/>: only as many bytes as can make
    /// its characters (a record may be megabytes long), invalid sequences shown as U+FFFD.
    /// </summary>
    /// <param name="utf8">The record's bytes.</param>
    /// <returns>The text, cut by <see cref="DatasetFormatException.RecordText"/>'s setter.</returns>
    public static string ForRecord(ReadOnlySpan<byte> utf8) =>
        ForMessage(utf8.Length <= 4 * (DatasetFormatException.MaxRecordTextLength + 1) ? utf8 : utf8.Slice(0, 4 * (DatasetFormatException.MaxRecordTextLength + 1)));
}
