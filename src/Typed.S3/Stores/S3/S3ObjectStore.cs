using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Amazon.S3;
using Amazon.S3.Model;

namespace Typed.S3;

/// <summary>
/// An object store on Amazon S3 or an S3-compatible store (MinIO, R2, Spaces, Ceph) through the AWS SDK: paged
/// listings, ranged reads, streaming writes that switch to a parallel multipart upload above
/// <see cref="S3StoreOptions.PartSize"/> and are aborted on failure, head and delete. It keeps the behaviour of
/// <see cref="LocalFolderStore"/>, so code tested on a folder runs on S3 unchanged.
/// </summary>
/// <remarks>
/// With <see cref="S3StoreOptions.EndpointUrl"/> set, uploads are sent without aws-chunked encoding (which many
/// S3-compatible stores refuse or store verbatim), and with <see cref="S3StoreOptions.PayloadSigning"/> off their
/// payloads are not signed (Cloudflare R2). Errors are <see cref="ObjectNotFoundException"/> (missing bucket or
/// key), <see cref="ObjectStoreAccessDeniedException"/> (refused credentials) or <see cref="ObjectStoreException"/>,
/// with the SDK's exception inside; no message holds a secret.
/// </remarks>
public sealed class S3ObjectStore : IObjectStore, IDisposable, IReadAheadHint, IWriteLayoutOverride
{

    private readonly IAmazonS3 _client;
    private readonly S3StoreOptions _options;
    private readonly bool _ownsClient;
    private readonly string _description;
    private readonly KeyLayout? _writeLayout;

    /// <summary>
    /// Creates a store on a client the caller configured and keeps owning (it is not disposed with the store). Internal:
    /// no AWS SDK type is part of the public API; the tests use it for clients with their own handlers.
    /// </summary>
    /// <param name="client">The S3 client, with its credentials, region and endpoint.</param>
    /// <param name="options">Request settings (part size, concurrency, read-ahead, S3-compatible behaviour); defaults when <see langword="null"/>.
    /// Credential settings here are not used: the client already has its own.</param>
    /// <exception cref="ArgumentException">The options are inconsistent (see <see cref="S3StoreOptions.Validate"/>).</exception>
    internal S3ObjectStore(IAmazonS3 client, S3StoreOptions? options = null)
        : this(client, options ?? new S3StoreOptions(), ownsClient: false)
    {
    }

