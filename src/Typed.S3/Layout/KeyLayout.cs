using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Typed.S3.Schema.Layout;

namespace Typed.S3;

/// <summary>
/// A layout template for written objects' keys (<c>{table_name}/{load_id}.{file_id}.{ext}</c>, the dlt/ingestr
/// filesystem layout syntax), rendered per file. Rendered keys cannot escape the write location: a value that
/// makes a <c>.</c>, <c>..</c> or empty path segment, a leading <c>/</c> or a backslash is refused.
/// </summary>
/// <remarks>
/// Placeholders: <c>{schema_name}</c> <c>{table_name}</c> <c>{load_id}</c> <c>{file_id}</c> <c>{ext}</c>;
/// from the load's clock (UTC, invariant culture): <c>{curr_date}</c> (<c>2024-04-05</c>), <c>{timestamp}</c> and
/// <c>{load_package_timestamp}</c> (unix seconds), <c>{timestamp_ms}</c> and <c>{load_package_timestamp_ms}</c>
/// (unix milliseconds), <c>{YYYY}</c> (2024) <c>{YY}</c> (24) <c>{Y}</c> (2024), <c>{MMMM}</c> (april) <c>{MMM}</c> (apr)
/// <c>{MM}</c> (04) <c>{M}</c> (4), <c>{DD}</c> (05) <c>{D}</c> (5), <c>{HH}</c> <c>{H}</c>, <c>{mm}</c> <c>{m}</c>,
/// <c>{ss}</c> <c>{s}</c>, <c>{SSS}</c> (milliseconds, 3 digits), <c>{dddd}</c> (friday) <c>{ddd}</c> (fri),
/// <c>{Q}</c> (quarter, 1-4); and <c>{partition}</c> <c>{offset}</c> when the values carry them.
/// </remarks>
public sealed class KeyLayout
{
    private readonly LayoutTemplate _template;

    private KeyLayout(LayoutTemplate template)
    {
        _template = template;
    }

    /// <summary>The template as written.</summary>
    public string Template => _template.Text;

    /// <summary>Every placeholder a template may use (names without braces; case-sensitive).</summary>
    public static IReadOnlyList<string> KnownPlaceholders => LayoutTemplate.KnownPlaceholders;

    /// <summary>Parses a template.</summary>
    /// <param name="template">A key template such as <c>{table_name}/{partition}/{file_id}.{ext}</c>, using only <see cref="KnownPlaceholders"/>.</param>
    /// <returns>The parsed layout, which renders keys without parsing again.</returns>
    /// <exception cref="FormatException">The template is invalid (an unknown placeholder, an unbalanced brace, a
    /// leading <c>/</c>, a backslash, an empty, <c>.</c> or <c>..</c> segment); the message names it and the problem.</exception>
    public static KeyLayout Parse(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        if (!LayoutTemplate.TryParse(template, out LayoutTemplate? parsed, out string? error, out int errorOffset))
        {
            throw new FormatException(string.Format(CultureInfo.InvariantCulture, "invalid layout '{0}' at position {1}: {2}", template, errorOffset, error));
        }

        return new KeyLayout(parsed!);
    }

    /// <summary>Whether the template uses a placeholder.</summary>
    /// <param name="placeholder">The placeholder's name without braces (<c>partition</c>).</param>
    /// <returns><see langword="true"/> when it appears.</returns>
    public bool Uses(string placeholder) => _template.Uses(placeholder);

    /// <summary>Renders the key of one file.</summary>
    /// <returns>The key, relative to the write location.</returns>
    /// <exception cref="ArgumentException">The template uses <c>{partition}</c> or <c>{offset}</c> and the values lack
    /// it, or a value would make the key escape (a <c>.</c>, <c>..</c> or empty segment, a leading <c>/</c>, a backslash).</exception>
    internal string Render(LayoutValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        DateTimeOffset clock = values.LoadTimestamp.ToUniversalTime();
        var key = new StringBuilder();
        var spans = new List<(string Name, string Value, int Start, int End)>();
        foreach (LayoutSegment segment in _template.Segments)
        {
            if (!segment.IsPlaceholder)
            {
                key.Append(segment.Text);
                continue;
            }

            string value = Expand(segment.Text, values, clock);
            if (value.Contains('\\') || value.Contains('\0'))
            {
                throw new ArgumentException(
                    $"layout '{Template}': the value '{value}' of {{{segment.Text}}} holds a backslash or a NUL, which keys cannot hold",
                    nameof(values));
            }

            spans.Add((segment.Text, value, key.Length, key.Length + value.Length));
            key.Append(value);
        }

        string rendered = key.ToString();
        CheckSegments(rendered, spans);
        return rendered;
    }

    /// <summary>Renders a file's key under a write location.</summary>
    /// <param name="writeLocation">The write location (<c>s3://bucket/prefix/</c>).</param>
    /// <param name="values">What the placeholders render as for this file (load id, file id, partition, names).</param>
    /// <returns>The object's location.</returns>
    /// <exception cref="ArgumentException">See <see cref="Render"/> and <see cref="Combine"/>.</exception>
    /// <exception cref="FormatException">The write location is not an <c>s3://bucket/prefix</c> URI.</exception>
    internal ObjectLocation RenderLocation(string writeLocation, LayoutValues values) => Combine(writeLocation, Render(values));

