using System;
using Amazon.S3;

namespace Typed.S3;

/// <summary>Creates an <see cref="S3ObjectStore"/> and the client it owns from <see cref="S3StoreOptions"/>.</summary>
internal static class S3ObjectStoreFactory
{
    /// <summary>Creates the store; disposing it disposes its client.</summary>
    /// <param name="options">The options, validated here.</param>
    /// <exception cref="ArgumentException">The options are inconsistent.</exception>
    /// <exception cref="ObjectStoreException">The profile named does not exist or cannot give credentials.</exception>
    public static S3ObjectStore Create(S3StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        AmazonS3Client client = S3ClientFactory.Create(options);
        try
        {
            return new S3ObjectStore(client, options, ownsClient: true);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }
}
