using System;

namespace Typed.S3;

/// <summary>
/// The settings of an Amazon S3 or S3-compatible store: what <c>s3://</c> connection strings say, as an options
/// object that configuration binding can fill (<c>services.Configure&lt;S3StoreOptions&gt;(section)</c>).
/// Secrets set here never appear in <see cref="ToString"/>, logs or exception messages.
/// </summary>
public sealed class S3StoreOptions
{
    /// <summary>The default <see cref="Region"/>.</summary>
    public const string DefaultRegion = "us-east-1";

    /// <summary>The default <see cref="PartSize"/>: 8 MiB.</summary>
    public const int DefaultPartSize = 8 * 1024 * 1024;

    /// <summary>The smallest part S3 accepts in a multipart upload (except the last): 5 MiB.</summary>
    public const int MinimumPartSize = 5 * 1024 * 1024;

    /// <summary>The AWS region, such as <c>eu-west-1</c>; <c>us-east-1</c> when not set.</summary>
    public string? Region { get; set; }

    /// <summary>An access key id; set together with <see cref="SecretAccessKey"/>, or neither.</summary>
    public string? AccessKeyId { get; set; }

    /// <summary>The secret access key of <see cref="AccessKeyId"/>.</summary>
    public string? SecretAccessKey { get; set; }

    /// <summary>A session token, for temporary credentials (with <see cref="AccessKeyId"/> and <see cref="SecretAccessKey"/>).</summary>
    public string? SessionToken { get; set; }

    /// <summary>A named profile of the shared credentials/config files (SSO profiles included).</summary>
    public string? Profile { get; set; }

    /// <summary>The path of the credentials file that holds <see cref="Profile"/>, instead of <c>~/.aws/credentials</c>.</summary>
    public string? CredentialsFile { get; set; }

    /// <summary>
    /// The endpoint of an S3-compatible store (MinIO, R2, Spaces, Ceph), such as <c>http://localhost:9000</c>.
    /// It turns on path-style addressing and the request settings such stores accept: checksums only when an
    /// operation requires them, and no aws-chunked uploads.
    /// </summary>
    public string? EndpointUrl { get; set; }

    /// <summary>Whether to address buckets in the path (<c>host/bucket/key</c>); by default only with <see cref="EndpointUrl"/>.</summary>
    public bool? ForcePathStyle { get; set; }

    /// <summary>Whether request payloads are signed; Cloudflare R2 needs <see langword="false"/> (unsigned payloads over HTTPS).</summary>
    public bool PayloadSigning { get; set; } = true;

    /// <summary>
    /// A location the connection string named (<c>s3://bucket/prefix/**/*.csv</c>), for the application to use; the
    /// store itself reads and writes wherever it is asked to.
    /// </summary>
    public string? DefaultLocation { get; set; }

    /// <summary>A layout template that replaces the schema's <c>write.layout</c> for writes through this store.</summary>
    public string? Layout { get; set; }

    /// <summary>The size of multipart-upload parts; writes smaller than this are one request. At least 5 MiB.</summary>
    public int PartSize { get; set; } = DefaultPartSize;

    /// <summary>How many parts of one upload are sent at once; memory held is about this times <see cref="PartSize"/>.</summary>
    public int MaxConcurrentParts { get; set; } = 4;

    /// <summary>How many of the next objects of a glob are opened ahead while one is read, so small objects do not wait on round trips.</summary>
    public int ReadAhead { get; set; } = 4;

    /// <summary>
    /// How many times in a row a read whose body fails part way (a reset connection, a premature end, no bytes for
    /// <see cref="ReadTimeout"/>, a 5xx answer to the resume) is resumed before the read fails with an
    /// <see cref="ObjectReadException"/>. Each resume is a ranged GET from the next unread byte, pinned to the object's
    /// ETag; one that brings new bytes starts the count again. 0 turns resuming off. Default 5.
    /// </summary>
    public int ReadRetries { get; set; } = 5;

    /// <summary>The pause before the first resume of a read; it doubles with each failure in a row (up to 64 times this). Default 200 ms.</summary>
    public TimeSpan ReadRetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// How long a read waits for the next bytes of a body before its connection is taken for dead and the read
    /// resumed (counted as a failure, see <see cref="ReadRetries"/>). Default 30 s; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> waits for ever.
    /// </summary>
    public TimeSpan ReadTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The region in effect: <see cref="Region"/>, else <see cref="DefaultRegion"/>.</summary>
    public string EffectiveRegion => string.IsNullOrWhiteSpace(Region) ? DefaultRegion : Region!;