    /// <summary>
    /// Puts a rendered key under a write location: <c>s3://bucket/exports</c> and <c>t/1.csv</c> give
    /// <c>s3://bucket/exports/t/1.csv</c> (a prefix without a trailing <c>/</c> gets one).
    /// </summary>
    /// <param name="writeLocation">The write location (<c>s3://bucket/prefix/</c>, or <c>s3://bucket/</c>).</param>
    /// <param name="renderedKey">The key relative to it.</param>
    /// <returns>The object's location.</returns>
    /// <exception cref="FormatException">The write location is not an <c>s3://bucket/prefix</c> URI.</exception>
    /// <exception cref="ArgumentException">The combined key has an empty, <c>.</c> or <c>..</c> segment, a leading <c>/</c> or a backslash.</exception>
    public static ObjectLocation Combine(string writeLocation, string renderedKey)
    {
        ArgumentNullException.ThrowIfNull(writeLocation);
        ArgumentNullException.ThrowIfNull(renderedKey);
        ObjectLocation target = ObjectLocation.Parse(writeLocation);
        string prefix = target.Key.Length == 0 || target.Key.EndsWith('/') ? target.Key : target.Key + "/";
        string key = prefix + renderedKey;
        string? problem = ObjectKeys.FindProblem(key);
        if (problem is not null)
        {
            throw new ArgumentException($"the key '{renderedKey}' under '{writeLocation}' gives '{key}': {problem}", nameof(renderedKey));
        }

        return new ObjectLocation(target.Bucket, key);
    }

    private string Expand(string name, LayoutValues values, DateTimeOffset clock)
    {
        CultureInfo invariant = CultureInfo.InvariantCulture;
        DateTimeFormatInfo names = invariant.DateTimeFormat;
        return name switch
        {
            "schema_name" => values.SchemaName,
            "table_name" => values.TableName,
            "load_id" => values.LoadId,
            "file_id" => values.FileId,
            "ext" => values.Extension,
            "curr_date" => clock.ToString("yyyy-MM-dd", invariant),
            "timestamp" or "load_package_timestamp" => clock.ToUnixTimeSeconds().ToString(invariant),
            "timestamp_ms" or "load_package_timestamp_ms" => clock.ToUnixTimeMilliseconds().ToString(invariant),
            "YYYY" or "Y" => clock.Year.ToString("D4", invariant),
            "YY" => (clock.Year % 100).ToString("D2", invariant),
            "MMMM" => names.GetMonthName(clock.Month).ToLowerInvariant(),
            "MMM" => names.GetAbbreviatedMonthName(clock.Month).ToLowerInvariant(),
            "MM" => clock.Month.ToString("D2", invariant),
            "M" => clock.Month.ToString(invariant),
            "DD" => clock.Day.ToString("D2", invariant),
            "D" => clock.Day.ToString(invariant),
            "HH" => clock.Hour.ToString("D2", invariant),
            "H" => clock.Hour.ToString(invariant),
            "mm" => clock.Minute.ToString("D2", invariant),
            "m" => clock.Minute.ToString(invariant),
            "ss" => clock.Second.ToString("D2", invariant),
            "s" => clock.Second.ToString(invariant),
            "SSS" => clock.Millisecond.ToString("D3", invariant),
            "dddd" => names.GetDayName(clock.DayOfWeek).ToLowerInvariant(),
            "ddd" => names.GetAbbreviatedDayName(clock.DayOfWeek).ToLowerInvariant(),
            "Q" => (((clock.Month - 1) / 3) + 1).ToString(invariant),
            "partition" => values.Partition?.ToString(invariant) ?? throw Missing(name),
            "offset" => values.Offset?.ToString(invariant) ?? throw Missing(name),
            _ => throw new InvalidOperationException($"layout '{Template}': the placeholder {{{name}}} has no renderer"),
        };
    }

    private ArgumentException Missing(string name) =>
        new($"layout '{Template}' uses {{{name}}} but the values have no {name}", "values");

    // Every path segment must be non-empty and neither "." nor "..": the literal ones were checked when the
    // template was parsed, so a bad one here comes from a value, which the message names.
    private void CheckSegments(string key, List<(string Name, string Value, int Start, int End)> spans)
    {
        int start = 0;
        while (true)
        {
            int slash = key.IndexOf('/', start);
            int end = slash < 0 ? key.Length : slash;
            string segment = key.Substring(start, end - start);
            string? problem = segment.Length switch
            {
                0 when start == 0 => "starts with '/' or an empty path segment",
                0 when slash < 0 => "ends with '/'",
                0 => "has an empty path segment ('//')",
                _ when segment is "." or ".." => "has a '" + segment + "' path segment",
                _ => null,
            };
            if (problem is not null)
            {
                var culprits = new StringBuilder();
                foreach ((string name, string value, int spanStart, int spanEnd) in spans)
                {
                    if (spanStart <= end && spanEnd >= start && (spanEnd > spanStart || spanStart == start || spanStart == end))
                    {
                        culprits.Append(culprits.Length == 0 ? "; from " : ", ").Append('{').Append(name).Append("} = '").Append(value).Append('\'');
                    }
                }

                throw new ArgumentException($"layout '{Template}' renders the key '{key}', which {problem}{culprits}", "values");
            }

            if (slash < 0)
            {
                return;
            }

            start = slash + 1;
        }
    }
}
