using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Typed.S3;

/// <summary>
/// Reads the <c>s3://</c> connection strings users bring from other tools into <see cref="S3StoreOptions"/>:
/// <list type="bullet">
/// <item><c>s3://?access_key_id=K&amp;secret_access_key=S[&amp;session_token=T][&amp;region=R][&amp;endpoint_url=U][&amp;layout=L]</c></item>
/// <item><c>s3://K:S@REGION[/BUCKET[/PREFIX]]</c>, key and secret percent-encoded</item>
/// <item><c>s3://BUCKET[/PREFIX][?region=R&amp;profile=P[&amp;credentials_file=PATH]]</c>, the prefix may be a glob</item>
/// <item><c>s3://</c> alone: the AWS default credential chain, region <c>us-east-1</c></item>
/// </list>
/// Parameters: <c>access_key_id</c> (alias <c>aws_access_key_id</c>), <c>secret_access_key</c>
/// (<c>aws_secret_access_key</c>), <c>session_token</c> (<c>aws_session_token</c>), <c>region</c> (<c>region_name</c>,
/// <c>aws_region</c>), <c>endpoint_url</c> (<c>endpoint</c>, <c>aws_endpoint_url</c>), <c>profile</c>
/// (<c>profile_name</c>, <c>aws_profile</c>), <c>credentials_file</c> (<c>shared_credentials_file</c>),
/// <c>layout</c>, <c>payload_signing</c> and <c>force_path_style</c> (<c>true</c> or <c>false</c>); names are matched
/// in any case, values are percent-decoded (a <c>+</c> stays a plus).
/// <para>
/// Since <c>?</c> is also the one-character glob wildcard, the query starts at the first <c>?</c> that is followed by
/// <c>name=</c> for one of the names above; any other <c>?</c> belongs to the location. A <c>?</c> followed by an
/// unknown <c>name=value</c> (without a <c>/</c> before the next <c>&amp;</c>) is taken for a misspelt parameter and
/// refused; to match one character there, write the wildcard as <c>[!/]</c>. The location (bucket and prefix) is
/// taken as written, not percent-decoded, exactly as a dataset location is read.
/// </para>
/// <para>
/// Whitespace around the text (a trailing line break read from a file) is ignored; a line break, tab or other
/// control character inside it is refused. Text that starts with <c>s3:</c> but not <c>s3://</c> (<c>s3:/bucket</c>,
/// <c>s3:bucket</c>) is refused, never guessed at. In <c>KEY:SECRET@REGION</c>, a second <c>@</c> before the bucket, or
/// a region that is not lower-case letters, digits and <c>-</c> (or, without <c>endpoint_url</c>, not shaped like an
/// AWS region), is refused as a secret holding an unencoded <c>@</c>; so is user info without any <c>@</c>.
/// Every message quotes the text masked (<see cref="Mask"/>), and names or values only where the mask shows them.
/// </para>
/// </summary>
public static partial class S3ConnectionString
{
    private const string Scheme = "s3://";

    /// <summary>Reads a connection string into options and checks them (<see cref="S3StoreOptions.Validate"/>).</summary>
    /// <param name="connectionString">An <c>s3://</c> connection string, with any secrets it holds; surrounding whitespace is ignored.</param>
    /// <returns>New, checked options; nothing is contacted and no credentials are resolved yet.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="connectionString"/> is <see langword="null"/>.</exception>
    /// <exception cref="ConnectionStringException">The text is not an <c>s3://</c> connection string, is malformed, has
    /// an unknown, repeated or empty parameter, an invalid value, or half-given credentials. The message quotes the
    /// connection string masked (<see cref="Mask"/>).</exception>
    public static S3StoreOptions Parse(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        string? problem = TryRead(connectionString, out S3StoreOptions options);
        if (problem is null)
        {
            try
            {
                options.Validate();
                return options;
            }
            catch (ArgumentException invalid)
            {
                throw new ConnectionStringException(Mask(connectionString), invalid.Message, invalid);
            }
        }

        throw new ConnectionStringException(Mask(connectionString), problem);
    }

    /// <summary>Reads a connection string into options, reporting failure instead of throwing.</summary>
    /// <param name="connectionString">The text to read; <see langword="null"/> is not a valid connection string.</param>
    /// <param name="options">The checked options, when the text is a valid connection string.</param>
    /// <returns>Whether the text is a valid <c>s3://</c> connection string.</returns>
    public static bool TryParse([NotNullWhen(true)] string? connectionString, [NotNullWhen(true)] out S3StoreOptions? options)
    {
        options = null;
        if (connectionString is null || TryRead(connectionString, out S3StoreOptions read) is not null)
        {
            return false;
        }

        try
        {
            read.Validate();
        }
        catch (ArgumentException)
        {
            return false;
        }

        options = read;
        return true;
    }

