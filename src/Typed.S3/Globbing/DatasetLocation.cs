using System;

namespace Typed.S3;

/// <summary>
/// Where a dataset's objects are: <c>s3://bucket/key</c> for one object, or <c>s3://bucket/glob</c>
/// (<c>s3://my-bucket/data/sales/**/*.csv</c>) for many.
/// </summary>
internal readonly record struct DatasetLocation
{
    /// <summary>Creates a location.</summary>
    /// <param name="bucket">The bucket; not empty, no <c>/</c>.</param>
    /// <param name="glob">The key or key pattern.</param>
    public DatasetLocation(string bucket, KeyGlob glob)
    {
        ArgumentException.ThrowIfNullOrEmpty(bucket);
        ArgumentNullException.ThrowIfNull(glob);
        if (bucket.Contains('/'))
        {
            throw new ArgumentException($"A bucket name cannot contain '/': '{bucket}'.", nameof(bucket));
        }

        Bucket = bucket;
        Glob = glob;
    }

    /// <summary>The bucket name (no wildcards are allowed in it).</summary>
    public string Bucket { get; }

    /// <summary>The key, or the pattern keys must match.</summary>
    public KeyGlob Glob { get; }

    /// <summary>Parses <c>s3://bucket/key-or-glob</c>. A <c>?</c> in the key is the one-character wildcard, not a query.</summary>
    /// <returns>The parsed location.</returns>
    /// <exception cref="FormatException">The text is not an <c>s3://</c> URI, names no bucket or no key, or its pattern is invalid.</exception>
    public static DatasetLocation Parse(string location)
    {
        ArgumentNullException.ThrowIfNull(location);
        const string Scheme = "s3://";
        if (!location.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            throw new FormatException($"'{location}' is not a dataset location: write s3://bucket/key or s3://bucket/pattern");
        }

        string rest = location.Substring(Scheme.Length);
        int slash = rest.IndexOf('/');
        string bucket = slash < 0 ? rest : rest.Substring(0, slash);
        if (bucket.Length == 0)
        {
            throw new FormatException($"'{location}' names no bucket: write s3://bucket/key or s3://bucket/pattern");
        }

        if (bucket.IndexOfAny(['?', '#', '@', ':', '*', '[', '{', '\\']) >= 0)
        {
            throw new FormatException($"'{location}' has an invalid bucket name '{bucket}'");
        }

        string pattern = slash < 0 ? string.Empty : rest.Substring(slash + 1);
        if (pattern.Length == 0)
        {
            throw new FormatException($"'{location}' names no key or pattern: write s3://{bucket}/** for every object of the bucket");
        }

        KeyGlob glob;
        try
        {
            glob = KeyGlob.Parse(pattern);
        }
        catch (FormatException exception)
        {
            throw new FormatException($"'{location}' is not a valid dataset location: {exception.Message}", exception);
        }

        return new DatasetLocation(bucket, glob);
    }

    /// <summary>The location as <c>s3://bucket/pattern</c>.</summary>
    /// <returns>The URI text.</returns>
    public override string ToString() => Bucket is null ? string.Empty : "s3://" + Bucket + "/" + Glob.Pattern;
}
