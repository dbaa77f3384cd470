using System;
using System.IO;

namespace Typed.S3;

/// <summary>Opens an object store from the connection text a user brings: a folder path or a <c>file://</c> URI.</summary>
public static class ObjectStore
{
    /// <summary>
    /// Opens the store a connection text names: a local folder path (absolute, or relative to the current
    /// directory), or a <c>file:///abs/path</c> or <c>file://localhost/abs/path</c> URI (percent-encoded).
    /// </summary>
    /// <param name="connection">The connection text.</param>
    /// <returns>The store.</returns>
    /// <exception cref="ArgumentException">The text is empty, has an unsupported scheme, or is an <c>s3://</c>
    /// connection string (this build has no S3 store).</exception>
    /// <exception cref="ObjectStoreException">The local folder does not exist.</exception>
    public static IObjectStore Open(string connection)
    {
        if (string.IsNullOrWhiteSpace(connection))
        {
            throw new ArgumentException("the store connection text is empty: give a folder path, a file:/// URI or an s3:// connection string", nameof(connection));
        }

        string? scheme = GetScheme(connection);
        switch (scheme)
        {
            case null:
                return OpenLocalFolder(connection);
            case "file":
                return OpenLocalFolder(FileUriToPath(connection));
            case "s3":
                throw new ArgumentException("s3:// connection strings need the S3 store, which this build does not include", nameof(connection));
            default:
                throw new ArgumentException($"unsupported store scheme '{scheme}://': give a folder path, a file:/// URI or an s3:// connection string", nameof(connection));
        }
    }

    /// <summary>Opens a store on an existing local folder whose first-level folders are buckets.</summary>
    /// <param name="path">The folder, absolute or relative to the current directory.</param>
    /// <returns>The store.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="ObjectStoreException">The folder does not exist.</exception>
    public static LocalFolderStore OpenLocalFolder(string path) => new(path);

    // The lower-cased scheme of "scheme://...", or null for a path (Windows drive paths such as C:\x included).
    private static string? GetScheme(string connection)
    {
        int separator = connection.IndexOf("://", StringComparison.Ordinal);
        if (separator <= 0)
        {
            return null;
        }

        for (int i = 0; i < separator; i++)
        {
            char c = connection[i];
            bool valid = char.IsAsciiLetter(c) || (i > 0 && (char.IsAsciiDigit(c) || c is '+' or '-' or '.'));
            if (!valid)
            {
                return null;
            }
        }

        return connection.Substring(0, separator).ToLowerInvariant();
    }

    private static string FileUriToPath(string uri)
    {
        string rest = uri.Substring("file://".Length);
        int slash = rest.IndexOf('/');
        string host = slash < 0 ? rest : rest.Substring(0, slash);
        if (host.Length > 0 && !string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"'{uri}' names the host '{host}': only local file URIs (file:///path or file://localhost/path) are supported", nameof(uri));
        }

        if (slash < 0)
        {
            throw new ArgumentException($"'{uri}' has no path: write file:///absolute/path", nameof(uri));
        }

        string encodedPath = rest.Substring(slash);
        if (encodedPath.IndexOfAny(['?', '#']) >= 0)
        {
            throw new ArgumentException($"'{uri}' has a query or fragment: percent-encode '?' as %3F and '#' as %23 in file URIs", nameof(uri));
        }

        string path = Uri.UnescapeDataString(encodedPath);

        // file:///C:/data -> C:/data on Windows.
        if (OperatingSystem.IsWindows() && path.Length >= 3 && path[0] == '/' && char.IsAsciiLetter(path[1]) && path[2] == ':')
        {
            path = path.Substring(1);
        }

        return path;
    }
}