    /// <summary>
    /// Masks the secrets of a connection string, well-formed or not, for messages and logs: the secret of
    /// <c>KEY:SECRET@</c>, the values of <c>secret_access_key</c>, <c>session_token</c> and every parameter whose name
    /// suggests a secret (<c>password</c>, <c>token</c>, <c>api_key</c> ...), credentials inside URL values; access key
    /// ids are cut to their first four characters. Where it cannot tell where a secret ends, it hides more: a secret
    /// value runs to the next known parameter (an unencoded <c>&amp;x=</c> stays inside it), <c>s3://KEY:SECRET</c>
    /// without an <c>@</c> is hidden to the end, a region that does not look like one is hidden, and user info is
    /// found after <c>s3:</c> with any number of slashes (<c>s3:/KEY:SECRET@...</c>) and after leading whitespace.
    /// </summary>
    /// <param name="connectionString">The connection string, any scheme, or a path.</param>
    /// <returns>The text with <c>****</c> in place of each secret.</returns>
    public static string Mask(string? connectionString) => ConnectionStringMask.Mask(connectionString);

    // Reads the text into options; returns the problem (without secrets) or null.
    private static string? TryRead(string connectionString, out S3StoreOptions options)
    {
        options = new S3StoreOptions();

        // Whitespace around the text (a line break read from a file, a space copied with it) is not part of it.
        string text = connectionString.Trim();
        if (!ConnectionStringMask.StartsWithS3Scheme(text))
        {
            return "an S3 connection string starts with s3://.";
        }

        if (!text.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) || (text.Length > Scheme.Length && text[Scheme.Length] == '\\'))
        {
            return "an S3 connection string starts with s3:// (two slashes), as in s3://BUCKET/PREFIX, s3://KEY:SECRET@REGION/BUCKET or s3://?access_key_id=...";
        }

        if (text.AsSpan().IndexOfAnyInRange('\0', '\x1f') >= 0 || text.Contains('\x7f'))
        {
            return "the connection string holds a line break, a tab or another control character: write it on one line (percent-encode such characters in values, a line break as %0A).";
        }

        int queryStart = FindQueryStart(text, Scheme.Length);
        string location = text.Substring(Scheme.Length, queryStart - Scheme.Length);
        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        string? problem = location.Length == 0 ? null : ReadLocation(location, options, given);
        if (problem is not null)
        {
            return problem;
        }

        if (queryStart < text.Length)
        {
            problem = ReadQuery(text.Substring(queryStart + 1), options, given);
            if (problem is not null)
            {
                return problem;
            }
        }

        if (given.TryGetValue(S3ConnectionParameter.Region, out string? regionSource) && regionSource == HostPart
            && string.IsNullOrEmpty(options.EndpointUrl) && !AwsRegionName().IsMatch(options.Region!))
        {
            // Not shown: when the secret holds an unencoded '@', what follows it looks like a region.
            return "the region after '@' is not an AWS region name (such as us-east-1 or eu-west-1): for an S3-compatible store give endpoint_url; if the secret holds '@', percent-encode it as %40.";
        }

