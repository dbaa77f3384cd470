using System;
using System.IO;

namespace Typed.S3;

/// <summary>
/// Opens an object store from the connection text a user brings: a folder path, a <c>file://</c> URI, or an
/// <c>s3://</c> connection string (<see cref="S3ConnectionString"/>).
/// </summary>
public static class ObjectStore
{
    /// <summary>
    /// Opens the store a connection text names: an <c>s3://</c> connection string (every form of
    /// <see cref="S3ConnectionString"/>), a local folder path (absolute, or relative to the current directory), or a
    /// <c>file:///abs/path</c> or <c>file://localhost/abs/path</c> URI (percent-encoded). A <c>file:</c> URI may end in
    /// <c>?layout=…</c> (percent-decoded), a layout that replaces the schema's for writes through the store, as the
    /// <c>layout</c> parameter of an S3 connection string does.
    /// </summary>
    /// <remarks>
    /// Text that starts with <c>s3:</c> in any case, after any whitespace, is never taken for a folder: it is read as
    /// an S3 connection string (whitespace around it ignored), and a malformed one such as <c>s3:/bucket</c> is
    /// refused. The scheme of other URIs is read after any leading whitespace too. A folder that does not exist is
    /// named in the error, unless the text looks like a mistyped connection string (it holds <c>@</c>, a <c>:</c>
    /// other than a drive letter's, or a secret parameter): then it is not shown at all.
    /// </remarks>
    /// <param name="connection">A folder path, a <c>file:///</c> URI or an <c>s3://</c> connection string, as described above.</param>
    /// <returns>The store; an <see cref="S3ObjectStore"/> (which owns its client: dispose it) or a <see cref="LocalFolderStore"/>.</returns>
    /// <exception cref="ArgumentException">The text is empty or has an unsupported scheme; a
    /// <see cref="ConnectionStringException"/> when an <c>s3:</c> connection string is invalid. Messages quote the
    /// text with its secrets masked.</exception>
    /// <exception cref="ObjectStoreException">The local folder does not exist, or the S3 profile named does not or
    /// cannot give credentials (the message says which, and never holds a secret).</exception>
    public static IObjectStore Open(string connection)
    {
        if (string.IsNullOrWhiteSpace(connection))
        {
            throw new ArgumentException("the store connection text is empty: give a folder path, a file:/// URI or an s3:// connection string", nameof(connection));
        }

        if (ConnectionStringMask.StartsWithS3Scheme(connection))
        {
            return OpenS3(S3ConnectionString.Parse(connection));
        }

        string trimmed = connection.Trim();
        string? scheme = GetScheme(trimmed);
        switch (scheme)
        {
            case null:
                return OpenFolder(connection);
            case "file":
                string path = FileUriToPath(trimmed, out string? layout);
                return OpenLocalFolder(path, layout);
            default:
                throw new ArgumentException($"unsupported store scheme '{scheme}://' in '{S3ConnectionString.Mask(connection)}': give a folder path, a file:/// URI or an s3:// connection string", nameof(connection));
        }
    }

    /// <summary>Opens a store on an existing local folder whose first-level folders are buckets.</summary>
    /// <param name="path">The folder, absolute or relative to the current directory.</param>
    /// <returns>The store, reading and writing under <paramref name="path"/>; it holds no open files, so disposing it is optional.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="ObjectStoreException">The folder does not exist.</exception>
    public static LocalFolderStore OpenLocalFolder(string path) => new(path);

    /// <summary>
    /// Opens a store on an existing local folder whose first-level folders are buckets, with a layout that replaces the
    /// schema's <c>write.layout</c> for writes through it (<see cref="IWriteLayoutOverride"/>).
    /// </summary>
    /// <param name="path">The folder, absolute or relative to the current directory.</param>
    /// <param name="writeLayout">The layout template, or <see langword="null"/> (or empty) to keep the schema's.</param>
    /// <returns>The store, reading and writing under <paramref name="path"/>; it holds no open files, so disposing it is optional.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty, or the layout is invalid.</exception>
    /// <exception cref="ObjectStoreException">The folder does not exist.</exception>
    public static LocalFolderStore OpenLocalFolder(string path, string? writeLayout) => new(path, writeLayout);

