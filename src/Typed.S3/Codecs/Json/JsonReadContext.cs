using System;
using System.ComponentModel;
using System.Text.Json;

namespace Typed.S3.Codecs;

/// <summary>
/// Where a JSON reader is: the object being read and the record within it. Generated readers pass it to the
/// error helpers of <see cref="JsonRecordReader{T}"/>, which turn a position into a line for the message.
/// </summary>
/// <remarks>For generated code only: not a supported API, hidden from IntelliSense, and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class JsonReadContext
{
    private readonly JsonInputBuffer? _input;

    internal JsonReadContext(string objectName, JsonInputBuffer? input, bool replaceInvalidUtf8 = false)
    {
        ObjectName = objectName;
        _input = input;
        ReplaceInvalidUtf8 = replaceInvalidUtf8;
    }

    /// <summary>Whether invalid UTF-8 in strings reads as U+FFFD (<see cref="InvalidUtf8Handling.Replace"/>) rather than failing.</summary>
    internal bool ReplaceInvalidUtf8 { get; }

    /// <summary>The object (<c>s3://bucket/key</c>) or stream being read.</summary>
    public string ObjectName { get; }

    /// <summary>The 1-based number of the record being read.</summary>
    public long Row { get; internal set; }

    /// <summary>The records read completely so far.</summary>
    internal long RecordsRead { get; set; }

    /// <summary>The window index of the current reader's first byte.</summary>
    internal int ReaderOffset { get; set; }

    /// <summary>The line every position is on (JSON Lines, one record a line), or 0 to count lines in the window.</summary>
    internal long FixedLine { get; set; }

    /// <summary>The reader-relative index of the current record's <c>{</c>.</summary>
    internal long RecordStart { get; set; }

    /// <summary>The 1-based line of a token, by its reader-relative start index.</summary>
    internal long LineOf(long tokenStartIndex) =>
        FixedLine > 0 ? FixedLine : _input is null ? 0 : _input.LineAt(ReaderOffset + (int)tokenStartIndex);

    /// <summary>The 0-based offset in the object of a byte, by its reader-relative index; −1 when not known.</summary>
    internal long OffsetOf(long index) => _input is null ? -1 : _input.OffsetAt(ReaderOffset + (int)index);

    /// <summary>An error at a reader-relative position, not tied to one column.</summary>
    internal DatasetFormatException Error(long tokenStartIndex, long row, string problem) =>
        new(ObjectName, LineOf(tokenStartIndex), row, null, null, null, problem);

    /// <summary>Turns a syntax error of <see cref="Utf8JsonReader"/> into a <see cref="DatasetFormatException"/>.</summary>
    /// <param name="exception">The reader's error.</param>
    /// <param name="line">The 1-based line of the error.</param>
    /// <param name="row">The record being read, or 0 between records.</param>
    internal DatasetFormatException SyntaxError(JsonException exception, long line, long row)
    {
        string message = exception.Message;
        int position = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (position >= 0)
        {
            message = message.Substring(0, position);
        }

        return new DatasetFormatException(ObjectName, line, row, null, null, null, "invalid JSON: " + message.TrimEnd(), exception);
    }

    /// <summary>How a token is named in messages: <c>a string</c>, <c>a number</c>, <c>an object</c>.</summary>
    internal static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        _ => "'" + token + "'",
    };

    /// <summary>A snippet of unexpected bytes for a message, cut short.</summary>
    internal static string Snippet(ReadOnlySpan<byte> bytes) =>
        DatasetFormatException.Shorten(Utf8ValueParser.GetString(bytes.Slice(0, Math.Min(bytes.Length, DatasetFormatException.MaxValueLength * 4))).Trim());
}
