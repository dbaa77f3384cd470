using System;
using System.Globalization;

namespace Typed.S3.Codecs;

/// <summary>
/// Says why a value did not parse as its column's type, once it has failed (never on the hot path): a number that does
/// not fit a decimal's precision and scale, a timestamp without a zone, text that is not UTF-8, or plainly not a value of
/// the type.
/// </summary>
internal static class ValueProblems
{
    /// <summary>The problem sentence for a value of <paramref name="typeName"/> that did not parse.</summary>
    /// <param name="typeName">The schema type (<c>decimal(10,2)</c>, <c>timestamp</c>).</param>
    /// <param name="text">The value's text.</param>
    /// <returns>The sentence.</returns>
    public static string Of(string typeName, ReadOnlySpan<byte> text)
    {
        if (typeName == "timestamp" && Utf8ValueParser.TryParseLocalTimestamp(text, out _))
        {
            return NoZone;
        }

        if (TryDecimalType(typeName, out int precision, out int scale) && IsNumber(text))
        {
            return DoesNotFit(Utf8Text.ForMessage(text), precision, scale);
        }

        if (typeName is "float16" or "float32" or "float64" && IsNumber(text))
        {
            // It parsed, so it failed for its size: an infinity is written Infinity, never as a number too large.
            return "the value " + DatasetFormatException.Shorten(Utf8Text.ForMessage(text)) + " is beyond " + typeName + "'s range"
                + (typeName == "float16" ? " (at most 65504)" : string.Empty);
        }

        int invalid = Utf8Text.IndexOfInvalid(text);
        return invalid >= 0 ? Utf8Text.InvalidProblem(text, invalid) : "invalid value";
    }

    /// <summary>A <c>timestamp</c> written without a zone or offset.</summary>
    public const string NoZone =
        "the timestamp has no zone or offset: a timestamp column holds instants, so the text must end in Z or an offset such as +02:00 (declare the column timestamp_local for date-times without one)";

    /// <summary>A number that does not fit <c>decimal(precision,scale)</c>.</summary>
    /// <param name="value">The number as written.</param>
    /// <param name="precision">The type's total digits.</param>
    /// <param name="scale">The type's digits after the point.</param>
    /// <returns>The sentence.</returns>
    public static string DoesNotFit(string value, int precision, int scale) => string.Create(
        CultureInfo.InvariantCulture,
        $"the value {DatasetFormatException.Shorten(value)} does not fit decimal({precision},{scale}) (at most {precision - scale} digits before the point and {scale} after; values are never rounded)");

    private static bool IsNumber(ReadOnlySpan<byte> text)
    {
        ReadOnlySpan<byte> digits = text.Length > 0 && text[0] is (byte)'-' or (byte)'+' ? text.Slice(1) : text;
        return digits.Length > 0 && (char.IsAsciiDigit((char)digits[0]) || digits[0] == '.')
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
    }

    private static bool TryDecimalType(string typeName, out int precision, out int scale)
    {
        precision = scale = 0;
        if (!typeName.StartsWith("decimal(", StringComparison.Ordinal) || !typeName.EndsWith(')'))
        {
            return false;
        }

        string[] parts = typeName["decimal(".Length..^1].Split(',');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out precision)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out scale);
    }
}
