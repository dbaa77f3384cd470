using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Typed.S3.Layout;

namespace Typed.S3;

/// <summary>
/// An object store on a local folder whose first-level folders are buckets: <c>s3://my-bucket/data/x.csv</c>
/// is the file <c>&lt;root&gt;/my-bucket/data/x.csv</c>. It keeps S3's behaviour — listings by key prefix in
/// UTF-8 byte order, writes that become visible only when complete, idempotent deletes — so code tested on
/// a folder runs on S3 unchanged.
/// </summary>
/// <remarks>
/// Buckets are not created by writes, as on S3: create the bucket's folder first. Writes go to a temporary
/// file under <c>&lt;root&gt;/.typeds3-tmp</c> (a name no bucket can have) and are renamed into place.
/// Keys whose segments are empty, <c>.</c> or <c>..</c>, that start with <c>/</c>, or that hold a backslash
/// or a NUL are refused, so no key can reach outside its bucket. Parquet objects are opened as seekable files
/// (<see cref="ISeekableReads"/>) rather than read by ranges. A write layout given when the store is opened
/// (<c>file:///path?layout=…</c>) replaces the schema's for writes through it (<see cref="IWriteLayoutOverride"/>).
/// </remarks>
public sealed class LocalFolderStore : IObjectStore, ISeekableReads, IWriteLayoutOverride
{
    /// <summary>The folder under the root that holds unfinished writes; never a bucket (bucket names cannot start with '.').</summary>
    public const string TemporaryFolderName = ".typeds3-tmp";

    private static readonly EnumerationOptions EntryEnumeration = new()
    {
        RecurseSubdirectories = false,
        IgnoreInaccessible = false,
        AttributesToSkip = 0,
        ReturnSpecialDirectories = false,
    };

    /// <summary>Opens a store on an existing folder.</summary>
    /// <param name="rootPath">The folder whose subfolders are the buckets; absolute or relative to the current directory.</param>
    /// <exception cref="ArgumentException"><paramref name="rootPath"/> is empty.</exception>
    /// <exception cref="ObjectStoreException">The folder does not exist.</exception>
    public LocalFolderStore(string rootPath)
        : this(rootPath, null)
    {
    }

    /// <summary>Opens a store on an existing folder, with a layout that replaces the schema's for writes through it.</summary>
    /// <param name="rootPath">The folder whose subfolders are the buckets; absolute or relative to the current directory.</param>
    /// <param name="writeLayout">A layout template (<c>{table_name}/{file_id}.{ext}</c>) that replaces the schema's
    /// <c>write.layout</c>, or <see langword="null"/> (or empty) to keep the schema's.</param>
    /// <exception cref="ArgumentException"><paramref name="rootPath"/> is empty, or the layout is invalid (the message says why).</exception>
    /// <exception cref="ObjectStoreException">The folder does not exist.</exception>
    public LocalFolderStore(string rootPath, string? writeLayout)
    {
        ArgumentException.ThrowIfNullOrEmpty(rootPath);
        if (!string.IsNullOrEmpty(writeLayout))
        {
            try
            {
                WriteLayout = KeyLayout.Parse(writeLayout);
            }
            catch (FormatException exception)
            {
                throw new ArgumentException("The layout is invalid: " + exception.Message, nameof(writeLayout), exception);
            }
        }

        string full = Path.GetFullPath(rootPath);
        if (!Directory.Exists(full))
        {
            throw new ObjectStoreException($"the local store folder '{full}' does not exist", new DirectoryNotFoundException(full));
        }

        RootPath = Path.TrimEndingDirectorySeparator(full);
    }

    /// <summary>The store's folder, as a full path.</summary>
    public string RootPath { get; }

    /// <summary>The layout that replaces the schema's <c>write.layout</c> for writes through this store, or <see langword="null"/> to keep the schema's.</summary>
    public KeyLayout? WriteLayout { get; }

