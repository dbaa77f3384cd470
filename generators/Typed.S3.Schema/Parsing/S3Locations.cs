using System;

namespace Typed.S3.Schema.Parsing;

/// <summary>Checks <c>s3://bucket/key</c> locations and infers a format from their extension.</summary>
internal static class S3Locations
{
    private const string Scheme = "s3://";

    /// <summary>What is wrong with a location, or <see langword="null"/> when it is valid.</summary>
    /// <param name="location">The location text as the schema gives it (<c>s3://bucket/prefix/</c>, or a glob for reads).</param>
    /// <param name="forWrite">Whether it is a write location: a prefix, without wildcards.</param>
    /// <returns>The problem, or <see langword="null"/>.</returns>
    public static string? Check(string location, bool forWrite)
    {
        string shape = forWrite ? "s3://bucket/prefix/" : "s3://bucket/key-or-glob";
        if (!location.StartsWith(Scheme, StringComparison.Ordinal))
        {
            return "it must start with s3:// (" + shape + ")";
        }

        string rest = location.Substring(Scheme.Length);
        int slash = rest.IndexOf('/');
        string bucket = slash < 0 ? rest : rest.Substring(0, slash);
        if (bucket.Length == 0)
        {
            return "the bucket name is empty (" + shape + ")";
        }

        if (!IsValidBucketName(bucket))
        {
            return "'" + bucket + "' is not a valid S3 bucket name: use 3 to 63 lowercase letters, digits, '.' and '-', starting and ending with a letter or digit";
        }

        string key = slash < 0 ? string.Empty : rest.Substring(slash + 1);
        if (key.IndexOf('\\') >= 0)
        {
            return "a key cannot contain '\\': use '/' between path segments";
        }

        if (forWrite)
        {
            int wildcard = key.IndexOfAny(new[] { '*', '?', '[', ']', '{', '}' });
            if (wildcard >= 0)
            {
                return "a write location is a prefix and cannot contain the wildcard '" + key[wildcard] + "'";
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="bucket"/> follows the S3 bucket naming rules.</summary>
    /// <returns><see langword="true"/> when valid.</returns>
    public static bool IsValidBucketName(string bucket)
    {
        if (bucket.Length < 3 || bucket.Length > 63)
        {
            return false;
        }

        for (int i = 0; i < bucket.Length; i++)
        {
            char c = bucket[i];
            bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (!alnum && c != '.' && c != '-')
            {
                return false;
            }

            if (!alnum && (i == 0 || i == bucket.Length - 1))
            {
                return false;
            }

            if (c == '.' && bucket[i - 1] == '.')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The format name that a location's extension shows (<c>csv</c>, <c>tsv</c>, ...; <c>.gz</c> ignored), or <see langword="null"/>.</summary>
    /// <returns>A format name known to <see cref="SchemaVocabulary.TryParseFormat"/>, or <see langword="null"/>.</returns>
    public static string? InferFormatName(string location)
    {
        string name = location.Substring(location.LastIndexOf('/') + 1).ToLowerInvariant();
        if (name.EndsWith(".gz", StringComparison.Ordinal))
        {
            name = name.Substring(0, name.Length - 3);
        }
        else if (name.EndsWith(".gzip", StringComparison.Ordinal))
        {
            name = name.Substring(0, name.Length - 5);
        }

        int dot = name.LastIndexOf('.');
        if (dot < 0)
        {
            return null;
        }

        string extension = name.Substring(dot + 1);
        return extension switch
        {
            "csv" or "tsv" or "json" or "jsonl" or "ndjson" or "parquet" => extension,
            _ => null,
        };
    }
}
