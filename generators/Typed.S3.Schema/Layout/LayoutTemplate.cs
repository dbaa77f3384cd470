using System;
using System.Collections.Generic;

namespace Typed.S3.Schema.Layout;

/// <summary>
/// A parsed layout template (<c>{table_name}/{load_id}.{file_id}.{ext}</c>), the dlt/ingestr filesystem
/// layout syntax. One parser serves the generator (build-time diagnostics), the runtime (rendering keys)
/// and the MSBuild task, so the three agree on what a valid layout is.
/// </summary>
internal sealed class LayoutTemplate
{
    private static readonly string[] Placeholders =
    {
        "schema_name", "table_name", "load_id", "file_id", "ext", "curr_date",
        "timestamp", "timestamp_ms", "load_package_timestamp", "load_package_timestamp_ms",
        "YYYY", "YY", "Y", "MMMM", "MMM", "MM", "M", "DD", "D", "HH", "H", "mm", "m", "ss", "s", "SSS",
        "dddd", "ddd", "Q", "partition", "offset",
    };

    private LayoutTemplate(string text, LayoutSegment[] segments)
    {
        Text = text;
        Segments = segments;
    }

    /// <summary>Every placeholder a template may use, case-sensitive (<c>MM</c> is the month, <c>mm</c> the minute).</summary>
    public static IReadOnlyList<string> KnownPlaceholders => Placeholders;

    /// <summary>The template as written.</summary>
    public string Text { get; }

    /// <summary>The template's pieces, in order.</summary>
    public IReadOnlyList<LayoutSegment> Segments { get; }

    /// <summary>Whether the template uses a placeholder.</summary>
    /// <param name="name">The placeholder's name without braces.</param>
    /// <returns><see langword="true"/> when it appears at least once.</returns>
    public bool Uses(string name)
    {
        foreach (LayoutSegment segment in Segments)
        {
            if (segment.IsPlaceholder && string.Equals(segment.Text, name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Parses a template. A template is invalid when a brace is unbalanced, a placeholder is unknown or empty,
    /// it starts with <c>/</c>, or its literal text has an empty (<c>//</c>), <c>.</c> or <c>..</c> path segment,
    /// or a backslash: each would let a key escape or blur the write location.
    /// </summary>
    /// <param name="text">The template.</param>
    /// <param name="template">The parsed template, when valid.</param>
    /// <param name="error">What is wrong, when invalid.</param>
    /// <param name="errorOffset">Where in <paramref name="text"/> the problem is, when invalid.</param>
    /// <returns>Whether the template is valid.</returns>
    public static bool TryParse(string text, out LayoutTemplate? template, out string? error, out int errorOffset)
    {
        template = null;
        error = null;
        errorOffset = 0;
        if (text.Length == 0)
        {
            error = "the layout is empty";
            return false;
        }

        if (text[0] == '/')
        {
            error = "a layout cannot start with '/': keys are relative to the write location";
            return false;
        }

        var segments = new List<LayoutSegment>();
        int literalStart = 0;
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '}')
            {
                error = "'}' without a matching '{'";
                errorOffset = i;
                return false;
            }

            if (c == '\\')
            {
                error = "a layout cannot contain '\\': use '/' between path segments";
                errorOffset = i;
                return false;
            }

            if (c != '{')
            {
                i++;
                continue;
            }

            int close = text.IndexOf('}', i + 1);
            int nextOpen = text.IndexOf('{', i + 1);
            if (close < 0 || (nextOpen >= 0 && nextOpen < close))
            {
                error = "'{' without a matching '}'";
                errorOffset = i;
                return false;
            }

            string name = text.Substring(i + 1, close - i - 1);
            if (Array.IndexOf(Placeholders, name) < 0)
            {
                error = name.Length == 0
                    ? "empty placeholder '{}'"
                    : "unknown placeholder '{" + name + "}'; known placeholders: " + string.Join(", ", Placeholders);
                errorOffset = i;
                return false;
            }

            if (i > literalStart)
            {
                segments.Add(new LayoutSegment(text.Substring(literalStart, i - literalStart), false, literalStart));
            }

            segments.Add(new LayoutSegment(name, true, i));
            i = close + 1;
            literalStart = i;
        }

        if (literalStart < text.Length)
        {
            segments.Add(new LayoutSegment(text.Substring(literalStart), false, literalStart));
        }

        if (!CheckPathSegments(text, segments, out error, out errorOffset))
        {
            return false;
        }

        template = new LayoutTemplate(text, segments.ToArray());
        return true;
    }

    // A path segment made only of literal text must not be empty, "." or ".."; segments with a
    // placeholder are checked again at run time, once their values are known.
    private static bool CheckPathSegments(string text, List<LayoutSegment> segments, out string? error, out int errorOffset)
    {
        error = null;
        errorOffset = 0;
        int segmentStart = 0;
        bool hasPlaceholder = false;
        int segmentIndex = 0;
        for (int position = 0; position <= text.Length; position++)
        {
            while (segmentIndex < segments.Count && segments[segmentIndex].Offset < position)
            {
                segmentIndex++;
            }

            if (segmentIndex < segments.Count && segments[segmentIndex].Offset == position && segments[segmentIndex].IsPlaceholder)
            {
                hasPlaceholder = true;
            }

            if (position < text.Length && text[position] != '/')
            {
                continue;
            }

            string pathSegment = text.Substring(segmentStart, position - segmentStart);
            if (!hasPlaceholder && (pathSegment.Length == 0 || pathSegment == "." || pathSegment == ".."))
            {
                error = pathSegment.Length == 0
                    ? (position == text.Length ? "a layout cannot end with '/': it must name an object" : "a layout cannot contain an empty path segment ('//')")
                    : "a layout cannot contain a '" + pathSegment + "' path segment";
                errorOffset = segmentStart;
                return false;
            }

            segmentStart = position + 1;
            hasPlaceholder = false;
        }

        return true;
    }
}
