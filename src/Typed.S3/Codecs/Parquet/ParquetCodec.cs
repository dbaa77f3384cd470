using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Parquet;
using Parquet.Schema;

namespace Typed.S3.Codecs;

/// <summary>
/// Reads and writes records of one type as Parquet over a stream, through a generated mapper: reading (Typed.S3's own
/// decoder) opens the footer, fetches only the columns the record has (by name; other file columns are never
/// fetched) a row group at a time, and decodes them a batch of rows at a time into typed arrays the mapper turns into
/// records; writing (Parquet.Net's column API) buffers a row group of records into typed arrays and writes them
/// column by column.
/// </summary>
/// <remarks>For generated code only: not a supported API, hidden from IntelliSense, and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
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
    /// type the schema's cannot hold, a value that cannot be held, or a null in a required column.
    /// </exception>
    public static IAsyncEnumerable<T> ReadAsync<T>(
        Stream stream,
        string objectName,
        Func<ParquetRecordMapper<T>> createMapper,
        CancellationToken cancellationToken = default) =>
        ReadAsync(stream, objectName, createMapper, DatasetReadOptions.Default, cancellationToken);

    /// <summary>Reads the records of a Parquet stream as <paramref name="options"/> say.</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="stream">
    /// The Parquet bytes; left open. A seekable stream is read in place (the footer first, then the needed column
    /// chunks); a stream that cannot seek is first copied to a temporary file, deleted when reading ends.
    /// </param>
    /// <param name="objectName">The object (<c>s3://bucket/key</c>) or stream name, for error messages.</param>
    /// <param name="createMapper">Creates the generated mapper.</param>
    /// <param name="options">
    /// How to read: <see cref="DatasetReadOptions.InvalidUtf8"/> for string values; the bad-record policy for a row with a
    /// value that cannot be held (a timestamp outside .NET's range, a decimal with too many digits, a number outside its
    /// column's range, invalid UTF-8, a null in a required column), which is skipped, counted and handed to the
    /// callback when the options say so; <see cref="DatasetReadOptions.Statistics"/> (the stream counted as one object:
    /// the bytes read from it, for a seekable stream only the footer and the needed column chunks).
    /// </param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The records, row group after row group.</returns>
    /// <exception cref="DatasetFormatException">
    /// Not a Parquet file (bad magic, truncated or corrupt footer or pages: whatever the policy), a required column
    /// missing, a column of a type the schema's cannot hold, or a bad row the policy does not skip.
    /// </exception>
    public static IAsyncEnumerable<T> ReadAsync<T>(
        Stream stream,
        string objectName,
        Func<ParquetRecordMapper<T>> createMapper,
        DatasetReadOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(objectName);
        ArgumentNullException.ThrowIfNull(createMapper);
        ArgumentNullException.ThrowIfNull(options);
        _ = ParquetAotRoots.Count;
        return CountedReads.CountsItself(options)
            ? CountedReads.ReadAsync(stream, objectName, options, (counted, objectOptions) => new ParquetRecords<T>(counted, objectName, createMapper, objectOptions, cancellationToken), cancellationToken)
            : new ParquetRecords<T>(stream, objectName, createMapper, options, cancellationToken);
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

    // What a user whose older files lack a column can do.
    private const string AbsenceAdvice = " (files that may lack a column: mark it \"when_absent\": \"null\" in the schema)";

    /// <summary>
    /// Binds each schema column to the file's column of its name: a column the file lacks is read as null where the
    /// schema says <c>"when_absent": "null"</c>, and is otherwise an error naming it, with the file's near name; a
    /// file column of another type is an error naming both views.
    /// </summary>
    internal static bool[] Bind(ParquetSchemaNode root, ParquetColumn[] columns, string objectName)
    {
        var bound = new bool[columns.Length];
        List<string>? missing = null;
        for (int i = 0; i < columns.Length; i++)
        {
            ParquetColumn column = columns[i];
            ParquetSchemaNode? node = root.Find(column.Name);
            if (node is null)
            {
                if (!column.AbsentAsNull)
                {
                    (missing ??= new List<string>()).Add(column.Name);
                }

                continue;
            }

            if (!column.Bind(node))
            {
                throw new DatasetFormatException(objectName, 0, 0, column.Name, null, null,
                    "the column is " + column.TypeName + " in the schema but " + ParquetFileTypes.Describe(node) + " in the file");
            }

            bound[i] = true;
        }

        if (missing is not null)
        {
            throw MissingColumns(root, columns, missing, objectName);
        }

        return bound;
    }

    // Names every missing column, with the file's unbound column each was probably meant to be.
    private static DatasetFormatException MissingColumns(ParquetSchemaNode root, ParquetColumn[] columns, List<string> missing, string objectName)
    {
        List<string> names = root.ChildNames();
        List<string> unmatched = names.FindAll(name => Array.FindIndex(columns, c => string.Equals(c.Name, name, StringComparison.Ordinal)) < 0);
        string shown = DatasetFormatException.Shorten(string.Join(", ", names));
        var problem = new StringBuilder();
        if (missing.Count == 1)
        {
            problem.Append("the file has no such column (").Append(shown).Append(')').Append(ColumnSuggestions.Hint(missing[0], unmatched));
        }
        else
        {
            problem.Append("the file lacks the columns '").Append(string.Join("', '", missing)).Append("' (").Append(shown).Append(')');
            foreach (string column in missing)
            {
                if (ColumnSuggestions.Suggest(column, unmatched) is { } suggestion)
                {
                    problem.Append("; for '").Append(column).Append("', did you mean '").Append(suggestion).Append("'?");
                }
            }
        }

        // A required column can never be read as null, so the advice is for optional ones only.
        if (Array.Exists(columns, c => !c.Required && missing.Contains(c.Name)))
        {
            problem.Append(AbsenceAdvice);
        }

        return new DatasetFormatException(objectName, 0, 0, missing[0], null, null, problem.ToString());
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
