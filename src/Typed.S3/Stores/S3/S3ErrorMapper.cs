using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using Amazon.Runtime;
using Amazon.S3;

namespace Typed.S3;

/// <summary>
/// Turns the AWS SDK's exceptions into the store's: a missing bucket or key becomes an
/// <see cref="ObjectNotFoundException"/>, refused credentials an <see cref="ObjectStoreAccessDeniedException"/>,
/// anything else an <see cref="ObjectStoreException"/> naming the store and the operation. Messages never hold a
/// secret: they are built from the store's masked description, the location and the S3 error code.
/// </summary>
internal static class S3ErrorMapper
{
    /// <summary>Whether <paramref name="exception"/> is one this mapper turns into a store exception.</summary>
    /// <param name="exception">The exception thrown by the SDK.</param>
    /// <returns><see langword="true"/> for SDK and transport failures; <see langword="false"/> for cancellations and argument errors.</returns>
    public static bool CanMap(Exception exception) =>
        exception is AmazonServiceException or AmazonClientException or HttpRequestException or SocketException or IOException
        && exception is not ObjectStoreException;

    /// <summary>Whether the exception is S3's "not found" for a key (404, <c>NoSuchKey</c>, <c>NotFound</c>), not for a bucket.</summary>
    /// <returns>Whether the key (not the bucket) is missing.</returns>
    public static bool IsMissingKey(Exception exception) =>
        exception is AmazonS3Exception s3
        && s3.ErrorCode != "NoSuchBucket"
        && (s3.StatusCode == HttpStatusCode.NotFound || s3.ErrorCode is "NoSuchKey" or "NotFound");

    /// <summary>Whether the exception says the bucket does not exist.</summary>
    /// <returns>Whether the bucket is missing.</returns>
    public static bool IsMissingBucket(Exception exception) => exception is AmazonS3Exception { ErrorCode: "NoSuchBucket" };

    /// <summary>Whether the exception is S3's answer to a range that starts past the object's end.</summary>
    /// <returns>Whether the range was not satisfiable.</returns>
    public static bool IsInvalidRange(Exception exception) =>
        exception is AmazonS3Exception s3 && (s3.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable || s3.ErrorCode == "InvalidRange");

    /// <summary>Maps an exception thrown while doing <paramref name="operation"/> on <paramref name="location"/>.</summary>
    /// <param name="exception">The exception (one <see cref="CanMap"/> accepts).</param>
    /// <param name="operation">What was being done, as a verb phrase: <c>list</c>, <c>read</c>, <c>write</c>, <c>delete</c>.</param>
    /// <param name="location">The object, or the bucket with the listed prefix as key.</param>
    /// <param name="store">The store's description (secrets masked).</param>
    /// <returns>The exception to throw, with <paramref name="exception"/> as its inner exception.</returns>
    public static ObjectStoreException Map(Exception exception, string operation, ObjectLocation location, string store)
    {
        if (IsMissingBucket(exception))
        {
            return new ObjectNotFoundException(location, $"bucket '{location.Bucket}' does not exist in {store} (while trying to {operation} {location})", exception);
        }

        if (IsMissingKey(exception))
        {
            return new ObjectNotFoundException(location, $"no object at {location} in {store}", exception);
        }

        if (exception is AmazonS3Exception s3 && IsAccessDenied(s3))
        {
            return new ObjectStoreAccessDeniedException(
                location,
                operation,
                $"access denied: {store} refused the credentials to {operation} {location} ({s3.ErrorCode ?? ((int)s3.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)}); check the access key id, the secret access key and the permissions of that identity",
                exception);
        }

        if (exception is AmazonServiceException service && service.StatusCode != 0 && FindTransportFailure(exception) is null)
        {
            string code = string.IsNullOrEmpty(service.ErrorCode) ? "HTTP " + ((int)service.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture) : service.ErrorCode;
            return new ObjectStoreException($"cannot {operation} {location} in {store}: {code}: {service.Message}", exception);
        }

        Exception cause = FindTransportFailure(exception) ?? exception;
        return new ObjectStoreException($"cannot {operation} {location}: {store} could not be reached or did not answer: {cause.Message}", exception);
    }

    private static bool IsAccessDenied(AmazonS3Exception exception) =>
        exception.StatusCode == HttpStatusCode.Forbidden
        || exception.ErrorCode is "AccessDenied" or "InvalidAccessKeyId" or "SignatureDoesNotMatch" or "InvalidToken" or "ExpiredToken";

    private static Exception? FindTransportFailure(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is HttpRequestException or SocketException)
            {
                return current;
            }
        }

        return null;
    }
}
