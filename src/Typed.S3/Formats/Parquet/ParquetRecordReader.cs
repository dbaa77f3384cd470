using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Typed.S3.Codecs;

/// <summary>
/// The records of one Parquet stream, as <see cref="ParquetCodec.ReadAsync{T}"/> returns them: each enumeration opens
/// the stream anew.
/// </summary>
internal sealed class ParquetRecords<T> : IAsyncEnumerable<T>
{
    private readonly Stream _stream;
    private readonly string _objectName;
    private readonly Func<ParquetRecordMapper<T>> _createMapper;
    private readonly CancellationToken _cancellationToken;

    public ParquetRecords(Stream stream, string objectName, Func<ParquetRecordMapper<T>> createMapper, CancellationToken cancellationToken)
    {
        _stream = stream;
        _objectName = objectName;
        _createMapper = createMapper;
        _cancellationToken = cancellationToken;
    }

    public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        // Either token cancels, as with an async iterator's [EnumeratorCancellation] parameter.
        CancellationTokenSource? linked = null;
        CancellationToken token = _cancellationToken;
        if (cancellationToken.CanBeCanceled && cancellationToken != token)
        {
            if (token.CanBeCanceled)
            {
                linked = CancellationTokenSource.CreateLinkedTokenSource(token, cancellationToken);
                token = linked.Token;
            }
            else
            {
                token = cancellationToken;
            }
        }

        return new ParquetRecordReader<T>(_stream, _objectName, _createMapper, token, linked);
    }
}

/// <summary>
/// Enumerates a Parquet stream's records: a row group's columns are read at once, then each
/// <see cref="MoveNextAsync"/> within the row group builds one record and completes synchronously, without an async
/// state machine per record. A value that cannot be read ends the row group there: the rows before it are delivered,
/// then its error is raised.
/// </summary>
internal sealed class ParquetRecordReader<T> : IAsyncEnumerator<T>
{
    private readonly Stream _stream;
    private readonly string _objectName;
    private readonly Func<ParquetRecordMapper<T>> _createMapper;
    private readonly CancellationToken _cancellationToken;
    private CancellationTokenSource? _linked;
    private Stream? _copy;
    private ParquetFooter? _footer;
    private ColumnChunkReader? _chunks;
    private ParquetRowGroupContext? _context;
    private ParquetRecordMapper<T>? _mapper;
    private ParquetColumn[]? _columns;
    private bool[]? _bound;
    private DatasetFormatException? _pending;
    private int _group = -1;
    private int _row;
    private int _rowCount;
    private long _rowsBefore;
    private bool _finished;
    private T _current = default!;

    public ParquetRecordReader(Stream stream, string objectName, Func<ParquetRecordMapper<T>> createMapper, CancellationToken cancellationToken, CancellationTokenSource? linked)
    {
        _stream = stream;
        _objectName = objectName;
        _createMapper = createMapper;
        _cancellationToken = cancellationToken;
        _linked = linked;
    }

    public T Current => _current;

    public ValueTask<bool> MoveNextAsync()
    {
        if (_row < _rowCount)
        {
            // A cancelled read stops at the next record, not at the end of the row group.
            if (_cancellationToken.IsCancellationRequested)
            {
                return Cancelled();
            }

            _current = _mapper!.Read(_row++);
            return new ValueTask<bool>(true);
        }

        return NextRowGroupAsync();
    }

    private async ValueTask<bool> Cancelled()
    {
        _finished = true;
        _row = _rowCount = 0;
        await ReleaseAsync().ConfigureAwait(false);
        _cancellationToken.ThrowIfCancellationRequested();
        return false;
    }

    public ValueTask DisposeAsync()
    {
        _finished = true;
        _row = _rowCount = 0;
        return ReleaseAsync();
    }

    private async ValueTask<bool> NextRowGroupAsync()
    {
        if (_finished)
        {
            return false;
        }

        try
        {
            if (_pending is { } pending)
            {
                _pending = null;
                throw pending;
            }

            if (_group < 0)
            {
                await OpenAsync().ConfigureAwait(false);
            }

            RowGroupMetaData[] groups = _footer!.Metadata.RowGroups;
            while (++_group < groups.Length)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                RowGroupMetaData group = groups[_group];
                if (group.NumRows > Array.MaxLength)
                {
                    throw ParquetErrors.File(_objectName, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                        $"row group {_group + 1} holds {group.NumRows} rows, more than a reader can hold at once"));
                }

                int rowCount = (int)group.NumRows;
                _rowsBefore += _rowCount;
                _row = _rowCount = 0;
                _context!.Group = group;
                _context.RowCount = rowCount;
                (int rows, DatasetFormatException? error) = await ParquetCodec.ReadRowGroupAsync(
                    _context, _columns!, _bound!, _objectName, _group, _rowsBefore, _cancellationToken).ConfigureAwait(false);
                _rowCount = rows;
                _pending = error;
                if (rows > 0)
                {
                    _current = _mapper!.Read(0);
                    _row = 1;
                    return true;
                }

                if (_pending is { } now)
                {
                    _pending = null;
                    throw now;
                }
            }
        }
        catch
        {
            // As an async iterator would: nothing stays open once reading has failed.
            _finished = true;
            await ReleaseAsync().ConfigureAwait(false);
            throw;
        }

        _finished = true;
        await ReleaseAsync().ConfigureAwait(false);
        return false;
    }

    private async ValueTask OpenAsync()
    {
        Stream input = _stream;
        if (!_stream.CanSeek)
        {
            _copy = await ParquetCodec.CopyToTemporaryFileAsync(_stream, _cancellationToken).ConfigureAwait(false);
            input = _copy;
        }

        _footer = await ParquetFooter.ReadAsync(input, _objectName, _cancellationToken).ConfigureAwait(false);
        _chunks = new ColumnChunkReader(input, _footer.DataEnd);
        _context = new ParquetRowGroupContext(_chunks);
        _mapper = _createMapper();
        _columns = _mapper.Columns;
        _bound = ParquetCodec.Bind(_footer.Root, _columns, _objectName);
    }

    private async ValueTask ReleaseAsync()
    {
        _current = default!;
        _pending = null;
        if (_columns is not null)
        {
            foreach (ParquetColumn column in _columns)
            {
                column.Release();
            }

            _columns = null;
        }

        _chunks?.Dispose();
        _chunks = null;
        _footer = null;

        if (_copy is not null)
        {
            await _copy.DisposeAsync().ConfigureAwait(false);
            _copy = null;
        }

        _linked?.Dispose();
        _linked = null;
    }
}
