using System;
using System.Globalization;
using System.Text;

namespace Typed.S3;

/// <summary>
/// Data that does not fit its schema: a value that does not parse as its column's type, a missing required
/// column, malformed quoting, a ragged row. The message names the object (<c>s3://bucket/key</c>), the line
/// (or row), the column, the expected type and the offending value, cut short.
/// </summary>
public class DatasetFormatException : FormatException
{
    /// <summary>Values longer than this are cut short in messages.</summary>
    public const int MaxValueLength = 64;

    /// <summary>Record texts longer than this are cut short (<see cref="RecordText"/>).</summary>
    public const int MaxRecordTextLength = 1024;

    private string? _recordText;

    /// <summary>Creates the exception.</summary>
    /// <param name="objectName">The object (<c>s3://bucket/key</c>) or stream the data came from.</param>
    /// <param name="line">The 1-based line where the record starts, or 0 when not known.</param>
    /// <param name="row">The 1-based data row (header not counted), or 0 when not known.</param>
    /// <param name="column">The column, or <see langword="null"/> when the problem is not one column's.</param>
    /// <param name="expectedType">The column's schema type (<c>int64</c>, <c>decimal(18,2)</c>), or <see langword="null"/>.</param>
    /// <param name="value">The offending value, or <see langword="null"/>.</param>
    /// <param name="problem">What is wrong, as a short sentence without the location.</param>
    /// <param name="innerException">The cause, if any.</param>
    public DatasetFormatException(
        string objectName,
        long line,
        long row,
        string? column,
        string? expectedType,
        string? value,
        string problem,
        Exception? innerException = null)
        : this(objectName, line, row, -1, column, expectedType, value, problem, innerException)
    {
    }

    /// <summary>Creates the exception for a problem at a known byte of the object.</summary>
    /// <param name="objectName">The object (<c>s3://bucket/key</c>) or stream the data came from.</param>
    /// <param name="line">The 1-based line where the record starts, or 0 when not known.</param>
    /// <param name="row">The 1-based data row (header not counted), or 0 when not known.</param>
    /// <param name="byteOffset">The 0-based offset in the object's bytes of the problem, or −1 when not known.</param>
    /// <param name="column">The column, or <see langword="null"/> when the problem is not one column's.</param>
    /// <param name="expectedType">The column's schema type (<c>int64</c>, <c>decimal(18,2)</c>), or <see langword="null"/>.</param>
    /// <param name="value">The offending value, or <see langword="null"/>.</param>
    /// <param name="problem">What is wrong, as a short sentence without the location.</param>
    /// <param name="innerException">The cause, if any.</param>
    public DatasetFormatException(
        string objectName,
        long line,
        long row,
        long byteOffset,
        string? column,
        string? expectedType,
        string? value,
        string problem,
        Exception? innerException = null)
        : base(BuildMessage(objectName, line, row, byteOffset, column, expectedType, value, problem), innerException)
    {
        ByteOffset = byteOffset;
        ObjectName = objectName;
        Line = line;
        Row = row;
        Column = column;
        ExpectedType = expectedType;
        Value = value is null ? null : Shorten(value);
        Problem = problem;
    }

    /// <summary>The object (<c>s3://bucket/key</c>) or stream the data came from.</summary>
    public string ObjectName { get; }

    /// <summary>The 1-based line where the record starts, or 0 when not known.</summary>
    public long Line { get; }

    /// <summary>The 1-based data row (header not counted), or 0 when not known.</summary>
    public long Row { get; }

    /// <summary>
    /// The 1-based Parquet row group of the problem (a row's, or a column chunk's), or 0 when it is not in one row group
    /// or the object is not Parquet. <see cref="Row"/> counts the rows of the whole file, as a failing read does.
    /// </summary>
    public int RowGroup { get; internal init; }

    /// <summary>
    /// The 0-based offset in the object's bytes where the problem is (an invalid UTF-8 sequence, malformed quoting), or −1
    /// when not known. For an object read as UTF-16, offsets count the bytes of its UTF-8 form.
    /// </summary>
    public long ByteOffset { get; }

    /// <summary>
    /// The bad record as it stands in the object (a CSV row, a JSON Lines line, a JSON array element), cut to
    /// <see cref="MaxRecordTextLength"/> characters, or <see langword="null"/> when there is no one record to show (a
    /// header, a Parquet row, broken structure). Not part of <see cref="Exception.Message"/>; bad-record callbacks get it.
    /// </summary>
    public string? RecordText
    {
        get => _recordText;
        internal set => _recordText = value is null || value.Length <= MaxRecordTextLength ? value : string.Concat(value.AsSpan(0, MaxRecordTextLength), "…");
    }

    /// <summary>The column, or <see langword="null"/>.</summary>
    public string? Column { get; }

    /// <summary>The column's schema type, or <see langword="null"/>.</summary>
    public string? ExpectedType { get; }

    /// <summary>The offending value, cut to <see cref="MaxValueLength"/> characters, or <see langword="null"/>.</summary>
    public string? Value { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Problem { get; }

    /// <summary>Cuts a value to <see cref="MaxValueLength"/> characters and marks the cut.</summary>
    /// <param name="value">The text to show in a message, such as a field as read; not <see langword="null"/>.</param>
    /// <returns>The value, or its start followed by <c>…</c>.</returns>
    public static string Shorten(string value) =>
        value.Length <= MaxValueLength ? value : string.Concat(value.AsSpan(0, MaxValueLength), "…");

    private static string BuildMessage(string objectName, long line, long row, long byteOffset, string? column, string? expectedType, string? value, string problem)
    {
        var message = new StringBuilder();
        message.Append(objectName);
        if (line > 0)
        {
            message.Append(CultureInfo.InvariantCulture, $", line {line}");
        }

        if (row > 0)
        {
            message.Append(CultureInfo.InvariantCulture, $" (row {row})");
        }

        if (byteOffset >= 0)
        {
            message.Append(CultureInfo.InvariantCulture, $", byte offset {byteOffset}");
        }

        if (column is not null)
        {
            message.Append(", column '").Append(column).Append('\'');
        }

        message.Append(": ").Append(problem);
        if (expectedType is not null && value is not null)
        {
            message.Append(" (expected ").Append(expectedType).Append(", found '").Append(Shorten(value)).Append("')");
        }
        else if (expectedType is not null)
        {
            message.Append(" (expected ").Append(expectedType).Append(')');
        }

        return message.ToString();
    }
}
