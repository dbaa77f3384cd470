using System;

namespace Typed.S3;

/// <summary>An object's bucket and key, written <c>s3://bucket/key</c> whatever the store.</summary>
public readonly record struct ObjectLocation
{
    /// <summary>Creates a location.</summary>
    /// <param name="bucket">The bucket name; not empty, no <c>/</c>.</param>
    /// <param name="key">The key (no leading <c>/</c>); empty only for a bucket's root.</param>
    public ObjectLocation(string bucket, string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(bucket);
        ArgumentNullException.ThrowIfNull(key);
        if (bucket.Contains('/'))
        {
            throw new ArgumentException($"A bucket name cannot contain '/': '{bucket}'.", nameof(bucket));
        }

        Bucket = bucket;
        Key = key;
    }

    /// <summary>The bucket name, without <c>s3://</c>.</summary>
    public string Bucket { get; }

    /// <summary>The object key within the bucket, as given (not URL-decoded); empty only for a bucket's root.</summary>
    public string Key { get; }

    /// <summary>Parses <c>s3://bucket/key</c>.</summary>
    /// <param name="uri">An <c>s3://bucket/key</c> URI (scheme in any case); the bucket must not be empty, and the key is taken as written (not URL-decoded).</param>
    /// <returns>The bucket and key.</returns>
    /// <exception cref="FormatException">The text is not an <c>s3://bucket/key</c> URI.</exception>
    public static ObjectLocation Parse(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!TryParse(uri, out ObjectLocation location))
        {
            throw new FormatException($"'{uri}' is not an object location of the form s3://bucket/key.");
        }

        return location;
    }

    /// <summary>Tries to parse <c>s3://bucket/key</c>.</summary>
    /// <param name="uri">The text to parse; <see langword="null"/> does not parse.</param>
    /// <param name="location">The location, when the text parses.</param>
    /// <returns>Whether the text parsed.</returns>
    public static bool TryParse(string? uri, out ObjectLocation location)
    {
        location = default;
        const string Scheme = "s3://";
        if (uri is null || !uri.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        string rest = uri.Substring(Scheme.Length);
        int slash = rest.IndexOf('/');
        string bucket = slash < 0 ? rest : rest.Substring(0, slash);
        string key = slash < 0 ? string.Empty : rest.Substring(slash + 1);
        if (bucket.Length == 0 || bucket.IndexOfAny(['?', '#', '@', ':']) >= 0)
        {
            return false;
        }

        location = new ObjectLocation(bucket, key);
        return true;
    }

    /// <summary>The location as <c>s3://bucket/key</c>.</summary>
    /// <returns>The URI text.</returns>
    public override string ToString() => Bucket is null ? string.Empty : "s3://" + Bucket + "/" + Key;
}
