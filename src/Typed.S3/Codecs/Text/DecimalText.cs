using System;

namespace Typed.S3.Codecs;

/// <summary>
/// A decimal as UTF-8 text (a JSON number, a CSV field), written digit by digit: the same text as the general format
/// (<c>"G"</c>, the one <see cref="System.Text.Json.Utf8JsonWriter"/> uses), every digit of the scale kept, no exponent,
/// no sign on zero. Covers values whose unscaled integer fits in 64 bits (all of <c>decimal(18,s)</c> and most
/// data); the general formatter is slower by about half.
/// </summary>
internal static class DecimalText
{
    /// <summary>The buffer size <see cref="TryFormat"/> needs: a sign, 20 digits or <c>0.</c> and 28 digits.</summary>
    public const int BufferLength = 32;

    /// <summary>Writes the value right-aligned in <paramref name="buffer"/>.</summary>
    /// <param name="value">The number to write, every digit of its scale kept.</param>
    /// <param name="buffer">At least <see cref="BufferLength"/> bytes.</param>
    /// <param name="start">Where the text starts; it ends at the buffer's end.</param>
    /// <returns><see langword="false"/>, writing nothing, when the unscaled value needs more than 64 bits.</returns>
    public static bool TryFormat(decimal value, Span<byte> buffer, out int start)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        start = buffer.Length;
        if (bits[2] != 0)
        {
            return false;
        }

        ulong digits = (uint)bits[0] | ((ulong)(uint)bits[1] << 32);
        int flags = bits[3];
        int scale = (flags >> 16) & 0xFF;
        bool negative = flags < 0 && digits != 0;
        int position = buffer.Length;

        // The fraction from its last digit, zeros on the left included, then the integer part (at least "0").
        for (int i = 0; i < scale; i++)
        {
            ulong quotient = digits / 10;
            buffer[--position] = (byte)('0' + (int)(digits - (quotient * 10)));
            digits = quotient;
        }

        if (scale > 0)
        {
            buffer[--position] = (byte)'.';
        }

        do
        {
            ulong quotient = digits / 10;
            buffer[--position] = (byte)('0' + (int)(digits - (quotient * 10)));
            digits = quotient;
        }
        while (digits != 0);

        if (negative)
        {
            buffer[--position] = (byte)'-';
        }

        start = position;
        return true;
    }
}
