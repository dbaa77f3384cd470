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
    /// <param name="utf8">The bytes.</param>
    /// <param name="replace">Whether invalid sequences become U+FFFD rather than failing.</param>
    /// <param name="value">The text.</param>
    /// <returns><see langword="false"/> when the bytes are not valid UTF-8 and replacing was not asked for.</returns>
    public static bool TryDecode(ReadOnlySpan<byte> utf8, bool replace, out string value)
    {
        if (replace || Utf8.IsValid(utf8))
        {
            value = utf8.IsEmpty ? string.Empty : Encoding.UTF8.GetString(utf8);
            return true;
        }

        value = string.Empty;
        return false;
    }

    /// <summary>Where the first invalid sequence starts, or −1 for valid UTF-8.</summary>
    /// <param name="utf8">The bytes.</param>
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
    /// <param name="utf8">The bytes.</param>
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
    /// <param name="utf8">The bytes.</param>
    /// <returns>The text.</returns>
    public static string ForMessage(ReadOnlySpan<byte> utf8) => utf8.IsEmpty ? string.Empty : Encoding.UTF8.GetString(utf8);
}
