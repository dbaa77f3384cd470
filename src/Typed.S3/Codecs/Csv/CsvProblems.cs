using CsvHelper;

namespace Typed.S3.Codecs;

/// <summary>
/// Malformed CSV as the reader reports it: each reader gets options that recover from malformed quoting and report
/// each malformed record (<see cref="CsvReaderOptions.OnMalformedRecord"/>: its number, line, byte offset and reason,
/// as values), and the codec turns the first report into its error when the reader reaches that record. Positions and
/// the problem come from those values, never from another library's message text.
/// </summary>
internal sealed class CsvProblems
{
    private CsvMalformedRecord _first;
    private bool _reported;

    private CsvProblems()
    {
    }

    /// <summary>Options for one reader of a dialect that report malformed records to a new watcher.</summary>
    /// <param name="options">The dialect's reader options (not changed).</param>
    /// <param name="problems">The watcher for the reader made with the returned options.</param>
    /// <returns>The reader's options.</returns>
    public static CsvReaderOptions Watch(CsvReaderOptions options, out CsvProblems problems)
    {
        var watcher = new CsvProblems();
        problems = watcher;
        return options with { MalformedData = CsvMalformedDataHandling.Recover, OnMalformedRecord = watcher.Report };
    }

    /// <summary>
    /// Throws when the record the reader is on, or one before it, was reported malformed (or, at the end of the input,
    /// when any record was).
    /// </summary>
    /// <param name="records">How many records the reader has returned, the header included; <see cref="long.MaxValue"/> at the end.</param>
    /// <param name="objectName">The object (<c>s3://bucket/key</c>) or stream named in the error.</param>
    /// <param name="hasHeader">Whether the first record is a header (rows do not count it).</param>
    /// <exception cref="DatasetFormatException">The record is malformed.</exception>
    public void ThrowIfReached(long records, string objectName, bool hasHeader)
    {
        if (_reported && _first.RecordNumber <= records)
        {
            throw Error(_first, objectName, hasHeader);
        }
    }

    /// <summary>
    /// The error of a read the reader refused for another reason than malformed quoting (a record too large to
    /// buffer): its position from the exception's values, CsvHelper's own words kept in the inner exception.
    /// </summary>
    /// <param name="exception">The reader's exception.</param>
    /// <param name="objectName">The object (<c>s3://bucket/key</c>) or stream named in the error.</param>
    /// <param name="hasHeader">Whether the first record is a header.</param>
    public static DatasetFormatException Unreadable(CsvFormatException exception, string objectName, bool hasHeader) =>
        new(objectName, exception.LineNumber, Row(exception.RecordNumber, hasHeader), exception.ByteOffset > 0 ? exception.ByteOffset : -1, null, null, null,
            "the CSV reader cannot read the record (the inner exception says why)", exception);

    private static DatasetFormatException Error(CsvMalformedRecord record, string objectName, bool hasHeader) =>
        new(objectName, record.LineNumber, Row(record.RecordNumber, hasHeader), record.ByteOffset >= 0 ? record.ByteOffset : -1, null, null, null,
            "malformed CSV: " + Describe(record.Reason));

    // CsvHelper's record numbers count the header; rows here do not, as in every other error.
    private static long Row(long recordNumber, bool hasHeader) => recordNumber > 0 ? System.Math.Max(0, recordNumber - (hasHeader ? 1 : 0)) : 0;

    private static string Describe(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.StrayQuote => "a quote inside an unquoted field",
        CsvMalformedReason.TextAfterClosingQuote => "text after the closing quote of a quoted field",
        CsvMalformedReason.UnterminatedQuote => "a quoted field that is never closed",
        CsvMalformedReason.LineBreakInQuotes => "a line break inside a quoted field",
        CsvMalformedReason.TrailingEscape => "an escape character at the end of the input with nothing to escape",
        CsvMalformedReason.FieldCountMismatch => "the record has a different number of fields",
        _ => "malformed quoting",
    };

    // Called by the reader on its own thread; the first report is the one a read fails on.
    private void Report(CsvMalformedRecord record)
    {
        if (!_reported)
        {
            _first = record;
            _reported = true;
        }
    }
}
