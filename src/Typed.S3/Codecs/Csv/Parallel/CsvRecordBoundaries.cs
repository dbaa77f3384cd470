using System;
using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Typed.S3.Codecs;

/// <summary>
/// Finds where records end in RFC 4180 CSV bytes without tokenizing them, so that the bytes can be cut into
/// chunks of whole records and each chunk tokenized and mapped on its own thread. It follows the reader's rules:
/// a record ends at LF, CRLF or a lone CR outside quotes; a quote opens a quoted field only at the start of a
/// field; inside one, <c>""</c> is a quote and any other quote closes it. A quote anywhere else is malformed: the
/// reader fails on that record, so where later records end no longer matters.
/// </summary>
internal static class CsvRecordBoundaries
{
    private static readonly SearchValues<byte> Specials = SearchValues.Create("\"\n\r"u8);

    /// <summary>
    /// Finds where the last complete record of <paramref name="data"/> ends, 64 bytes at a time: bit masks of the
    /// quotes and line breaks, and a running parity of quotes (a prefix XOR) that tells which line breaks are inside
    /// quoted fields. On well-formed CSV this is <see cref="FindEnd"/>'s answer; a quote that is not well-formed makes
    /// the reader fail on its record, which lies inside the chunk that ends here, so later ends do not matter.
    /// </summary>
    /// <param name="data">The bytes, starting at the start of a record.</param>
    /// <param name="lineBreaks">The line breaks (inside quoted fields too) before the returned offset.</param>
    /// <returns>The offset just past the last complete record's line break, or 0 when no record is complete.</returns>
    public static int FindLastRecordEnd(ReadOnlySpan<byte> data, out long lineBreaks)
    {
        int end = 0;
        long lines = 0;
        lineBreaks = 0;
        ulong quotedBefore = 0;
        Span<byte> last = stackalloc byte[64];
        for (int start = 0; start < data.Length; start += 64)
        {
            int length = Math.Min(64, data.Length - start);
            scoped ReadOnlySpan<byte> block = data.Slice(start, length);
            if (length < 64)
            {
                last.Clear();
                block.CopyTo(last);
                block = last;
            }

            Masks(block, out ulong quotes, out ulong lineFeeds, out ulong carriageReturns);
            ulong quoted = PrefixXor(quotes) ^ quotedBefore;
            quotedBefore = (ulong)((long)quoted >> 63);

            // CRLF is one line break (at the LF); a lone CR is one too; a CR ending the data may be half of a CRLF.
            ulong followedByLineFeed = lineFeeds >> 1;
            if (start + 64 < data.Length && data[start + 64] == (byte)'\n')
            {
                followedByLineFeed |= 1UL << 63;
            }

            ulong breaks = lineFeeds | (carriageReturns & ~followedByLineFeed);
            if (start + length == data.Length && data[^1] == (byte)'\r')
            {
                breaks &= ~(1UL << (length - 1));
            }

            ulong ends = breaks & ~quoted;
            if (ends != 0)
            {
                int at = 63 - BitOperations.LeadingZeroCount(ends);
                end = start + at + 1;
                lineBreaks = lines + BitOperations.PopCount(at == 63 ? breaks : breaks & ((2UL << at) - 1));
            }

            lines += BitOperations.PopCount(breaks);
        }

        return end;
    }

    // Bit i of each mask is set when byte i of the 64-byte block is that character.
    private static void Masks(ReadOnlySpan<byte> block, out ulong quotes, out ulong lineFeeds, out ulong carriageReturns)
    {
        ref byte first = ref MemoryMarshal.GetReference(block);
        if (Vector256.IsHardwareAccelerated)
        {
            Vector256<byte> low = Vector256.LoadUnsafe(ref first);
            Vector256<byte> high = Vector256.LoadUnsafe(ref first, 32);
            quotes = Vector256.Equals(low, Vector256.Create((byte)'"')).ExtractMostSignificantBits()
                | ((ulong)Vector256.Equals(high, Vector256.Create((byte)'"')).ExtractMostSignificantBits() << 32);
            lineFeeds = Vector256.Equals(low, Vector256.Create((byte)'\n')).ExtractMostSignificantBits()
                | ((ulong)Vector256.Equals(high, Vector256.Create((byte)'\n')).ExtractMostSignificantBits() << 32);
            carriageReturns = Vector256.Equals(low, Vector256.Create((byte)'\r')).ExtractMostSignificantBits()
                | ((ulong)Vector256.Equals(high, Vector256.Create((byte)'\r')).ExtractMostSignificantBits() << 32);
            return;
        }

        quotes = lineFeeds = carriageReturns = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            for (int part = 0; part < 4; part++)
            {
                Vector128<byte> bytes = Vector128.LoadUnsafe(ref first, (nuint)(part * 16));
                quotes |= (ulong)Vector128.Equals(bytes, Vector128.Create((byte)'"')).ExtractMostSignificantBits() << (part * 16);
                lineFeeds |= (ulong)Vector128.Equals(bytes, Vector128.Create((byte)'\n')).ExtractMostSignificantBits() << (part * 16);
                carriageReturns |= (ulong)Vector128.Equals(bytes, Vector128.Create((byte)'\r')).ExtractMostSignificantBits() << (part * 16);
            }

            return;
        }