    /// <summary>Opens an Amazon S3 or S3-compatible store with its own client, from options (filled by configuration binding, say).</summary>
    /// <param name="options">The settings; checked with <see cref="S3StoreOptions.Validate"/>.</param>
    /// <returns>The store; disposing it disposes its client.</returns>
    /// <exception cref="ArgumentException">The options are inconsistent; the message holds no secret.</exception>
    /// <exception cref="ObjectStoreException">The profile named does not exist or cannot give credentials.</exception>
    public static S3ObjectStore OpenS3(S3StoreOptions options) => S3ObjectStoreFactory.Create(options);

    // A folder path; when the folder does not exist, a text that may be a mistyped connection string is not echoed.
    private static LocalFolderStore OpenFolder(string path)
    {
        try
        {
            return OpenLocalFolder(path);
        }
        catch (ObjectStoreException) when (MayHoldCredentials(path))
        {
            throw new ObjectStoreException(
                "the store connection text was taken for a local folder path, and no such folder exists; it is not shown, since it looks like a "
                + "mistyped connection string that may hold credentials (it has '@', ':' or a secret parameter): S3 connection strings start with s3://");
        }
    }

    // '@', a ':' that is not a Windows drive letter's, or a parameter the mask hides.
    private static bool MayHoldCredentials(string path)
    {
        string text = path.Trim();
        int colon = text.IndexOf(':');
        bool driveLetter = colon == 1 && char.IsAsciiLetter(text[0]) && text.IndexOf(':', 2) < 0;
        return text.Contains('@') || (colon >= 0 && !driveLetter) || !string.Equals(S3ConnectionString.Mask(text), text, StringComparison.Ordinal);
    }

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

    // The host of a file URI as the mask shows it ("****:****@host"); when the URI holds an '@' past the host (a password
    // with an unencoded '/' may have cut it short), not at all.
    private static string MaskHost(string host, string uri) =>
        !host.Contains('@') && uri.Contains('@') ? SecretMask.Masked : S3ConnectionString.Mask("file://" + host).Substring("file://".Length);

    private static string FileUriToPath(string uri, out string? layout)
    {
        layout = null;
        string rest = uri.Substring("file://".Length);

        // The one parameter a file URI takes: file:///data/lake?layout={table_name}/{file_id}.{ext}
        const string LayoutQuery = "?layout=";
        int query = rest.IndexOf(LayoutQuery, StringComparison.OrdinalIgnoreCase);
        if (query >= 0 && rest.IndexOf('?') == query && rest.IndexOf('#') < 0 && rest.IndexOf('&', query) < 0)
        {
            layout = Uri.UnescapeDataString(rest.Substring(query + LayoutQuery.Length));
            if (layout.Length == 0)
            {
                throw new ArgumentException($"'{S3ConnectionString.Mask(uri)}' has an empty layout", nameof(uri));
            }

            rest = rest.Substring(0, query);
        }

        int slash = rest.IndexOf('/');
        string host = slash < 0 ? rest : rest.Substring(0, slash);
        if (host.Length > 0 && !string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"'{S3ConnectionString.Mask(uri)}' names the host '{MaskHost(host, uri)}': only local file URIs (file:///path or file://localhost/path) are supported", nameof(uri));
        }

        if (slash < 0)
        {
            throw new ArgumentException($"'{S3ConnectionString.Mask(uri)}' has no path: write file:///absolute/path", nameof(uri));
        }

        string encodedPath = rest.Substring(slash);
        if (encodedPath.IndexOfAny(['?', '#']) >= 0)
        {
            throw new ArgumentException($"'{S3ConnectionString.Mask(uri)}' has a query or fragment: percent-encode '?' as %3F and '#' as %23 in file URIs (the one parameter they take is '?layout=')", nameof(uri));
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