    /// <summary>Creates a store on a client.</summary>
    /// <param name="client">The S3 client.</param>
    /// <param name="options">The store's settings, validated here.</param>
    /// <param name="ownsClient">Whether disposing the store disposes the client.</param>
    internal S3ObjectStore(IAmazonS3 client, S3StoreOptions options, bool ownsClient)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _client = client;
        _options = options;
        _ownsClient = ownsClient;
        _description = options.ToString();
        _writeLayout = string.IsNullOrEmpty(options.Layout) ? null : KeyLayout.Parse(options.Layout!);
    }

    /// <summary>The store's settings.</summary>
    internal S3StoreOptions Options => _options;

    /// <summary>How many keys a listing asks for at a time (S3's most, 1000; smaller in tests of paging).</summary>
    internal int ListPageSize { get; init; } = 1000;

    /// <summary>The client requests go through.</summary>
    internal IAmazonS3 Client => _client;

    /// <summary>Whether requests use the settings of S3-compatible stores (an endpoint URL was given).</summary>
    internal bool IsS3Compatible => !string.IsNullOrEmpty(_options.EndpointUrl);

    /// <inheritdoc />
    int IReadAheadHint.ReadAhead => _options.ReadAhead;

    /// <inheritdoc />
    KeyLayout? IWriteLayoutOverride.WriteLayout => _writeLayout;

    /// <inheritdoc />
    public async IAsyncEnumerable<ObjectInfo> ListAsync(string bucket, string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var listed = new ObjectLocation(bucket, prefix);
        string? continuationToken = null;
        do
        {
            var request = new ListObjectsV2Request
            {
                BucketName = bucket,
                Prefix = prefix,
                MaxKeys = ListPageSize,
                ContinuationToken = continuationToken,
            };
            ListObjectsV2Response response;
            try
            {
                response = await _client.ListObjectsV2Async(request, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (S3ErrorMapper.CanMap(exception))
            {
                throw S3ErrorMapper.Map(exception, "list", listed, _description);
            }

            if (response.S3Objects is not null)
            {
                foreach (S3Object entry in response.S3Objects)
                {
                    // "Folder" markers some tools create (keys ending in '/') are not objects.
                    if (entry.Key is null || entry.Key.Length == 0 || entry.Key[^1] == '/')
                    {
                        continue;
                    }

                    yield return new ObjectInfo(new ObjectLocation(bucket, entry.Key), entry.Size ?? 0, ToUtc(entry.LastModified)) { ETag = entry.ETag };
                }
            }

            continuationToken = response.IsTruncated == true ? response.NextContinuationToken : null;
            if (response.IsTruncated == true && string.IsNullOrEmpty(continuationToken))
            {
                throw new ObjectStoreException($"cannot list {listed} in {_description}: the listing was cut short without a continuation token");
            }
        }
        while (continuationToken is not null);
    }

    /// <inheritdoc />
    public async Task<ObjectInfo?> GetInfoAsync(ObjectLocation location, CancellationToken cancellationToken = default)
    {
        CheckLocation(location);
        try
        {
            GetObjectMetadataResponse response = await _client.GetObjectMetadataAsync(
                new GetObjectMetadataRequest { BucketName = location.Bucket, Key = location.Key },
                cancellationToken).ConfigureAwait(false);
            return new ObjectInfo(location, response.Headers.ContentLength, ToUtc(response.LastModified)) { ETag = response.ETag };
        }
        catch (Exception exception) when (S3ErrorMapper.IsMissingKey(exception))
        {
            // A HEAD answer has no body, so a missing bucket also looks like a missing key: ask the bucket.
            await EnsureBucketExistsAsync(location, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (Exception exception) when (S3ErrorMapper.CanMap(exception))
        {
            throw S3ErrorMapper.Map(exception, "get the information of", location, _description);
        }
    }

    /// <inheritdoc />
    /// <remarks>A body that fails part way is resumed from the next byte, pinned to the ETag of the first answer (see <see cref="S3StoreOptions.ReadRetries"/>).</remarks>
    public Task<Stream> OpenReadAsync(ObjectLocation location, CancellationToken cancellationToken = default)
    {
        CheckLocation(location);
        return S3ObjectReadStream.OpenAsync(this, location, 0, long.MaxValue, null, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>Every request sends the listed ETag as <c>If-Match</c>; a body that fails part way is resumed from the next byte.</remarks>
    public Task<Stream> OpenReadAsync(ObjectInfo @object, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(@object);
        CheckLocation(@object.Location);
        return S3ObjectReadStream.OpenAsync(this, @object.Location, 0, long.MaxValue, @object, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>A body that fails part way is resumed from the next byte, pinned to the ETag of the first answer.</remarks>
    public async Task<Stream> OpenReadRangeAsync(ObjectLocation location, long offset, long length, CancellationToken cancellationToken = default)
    {
        CheckLocation(location);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        if (length == 0)
        {
            // An HTTP range cannot be empty: check that the object exists, as a read would.
            _ = await GetInfoAsync(location, cancellationToken).ConfigureAwait(false)
                ?? throw new ObjectNotFoundException(location, $"no object at {location} in {_description}");
            return new MemoryStream(Array.Empty<byte>(), writable: false);
        }

        return await S3ObjectReadStream.OpenAsync(this, location, offset, length, null, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>Every request sends the listed ETag as <c>If-Match</c>; a body that fails part way is resumed from the next byte.</remarks>
    public Task<Stream> OpenReadRangeAsync(ObjectInfo @object, long offset, long length, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(@object);
        CheckLocation(@object.Location);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        return length == 0
            ? Task.FromResult<Stream>(new MemoryStream(Array.Empty<byte>(), writable: false))
            : S3ObjectReadStream.OpenAsync(this, @object.Location, offset, length, @object, cancellationToken);
    }

    /// <inheritdoc />
    public Task<ObjectWriteStream> OpenWriteAsync(ObjectLocation location, CancellationToken cancellationToken = default)
    {
        CheckLocation(location);
        if (location.Key.Length == 0 || location.Key[^1] == '/')
        {
            throw new ArgumentException($"cannot write {location}: an object key cannot be empty or end with '/'", nameof(location));
        }

        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<ObjectWriteStream>(new S3ObjectWriteStream(this, location));
    }

    /// <inheritdoc />
    public async Task DeleteAsync(ObjectLocation location, CancellationToken cancellationToken = default)
    {
        CheckLocation(location);
        try
        {
            await _client.DeleteObjectAsync(
                new DeleteObjectRequest { BucketName = location.Bucket, Key = location.Key },
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (S3ErrorMapper.IsMissingKey(exception))
        {
            // Deleting what is not there is not an error (S3 itself answers 204; some compatible stores 404).
            await EnsureBucketExistsAsync(location, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (S3ErrorMapper.CanMap(exception))
        {
            throw S3ErrorMapper.Map(exception, "delete", location, _description);
        }
    }

    /// <summary>Disposes the client when the store created it.</summary>
    public void Dispose()
    {
        if (_ownsClient)
        {
            _client.Dispose();
        }
    }

    /// <summary>Disposes the client when the store created it.</summary>
    /// <returns>A completed task: the client's disposal does not wait on anything.</returns>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>The store's settings with every secret masked.</summary>
    /// <returns>Text such as <c>S3 (region us-east-1, endpoint http://localhost:9000, …)</c>.</returns>
    public override string ToString() => _description;

    /// <summary>Maps an SDK exception thrown while doing <paramref name="operation"/> on <paramref name="location"/>.</summary>
    /// <param name="exception">What the SDK threw; kept as the inner exception.</param>
    /// <param name="operation">The operation, as a verb phrase.</param>
    /// <param name="location">The object the operation was on, named in the message.</param>
    /// <returns>The store exception to throw.</returns>
    internal ObjectStoreException MapError(Exception exception, string operation, ObjectLocation location) =>
        S3ErrorMapper.Map(exception, operation, location, _description);

    private static void CheckLocation(ObjectLocation location)
    {
        if (location.Bucket is null)
        {
            throw new ArgumentException("the location is empty", nameof(location));
        }
    }

    private static DateTimeOffset ToUtc(DateTime? time)
    {
        if (time is not DateTime value)
        {
            return DateTimeOffset.UnixEpoch;
        }

        DateTime utc = value.Kind switch
        {
            DateTimeKind.Utc => value,
            DateTimeKind.Local => value.ToUniversalTime(),
            _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        };
        return new DateTimeOffset(utc, TimeSpan.Zero);
    }

    // Throws ObjectNotFoundException when the bucket is missing (a one-key listing answers NoSuchBucket).
    private async Task EnsureBucketExistsAsync(ObjectLocation location, CancellationToken cancellationToken)
    {
        try
        {
            await _client.ListObjectsV2Async(
                new ListObjectsV2Request { BucketName = location.Bucket, Prefix = location.Key, MaxKeys = 1 },
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (S3ErrorMapper.CanMap(exception))
        {
            throw S3ErrorMapper.Map(exception, "look up", location, _description);
        }
    }
}