    /// <summary>Checks that the settings make sense together.</summary>
    /// <exception cref="ArgumentException">A key without its secret (or the reverse), a session token without keys, keys together with a profile, an endpoint that is not an absolute http(s) URI (or has user info, a query or a fragment), unsigned payloads to an http:// endpoint, or a part size or concurrency out of range. The message never holds a secret.</exception>
    public void Validate()
    {
        bool hasKey = !string.IsNullOrEmpty(AccessKeyId);
        bool hasSecret = !string.IsNullOrEmpty(SecretAccessKey);
        if (hasKey != hasSecret)
        {
            throw new ArgumentException(hasKey
                ? "An access key id was given without its secret access key."
                : "A secret access key was given without its access key id.");
        }

        if (!string.IsNullOrEmpty(SessionToken) && !hasKey)
        {
            throw new ArgumentException("A session token was given without an access key id and secret access key.");
        }

        if (hasKey && !string.IsNullOrEmpty(Profile))
        {
            throw new ArgumentException($"Both explicit keys and the profile '{Profile}' were given: use one or the other.");
        }

        if (!string.IsNullOrEmpty(EndpointUrl)
            && (!Uri.TryCreate(EndpointUrl, UriKind.Absolute, out Uri? endpoint) || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps)
                || !string.IsNullOrEmpty(endpoint.UserInfo) || !string.IsNullOrEmpty(endpoint.Query) || !string.IsNullOrEmpty(endpoint.Fragment)))
        {
            // A query could carry a token into the SDK's own messages, which quote request URLs.
            throw new ArgumentException("The endpoint URL must be an absolute http:// or https:// URI without credentials, query or fragment in it.");
        }

        if (!PayloadSigning && EndpointUrl is not null && EndpointUrl.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException("Unsigned payloads (payload signing off) are sent over https:// only; the endpoint URL is http://.");
        }

        if (PartSize < MinimumPartSize)
        {
            throw new ArgumentException($"The part size must be at least {MinimumPartSize} bytes (5 MiB); it is {PartSize}.");
        }

        if (!string.IsNullOrEmpty(Layout))
        {
            try
            {
                KeyLayout.Parse(Layout!);
            }
            catch (FormatException exception)
            {
                throw new ArgumentException("The layout is invalid: " + exception.Message, exception);
            }
        }

        if (MaxConcurrentParts < 1 || ReadAhead < 0)
        {
            throw new ArgumentException("MaxConcurrentParts must be at least 1 and ReadAhead at least 0.");
        }

        if (ReadRetries < 0 || ReadRetryDelay < TimeSpan.Zero || ReadRetryDelay > TimeSpan.FromMinutes(10))
        {
            throw new ArgumentException("ReadRetries must be at least 0, and ReadRetryDelay between 0 and 10 minutes.");
        }

        if (ReadTimeout != System.Threading.Timeout.InfiniteTimeSpan && ReadTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("ReadTimeout must be positive (or Timeout.InfiniteTimeSpan).");
        }
    }

    /// <summary>The settings with every secret masked, for logs.</summary>
    /// <returns>Text such as <c>S3 (region us-east-1, endpoint http://localhost:9000, access key AKIA…, path-style)</c>.</returns>
    public override string ToString()
    {
        var text = new System.Text.StringBuilder("S3 (region ").Append(EffectiveRegion);
        if (!string.IsNullOrEmpty(EndpointUrl))
        {
            // Validate refuses credentials in the endpoint, but ToString may come first.
            text.Append(", endpoint ").Append(ConnectionStringMask.Mask(EndpointUrl));
        }

        if (!string.IsNullOrEmpty(AccessKeyId))
        {
            text.Append(", access key ").Append(SecretMask.MaskAccessKeyId(AccessKeyId!));
            text.Append(string.IsNullOrEmpty(SessionToken) ? ", explicit credentials" : ", temporary credentials");
        }
        else if (!string.IsNullOrEmpty(Profile) || !string.IsNullOrEmpty(CredentialsFile))
        {
            text.Append(", profile ").Append(string.IsNullOrEmpty(Profile) ? S3ClientFactory.DefaultProfileName : Profile);
            if (!string.IsNullOrEmpty(CredentialsFile))
            {
                text.Append(" from ").Append(CredentialsFile);
            }
        }
        else
        {
            text.Append(", default credential chain");
        }

        if (ForcePathStyle ?? !string.IsNullOrEmpty(EndpointUrl))
        {
            text.Append(", path-style");
        }

        if (!PayloadSigning)
        {
            text.Append(", unsigned payloads");
        }

        return text.Append(')').ToString();
    }
}
