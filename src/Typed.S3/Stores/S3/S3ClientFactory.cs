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
/// shared profile, SSO, container and instance roles), resolved when a request first needs credentials.
/// Nothing here logs, and no message holds a secret: what the SDK throws about credentials files, profiles and
/// <c>credential_process</c> (at once, or when credentials are first resolved or refreshed) becomes an
/// <see cref="ObjectStoreException"/> described by <see cref="CredentialErrors"/>, without the SDK's exception inside.
/// </summary>
internal static class S3ClientFactory
{
    /// <summary>The profile read from a credentials file given without a profile name.</summary>
    public const string DefaultProfileName = "default";

    /// <summary>Builds the client.</summary>
    /// <param name="options">Validated options.</param>
    /// <returns>The client; the caller disposes it.</returns>
    /// <exception cref="ObjectStoreException">The shared config files cannot be read, or the profile does not exist or cannot give credentials.</exception>
    public static AmazonS3Client Create(S3StoreOptions options)
    {
        try
        {
            AmazonS3Config config = CreateConfig(options);
            (AWSCredentials? credentials, string source, string?[] files) = Resolve(options);
            AWSCredentials guarded = credentials switch
            {
                // Explicit keys, or a profile's static keys: nothing left to fail.
                BasicAWSCredentials or SessionAWSCredentials => credentials,
                null => GuardedCredentials.DefaultChain(config),
                _ => GuardedCredentials.Of(credentials, source, files),
            };
            return new AmazonS3Client(guarded, config);
        }
        catch (TypeInitializationException error)
        {
            // The SDK reads the shared config files once, in a type initializer, when the first client settings are made.
            throw new ObjectStoreException("The AWS SDK could not read its shared config files: " + CredentialErrors.Describe(error, CredentialErrors.SharedFiles()));
        }
    }

    /// <summary>The client settings: region, endpoint, addressing style and checksum behaviour.</summary>
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
    /// <returns>The credentials, or <see langword="null"/>.</returns>
    /// <exception cref="ObjectStoreException">The profile does not exist or cannot give credentials.</exception>
    public static AWSCredentials? ResolveCredentials(S3StoreOptions options) => Resolve(options).Credentials;

    // The credentials, where they come from (for messages) and the files they were read from.
    private static (AWSCredentials? Credentials, string Source, string?[] Files) Resolve(S3StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrEmpty(options.AccessKeyId) && !string.IsNullOrEmpty(options.SecretAccessKey))
        {
            AWSCredentials keys = string.IsNullOrEmpty(options.SessionToken)
                ? new BasicAWSCredentials(options.AccessKeyId, options.SecretAccessKey)
                : new SessionAWSCredentials(options.AccessKeyId, options.SecretAccessKey, options.SessionToken);
            return (keys, "the explicit keys", []);
        }

        if (string.IsNullOrEmpty(options.Profile) && string.IsNullOrEmpty(options.CredentialsFile))
        {
            return (null, "the AWS default chain", CredentialErrors.SharedFiles());
        }

        return FromProfile(string.IsNullOrEmpty(options.Profile) ? DefaultProfileName : options.Profile!, options.CredentialsFile);
    }

    private static (AWSCredentials Credentials, string Source, string?[] Files) FromProfile(string profileName, string? credentialsFile)
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

        // Errors keep no inner exception: the SDK's messages quote malformed lines of the files whole.
        string?[] read = CredentialErrors.FilesOf(credentialsFile);
        var chain = new CredentialProfileStoreChain(credentialsFile);
        CredentialProfile? profile;
        try
        {
            if (!chain.TryGetProfile(profileName, out profile))
            {
                profile = null;
            }
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or AmazonClientException or FormatException or InvalidDataException or TypeInitializationException)
        {
            throw new ObjectStoreException($"The profile '{profileName}' could not be read from {files}: {CredentialErrors.Describe(error, read)}.");
        }

        if (profile is null)
        {
            throw new ObjectStoreException($"The profile '{profileName}' was not found in {files}.");
        }

        try
        {
            return (AWSCredentialsFactory.GetAWSCredentials(profile, chain), $"the profile '{profileName}' in {files}", read);
        }
        catch (Exception error) when (error is AmazonClientException or InvalidOperationException or InvalidDataException or ArgumentException or IOException or FormatException or ProcessAWSCredentialException or TypeInitializationException)
        {
            throw new ObjectStoreException($"The profile '{profileName}' in {files} does not give usable credentials: {CredentialErrors.Describe(error, read)}.");
        }
    }
}