        for (int i = 0; i < 64; i++)
        {
            byte value = block[i];
            quotes |= (value == (byte)'"' ? 1UL : 0) << i;
            lineFeeds |= (value == (byte)'\n' ? 1UL : 0) << i;
            carriageReturns |= (value == (byte)'\r' ? 1UL : 0) << i;
        }
    }

    // Bit i of the result is the XOR of bits 0..i: set from an opening quote up to (not including) its closing one.
    private static ulong PrefixXor(ulong bits)
    {
        bits ^= bits << 1;
        bits ^= bits << 2;
        bits ^= bits << 4;
        bits ^= bits << 8;
        bits ^= bits << 16;
        bits ^= bits << 32;
        return bits;
    }

    /// <summary>
    /// Scans <paramref name="data"/>, which starts at the start of a record and may end in the middle of one.
    /// </summary>
    /// <param name="data">The CSV bytes to scan, starting at a record boundary.</param>
    /// <param name="delimiter">The field delimiter byte (<c>,</c> or a tab); the only quote this scan knows is <c>"</c>.</param>
    /// <param name="stopAfterFirstRecord">Stop at the end of the first record that is not an empty line (the header, or the first row).</param>
    /// <param name="lineBreaks">The line breaks (inside quoted fields too) before the returned offset.</param>
    /// <returns>The offset just past the last complete record's line break, or 0 when no record is complete.</returns>
    public static int FindEnd(ReadOnlySpan<byte> data, byte delimiter, bool stopAfterFirstRecord, out long lineBreaks)
    {
        int end = 0;
        long lines = 0;
        lineBreaks = 0;
        int recordStart = 0;
        bool quoted = false;
        int position = 0;
        while (true)
        {
            int found = data[position..].IndexOfAny(Specials);
            if (found < 0)
            {
                return end;
            }

            int at = position + found;
            byte special = data[at];
            if (special == (byte)'"')
            {
                if (!quoted)
                {
                    // Only a quote at the start of a field opens a quoted field.
                    quoted = at == recordStart || data[at - 1] == delimiter;
                    position = at + 1;
                }
                else if (at + 1 == data.Length)
                {
                    // A closing quote or the first half of an escaped one: the next bytes decide.
                    return end;
                }
                else
                {
                    quoted = data[at + 1] == (byte)'"';
                    position = quoted ? at + 2 : at + 1;
                }

                continue;
            }

            int next = at + 1;
            if (special == (byte)'\r')
            {
                if (next == data.Length)
                {
                    // CR, or the first half of CRLF: the next bytes decide.
                    return end;
                }

                if (data[next] == (byte)'\n')
                {
                    next++;
                }
            }

            lines++;
            position = next;
            if (quoted)
            {
                continue;
            }

            bool empty = IsEmptyLine(data, recordStart, at);
            recordStart = next;
            if (empty && stopAfterFirstRecord)
            {
                continue;
            }

            end = next;
            lineBreaks = lines;
            if (stopAfterFirstRecord)
            {
                return end;
            }
        }
    }

    // The reader skips empty lines; a UTF-8 byte order mark at the very start is not content either.
    private static bool IsEmptyLine(ReadOnlySpan<byte> data, int start, int lineBreak) =>
        lineBreak == start || (start == 0 && lineBreak == 3 && data[..3].SequenceEqual("\uFEFF"u8));
}
