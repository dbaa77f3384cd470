using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CsvHelper;
using Typed.S3.Codecs;
using Typed.S3.Schema.Diagnostics;
using Typed.S3.Schema.Model;

namespace Typed.S3.DataCheck;

/// <summary>Checks one dataset of a schema file against the newest objects at its location.</summary>
internal sealed class DatasetChecker
{
    private readonly IObjectStore _store;
    private readonly DriftReport _report;
    private readonly string _schemaPath;
    private readonly DatasetModel _dataset;
    private readonly SourceSpan _locationSpan;
    private readonly int _rows;

    public DatasetChecker(IObjectStore store, DriftReport report, string schemaPath, DatasetModel dataset, SourceSpan locationSpan, int rows)
    {
        _store = store;
        _report = report;
        _schemaPath = schemaPath;
        _dataset = dataset;
        _locationSpan = locationSpan;
        _rows = rows;
    }

    /// <summary>How many objects were checked.</summary>
    public int ObjectsChecked { get; private set; }

    /// <summary>Lists the dataset's location, and checks its <paramref name="sample"/> newest objects.</summary>
    public async Task CheckAsync(int sample, CancellationToken cancellationToken)
    {
        List<ObjectInfo>? objects = await ListAsync(cancellationToken).ConfigureAwait(false);
        if (objects is null)
        {
            return;
        }

        // The newest objects first; objects written in the same instant in key order.
        objects.Sort(static (a, b) =>
        {
            int byTime = b.LastModified.CompareTo(a.LastModified);
            return byTime != 0 ? byTime : string.CompareOrdinal(a.Location.Key, b.Location.Key);
        });
        for (int i = 0; i < objects.Count && i < sample; i++)
        {
            await CheckObjectAsync(objects[i], cancellationToken).ConfigureAwait(false);
            ObjectsChecked++;
        }
    }

    private async Task<List<ObjectInfo>?> ListAsync(CancellationToken cancellationToken)
    {
        var objects = new List<ObjectInfo>();
        try
        {
            await foreach (ObjectInfo info in ObjectResolver.ResolveAsync(_store, _dataset.Location, cancellationToken).ConfigureAwait(false))
            {
                objects.Add(info);
            }
        }
        catch (ObjectNotFoundException)
        {
            objects.Clear();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The store's messages name the store with its secrets masked, and often say "cannot list" themselves.
            string message = exception.Message.StartsWith("cannot list", StringComparison.Ordinal)
                ? exception.Message
                : "cannot list " + _dataset.Location + ": " + exception.Message;
            _report.Drift(_schemaPath, _locationSpan, DataDriftCodes.StoreFailure, message);
            return null;
        }

        if (objects.Count == 0)
        {
            _report.Drift(_schemaPath, _locationSpan, DataDriftCodes.NoObjects, "no object matches " + _dataset.Location);
            return null;
        }

        return objects;
    }

