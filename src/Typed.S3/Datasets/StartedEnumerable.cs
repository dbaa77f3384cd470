using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Typed.S3.Codecs;

/// <summary>
/// Hands on an enumerator that has already moved to its first item (to learn whether there is one) as an
/// enumerable that yields that item first. It can be enumerated once; disposing is left to its owner.
/// </summary>
internal sealed class StartedEnumerable<T> : IAsyncEnumerable<T>, IAsyncEnumerator<T>
{
    private readonly IAsyncEnumerator<T> _source;
    private bool _first = true;

    public StartedEnumerable(IAsyncEnumerator<T> source) => _source = source;

    public T Current => _source.Current;

    public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default) => this;

    public ValueTask<bool> MoveNextAsync()
    {
        if (_first)
        {
            _first = false;
            return new ValueTask<bool>(true);
        }

        return _source.MoveNextAsync();
    }

    public ValueTask DisposeAsync() => default;
}
