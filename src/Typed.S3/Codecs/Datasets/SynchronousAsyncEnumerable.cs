using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Typed.S3.Codecs;

/// <summary>An <see cref="IEnumerable{T}"/> seen as an <see cref="IAsyncEnumerable{T}"/> whose steps complete at once.</summary>
internal sealed class SynchronousAsyncEnumerable<T> : IAsyncEnumerable<T>
{
    private readonly IEnumerable<T> _source;

    public SynchronousAsyncEnumerable(IEnumerable<T> source) => _source = source;

    public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default) => new Enumerator(_source.GetEnumerator(), cancellationToken);

    private sealed class Enumerator : IAsyncEnumerator<T>
    {
        private readonly IEnumerator<T> _source;
        private readonly CancellationToken _cancellationToken;

        public Enumerator(IEnumerator<T> source, CancellationToken cancellationToken)
        {
            _source = source;
            _cancellationToken = cancellationToken;
        }

        public T Current => _source.Current;

        public ValueTask<bool> MoveNextAsync()
        {
            _cancellationToken.ThrowIfCancellationRequested();
            return new ValueTask<bool>(_source.MoveNext());
        }

        public ValueTask DisposeAsync()
        {
            _source.Dispose();
            return default;
        }
    }
}