    private async Task CheckObjectAsync(ObjectInfo info, CancellationToken cancellationToken)
    {
        string uri = info.Location.ToString();
        DatasetFormat format;
        CsvOptionsModel csv = _dataset.Csv;
        switch (_dataset.Format)
        {
            case DataFormat.Csv:
                format = DatasetFormat.Csv;
                break;
            case DataFormat.Json:
                format = DatasetFormat.Json;
                break;
            case DataFormat.JsonLines:
                format = DatasetFormat.JsonLines;
                break;
            case DataFormat.Parquet:
                format = DatasetFormat.Parquet;
                break;
            default:
                if (!DatasetFormats.TryFromKey(info.Location.Key, out format))
                {
                    Unreadable(uri + ": the object's extension names no known format (.csv, .tsv, .json, .jsonl, .ndjson or .parquet, each optionally followed by .gz)");
                    return;
                }

                if (format == DatasetFormat.Tsv)
                {
                    csv = csv with { Delimiter = '\t' };
                }

                break;
        }

        try
        {
            if (format == DatasetFormat.Parquet)
            {
                await CheckParquetAsync(info, uri, cancellationToken).ConfigureAwait(false);
                return;
            }

            Stream raw = await _store.OpenReadAsync(info, cancellationToken).ConfigureAwait(false);
            Stream stream;
            try
            {
                stream = await Decompression.OpenAsync(raw, Compression(_dataset.Compression), cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                await raw.DisposeAsync().ConfigureAwait(false);
                throw;
            }

            await using (stream.ConfigureAwait(false))
            {
                switch (format)
                {
                    case DatasetFormat.Json:
                        await CheckJsonAsync(stream, uri, cancellationToken).ConfigureAwait(false);
                        break;
                    case DatasetFormat.JsonLines:
                        await CheckJsonLinesAsync(stream, uri, cancellationToken).ConfigureAwait(false);
                        break;
                    default:
                        await CheckCsvAsync(stream, uri, csv, cancellationToken).ConfigureAwait(false);
                        break;
                }
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            string what = exception switch
            {
                InvalidDataException => "it is not valid gzip data (" + exception.Message + ")",
                DatasetFormatException formatException => formatException.Line > 0
                    ? "line " + formatException.Line.ToString(CultureInfo.InvariantCulture) + ": " + formatException.Problem
                    : formatException.Problem,
                _ => exception.Message,
            };
            Unreadable(uri + " cannot be read as " + DatasetFormats.Extension(format) + ": " + what);
        }
    }

    // A record CsvHelper cannot read for another reason than its quoting (too large to buffer): the runtime's error.
    private static async ValueTask<bool> ReadCsvAsync(Func<ValueTask<bool>> read, string uri, CsvFormat format)
    {
        try
        {
            return await read().ConfigureAwait(false);
        }
        catch (CsvFormatException exception)
        {
            throw CsvProblems.Unreadable(exception, uri, format.HasHeader);
        }
    }

    private void Unreadable(string message) => _report.Drift(_schemaPath, _locationSpan, DataDriftCodes.UnreadableObject, message);

    private static ObjectCompression Compression(CompressionKind kind) => kind switch
    {
        CompressionKind.Gzip => ObjectCompression.Gzip,
        CompressionKind.None => ObjectCompression.None,
        _ => ObjectCompression.Auto,
    };

    private static string Describe(ColumnModel column) =>
        "column '" + column.Name + "' (" + column.Type.DisplayName + (column.Required ? ", required)" : ")");

    private async Task CheckCsvAsync(Stream stream, string uri, CsvOptionsModel options, CancellationToken cancellationToken)
    {
        var format = new CsvFormat(options.Delimiter, options.Header, options.Quote);
        // Malformed quoting is reported as the runtime's reader reports it (its position, Typed.S3's words).
        CsvReader reader = CsvReader.Create(stream, CsvProblems.Watch(format.ReaderOptions, out CsvProblems problems), leaveOpen: true);
        await using (reader.ConfigureAwait(false))
        {
            await ReadCsvAsync(
                async () =>
                {
                    await reader.ReadHeaderAsync(cancellationToken).ConfigureAwait(false);
                    return true;
                },
                uri,
                format).ConfigureAwait(false);
            problems.ThrowIfReached(format.HasHeader ? 1 : 0, uri, format.HasHeader);
            if (format.HasHeader && reader.Headers.Count == 0)
            {
                // An empty object reads as no records, as it does at run time.
                return;
            }

            EquatableArray<ColumnModel> columns = _dataset.Columns;
            var indexes = new int[columns.Count];
            bool missing = false;
            for (int i = 0; i < columns.Count; i++)
            {
                ColumnModel column = columns[i];
                if (!format.HasHeader)
                {
                    indexes[i] = i;
                }
                else if (!reader.TryGetFieldIndex(column.Name, out indexes[i]))
                {
                    indexes[i] = -1;
                    missing |= !column.AbsentAsNull;
                }
            }

            // As the reader does: a column absent from the header is drift unless the schema lets it be absent.
            for (int i = 0; i < columns.Count; i++)
            {
                if (indexes[i] < 0 && !columns[i].AbsentAsNull)
                {
                    var unbound = new List<string>();
                    for (int field = 0; field < reader.Headers.Count; field++)
                    {
                        if (Array.IndexOf(indexes, field) < 0)
                        {
                            unbound.Add(reader.Headers[field]);
                        }
                    }

                    _report.Drift(_schemaPath, columns[i].Span, DataDriftCodes.MissingColumn,
                        Describe(columns[i]) + " is missing from the header of " + uri + " (" + DatasetFormatException.Shorten(string.Join(", ", reader.Headers)) + ")"
                        + ColumnSuggestions.Hint(columns[i].Name, unbound));
                }
            }

            if (missing)
            {
                return;
            }

            int fields = format.HasHeader ? reader.Headers.Count : -1;
            for (int row = 0; row < _rows; row++)
            {
                bool hasRecord = await ReadCsvAsync(() => reader.ReadAsync(cancellationToken), uri, format).ConfigureAwait(false);
                problems.ThrowIfReached(hasRecord ? CsvCodec.RecordsRead(reader, format.HasHeader) : long.MaxValue, uri, format.HasHeader);
                if (!hasRecord)
                {
                    break;
                }

                // As the reader does: a record with another number of fields than the header (or first record) is bad.
                fields = fields < 0 ? reader.FieldCount : fields;
                if (reader.FieldCount != fields)
                {
                    Unreadable(uri + " cannot be read as " + (format.Delimiter == '\t' ? "tsv" : "csv") + ": line " + reader.LineNumber + " has " + reader.FieldCount + " fields but "
                        + (format.HasHeader ? "the header" : "the first record") + " has " + fields);
                    return;
                }

                for (int i = 0; i < columns.Count; i++)
                {
                    ColumnModel column = columns[i];
                    int index = indexes[i];
                    if (index < 0)
                    {
                        continue;
                    }

                    ReadOnlySpan<byte> field = index < reader.FieldCount ? reader.GetSpan(index) : ReadOnlySpan<byte>.Empty;
                    string? problem;
                    if (field.IsEmpty)
                    {
                        // As the reader takes it: an empty field is null, or an empty string, or (quoted, "") an empty
                        // binary value; only a required column of another type rejects it.
                        CsvFieldShape shape = ColumnTypes.TryGet(column.Type.Kind, out ColumnTypeInfo info) ? info.CsvShape : CsvFieldShape.Parsed;
                        if (!column.Required
                            || shape == CsvFieldShape.Text
                            || (shape == CsvFieldShape.Bytes && CsvFields.IsQuotedEmpty(reader, index)))
                        {
                            continue;
                        }

                        _report.Drift(_schemaPath, column.Span, DataDriftCodes.InvalidValue,
                            Describe(column) + ": " + uri + " line " + reader.LineNumber + " has an empty field in a required column");
                        return;
                    }

                    if (!ValueChecks.TryParseText(column.Type, field, out problem))
                    {
                        _report.Drift(_schemaPath, column.Span, DataDriftCodes.InvalidValue,
                            Describe(column) + ": " + uri + " line " + reader.LineNumber + " has '" + DatasetFormatException.Shorten(Encoding.UTF8.GetString(field)) + "', " + problem);
                        return;
                    }
                }
            }
        }
    }

    private async Task CheckParquetAsync(ObjectInfo info, string uri, CancellationToken cancellationToken)
    {
        Stream input = _store is ISeekableReads seekable
            ? await seekable.OpenSeekableReadAsync(info, cancellationToken).ConfigureAwait(false)
            : SeekableObjectStream.Open(_store, info, SeekableObjectStream.DefaultBlockSize);
        await using (input.ConfigureAwait(false))
        {
            // Typed.S3's own footer reader, as a read uses: bounded, and it names encrypted or corrupt files.
            ParquetFooter footer = await ParquetFooter.ReadAsync(input, uri, cancellationToken).ConfigureAwait(false);
            List<string> names = footer.Root.ChildNames();
            foreach (ColumnModel column in _dataset.Columns)
            {
                ParquetSchemaNode? found = footer.Root.Find(column.Name);
                if (found is null)
                {
                    if (!column.AbsentAsNull)
                    {
                        _report.Drift(_schemaPath, column.Span, DataDriftCodes.MissingColumn,
                            Describe(column) + " is missing from " + uri + " (" + DatasetFormatException.Shorten(string.Join(", ", names)) + ")"
                            + ColumnSuggestions.Hint(column.Name, names.Where(n => !_dataset.Columns.Any(c => c.Name == n))));
                    }

                    continue;
                }

                ParquetColumn? expected = ParquetSchemaColumns.Create(column);
                if (expected is not null && !expected.Bind(found))
                {
                    _report.Drift(_schemaPath, column.Span, DataDriftCodes.IncompatibleColumnType,
                        "column '" + column.Name + "' is " + column.Type.DisplayName + " in the schema but " + ParquetFileTypes.Describe(found) + " in " + uri);
                }

                expected?.Release();
            }
        }
    }

    private async Task CheckJsonLinesAsync(Stream stream, string uri, CancellationToken cancellationToken)
    {
        using var text = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen: true);
        int checkedRecords = 0;
        for (long line = 1; checkedRecords < _rows; line++)
        {
            string? content = await text.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            if (content is null)
            {
                return;
            }

            if (string.IsNullOrWhiteSpace(content))
            {
                continue;
            }

            checkedRecords++;
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(content);
            }
            catch (JsonException exception)
            {
                Unreadable(uri + " line " + line + " is not valid JSON: " + exception.Message);
                return;
            }

            using (document)
            {
                if (!CheckRecord(document.RootElement, uri + " line " + line))
                {
                    return;
                }
            }
        }
    }

