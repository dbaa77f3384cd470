using System.Text.RegularExpressions;

namespace Typed.S3.Codecs;

/// <summary>
/// The problem sentence of a CsvHelper error without CsvHelper's own numbering ("record 3 (line 3)", which counts the
/// header, and its byte offset): the exception's location, in Typed.S3's numbering, stands in front of it.
/// </summary>
internal static partial class CsvProblems
{
    /// <summary>The problem of a CsvHelper error message.</summary>
    /// <param name="message">CsvHelper's message.</param>
    /// <returns>The sentence, starting in lower case, without a final period.</returns>
    public static string Of(string message)
    {
        string problem = RecordNumber().Replace(message, "the record");
        problem = ByteOffset().Replace(problem, string.Empty);
        problem = problem.Replace("Malformed CSV in the record: ", "malformed CSV: ", System.StringComparison.Ordinal).TrimEnd('.', ' ');
        return problem.Length > 0 && char.IsUpper(problem[0]) && !problem.StartsWith("CSV", System.StringComparison.Ordinal)
            ? char.ToLowerInvariant(problem[0]) + problem[1..]
            : problem;
    }

    [GeneratedRegex(@"[Rr]ecord \d+ \(line \d+\)", RegexOptions.CultureInvariant)]
    private static partial Regex RecordNumber();

    [GeneratedRegex(@" ?\(byte offset \d+\)", RegexOptions.CultureInvariant)]
    private static partial Regex ByteOffset();
}