    /// <inheritdoc />
    public async IAsyncEnumerable<ObjectInfo> ListAsync(string bucket, string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ObjectLocation bucketRoot = new(bucket, string.Empty);
        string bucketPath = GetBucketPath(bucket);
        EnsureBucketExists(bucketRoot);

        // Walk only the deepest folder the prefix names: "data/sales/2024" walks data/sales/ and filters.
        int lastSlash = prefix.LastIndexOf('/');
        string folderKey = lastSlash < 0 ? string.Empty : prefix.Substring(0, lastSlash + 1);
        if (folderKey.Length > 0)
        {
            string? problem = ObjectKeys.FindProblem(folderKey.Substring(0, folderKey.Length - 1));
            if (problem is not null)
            {
                throw new ArgumentException($"invalid prefix '{prefix}': {problem}", nameof(prefix));
            }
        }

        string startPath = folderKey.Length == 0 ? bucketPath : Path.Combine(bucketPath, ToRelativePath(folderKey));
        if (!Directory.Exists(startPath))
        {
            yield break;
        }

        // A depth-first walk in key order: each folder's entries are sorted by their key (a folder's key ends
        // with '/'), so every key under a folder sorts between that folder's neighbours.
        var stack = new Stack<(List<KeyValuePair<string, FileSystemInfo>> Entries, int Next)>();
        stack.Push((ReadFolder(startPath, folderKey, prefix), 0));
        while (stack.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            (List<KeyValuePair<string, FileSystemInfo>> entries, int next) = stack.Pop();
            if (next >= entries.Count)
            {
                continue;
            }

            stack.Push((entries, next + 1));
            (string key, FileSystemInfo info) = entries[next];
            if (info is FileInfo file)
            {
                yield return new ObjectInfo(new ObjectLocation(bucket, key), file.Length, ToUtc(file.LastWriteTimeUtc));
            }
            else
            {
                stack.Push((ReadFolder(info.FullName, key, prefix), 0));
            }
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<ObjectInfo?> GetInfoAsync(ObjectLocation location, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        string path = GetObjectPath(location);
        EnsureBucketExists(location);
        var file = new FileInfo(path);
        ObjectInfo? info = file.Exists ? new ObjectInfo(location, file.Length, ToUtc(file.LastWriteTimeUtc)) : null;
        return Task.FromResult(info);
    }

    /// <inheritdoc />
    Task<Stream> ISeekableReads.OpenSeekableReadAsync(ObjectInfo @object, CancellationToken cancellationToken) =>
        OpenReadAsync(@object, cancellationToken);

    /// <inheritdoc />
    public Task<Stream> OpenReadAsync(ObjectLocation location, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<Stream>(OpenFile(location, FileOptions.Asynchronous | FileOptions.SequentialScan));
    }

    /// <inheritdoc />
    /// <remarks>
    /// Writes replace a file by renaming a complete one into place, so an open file is one version to its end: the
    /// version is the listed one when the sizes agree. The stream is seekable.
    /// </remarks>
    public Task<Stream> OpenReadAsync(ObjectInfo @object, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(@object);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<Stream>(OpenVersion(@object, FileOptions.Asynchronous | FileOptions.SequentialScan));
    }

    /// <inheritdoc />
    public Task<Stream> OpenReadRangeAsync(ObjectInfo @object, long offset, long length, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(@object);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Range(OpenVersion(@object, FileOptions.Asynchronous), offset, length));
    }

    /// <inheritdoc />
    public Task<Stream> OpenReadRangeAsync(ObjectLocation location, long offset, long length, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Range(OpenFile(location, FileOptions.Asynchronous), offset, length));
    }

    /// <summary>Does nothing: the store holds no resources between calls.</summary>
    /// <returns>A completed task.</returns>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <inheritdoc />
    public Task<ObjectWriteStream> OpenWriteAsync(ObjectLocation location, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        string finalPath = GetObjectPath(location);
        EnsureBucketExists(location);
        if (Directory.Exists(finalPath))
        {
            throw new ObjectStoreException($"cannot write {location} in {this}: a folder of other objects has that key");
        }

        string tempFolder = Path.Combine(RootPath, TemporaryFolderName);
        try
        {
            Directory.CreateDirectory(tempFolder);
            string tempPath = Path.Combine(tempFolder, Guid.NewGuid().ToString("N") + ".part");
            return Task.FromResult<ObjectWriteStream>(new LocalObjectWriteStream(this, location, tempPath, finalPath));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ObjectStoreException($"cannot start writing {location} in {this}: {exception.Message}", exception);
        }
    }

