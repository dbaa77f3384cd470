using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Typed.S3.Codecs;

/// <summary>
/// The records of one Parquet stream, as <see cref="ParquetCodec.ReadAsync{T}(Stream, string, Func{ParquetRecordMapper{T}}, DatasetReadOptions, CancellationToken)"/>
/// returns them: each enumeration opens the stream anew.
/// </summary>
internal sealed class ParquetRecords<T> : IAsyncEnumerable<T>
{
    private readonly Stream _stream;
    private readonly string _objectName;
    private readonly Func<ParquetRecordMapper<T>> _createMapper;
    private readonly DatasetReadOptions _options;
    private readonly CancellationToken _cancellationToken;

    public ParquetRecords(Stream stream, string objectName, Func<ParquetRecordMapper<T>> createMapper, DatasetReadOptions options, CancellationToken cancellationToken)
    {
        _stream = stream;
        _objectName = objectName;
        _createMapper = createMapper;
        _options = options;
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

        return new ParquetRecordReader<T>(_stream, _objectName, _createMapper, _options, token, linked);
    }
}

/// <summary>
/// Enumerates a Parquet stream's records: a row group's column chunks are fetched when it starts (or were read ahead
/// on a pool thread while the one before was decoded: <see cref="ChunkReadAhead"/>), then its rows are
/// decoded a batch (<see cref="ParquetReadBatch.Rows"/>) at a time, every column at once, and each
/// <see cref="MoveNextAsync"/> within a batch builds one record and completes synchronously, without an async state
/// machine per record. What the reader holds is the chunks' bytes and one batch, however many rows a row group
/// declares. A value that cannot be held (and a null in a required column) makes its row a bad record: by default the
/// rows before it are delivered, then its error is raised; when the read skips bad records, the row is counted, handed
/// to the callback, and left out. Damage to a chunk fails the read whatever the policy.
/// </summary>
internal sealed class ParquetRecordReader<T> : IAsyncEnumerator<T>
{
    private readonly Stream _stream;
    private readonly string _objectName;
    private readonly Func<ParquetRecordMapper<T>> _createMapper;
    private readonly DatasetReadOptions _options;
    private readonly BadRecordBudget? _budget;
    private readonly CancellationToken _cancellationToken;
    private readonly List<BadRow> _bad = [];
    private CancellationTokenSource? _linked;
    private Stream? _copy;
    private ParquetFooter? _footer;
    private ColumnChunkReader? _chunks;
    private ParquetRowGroupContext? _context;
    private ParquetRecordMapper<T>? _mapper;
    private ParquetColumn[]? _columns;
    private bool[]? _bound;

    // Where reading stands: the row group, its rows and those decoded so far, the rows of the file before it; the
    // batch (its first row in the row group, its rows, the next to deliver) and its next bad row.
    private int _group = -1;
    private int _groupRows;
    private int _groupDecoded;
    private long _rowsBefore;
    private int _batchStart;
    private int _batchRows;
    private int _row;
    private int _badIndex;
    private int _nextBad = int.MaxValue;
    private bool _finished;
    private T _current = default!;

    public ParquetRecordReader(Stream stream, string objectName, Func<ParquetRecordMapper<T>> createMapper, DatasetReadOptions options, CancellationToken cancellationToken, CancellationTokenSource? linked)
    {
        _stream = stream;
        _objectName = objectName;
        _createMapper = createMapper;
        _options = options;
        _budget = options.SkipsBadRecords ? options.Budget ?? new BadRecordBudget() : null;
        _cancellationToken = cancellationToken;
        _linked = linked;
    }

    public T Current => _current;

    public ValueTask<bool> MoveNextAsync()
    {
        if (_row < _batchRows && _row != _nextBad)
        {
            // A cancelled read stops at the next record, not at the end of the batch.
            if (_cancellationToken.IsCancellationRequested)
            {
                return Cancelled();
            }

            _current = _mapper!.Read(_row++);
            return new ValueTask<bool>(true);
        }

        return MoveNextSlowAsync();
    }

