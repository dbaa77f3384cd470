using System;
using System.IO;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.S3;

namespace Typed.S3;

/// <summary>
/// Builds the <see cref="AmazonS3Client"/> that <see cref="S3StoreOptions"/> describe. Credentials, in order: explicit
/// keys (and session token); else the named profile, from the given credentials file (and the <c>config</c> file
/// beside it) or the default shared files, SSO profiles included; else the AWS default chain (environment variables,
/// shared profile, SSO, container and instance roles), which the client resolves when it first needs credentials.
/// Nothing here logs, and no message holds a secret.
/// </summary>
internal static class S3ClientFactory
{
    /// <summary>The profile read from a credentials file given without a profile name.</summary>
    public const string DefaultProfileName = "default";

    /// <summary>Builds the client.</summary>
    /// <param name="options">Validated options.</param>
    /// <returns>The client; the caller disposes it.</returns>
    /// <exception cref="ObjectStoreException">The profile does not exist or cannot give credentials.</exception>
    public static AmazonS3Client Create(S3StoreOptions options)
    {
        AmazonS3Config config = CreateConfig(options);
        AWSCredentials? credentials = ResolveCredentials(options);
        return credentials is null ? new AmazonS3Client(config) : new AmazonS3Client(credentials, config);
    }

    /// <summary>The client settings: region, endpoint, addressing style and checksum behaviour.</summary>
    /// <param name="options">The options.</param>
    /// <returns>The configuration.</returns>
    public static AmazonS3Config CreateConfig(S3StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        string region = options.EffectiveRegion;
        var config = new AmazonS3Config();
        if (string.IsNullOrEmpty(options.EndpointUrl))
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
            if (options.ForcePathStyle is bool pathStyle)
            {
                config.ForcePathStyle = pathStyle;
            }
        }
        else
        {
            // S3-compatible stores: the endpoint as given, requests signed for the region named (which need not be
            // an AWS one: "auto" for R2), path-style buckets, and only the checksums an operation requires, which
            // such stores accept (the SDK's default trailing checksums are refused or stored as part of the object).
            config.ServiceURL = options.EndpointUrl;
            config.AuthenticationRegion = region;
            config.ForcePathStyle = options.ForcePathStyle ?? true;
            config.RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED;
            config.ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED;
        }

        return config;
    }

    /// <summary>The credentials the options name, or <see langword="null"/> for the AWS default chain.</summary>
    /// <param name="options">The options.</param>
    /// <returns>The credentials, or <see langword="null"/>.</returns>
    /// <exception cref="ObjectStoreException">The profile does not exist or cannot give credentials.</exception>
    public static AWSCredentials? ResolveCredentials(S3StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrEmpty(options.AccessKeyId) && !string.IsNullOrEmpty(options.SecretAccessKey))
        {
            return string.IsNullOrEmpty(options.SessionToken)
                ? new BasicAWSCredentials(options.AccessKeyId, options.SecretAccessKey)
                : new SessionAWSCredentials(options.AccessKeyId, options.SecretAccessKey, options.SessionToken);
        }

        if (string.IsNullOrEmpty(options.Profile) && string.IsNullOrEmpty(options.CredentialsFile))
        {
            return null;
        }

        return FromProfile(string.IsNullOrEmpty(options.Profile) ? DefaultProfileName : options.Profile!, options.CredentialsFile);
    }

    private static AWSCredentials FromProfile(string profileName, string? credentialsFile)
    {
        string files;
        if (string.IsNullOrEmpty(credentialsFile))
        {
            files = $"the shared files ({SharedCredentialsFile.DefaultFilePath} and {SharedCredentialsFile.DefaultConfigFilePath})";
        }
        else
        {
            credentialsFile = Path.GetFullPath(credentialsFile);
            if (!File.Exists(credentialsFile))
            {
                throw new ObjectStoreException($"The credentials file '{credentialsFile}' (for the profile '{profileName}') does not exist.");
            }

            files = $"'{credentialsFile}' (and the config file beside it)";
        }

        var chain = new CredentialProfileStoreChain(credentialsFile);
        CredentialProfile? profile;
        try
        {
            if (!chain.TryGetProfile(profileName, out profile))
            {
                profile = null;
            }
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or AmazonClientException or FormatException or InvalidDataException)
        {
            throw new ObjectStoreException($"The profile '{profileName}' could not be read from {files}.", error);
        }

        if (profile is null)
        {
            throw new ObjectStoreException($"The profile '{profileName}' was not found in {files}.");
        }

        try
        {
            return AWSCredentialsFactory.GetAWSCredentials(profile, chain);
        }
        catch (Exception error) when (error is AmazonClientException or InvalidOperationException or InvalidDataException or ArgumentException or IOException or FormatException)
        {
            throw new ObjectStoreException($"The profile '{profileName}' in {files} does not give usable credentials.", error);
        }
    }
}