    private async Task CheckJsonAsync(Stream stream, string uri, CancellationToken cancellationToken)
    {
        // The first records of the top-level array, read as they arrive: an object is never read whole.
        byte[] buffer = new byte[64 * 1024];
        int start = 0;
        int length = 0;
        bool final = false;
        bool inArray = false;
        int record = 0;
        var state = default(JsonReaderState);
        while (record < _rows)
        {
            if (!final)
            {
                if (start > 0)
                {
                    Buffer.BlockCopy(buffer, start, buffer, 0, length - start);
                    length -= start;
                    start = 0;
                }

                if (length == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }

                int read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                length += read;
                final = read == 0;
            }

            Step step;
            try
            {
                step = ReadRecords(buffer.AsSpan(start, length - start), final, ref state, ref inArray, ref record, uri, out int consumed);
                start += consumed;
            }
            catch (JsonException exception)
            {
                Unreadable(uri + " is not a valid JSON array of objects: " + exception.Message);
                return;
            }

            if (step == Step.Stop)
            {
                return;
            }

            if (step == Step.NeedMore && final)
            {
                Unreadable(uri + " is not a valid JSON array of objects: it ends inside the array");
                return;
            }
        }
    }

    private enum Step
    {
        NeedMore,
        Stop,
    }

    private Step ReadRecords(ReadOnlySpan<byte> data, bool final, ref JsonReaderState state, ref bool inArray, ref int record, string uri, out int consumed)
    {
        var reader = new Utf8JsonReader(data, final, state);
        consumed = 0;
        if (!inArray)
        {
            if (!reader.Read())
            {
                if (final)
                {
                    // An empty object holds no records.
                    return Step.Stop;
                }

                return Step.NeedMore;
            }

            if (reader.TokenType != JsonTokenType.StartArray)
            {
                Unreadable(uri + " is not a JSON array: it starts with " + reader.TokenType);
                return Step.Stop;
            }

            inArray = true;
            consumed = (int)reader.BytesConsumed;
            state = reader.CurrentState;
        }

        while (record < _rows)
        {
            Utf8JsonReader before = reader;
            if (!reader.Read())
            {
                return Step.NeedMore;
            }

            if (reader.TokenType == JsonTokenType.EndArray)
            {
                return Step.Stop;
            }

            if (!JsonDocument.TryParseValue(ref reader, out JsonDocument? document))
            {
                reader = before;
                return Step.NeedMore;
            }

            record++;
            using (document)
            {
                consumed = (int)reader.BytesConsumed;
                state = reader.CurrentState;
                if (!CheckRecord(document.RootElement, uri + " record " + record))
                {
                    return Step.Stop;
                }
            }
        }

        return Step.Stop;
    }

    // Checks one record; false after reporting its first problem.
    private bool CheckRecord(JsonElement record, string where)
    {
        if (record.ValueKind != JsonValueKind.Object)
        {
            Unreadable(where + " is " + record.ValueKind.ToString().ToLowerInvariant() + ", not a JSON object");
            return false;
        }

        foreach (ColumnModel column in _dataset.Columns)
        {
            if (!record.TryGetProperty(column.Name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
            {
                if (column.Required)
                {
                    _report.Drift(_schemaPath, column.Span, value.ValueKind == JsonValueKind.Null ? DataDriftCodes.InvalidValue : DataDriftCodes.MissingColumn,
                        Describe(column) + (value.ValueKind == JsonValueKind.Null ? " is null in " : " is missing from ") + where);
                    return false;
                }

                continue;
            }

            if (!ValueChecks.TryCheckJson(column.Type, value, out string? problem))
            {
                _report.Drift(_schemaPath, column.Span, DataDriftCodes.InvalidValue,
                    Describe(column) + ": " + where + " has " + DatasetFormatException.Shorten(value.GetRawText()) + ", " + problem);
                return false;
            }
        }

        return true;
    }
}
