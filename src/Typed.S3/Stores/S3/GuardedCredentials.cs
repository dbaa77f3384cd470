using System;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace Typed.S3;

/// <summary>
/// Credentials that the SDK resolves when a request first needs them, or refreshes later (a profile's
/// <c>credential_process</c>, SSO or role, or the AWS default chain), whose failures become an
/// <see cref="ObjectStoreException"/> without a secret (<see cref="CredentialErrors"/>) instead of the SDK's own
/// exception, which may quote a credentials file's line or the process's output.
/// </summary>
internal sealed class GuardedCredentials : AWSCredentials
{
    private readonly Func<AWSCredentials> _resolve;
    private readonly Func<Task<AWSCredentials>> _resolveAsync;
    private readonly string _source;
    private readonly string?[] _files;

    private GuardedCredentials(Func<AWSCredentials> resolve, Func<Task<AWSCredentials>> resolveAsync, string source, string?[] files)
    {
        _resolve = resolve;
        _resolveAsync = resolveAsync;
        _source = source;
        _files = files;
    }

    /// <summary>Guards the credentials of a profile.</summary>
    /// <param name="credentials">The credentials the SDK made of the profile.</param>
    /// <param name="source">The profile and its files, for messages (<c>the profile 'p' in '/path'</c>).</param>
    /// <param name="files">The files the profile was read from.</param>
    /// <returns>The guarded credentials.</returns>
    public static GuardedCredentials Of(AWSCredentials credentials, string source, string?[] files) =>
        new(() => credentials, () => Task.FromResult(credentials), source, files);

    /// <summary>Guards the AWS default chain, resolved (and cached) by the SDK as it would for a client without credentials.</summary>
    /// <param name="config">The client's configuration.</param>
    /// <returns>The guarded credentials.</returns>
    public static GuardedCredentials DefaultChain(IClientConfig config) =>
        new(
            () => DefaultAWSCredentialsIdentityResolver.GetCredentials(config),
            () => DefaultAWSCredentialsIdentityResolver.GetCredentialsAsync(config),
            "the AWS default credential chain (environment variables, shared profile, SSO, web identity, container and instance roles)",
            CredentialErrors.SharedFiles());

    /// <inheritdoc />
    public override ImmutableCredentials GetCredentials()
    {
        try
        {
            return _resolve().GetCredentials();
        }
        catch (Exception error) when (IsCredentialFailure(error))
        {
            throw Failure(error);
        }
    }

    /// <inheritdoc />
    public override async Task<ImmutableCredentials> GetCredentialsAsync()
    {
        try
        {
            AWSCredentials credentials = await _resolveAsync().ConfigureAwait(false);
            return await credentials.GetCredentialsAsync().ConfigureAwait(false);
        }
        catch (Exception error) when (IsCredentialFailure(error))
        {
            throw Failure(error);
        }
    }

    private static bool IsCredentialFailure(Exception error) => error is not (OperationCanceledException or ObjectStoreException or OutOfMemoryException);

    private ObjectStoreException Failure(Exception error) =>
        new($"cannot get credentials from {_source}: {CredentialErrors.Describe(error, _files)}");
}
