using System;

namespace Typed.S3;

/// <summary>File extensions of the dataset formats, both ways.</summary>
internal static class DatasetFormats
{
    /// <summary>The extension written for a format, without the dot: <c>csv</c>, <c>tsv</c>, <c>json</c>, <c>jsonl</c>, <c>parquet</c>.</summary>
    /// <returns>The extension.</returns>
    public static string Extension(DatasetFormat format) => format switch
    {
        DatasetFormat.Csv => "csv",
        DatasetFormat.Tsv => "tsv",
        DatasetFormat.Json => "json",
        DatasetFormat.JsonLines => "jsonl",
        DatasetFormat.Parquet => "parquet",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    /// <summary>The extension written for a format and compression: <c>csv.gz</c> for gzip-compressed CSV.</summary>
    /// <param name="format">The format written; Parquet never takes a <c>.gz</c> suffix.</param>
    /// <param name="compression">The compression written.</param>
    /// <returns>The extension, without the leading dot.</returns>
    public static string Extension(DatasetFormat format, ObjectCompression compression) =>
        Extension(format) + (compression == ObjectCompression.Gzip && IsCompressible(format) ? ".gz" : string.Empty);

    /// <summary>Whether whole objects of the format are compressed (gzip); Parquet compresses inside the file instead.</summary>
    /// <returns><see langword="true"/> for the text formats.</returns>
    public static bool IsCompressible(DatasetFormat format) => format != DatasetFormat.Parquet;

    /// <summary>
    /// The format an object key's extension names: <c>.csv</c>, <c>.tsv</c>, <c>.json</c>, <c>.jsonl</c> or
    /// <c>.ndjson</c>, <c>.parquet</c>, each optionally followed by <c>.gz</c> (case-insensitive).
    /// </summary>
    /// <param name="key">The object key (or any path); only its last extensions are read.</param>
    /// <param name="format">The format, when the extension names one.</param>
    /// <returns>Whether the extension names a format.</returns>
    public static bool TryFromKey(string key, out DatasetFormat format)
    {
        ArgumentNullException.ThrowIfNull(key);
        ReadOnlySpan<char> name = key.AsSpan(key.LastIndexOf('/') + 1);
        if (name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            name = name.Slice(0, name.Length - 3);
        }

        int dot = name.LastIndexOf('.');
        ReadOnlySpan<char> extension = dot < 0 ? ReadOnlySpan<char>.Empty : name.Slice(dot + 1);
        format = default;
        if (extension.Equals("csv", StringComparison.OrdinalIgnoreCase))
        {
            format = DatasetFormat.Csv;
        }
        else if (extension.Equals("tsv", StringComparison.OrdinalIgnoreCase))
        {
            format = DatasetFormat.Tsv;
        }
        else if (extension.Equals("json", StringComparison.OrdinalIgnoreCase))
        {
            format = DatasetFormat.Json;
        }
        else if (extension.Equals("jsonl", StringComparison.OrdinalIgnoreCase) || extension.Equals("ndjson", StringComparison.OrdinalIgnoreCase))
        {
            format = DatasetFormat.JsonLines;
        }
        else if (extension.Equals("parquet", StringComparison.OrdinalIgnoreCase))
        {
            format = DatasetFormat.Parquet;
        }
        else
        {
            return false;
        }

        return true;
    }
}
