using System;
using System.Buffers;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CsvHelper;

namespace Typed.S3.Codecs;

/// <summary>
/// Whole records of one CSV object, cut out of it to be tokenized and mapped on a thread of their own, and what that
/// gave: the records (in a pooled array) and the error that stopped them, if any. Every chunk after the first starts
/// with a copy of the object's first record (its header, or its first row), so that its reader binds and checks
/// field counts exactly as one reading the whole object would.
/// </summary>
/// <typeparam name="T">The record type.</typeparam>
internal sealed class CsvChunk<T>
{
    private const int CancellationCheckInterval = 1024;

    private readonly TaskCompletionSource _mapped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private byte[]? _bytes;
    private int _claimed;

    /// <summary>Creates a chunk over pooled bytes; the chunk returns them to the pool.</summary>
    /// <param name="index">The chunk's position in the object, from 0.</param>
    /// <param name="bytes">The first record's copy (none in chunk 0) followed by the chunk's records.</param>
    /// <param name="prefixLength">The length of the first record's copy.</param>
    /// <param name="length">The length of the copy and the records.</param>
    /// <param name="offset">Where the chunk's records start in the object, in bytes.</param>
    /// <param name="lineBreaks">The line breaks in the chunk's records (not the copy); unused for the last chunk.</param>
    public CsvChunk(int index, byte[] bytes, int prefixLength, int length, long offset, long lineBreaks)
    {
        Index = index;
        _bytes = bytes;
        PrefixLength = prefixLength;
        Length = length;
        Offset = offset;
        LineBreaks = lineBreaks;
    }

    /// <summary>The chunk's position in the object, from 0.</summary>
    public int Index { get; }

    /// <summary>The length of the copy of the first record at the start of the bytes.</summary>
    public int PrefixLength { get; }

    /// <summary>The length of the bytes in use.</summary>
    public int Length { get; }

    /// <summary>Where the chunk's records start in the object, in bytes.</summary>
    public long Offset { get; }

    /// <summary>The line breaks in the chunk's records.</summary>
    public long LineBreaks { get; }

    /// <summary>The mapped records, in order, in the first <see cref="Count"/> slots.</summary>
    public T[] Records { get; private set; } = Array.Empty<T>();

    /// <summary>How many records were mapped.</summary>
    public int Count { get; private set; }

    /// <summary>The error that stopped mapping, after <see cref="Count"/> records, positioned within the chunk.</summary>
    public Exception? Error { get; private set; }

    /// <summary>
    /// With a read that skips bad records: each bad record's error (positioned within the chunk, with its text) and how
    /// many mapped records come before it, in order; <see langword="null"/> when there were none.
    /// </summary>
    public List<(int Before, DatasetFormatException Error)>? Skipped { get; private set; }

    /// <summary>How many records the chunk held: those mapped and those set aside as bad.</summary>
    public int Rows => Count + (Skipped?.Count ?? 0);

    /// <summary>Completes when the chunk is mapped, failed or given up.</summary>
    public Task Mapped => _mapped.Task;

    /// <summary>Claims the chunk for the calling thread to map; only one thread gets it.</summary>
    /// <returns>Whether the caller is the one to map it.</returns>
    public bool TryClaim() => Interlocked.Exchange(ref _claimed, 1) == 0;

    /// <summary>Tokenizes and maps the chunk's records. Never throws: errors end up in <see cref="Error"/>.</summary>
    /// <param name="options">The dialect's reader options.</param>
    /// <param name="mapper">The object's mapper, bound to its header.</param>
    /// <param name="expectedRecords">How many records to make room for.</param>
    /// <param name="stop">Set when nobody needs the records anymore.</param>
    /// <param name="objectName">The object's name, for the errors of bad records.</param>
    /// <param name="skipping">Whether bad records are set aside in <see cref="Skipped"/> (else the first one stops mapping).</param>
    public void Map(CsvReaderOptions options, CsvRecordMapper<T> mapper, int expectedRecords, CancellationToken stop, string objectName, bool skipping)
    {
        T[] records = ArrayPool<T>.Shared.Rent(Math.Max(expectedRecords, 256));
        int count = 0;
        try
        {
            using CsvReader reader = CsvReader.Create(new ReadOnlyMemory<byte>(_bytes, 0, Length), CsvProblems.Watch(options, out CsvProblems problems));
            int fields = -1;
            if (options.HasHeader)
            {
                reader.ReadHeader();
                fields = reader.Headers.Count;
            }
            else if (PrefixLength > 0)
            {
                // The first row's copy: already mapped with the first chunk.
                reader.Read();
                fields = reader.FieldCount;
            }

            while (true)
            {
                // Malformed quoting stops the chunk at its record, whatever the bad-record policy.
                bool hasRecord = reader.Read();
                problems.ThrowIfReached(hasRecord ? CsvCodec.RecordsRead(reader, options.HasHeader) : long.MaxValue, objectName, options.HasHeader);
                if (!hasRecord)
                {
                    break;
                }

                if (count == records.Length)
                {
                    records = Grow(records);
                }

                fields = fields < 0 ? reader.FieldCount : fields;
                if (CsvCodec.TryMap(reader, mapper, objectName, options.HasHeader, fields, out T record) is { } bad)
                {
                    if (!skipping)
                    {
                        throw bad;
                    }

                    (Skipped ??= new List<(int, DatasetFormatException)>()).Add((count, bad));
                    continue;
                }

                records[count++] = record;
                if (count % CancellationCheckInterval == 0 && stop.IsCancellationRequested)
                {
                    break;
                }
            }
        }
        catch (Exception exception)
        {
            Error = exception;
        }

        Records = records;
        Count = count;
        _mapped.TrySetResult();
    }

    /// <summary>Marks a chunk that will never be mapped (reading is being cancelled) as done, unless a thread maps it already.</summary>
    public void GiveUp()
    {
        if (TryClaim())
        {
            _mapped.TrySetResult();
        }
    }

    /// <summary>Returns the bytes and the records' array to their pools.</summary>
    public void Release()
    {
        if (_bytes is not null)
        {
            ArrayPool<byte>.Shared.Return(_bytes);
            _bytes = null;
        }

        if (Records.Length > 0)
        {
            ArrayPool<T>.Shared.Return(Records, clearArray: true);
            Records = Array.Empty<T>();
        }
    }

    private static T[] Grow(T[] records)
    {
        T[] larger = ArrayPool<T>.Shared.Rent(records.Length * 2);
        Array.Copy(records, larger, records.Length);
        ArrayPool<T>.Shared.Return(records, clearArray: true);
        return larger;
    }
}
