using System;
using System.Collections.Generic;

namespace Typed.S3;

/// <summary>
/// The query parameters an <c>s3://</c> connection string understands, each with the names other tools use for it.
/// </summary>
internal static class S3ConnectionParameter
{
    public const string AccessKeyId = "access_key_id";
    public const string SecretAccessKey = "secret_access_key";
    public const string SessionToken = "session_token";
    public const string Region = "region";
    public const string EndpointUrl = "endpoint_url";
    public const string Layout = "layout";
    public const string Profile = "profile";
    public const string CredentialsFile = "credentials_file";
    public const string PayloadSigning = "payload_signing";
    public const string ForcePathStyle = "force_path_style";

    // Every accepted name (any case) and the parameter it stands for.
    private static readonly Dictionary<string, string> CanonicalNames = new(StringComparer.OrdinalIgnoreCase)
    {
        [AccessKeyId] = AccessKeyId,
        ["aws_access_key_id"] = AccessKeyId,
        [SecretAccessKey] = SecretAccessKey,
        ["aws_secret_access_key"] = SecretAccessKey,
        [SessionToken] = SessionToken,
        ["aws_session_token"] = SessionToken,
        [Region] = Region,
        ["region_name"] = Region,
        ["aws_region"] = Region,
        [EndpointUrl] = EndpointUrl,
        ["endpoint"] = EndpointUrl,
        ["aws_endpoint_url"] = EndpointUrl,
        [Layout] = Layout,
        [Profile] = Profile,
        ["profile_name"] = Profile,
        ["aws_profile"] = Profile,
        [CredentialsFile] = CredentialsFile,
        ["shared_credentials_file"] = CredentialsFile,
        [PayloadSigning] = PayloadSigning,
        [ForcePathStyle] = ForcePathStyle,
    };

    /// <summary>Finds the parameter a name (or alias, any case) stands for.</summary>
    /// <param name="name">The name as written.</param>
    /// <param name="canonical">The parameter's own name.</param>
    /// <returns>Whether the name is known.</returns>
    public static bool TryGetCanonical(string name, out string canonical)
    {
        if (CanonicalNames.TryGetValue(name, out string? found))
        {
            canonical = found;
            return true;
        }

        canonical = string.Empty;
        return false;
    }

    /// <summary>Whether <paramref name="text"/> holds, at <paramref name="start"/>, a known parameter name followed by <c>=</c>.</summary>
    /// <param name="text">The connection string being scanned.</param>
    /// <param name="start">Where the name would start.</param>
    /// <returns>Whether a known <c>name=</c> starts there.</returns>
    public static bool StartsKnownPair(string text, int start)
    {
        int end = ConnectionStringMask.ReadName(text, start);
        return end > start && end < text.Length && text[end] == '=' && CanonicalNames.ContainsKey(text.Substring(start, end - start));
    }

    /// <summary>Whether the value of a parameter with this name is a secret that messages must never show.</summary>
    /// <param name="name">The name as written, known or not.</param>
    /// <returns><see langword="true"/> for secret access keys, session tokens, passwords and the like.</returns>
    public static bool IsSecret(ReadOnlySpan<char> name) =>
        name.Contains("secret", StringComparison.OrdinalIgnoreCase)
        || name.Contains("token", StringComparison.OrdinalIgnoreCase)
        || name.Contains("password", StringComparison.OrdinalIgnoreCase)
        || name.Contains("passwd", StringComparison.OrdinalIgnoreCase)
        || name.Contains("pwd", StringComparison.OrdinalIgnoreCase)
        || name.Contains("signature", StringComparison.OrdinalIgnoreCase)
        || name.Contains("private", StringComparison.OrdinalIgnoreCase)
        || (name.Contains("credential", StringComparison.OrdinalIgnoreCase) && !name.EndsWith("_file", StringComparison.OrdinalIgnoreCase))
        || (name.EndsWith("key", StringComparison.OrdinalIgnoreCase) && !name.EndsWith("access_key", StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether the value of a parameter with this name is an access key id, shown only shortened.</summary>
    /// <param name="name">The name as written, known or not.</param>
    /// <returns><see langword="true"/> for <c>access_key_id</c> and names like it.</returns>
    public static bool IsAccessKeyId(ReadOnlySpan<char> name) =>
        name.Contains("access_key", StringComparison.OrdinalIgnoreCase) || name.Equals("key", StringComparison.OrdinalIgnoreCase);
}
