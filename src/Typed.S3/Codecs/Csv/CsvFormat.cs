using System;
using System.ComponentModel;
using System.Globalization;
using CsvHelper;

namespace Typed.S3.Codecs;

/// <summary>
/// A dataset's CSV dialect, from the schema's <c>csv</c> section: delimiter, header and quote. It builds the
/// CsvHelper options once; generated code keeps one instance per dataset.
/// </summary>
/// <remarks>For generated code only: not a supported API, hidden from IntelliSense, and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class CsvFormat
{
    private readonly CsvReaderOptions _readerOptions;
    private readonly CsvWriterOptions _writerOptions;

    /// <summary>Creates a dialect.</summary>
    /// <param name="delimiter">The field delimiter: one ASCII character other than CR, LF and the quote.</param>
    /// <param name="hasHeader">Whether the first record names the columns; without one, columns bind by position.</param>
    /// <param name="quote">The quote character; the writer supports only <c>"</c>.</param>
    public CsvFormat(char delimiter = ',', bool hasHeader = true, char quote = '"')
    {
        if (delimiter > 0x7F || delimiter is '\r' or '\n' || delimiter == quote)
        {
            throw new ArgumentException($"The delimiter must be one ASCII character other than CR, LF and the quote; got U+{(int)delimiter:X4}.", nameof(delimiter));
        }

        if (quote != '"')
        {
            throw new ArgumentException("Only '\"' is supported as the CSV quote character.", nameof(quote));
        }

        Delimiter = delimiter;
        HasHeader = hasHeader;
        Quote = quote;
        _readerOptions = new CsvReaderOptions
        {
            Separator = delimiter,
            HasHeader = hasHeader,
            Quote = quote,
            Mode = CsvMode.Rfc4180,
            AllowLineBreaksInQuotes = true,
            SkipEmptyLines = true,
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Throw,
            // The readers count each record's fields themselves, so that a ragged row is one record (to fail on, or to
            // skip), numbered and worded like every other error.
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MissingField = CsvMissingFieldHandling.ReturnEmpty,
            DetectSeparatorHint = false,
            FormatProvider = CultureInfo.InvariantCulture,
            IncludeValuesInExceptions = true,
        };
        _writerOptions = new CsvWriterOptions
        {
            Separator = delimiter,
            HasHeader = hasHeader,
            Mode = CsvMode.Rfc4180,
            Quoting = CsvQuoting.WhenNeeded,
            NewLine = "\r\n",
            TrueValue = "true",
            FalseValue = "false",
            FormatProvider = CultureInfo.InvariantCulture,
            WriteByteOrderMark = false,
        };
    }

    /// <summary>Comma-separated with a header row.</summary>
    public static CsvFormat Default { get; } = new();

    /// <summary>The field delimiter.</summary>
    public char Delimiter { get; }

    /// <summary>Whether the first record is a header.</summary>
    public bool HasHeader { get; }

    /// <summary>The quote character.</summary>
    public char Quote { get; }

    /// <summary>The CsvHelper reader options of this dialect (shared; do not change).</summary>
    internal CsvReaderOptions ReaderOptions => _readerOptions;

    /// <summary>The CsvHelper writer options of this dialect (shared; do not change).</summary>
    internal CsvWriterOptions WriterOptions => _writerOptions;
}
