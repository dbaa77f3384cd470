using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Typed.S3.Codecs;

namespace Typed.S3;

/// <summary>
/// A long-lived writer for a service that receives records continuously: records go to a part file that is
/// completed (made visible) when it reaches a row count, a byte size or an age, or on <see cref="FlushAsync"/>,
/// and the next record starts the next part. Every part of the sink belongs to one load (one <c>{load_id}</c>,
/// increasing <c>{file_id}</c>s, <c>{offset}</c> = the number of records before the part). A part that fails is
/// aborted, never left half-written; the error is thrown by the next call, never lost.
/// </summary>
/// <typeparam name="T">The record type.</typeparam>
public sealed class DatasetSink<T> : IAsyncDisposable
{
    private readonly IObjectStore _store;
    private readonly DatasetWriteTarget _target;
    private readonly ObjectRecordWriter<T> _writeObject;
    private readonly KeyLayout _layout;
    private readonly LoadClock _clock;
    private readonly long _maxRows;
    private readonly long _maxBytes;
    private readonly TimeSpan? _maxAge;
    private readonly int? _partition;
    private readonly int _buffered;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<WrittenObject> _written = new();
    private Part? _part;
    private long _recordsWritten;
    private Exception? _backgroundError;
    private bool _disposed;

    /// <summary>Creates a sink; generated accessors' <c>CreateSink</c> call this.</summary>
    /// <param name="store">The store written to.</param>
    /// <param name="target">Where and how to write (the schema's write section).</param>
    /// <param name="codecs">The generated codecs; the target's format picks one.</param>
    /// <param name="options">When to complete part files; the target's limits when not set.</param>
    /// <remarks>For generated code only: users create sinks with the generated accessor's <c>CreateSink</c>.</remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public DatasetSink(IObjectStore store, DatasetWriteTarget target, DatasetCodecs<T> codecs, DatasetSinkOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(codecs);
        if (target.Location is null)
        {
            throw new InvalidOperationException($"The dataset '{target.TableName}' has no write location in its schema: pass one to CreateSink.");
        }

        options ??= new DatasetSinkOptions();
        if (options.MaxFileAge is { } age && age <= TimeSpan.Zero)
        {
            throw new ArgumentException("MaxFileAge must be positive.", nameof(options));
        }

        if (options.BufferedRecords < 1)
        {
            throw new ArgumentException("BufferedRecords must be at least 1.", nameof(options));
        }