        return CheckCredentials(options);
    }

    // AWS region names: us-east-1, eu-west-2, us-gov-west-1, cn-north-1, us-isob-east-1.
    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex AwsRegionName();

    // The index of the '?' that starts the query (followed by a known "name="), or the text's length.
    private static int FindQueryStart(string text, int start)
    {
        for (int i = start; i < text.Length; i++)
        {
            if (text[i] == '?' && S3ConnectionParameter.StartsKnownPair(text, i + 1))
            {
                return i;
            }
        }

        return text.Length;
    }

    // A '?' followed by an unknown "name=value" without a '/' in the value is a misspelt parameter, not a glob.
    private static string? CheckForMisspeltQuery(string location)
    {
        for (int i = location.IndexOf('?'); i >= 0; i = location.IndexOf('?', i + 1))
        {
            int nameEnd = ConnectionStringMask.ReadName(location, i + 1);
            if (nameEnd == i + 1 || nameEnd >= location.Length || location[nameEnd] != '=' || !char.IsAsciiLetter(location[i + 1]))
            {
                continue;
            }

            int valueEnd = location.IndexOf('&', nameEnd);
            ReadOnlySpan<char> value = location.AsSpan(nameEnd + 1, (valueEnd < 0 ? location.Length : valueEnd) - nameEnd - 1);
            if (!value.Contains('/'))
            {
                string name = location.Substring(i + 1, nameEnd - i - 1);
                return $"unknown parameter '{name}' (known: {KnownNames}); to match one character before '{name}=' in a glob, write [!/] instead of '?'.";
            }
        }

        return null;
    }

    // "KEY:SECRET@REGION[/BUCKET[/PREFIX]]" or "BUCKET[/PREFIX]". Messages quote nothing of the user info, and of the
    // rest only what the mask shows.
    private static string? ReadLocation(string location, S3StoreOptions options, Dictionary<string, string> given)
    {
        int firstSlash = location.IndexOf('/');
        string authority = firstSlash < 0 ? location : location.Substring(0, firstSlash);
        string bucketAndPrefix;
        if (authority.Contains(':') || authority.Contains('@'))
        {
            // Bucket names hold neither ':' nor '@': this is KEY:SECRET@REGION.
            int at = location.IndexOf('@');
            if (at < 0)
            {
                return "credentials in the URI are written KEY:SECRET@REGION/BUCKET, and no '@' was found: add the region (such as @us-east-1) and percent-encode '/', '@' and ':' in the key and secret; a bucket name cannot hold ':'.";
            }

            if (firstSlash >= 0 && firstSlash < at)
            {
                return PercentEncodeUserInfo;
            }

            string rest = location.Substring(at + 1);
            int slash = rest.IndexOf('/');
            string region = slash < 0 ? rest : rest.Substring(0, slash);
            if (region.Contains('@'))
            {
                // A second '@' before the bucket: the secret holds an unencoded '@', so where it ends is a guess.
                return PercentEncodeUserInfo;
            }

            string userInfo = location.Substring(0, at);
            int colon = userInfo.IndexOf(':');
            string key = ConnectionStringMask.Decode(colon < 0 ? userInfo : userInfo.Substring(0, colon));
            string secret = colon < 0 ? string.Empty : ConnectionStringMask.Decode(userInfo.Substring(colon + 1));
            if (key.Length == 0 || secret.Length == 0)
            {
                return key.Length == 0
                    ? "the user info before '@' has a secret but no access key id (write KEY:SECRET@REGION)."
                    : "the user info before '@' has an access key id but no secret access key (write KEY:SECRET@REGION).";
            }

            options.AccessKeyId = key;
            options.SecretAccessKey = secret;
            given[S3ConnectionParameter.AccessKeyId] = "the user info";
            given[S3ConnectionParameter.SecretAccessKey] = "the user info";
            if (region.Length == 0)
            {
                return "no region after '@' (write KEY:SECRET@REGION/BUCKET, such as @us-east-1/my-bucket).";
            }

            if (!ConnectionStringMask.IsHostRegion(region))
            {
                // Not quoted (the mask hides it too): after an unencoded '@' in the secret, this is a piece of it.
                return "the region after '@' is not a region name in lower case (letters, digits and '-', such as eu-west-1); if the secret holds '@', percent-encode it as %40 (a region of another form goes in the query form's region=).";
            }

            options.Region = region;
            given[S3ConnectionParameter.Region] = HostPart;
            bucketAndPrefix = slash < 0 ? string.Empty : rest.Substring(slash + 1);
        }
        else
        {
            bucketAndPrefix = location;
        }

        if (bucketAndPrefix.Length == 0)
        {
            return null;
        }

        string? problem = CheckForMisspeltQuery(bucketAndPrefix);
        if (problem is not null)
        {
            return problem;
        }

        int bucketEnd = bucketAndPrefix.IndexOf('/');
        string bucket = bucketEnd < 0 ? bucketAndPrefix : bucketAndPrefix.Substring(0, bucketEnd);
        if (bucket.Length == 0)
        {
            return "no bucket name before the prefix (write s3://BUCKET/PREFIX).";
        }

        if (bucket.AsSpan().IndexOfAny("*?[]{}\\ ") >= 0)
        {
            return $"the bucket name{Quote(" ", bucket, "*?[]{} ")} holds a wildcard or a space: globs are for the prefix only.";
        }

        string prefix = bucketEnd < 0 ? string.Empty : bucketAndPrefix.Substring(bucketEnd + 1);
        options.DefaultLocation = prefix.Length == 0 ? Scheme + bucket : Scheme + bucket + "/" + prefix;
        return null;
    }

    private static string? ReadQuery(string query, S3StoreOptions options, Dictionary<string, string> given)
    {
        bool afterSecret = false;
        foreach (string pair in query.Split('&'))
        {
            int equals = pair.IndexOf('=');
            if (equals <= 0)
            {
                return pair.Length == 0
                    ? "an empty parameter (two '&' in a row, or a trailing '&' or '?')."
                    : "a parameter without '=' (write name=value; percent-encode '&' in values as %26).";
            }

            string name = pair.Substring(0, equals);
            if (!S3ConnectionParameter.TryGetCanonical(name, out string canonical))
            {
                if (afterSecret)
                {
                    // "secret_access_key=abc&x=yz": the name may be a piece of a secret that holds an unencoded '&'.
                    return $"an unknown parameter follows a secret (its name is not shown: if the secret holds '&', it is part of it; percent-encode '&' as %26) (known: {KnownNames}).";
                }

                return ConnectionStringMask.ReadName(name, 0) == name.Length
                    ? $"unknown parameter '{name}' (known: {KnownNames})."
                    : $"a malformed parameter name (known: {KnownNames}; percent-encode '&' in values as %26).";
            }

            afterSecret = S3ConnectionParameter.IsSecret(canonical);

            if (given.TryGetValue(canonical, out string? earlier))
            {
                return $"the parameter '{canonical}' is given twice (as {earlier} and as '{name}').";
            }

            given[canonical] = $"'{name}'";
            string value = ConnectionStringMask.Decode(pair.Substring(equals + 1));
            if (value.Length == 0)
            {
                return $"the parameter '{name}' has no value.";
            }

            string? problem = Apply(canonical, name, value, options);
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    private static string? Apply(string canonical, string name, string value, S3StoreOptions options)
    {
        switch (canonical)
        {
            case S3ConnectionParameter.AccessKeyId:
                options.AccessKeyId = value;
                return null;
            case S3ConnectionParameter.SecretAccessKey:
                options.SecretAccessKey = value;
                return null;
            case S3ConnectionParameter.SessionToken:
                options.SessionToken = value;
                return null;
            case S3ConnectionParameter.Region:
                options.Region = value;
                return CheckRegion(value);
            case S3ConnectionParameter.EndpointUrl:
                options.EndpointUrl = value;
                return null;
            case S3ConnectionParameter.Layout:
                options.Layout = value;
                return null;
            case S3ConnectionParameter.Profile:
                options.Profile = value;
                return null;
            case S3ConnectionParameter.CredentialsFile:
                options.CredentialsFile = value;
                return null;
            case S3ConnectionParameter.PayloadSigning:
                bool? signing = ParseBoolean(value);
                options.PayloadSigning = signing ?? true;
                return signing is null ? $"the parameter '{name}' must be true or false{Quote(", not ", value)}." : null;
            default:
                bool? pathStyle = ParseBoolean(value);
                options.ForcePathStyle = pathStyle;
                return pathStyle is null ? $"the parameter '{name}' must be true or false{Quote(", not ", value)}." : null;
        }
    }

    private static bool? ParseBoolean(string value) =>
        string.Equals(value, "true", StringComparison.OrdinalIgnoreCase) ? true
        : string.Equals(value, "false", StringComparison.OrdinalIgnoreCase) ? false
        : null;

    // Region names are letters, digits and '-' (us-east-1, auto, garage); anything else is a mistake.
    private static string? CheckRegion(string region)
    {
        foreach (char c in region)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-')
            {
                return $"the region{Quote(" ", region)} is not a region name (letters, digits and '-', such as eu-west-1).";
            }
        }

        return null;
    }

    // " 'value'" after the lead, for a value that cannot hold a piece of a secret (a short word: letters, digits,
    // '-', '_', '.', spaces); nothing for any other, which may have swallowed the rest of a malformed string.
    private static string Quote(string lead, string value, string alsoShown = "")
    {
        if (value.Length > 64)
        {
            return string.Empty;
        }

        foreach (char c in value)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.' or ' ') && !alsoShown.Contains(c))
            {
                return string.Empty;
            }
        }

        return lead + "'" + value + "'";
    }

    private static string? CheckCredentials(S3StoreOptions options)
    {
        if (!string.IsNullOrEmpty(options.CredentialsFile) && !string.IsNullOrEmpty(options.AccessKeyId))
        {
            return "explicit keys and a credentials_file were both given: use one or the other.";
        }

        return null;
    }

    private const string HostPart = "the host part";

    private const string PercentEncodeUserInfo =
        "the key and secret before '@' must be percent-encoded ('/' as %2F, '+' as %2B, '@' as %40, ':' as %3A).";

    private const string KnownNames = "access_key_id, secret_access_key, session_token, region, endpoint_url, layout, profile, credentials_file, payload_signing, force_path_style";
}