    /// <inheritdoc />
    public Task DeleteAsync(ObjectLocation location, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        string path = GetObjectPath(location);
        EnsureBucketExists(location);
        try
        {
            if (File.Exists(path))
            {
                File.Delete(path);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ObjectStoreException($"cannot delete {location} in {this}: {exception.Message}", exception);
        }

        return Task.CompletedTask;
    }

    /// <summary>The store as <c>local folder &lt;root&gt;</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => "local folder " + RootPath;

    /// <summary>Throws when the location's bucket folder does not exist.</summary>
    /// <param name="location">The location whose bucket must exist.</param>
    internal void EnsureBucketExists(ObjectLocation location)
    {
        if (!Directory.Exists(GetBucketPath(location.Bucket)))
        {
            throw new ObjectNotFoundException(location, $"bucket '{location.Bucket}' does not exist in local store {RootPath}");
        }
    }

    private static DateTimeOffset ToUtc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeSpan.Zero);

    private static string ToRelativePath(string key) =>
        Path.DirectorySeparatorChar == '/' ? key : key.Replace('/', Path.DirectorySeparatorChar);

    // One folder's entries that can hold keys starting with the prefix, sorted by key.
    private static List<KeyValuePair<string, FileSystemInfo>> ReadFolder(string path, string folderKey, string prefix)
    {
        var entries = new List<KeyValuePair<string, FileSystemInfo>>();
        try
        {
            foreach (FileSystemInfo info in new DirectoryInfo(path).EnumerateFileSystemInfos("*", EntryEnumeration))
            {
                string key = info is DirectoryInfo ? folderKey + info.Name + "/" : folderKey + info.Name;
                if (key.StartsWith(prefix, StringComparison.Ordinal))
                {
                    entries.Add(new KeyValuePair<string, FileSystemInfo>(key, info));
                }
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ObjectStoreException($"cannot list the folder '{path}' (keys under '{folderKey}'): {exception.Message}", exception);
        }

        entries.Sort(static (a, b) => Utf8KeyComparer.Instance.Compare(a.Key, b.Key));
        return entries;
    }

    private string GetBucketPath(string bucket)
    {
        ArgumentException.ThrowIfNullOrEmpty(bucket);
        if (bucket[0] == '.' || bucket.Contains('/') || bucket.Contains('\\') || bucket.Contains('\0'))
        {
            throw new ArgumentException($"'{bucket}' is not a valid bucket name for a local store: it cannot start with '.' or contain '/', '\\' or NUL", nameof(bucket));
        }

        return Path.Combine(RootPath, bucket);
    }

    private string GetObjectPath(ObjectLocation location)
    {
        if (location.Bucket is null)
        {
            throw new ArgumentException("the location is empty", nameof(location));
        }

        string? problem = ObjectKeys.FindProblem(location.Key);
        if (problem is not null)
        {
            throw new ArgumentException($"invalid key '{location.Key}' in {location}: {problem}", nameof(location));
        }

        return Path.Combine(GetBucketPath(location.Bucket), ToRelativePath(location.Key));
    }

    private static Stream Range(FileStream file, long offset, long length)
    {
        try
        {
            file.Seek(Math.Min(offset, file.Length), SeekOrigin.Begin);
        }
        catch
        {
            file.Dispose();
            throw;
        }

        return new BoundedReadStream(file, length);
    }

    // The file of a listed object, which must still have the listed size.
    private FileStream OpenVersion(ObjectInfo @object, FileOptions options)
    {
        FileStream file = OpenFile(@object.Location, options);
        if (file.Length != @object.Size)
        {
            long size = file.Length;
            file.Dispose();
            throw new ObjectChangedException(@object.Location, 0, $"{@object.Location} changed in {this} after it was listed (it has {size} bytes now, {@object.Size} then); read it again");
        }

        return file;
    }

    private FileStream OpenFile(ObjectLocation location, FileOptions options)
    {
        string path = GetObjectPath(location);
        EnsureBucketExists(location);
        try
        {
            if (!Directory.Exists(path))
            {
                return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 64 * 1024, options);
            }
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ObjectNotFoundException(location, $"no object at {location} in {this}", exception);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ObjectStoreException($"cannot read {location} in {this}: {exception.Message}", exception);
        }

        throw new ObjectNotFoundException(location, $"no object at {location} in {this}");
    }
}
