using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Typed.S3;

/// <summary>
/// Writes an object of a <see cref="LocalFolderStore"/> to a temporary file outside every bucket, and moves it
/// under its key (an atomic rename) on <see cref="CompleteAsync"/>; disposing it first deletes the temporary file.
/// </summary>
internal sealed class LocalObjectWriteStream : ObjectWriteStream
{
    private readonly LocalFolderStore _store;
    private readonly ObjectLocation _location;
    private readonly string _tempPath;
    private readonly string _finalPath;
    private FileStream? _file;
    private long _bytesWritten;
    private bool _completed;

    /// <summary>Creates the stream over a new temporary file.</summary>
    /// <param name="store">The folder store the object is written into.</param>
    /// <param name="location">The object being written.</param>
    /// <param name="tempPath">The temporary file, created here.</param>
    /// <param name="finalPath">Where the object's file goes on completion.</param>
    public LocalObjectWriteStream(LocalFolderStore store, ObjectLocation location, string tempPath, string finalPath)
    {
        _store = store;
        _location = location;
        _tempPath = tempPath;
        _finalPath = finalPath;
        _file = new FileStream(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous);
    }

    /// <inheritdoc />
    public override ObjectLocation Location => _location;

    /// <inheritdoc />
    public override long BytesWritten => _bytesWritten;

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        OpenFile().Write(buffer);
        _bytesWritten += buffer.Length;
    }

    /// <inheritdoc />
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc />
    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await OpenFile().WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
        _bytesWritten += buffer.Length;
    }

    /// <inheritdoc />
    public override void Flush() => OpenFile().Flush();

    /// <inheritdoc />
    public override Task FlushAsync(CancellationToken cancellationToken) => OpenFile().FlushAsync(cancellationToken);

    /// <inheritdoc />
    public override async Task CompleteAsync(CancellationToken cancellationToken = default)
    {
        FileStream file = OpenFile();
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            await file.FlushAsync(cancellationToken).ConfigureAwait(false);
            file.Flush(flushToDisk: true);
            await file.DisposeAsync().ConfigureAwait(false);
            _file = null;
            cancellationToken.ThrowIfCancellationRequested();
            _store.EnsureBucketExists(_location);
            string? directory = Path.GetDirectoryName(_finalPath);
            if (directory is not null)
            {
                Directory.CreateDirectory(directory);
            }

            File.Move(_tempPath, _finalPath, overwrite: true);
            _completed = true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Abort();
            throw new ObjectStoreException($"could not store {_location} in {_store}: {exception.Message}", exception);
        }
        catch
        {
            Abort();
            throw;
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Abort();
        }

        base.Dispose(disposing);
    }

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        if (_file is not null)
        {
            await _file.DisposeAsync().ConfigureAwait(false);
            _file = null;
        }

        Abort();
        GC.SuppressFinalize(this);
    }

    private FileStream OpenFile()
    {
        if (_completed)
        {
            throw new InvalidOperationException($"the write of {_location} is already complete");
        }

        return _file ?? throw new ObjectDisposedException(nameof(ObjectWriteStream), $"the write of {_location} was aborted");
    }

    // Closes and deletes the temporary file unless the object was stored; safe to call twice.
    private void Abort()
    {
        if (_file is not null)
        {
            _file.Dispose();
            _file = null;
        }

        if (!_completed)
        {
            try
            {
                File.Delete(_tempPath);
            }
            catch (IOException)
            {
                // Best effort: a leftover temporary file is outside every bucket and never listed.
            }
            catch (UnauthorizedAccessException)
            {
                // As above.
            }
        }
    }
}
