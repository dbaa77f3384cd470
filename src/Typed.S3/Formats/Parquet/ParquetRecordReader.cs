using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Parquet;
using Parquet.Schema;

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
/// state machine per record.
/// </summary>
internal sealed class ParquetRecordReader<T> : IAsyncEnumerator<T>
{
    private readonly Stream _stream;
    private readonly string _objectName;
    private readonly Func<ParquetRecordMapper<T>> _createMapper;
    private readonly CancellationToken _cancellationToken;
    private CancellationTokenSource? _linked;
    private Stream? _copy;
    private ParquetReader? _reader;
    private ParquetChunks? _chunks;
    private ParquetRecordMapper<T>? _mapper;
    private ParquetColumn[]? _columns;
    private DataField?[]? _fileFields;
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
            _current = _mapper!.Read(_row++);
            return new ValueTask<bool>(true);
        }

        return NextRowGroupAsync();
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
            if (_group < 0)
            {
                await OpenAsync().ConfigureAwait(false);
            }

            _rowsBefore += _rowCount;
            _row = _rowCount = 0;
            while (++_group < _reader!.RowGroupCount)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                int rowCount;
                using (ParquetRowGroupReader rowGroup = _reader.OpenRowGroupReader(_group))
                {
                    rowCount = checked((int)rowGroup.RowCount);
                    await ParquetCodec.ReadRowGroupAsync(rowGroup, _chunks!, _columns!, _fileFields!, _objectName, _group, _rowsBefore, rowCount, _cancellationToken).ConfigureAwait(false);
                }

                if (rowCount > 0)
                {
                    _current = _mapper!.Read(0);
                    _row = 1;
                    _rowCount = rowCount;
                    return true;
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

        _reader = await ParquetCodec.OpenAsync(input, _objectName, _cancellationToken).ConfigureAwait(false);
        _chunks = new ParquetChunks(input);
        _mapper = _createMapper();
        _columns = _mapper.Columns;
        _fileFields = ParquetCodec.Bind(_reader.Schema, _columns, _objectName);
    }

    private async ValueTask ReleaseAsync()
    {
        _current = default!;
        if (_columns is not null)
        {
            foreach (ParquetColumn column in _columns)
            {
                column.Release();
            }

            _columns = null;
        }

        _chunks?.Release();
        _chunks = null;

        if (_reader is not null)
        {
            await _reader.DisposeAsync().ConfigureAwait(false);
            _reader = null;
        }

        if (_copy is not null)
        {
            await _copy.DisposeAsync().ConfigureAwait(false);
            _copy = null;
        }

        _linked?.Dispose();
        _linked = null;
    }
}
