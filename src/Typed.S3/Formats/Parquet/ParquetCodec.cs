using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Parquet;
using Parquet.Schema;

namespace Typed.S3.Codecs;

/// <summary>
/// Reads and writes records of one type as Parquet over a stream, through a generated mapper, on Parquet.Net's
/// column API: reading opens the footer, reads only the columns the record has (by name; other file columns are
/// never fetched), a row group at a time, into typed arrays the mapper turns into records; writing buffers a row
/// group of records into typed arrays and writes them column by column.
/// </summary>
public static class ParquetCodec
{
    private static ReadOnlySpan<byte> Magic => "PAR1"u8;

    /// <summary>Reads the records of a Parquet stream.</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="stream">
    /// The Parquet bytes; left open. A seekable stream is read in place (the footer first, then the needed column
    /// chunks); a stream that cannot seek is first copied to a temporary file, deleted when reading ends.
    /// </param>
    /// <param name="objectName">The object (<c>s3://bucket/key</c>) or stream name, for error messages.</param>
    /// <param name="createMapper">Creates the generated mapper.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The records, row group after row group.</returns>
    /// <exception cref="DatasetFormatException">
    /// Not a Parquet file (bad magic, truncated or corrupt footer or pages), a required column missing, a column of a
    /// type the schema's cannot hold, or a null in a required column.
    /// </exception>
    public static IAsyncEnumerable<T> ReadAsync<T>(
        Stream stream,
        string objectName,
        Func<ParquetRecordMapper<T>> createMapper,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(objectName);
        ArgumentNullException.ThrowIfNull(createMapper);
        _ = ParquetAotRoots.Count;
        return new ParquetRecords<T>(stream, objectName, createMapper, cancellationToken);
    }