    public ValueTask DisposeAsync()
    {
        _finished = true;
        _row = _batchRows = 0;
        return ReleaseAsync();
    }

    private async ValueTask<bool> Cancelled()
    {
        _finished = true;
        _row = _batchRows = 0;
        await ReleaseAsync().ConfigureAwait(false);
        _cancellationToken.ThrowIfCancellationRequested();
        return false;
    }

    // A bad row, the end of a batch or of a row group: synchronous but for fetching a row group's chunks.
    private async ValueTask<bool> MoveNextSlowAsync()
    {
        if (_finished)
        {
            return false;
        }

        try
        {
            while (true)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                if (_row < _batchRows)
                {
                    if (_row == _nextBad)
                    {
                        HandleBadRow();
                        continue;
                    }

                    _current = _mapper!.Read(_row++);
                    return true;
                }

                if (_groupDecoded < _groupRows)
                {
                    DecodeBatch();
                }
                else if (!await NextRowGroupAsync().ConfigureAwait(false))
                {
                    break;
                }
            }
        }
        catch
        {
            // As an async iterator would: nothing stays open once reading has failed.
            _finished = true;
            _row = _batchRows = 0;
            await ReleaseAsync().ConfigureAwait(false);
            throw;
        }

        _finished = true;
        _row = _batchRows = 0;
        await ReleaseAsync().ConfigureAwait(false);
        return false;
    }

    // Starts the next row group: fetches its bound columns' chunks. False after the last.
    private async ValueTask<bool> NextRowGroupAsync()
    {
        if (_group < 0)
        {
            await OpenAsync().ConfigureAwait(false);
        }

        RowGroupMetaData[] groups = _footer!.Metadata.RowGroups;
        if (_group + 1 >= groups.Length)
        {
            return false;
        }

        RowGroupMetaData group = groups[++_group];
        if (group.NumRows > int.MaxValue)
        {
            throw ParquetErrors.File(_objectName, string.Create(CultureInfo.InvariantCulture,
                $"row group {_group + 1} holds {group.NumRows} rows, more than the {int.MaxValue} a column chunk can hold"));
        }

        _rowsBefore += _groupRows;
        _groupRows = (int)group.NumRows;
        _groupDecoded = 0;
        _row = _batchRows = 0;
        _bad.Clear();
        _nextBad = int.MaxValue;
        _context!.Group = group;
        _context.RowCount = _groupRows;
        ParquetColumn[] columns = _columns!;
        for (int i = 0; i < columns.Length; i++)
        {
            if (!_bound![i])
            {
                continue;
            }

            try
            {
                await columns[i].LoadAsync(_context, _cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (IsDecoderFault(exception))
            {
                throw ChunkError(columns[i], exception);
            }
        }

        if (_group + 1 < groups.Length)
        {
            await _chunks!.ReadAheadAsync(groups[_group + 1], _cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    // Decodes the row group's next batch of rows in every column, and finds its bad rows.
    private void DecodeBatch()
    {
        int rows = Math.Min(ParquetReadBatch.Rows, _groupRows - _groupDecoded);
        bool everyBad = _budget is not null;
        ParquetColumn[] columns = _columns!;
        _bad.Clear();
        for (int i = 0; i < columns.Length; i++)
        {
            ParquetColumn column = columns[i];
            if (!_bound![i])
            {
                column.FillAbsent(rows);
                continue;
            }

            try
            {
                column.Fill(rows, everyBad, _cancellationToken);
            }
            catch (Exception exception) when (IsDecoderFault(exception))
            {
                throw ChunkError(column, exception);
            }

            foreach (ParquetBadValue bad in column.BadValues)
            {
                _bad.Add(new BadRow(bad.Row, i, bad));
            }
        }

        _batchStart = _groupDecoded;
        _groupDecoded += rows;
        if (_groupDecoded == _groupRows)
        {
            for (int i = 0; i < columns.Length; i++)
            {
                try
                {
                    if (_bound![i])
                    {
                        columns[i].EndRowGroup();
                    }
                }
                catch (Exception exception) when (IsDecoderFault(exception))
                {
                    throw ChunkError(columns[i], exception);
                }
            }
        }

        // One error a row: its first column's, in schema order.
        if (_bad.Count > 1)
        {
            _bad.Sort(static (a, b) => a.Row != b.Row ? a.Row.CompareTo(b.Row) : a.Column.CompareTo(b.Column));
            int kept = 1;
            for (int i = 1; i < _bad.Count; i++)
            {
                if (_bad[i].Row != _bad[kept - 1].Row)
                {
                    _bad[kept++] = _bad[i];
                }
            }

            _bad.RemoveRange(kept, _bad.Count - kept);
        }

        _row = 0;
        _batchRows = rows;
        _badIndex = 0;
        _nextBad = _bad.Count > 0 ? _bad[0].Row : int.MaxValue;
    }

    // The row at _row is bad: its error fails the read, or (skipping) it is counted, handed over and left out.
    private void HandleBadRow()
    {
        BadRow bad = _bad[_badIndex++];
        _nextBad = _badIndex < _bad.Count ? _bad[_badIndex].Row : int.MaxValue;
        ParquetColumn column = _columns![bad.Column];
        int groupRow = _batchStart + bad.Row + 1;
        string problem = bad.Value.Problem is { } why
            ? string.Create(CultureInfo.InvariantCulture, $"row {groupRow} of row group {_group + 1}: {why}")
            : string.Create(CultureInfo.InvariantCulture, $"the column is required but row {groupRow} of row group {_group + 1} is null");
        DatasetFormatException error = ParquetErrors.Value(_objectName, _rowsBefore + groupRow, _group, column.Name, column.TypeName, bad.Value.Value, problem);
        if (_budget is null)
        {
            throw error;
        }

        _budget.Skip(error, _options);
        _row++;
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
        bool replace = _options.InvalidUtf8 == InvalidUtf8Handling.Replace;
        foreach (ParquetColumn column in _columns)
        {
            column.ReplaceInvalidUtf8 = replace;
        }

        _bound = ParquetCodec.Bind(_footer.Root, _columns, _objectName);
    }

    // A fault of the decoder's (a ParquetDataException, or its own bug), not the caller's, the stream's, the store's or
    // the runtime's: a failed read is the stream's to report.
    private static bool IsDecoderFault(Exception exception) =>
        exception is not OperationCanceledException and not ObjectStoreException and not DatasetFormatException and not OutOfMemoryException
            and not IOException;

    // A column chunk that cannot be read: an error naming the row group and the column, the cause inside.
    private DatasetFormatException ChunkError(ParquetColumn column, Exception exception) => exception is ParquetDataException
        ? ParquetErrors.Chunk(_objectName, _group, column.Name, column.TypeName, exception.Message, exception)
        : ParquetErrors.Chunk(_objectName, _group, column.Name, column.TypeName, "the column chunk cannot be decoded (" + exception.GetType().Name + ")", exception);

    private async ValueTask ReleaseAsync()
    {
        _current = default!;
        _bad.Clear();
        _nextBad = int.MaxValue;
        if (_columns is not null)
        {
            foreach (ParquetColumn column in _columns)
            {
                column.Release();
            }

            _columns = null;
        }

        if (_chunks is not null)
        {
            await _chunks.DisposeAsync().ConfigureAwait(false);
            _chunks = null;
        }

        _footer = null;

        if (_copy is not null)
        {
            await _copy.DisposeAsync().ConfigureAwait(false);
            _copy = null;
        }

        _linked?.Dispose();
        _linked = null;
    }

    // A bad row of the batch: the column whose value is bad (the first in schema order) and the value.
    private readonly record struct BadRow(int Row, int Column, ParquetBadValue Value);
}