        _store = store;
        _target = target;
        _writeObject = codecs.For(target.Format).Write;
        _layout = (store as IWriteLayoutOverride)?.WriteLayout ?? target.Layout;
        _time = options.TimeProvider ?? TimeProvider.System;
        _clock = LoadClock.Start(_time);
        _maxRows = options.OneRecordPerFile ? 1 : options.MaxRowsPerFile ?? target.MaxRowsPerFile ?? long.MaxValue;
        _maxBytes = options.MaxBytesPerFile ?? target.MaxBytesPerFile ?? long.MaxValue;
        _maxAge = options.MaxFileAge;
        _partition = options.Partition;
        _buffered = options.BufferedRecords;
    }

    /// <summary>The load every part of this sink belongs to.</summary>
    public string LoadId => _clock.LoadId;

    /// <summary>The part files completed so far, in order.</summary>
    public IReadOnlyList<WrittenObject> Written
    {
        get
        {
            lock (_written)
            {
                return _written.ToArray();
            }
        }
    }

    /// <summary>Adds a record to the current part file, starting one if none is open, and completes the part when it reaches its limit.</summary>
    /// <param name="record">The record; not <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels waiting; a cancelled write aborts the current part.</param>
    /// <returns>A task that completes when the record is accepted.</returns>
    public async ValueTask WriteAsync(T record, CancellationToken cancellationToken = default)
    {
        if (record is null)
        {
            throw new ArgumentNullException(nameof(record), "Records written to a sink cannot be null.");
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfUnusable();
            _part ??= await OpenPartAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await _part.Records.Writer.WriteAsync(record, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                await AbortPartAsync().ConfigureAwait(false);
                throw exception is ChannelClosedException { InnerException: { } inner } ? inner : exception;
            }

            _part.Rows++;
            _recordsWritten++;
            if (_part.Rows >= _maxRows || _part.Output.BytesWritten >= _maxBytes)
            {
                await CompletePartAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Completes the current part file, if one is open, making it visible.</summary>
    /// <param name="cancellationToken">Cancels completing; the part is then aborted.</param>
    /// <returns>The part completed, or <see langword="null"/> when none was open.</returns>
    public async Task<WrittenObject?> FlushAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfUnusable();
            return _part is null ? null : await CompletePartAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Discards the current part file (nothing of it becomes visible); completed parts stay.</summary>
    /// <returns>A task that completes when the part is discarded.</returns>
    public async Task AbortAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            await AbortPartAsync().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Completes the current part file and closes the sink; an error of a background completion is thrown here.</summary>
    /// <returns>A task that completes when the sink is closed.</returns>
    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (_part is not null)
            {
                await CompletePartAsync(CancellationToken.None).ConfigureAwait(false);
            }

            if (_backgroundError is { } error)
            {
                _backgroundError = null;
                throw new ObjectStoreException("A part file of the sink failed to complete in the background: " + error.Message, error);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private void ThrowIfUnusable()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_backgroundError is { } error)
        {
            _backgroundError = null;
            throw new ObjectStoreException("A part file of the sink failed to complete in the background: " + error.Message, error);
        }
    }

    private async Task<Part> OpenPartAsync(CancellationToken cancellationToken)
    {
        LayoutValues values = _clock.NextFile(_target.SchemaName, _target.TableName, _target.Extension, _partition, _recordsWritten);
        ObjectLocation location = KeyLayout.Combine(_target.Location!, _layout.Render(values));
        ObjectWriteStream output = await _store.OpenWriteAsync(location, cancellationToken).ConfigureAwait(false);
        var records = Channel.CreateBounded<T>(new BoundedChannelOptions(_buffered) { SingleReader = true, SingleWriter = true });
        var part = new Part(location, output, records);
        part.Writing = WritePartAsync(part);
        if (_maxAge is { } age)
        {
            part.Timer = _time.CreateTimer(static state => ((DatasetSink<T>)((object[])state!)[0]).OnAge((Part)((object[])state!)[1]), new object[] { this, part }, age, Timeout.InfiniteTimeSpan);
        }

        return part;
    }

    private async Task<long> WritePartAsync(Part part)
    {
        try
        {
            return await DatasetWriter.WriteObjectAsync(part.Output, _target.Compression, part.Records.Reader.ReadAllAsync(part.Stop.Token), _writeObject, part.Stop.Token).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // Writers waiting on a full buffer must not wait for a reader that is gone.
            part.Records.Writer.TryComplete(exception);
            throw;
        }
    }

    private async Task<WrittenObject> CompletePartAsync(CancellationToken cancellationToken)
    {
        Part part = _part!;
        _part = null;
        part.Timer?.Dispose();
        part.Records.Writer.TryComplete();
        try
        {
            long rows = await part.Writing.WaitAsync(cancellationToken).ConfigureAwait(false);
            await part.Output.CompleteAsync(cancellationToken).ConfigureAwait(false);
            var written = new WrittenObject(part.Location, rows, part.Output.BytesWritten);
            lock (_written)
            {
                _written.Add(written);
            }

            return written;
        }
        catch
        {
            await part.CancelAsync().ConfigureAwait(false);
            throw;
        }
        finally
        {
            await part.Output.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task AbortPartAsync()
    {
        Part? part = _part;
        _part = null;
        if (part is not null)
        {
            part.Timer?.Dispose();
            await part.CancelAsync().ConfigureAwait(false);
            await part.Output.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async void OnAge(Part part)
    {
        // A timer callback has no caller to throw to: the error waits for the sink's next call.
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (ReferenceEquals(_part, part) && !_disposed)
            {
                await CompletePartAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception exception)
        {
            _backgroundError = exception;
        }
        finally
        {
            _gate.Release();
        }
    }

    private sealed class Part
    {
        public Part(ObjectLocation location, ObjectWriteStream output, Channel<T> records)
        {
            Location = location;
            Output = output;
            Records = records;
        }

        public ObjectLocation Location { get; }

        public ObjectWriteStream Output { get; }

        public Channel<T> Records { get; }

        public CancellationTokenSource Stop { get; } = new();

        public Task<long> Writing { get; set; } = Task.FromResult(0L);

        public ITimer? Timer { get; set; }

        public long Rows { get; set; }

        public async Task CancelAsync()
        {
            Records.Writer.TryComplete();
            await Stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await Writing.ConfigureAwait(false);
            }
            catch (Exception)
            {
                // The part is being discarded: its codec's error or cancellation is not the caller's.
            }
        }
    }
}
