using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Typed.S3.Codecs;

/// <summary>
/// The records of one object of a rolling write: starting with the source's current record, it ends when the
/// row or byte limit is reached or the source ends. It then looks one record ahead, so that a write never
/// opens an object it has nothing to put in. Enumerated once; the source is disposed by its owner.
/// </summary>
internal sealed class RollingPart<T> : IAsyncEnumerable<T>, IAsyncEnumerator<T>
{
    private readonly IAsyncEnumerator<T> _source;
    private readonly long _maxRows;
    private readonly long _maxBytes;
    private readonly ObjectWriteStream _output;
    private long _rows;

    public RollingPart(IAsyncEnumerator<T> source, long? maxRows, long? maxBytes, ObjectWriteStream output)
    {
        _source = source;
        _maxRows = maxRows ?? long.MaxValue;
        _maxBytes = maxBytes ?? long.MaxValue;
        _output = output;
    }

    /// <summary>Whether the source has a record this part did not take (the next part starts with it).</summary>
    public bool SourceHasMore { get; private set; }

    public T Current => _source.Current;

    public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default) => this;

    public ValueTask<bool> MoveNextAsync()
    {
        if (_rows == 0)
        {
            _rows = 1;
            return new ValueTask<bool>(true);
        }

        // Records already in memory complete at once: no async step per record then.
        ValueTask<bool> next = _source.MoveNextAsync();
        return next.IsCompletedSuccessfully ? new ValueTask<bool>(Take(next.Result)) : TakeAsync(next);
    }

    private async ValueTask<bool> TakeAsync(ValueTask<bool> next) => Take(await next.ConfigureAwait(false));

    private bool Take(bool more)
    {
        if (more && _rows < _maxRows && _output.BytesWritten < _maxBytes)
        {
            _rows++;
            return true;
        }

        SourceHasMore = more;
        return false;
    }

    public ValueTask DisposeAsync() => default;
}