    /// <summary>Writes records as one Parquet file: row groups of <see cref="ParquetFormat.RowGroupSize"/> records, compressed as the format says.</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="stream">The destination (need not seek); left open.</param>
    /// <param name="rows">The records; none may be <see langword="null"/>. With none, a valid file with no rows is written.</param>
    /// <param name="format">The row group size and compression.</param>
    /// <param name="createMapper">Creates the generated mapper.</param>
    /// <param name="cancellationToken">Cancels writing.</param>
    /// <returns>The number of records written.</returns>
    /// <exception cref="ArgumentException">A record is null, a required value is null, or a decimal does not fit its column.</exception>
    public static async Task<long> WriteAsync<T>(
        Stream stream,
        IAsyncEnumerable<T> rows,
        ParquetFormat format,
        Func<ParquetRecordMapper<T>> createMapper,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(createMapper);
        _ = ParquetAotRoots.Count;
        ParquetRecordMapper<T> mapper = createMapper();
        ParquetColumn[] columns = mapper.Columns;
        var schemaFields = new Field[columns.Length];
        for (int i = 0; i < columns.Length; i++)
        {
            schemaFields[i] = columns[i].CreateSchemaField();
        }

        var schema = new ParquetSchema(schemaFields);
        var fields = new DataField[columns.Length];
        for (int i = 0; i < columns.Length; i++)
        {
            fields[i] = columns[i].LeafOf(schemaFields[i]);
        }

        var options = new ParquetOptions { CompressionMethod = Compression(format.Compression) };
        try
        {
            ParquetWriter writer = await ParquetWriter.CreateAsync(schema, stream, options, append: false, cancellationToken).ConfigureAwait(false);
            await using (writer.ConfigureAwait(false))
            {
                int capacity = Math.Min(format.RowGroupSize, 4096);
                foreach (ParquetColumn column in columns)
                {
                    column.BeginWrite(capacity);
                }

                long count = 0;
                int buffered = 0;
                await foreach (T row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
                {
                    if (row is null)
                    {
                        throw new ArgumentException($"Row {count + 1} is null: records to write cannot be null.", nameof(rows));
                    }

                    mapper.Write(row, buffered);
                    buffered++;
                    count++;
                    if (buffered == format.RowGroupSize)
                    {
                        await WriteRowGroupAsync(writer, columns, fields, count - buffered, buffered, cancellationToken).ConfigureAwait(false);
                        buffered = 0;
                    }
                }

                if (buffered > 0)
                {
                    await WriteRowGroupAsync(writer, columns, fields, count - buffered, buffered, cancellationToken).ConfigureAwait(false);
                }

                return count;
            }
        }
        finally
        {
            foreach (ParquetColumn column in columns)
            {
                column.Release();
            }
        }
    }

    /// <summary>Writes records as one Parquet file. See <see cref="WriteAsync{T}(Stream, IAsyncEnumerable{T}, ParquetFormat, Func{ParquetRecordMapper{T}}, CancellationToken)"/>.</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="stream">The destination (need not seek); left open.</param>
    /// <param name="rows">The records; none may be <see langword="null"/>.</param>
    /// <param name="format">The row group size and compression.</param>
    /// <param name="createMapper">Creates the generated mapper.</param>
    /// <param name="cancellationToken">Cancels writing.</param>
    /// <returns>The number of records written.</returns>
    public static Task<long> WriteAsync<T>(
        Stream stream,
        IEnumerable<T> rows,
        ParquetFormat format,
        Func<ParquetRecordMapper<T>> createMapper,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return WriteAsync(stream, new SynchronousAsyncEnumerable<T>(rows), format, createMapper, cancellationToken);
    }

    private static CompressionMethod Compression(ParquetCompression compression) => compression switch
    {
        ParquetCompression.Snappy => CompressionMethod.Snappy,
        ParquetCompression.Gzip => CompressionMethod.Gzip,
        ParquetCompression.Zstd => CompressionMethod.Zstd,
        _ => CompressionMethod.None,
    };

    private static async Task WriteRowGroupAsync(ParquetWriter writer, ParquetColumn[] columns, DataField[] fields, long firstRow, int rowCount, CancellationToken cancellationToken)
    {
        using ParquetRowGroupWriter rowGroup = writer.CreateRowGroup();
        for (int i = 0; i < columns.Length; i++)
        {
            await columns[i].WriteAsync(rowGroup, fields[i], firstRow, rowCount, cancellationToken).ConfigureAwait(false);
        }
    }

    internal static async Task<ParquetReader> OpenAsync(Stream input, string objectName, CancellationToken cancellationToken)
    {
        // Parquet.Net reads both ends first too: checking the magic bytes here costs no extra fetch, and names the problem.
        long length = input.Length;
        if (length < 12)
        {
            throw new DatasetFormatException(objectName, 0, 0, null, null, null,
                string.Create(CultureInfo.InvariantCulture, $"not a Parquet file: {length} bytes is too short to be one"));
        }

        byte[] magic = new byte[4];
        input.Position = 0;
        await input.ReadExactlyAsync(magic, cancellationToken).ConfigureAwait(false);
        if (!magic.AsSpan().SequenceEqual(Magic))
        {
            throw new DatasetFormatException(objectName, 0, 0, null, null, null, "not a Parquet file: it does not start with the magic bytes PAR1");
        }

        input.Position = length - 4;
        await input.ReadExactlyAsync(magic, cancellationToken).ConfigureAwait(false);
        if (!magic.AsSpan().SequenceEqual(Magic))
        {
            throw new DatasetFormatException(objectName, 0, 0, null, null, null, "the Parquet file is truncated or corrupt: it does not end with the magic bytes PAR1");
        }

        input.Position = 0;
        try
        {
            var options = new ParquetOptions { UseDateOnlyTypeForDates = true };
            return await ParquetReader.CreateAsync(input, options, leaveStreamOpen: true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException && exception is not ObjectStoreException)
        {
            throw new DatasetFormatException(objectName, 0, 0, null, null, null, "the Parquet footer cannot be read (" + exception.Message + ")", exception);
        }
    }

    // The file's field for each schema column, or null for an optional column the file lacks.
    internal static DataField?[] Bind(ParquetSchema schema, ParquetColumn[] columns, string objectName)
    {
        var fields = new DataField?[columns.Length];
        List<string>? missing = null;
        for (int i = 0; i < columns.Length; i++)
        {
            ParquetColumn column = columns[i];
            Field? found = null;
            foreach (Field field in schema.Fields)
            {
                if (string.Equals(field.Name, column.Name, StringComparison.Ordinal))
                {
                    found = field;
                    break;
                }
            }

            if (found is null)
            {
                if (column.Required)
                {
                    (missing ??= new List<string>()).Add(column.Name);
                }

                continue;
            }

            DataField? data = column.Bind(found);
            if (data is null)
            {
                throw new DatasetFormatException(objectName, 0, 0, column.Name, null, null,
                    "the column is " + column.TypeName + " in the schema but " + ParquetFileTypes.Describe(found) + " in the file");
            }

            fields[i] = data;
        }

        if (missing is not null)
        {
            var names = new List<string>();
            foreach (Field field in schema.Fields)
            {
                names.Add(field.Name);
            }

            string problem = (missing.Count == 1 ? "required column '" + missing[0] + "' is" : "required columns '" + string.Join("', '", missing) + "' are")
                + " missing from the file (" + DatasetFormatException.Shorten(string.Join(", ", names)) + ")";
            throw new DatasetFormatException(objectName, 0, 0, missing[0], null, null, problem);
        }

        return fields;
    }

    internal static async Task ReadRowGroupAsync(
        ParquetRowGroupReader rowGroup,
        ParquetChunks chunks,
        ParquetColumn[] columns,
        DataField?[] fileFields,
        string objectName,
        int group,
        long rowsBefore,
        int rowCount,
        CancellationToken cancellationToken)
    {
        for (int i = 0; i < columns.Length; i++)
        {
            ParquetColumn column = columns[i];
            DataField? field = fileFields[i];
            if (field is null)
            {
                column.ReadAbsent(rowCount);
                continue;
            }

            try
            {
                await column.ReadAsync(rowGroup, chunks, field, rowCount, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException && exception is not ObjectStoreException)
            {
                throw new DatasetFormatException(objectName, 0, 0, column.Name, column.TypeName, null,
                    string.Create(CultureInfo.InvariantCulture, $"row group {group + 1} cannot be read ({exception.Message})"), exception);
            }

            if (column.Required)
            {
                int nullRow = column.FirstNull(rowCount);
                if (nullRow >= 0)
                {
                    throw new DatasetFormatException(objectName, 0, rowsBefore + nullRow + 1, column.Name, column.TypeName, null,
                        string.Create(CultureInfo.InvariantCulture, $"the column is required but row {nullRow + 1} of row group {group + 1} is null"));
                }
            }
        }
    }

    internal static async Task<Stream> CopyToTemporaryFileAsync(Stream stream, CancellationToken cancellationToken)
    {
        string path = Path.Combine(Path.GetTempPath(), "typed-s3-" + Guid.NewGuid().ToString("N") + ".parquet");
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        try
        {
            await stream.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
            file.Position = 0;
            return file;
        }
        catch
        {
            await file.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
