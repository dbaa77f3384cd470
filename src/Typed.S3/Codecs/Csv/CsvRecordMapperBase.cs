using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using CsvHelper;

namespace Typed.S3.Codecs;

/// <summary>
/// For generated code only; may change in any release. The base of generated CSV mappers: binds the schema's columns to the header of one object (by name, in any
/// order; extra columns are ignored; a missing column is an error unless the schema lets it be absent, when it reads
/// as null) and turns bad values into
/// <see cref="DatasetFormatException"/>s naming the object, line, column, type and value. Generated subclasses
/// read each field as a UTF-8 span and parse it without creating strings.
/// </summary>
/// <typeparam name="T">The record type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class CsvRecordMapperBase<T>
{
    // A column the header lacks reads from past the end of every record, which CsvHelper reads as empty
    // (MissingField = ReturnEmpty): an optional missing column then costs no branch per field.
    private const int AbsentColumn = int.MaxValue;

    // What a user whose older objects lack a column can do.
    private const string AbsenceAdvice = " (objects that may lack a column: mark it \"when_absent\": \"null\" in the schema)";

    private readonly CsvColumn[] _columns;
    private readonly int[] _indexes;

    /// <summary>Binds <paramref name="columns"/> to the header of <paramref name="input"/>.</summary>
    /// <param name="input">A reader whose header has been read.</param>
    /// <param name="objectName">The object (<c>s3://bucket/key</c>) or stream being read, for error messages.</param>
    /// <param name="columns">The schema's columns, in schema order.</param>
    /// <exception cref="DatasetFormatException">A column that may not be absent is not in the header.</exception>
    protected CsvRecordMapperBase(CsvInput input, string objectName, CsvColumn[] columns)
    {
        CsvReader reader = input.Reader;
        ArgumentNullException.ThrowIfNull(reader, nameof(input));
        ArgumentNullException.ThrowIfNull(objectName);
        ArgumentNullException.ThrowIfNull(columns);
        ObjectName = objectName;
        _columns = columns;
        _indexes = new int[columns.Length];
        List<string>? missing = null;
        for (int i = 0; i < columns.Length; i++)
        {
            int index;
            if (!reader.Options.HasHeader)
            {
                index = i;
            }
            else if (!reader.TryGetFieldIndex(columns[i].Name, out index))
            {
                index = AbsentColumn;
                if (!columns[i].AbsentAsNull)
                {
                    (missing ??= new List<string>()).Add(columns[i].Name);
                }
            }

            _indexes[i] = index;
        }

        if (missing is not null)
        {
            throw MissingColumns(reader, missing);
        }
    }

    /// <summary>The object (<c>s3://bucket/key</c>) or stream being read.</summary>
    public string ObjectName { get; }

    /// <summary>Maps the record the reader is on.</summary>
    /// <param name="reader">The reader, on a record.</param>
    /// <exception cref="DatasetFormatException">A field does not parse as its column's type, or a required one is empty.</exception>
    public abstract T Read(CsvInput reader);

    /// <summary>Whether invalid UTF-8 in string values reads as U+FFFD (<see cref="InvalidUtf8Handling.Replace"/>) rather than failing.</summary>
    internal bool ReplaceInvalidUtf8 { get; set; }

    /// <summary>The field index of a schema column in this object's records.</summary>
    /// <param name="column">The column's position in the schema.</param>
    /// <returns>The field index; past the end of every record when the header lacks an optional column.</returns>
    protected int IndexOf(int column) => _indexes[column];

    /// <summary>
    /// Reads a string field: an empty field is <see langword="null"/>, a quoted empty field (<c>""</c>) an empty string.
    /// Text that is not valid UTF-8 is an error naming the byte offset, unless the read replaces it.
    /// </summary>
    /// <param name="reader">The reader, on a record.</param>
    /// <param name="index">The 0-based position of the field in the record.</param>
    protected string? ReadNullableString(CsvInput reader, int index)
    {
        ReadOnlySpan<byte> value = reader.GetSpan(index);
        if (!value.IsEmpty)
        {
            return Utf8Text.TryDecode(value, ReplaceInvalidUtf8, out string text) ? text : ThrowInvalidUtf8(reader.Reader, index);
        }

        return IsQuotedEmpty(reader, index) ? string.Empty : null;
    }

    /// <summary>
    /// Whether an empty field was written as a quoted empty value (<c>""</c>): an empty string or empty binary
    /// value rather than a null one.
    /// </summary>
    /// <param name="reader">The reader, on a record.</param>
    /// <param name="index">The field index of an empty field.</param>
    /// <returns><see langword="true"/> for <c>""</c>; <see langword="false"/> for an empty or absent field.</returns>
    protected static bool IsQuotedEmpty(CsvInput reader, int index) =>
        index != AbsentColumn && CsvFields.IsQuotedEmpty(reader.Reader, index);

    /// <summary>Reads a required string field: an empty field is an empty string.</summary>
    /// <param name="reader">The reader, on a record.</param>
    /// <param name="index">The 0-based position of the field in the record.</param>
    protected string ReadString(CsvInput reader, int index)
    {
        return Utf8Text.TryDecode(reader.GetSpan(index), ReplaceInvalidUtf8, out string text) ? text : ThrowInvalidUtf8(reader.Reader, index);
    }

    /// <summary>
    /// Reads a <c>list&lt;T&gt;</c> field: the list's JSON array text (<c>[1,2,null]</c>, strings JSON-quoted), parsed
    /// in place; an empty field is <see langword="null"/>.
    /// </summary>
    /// <typeparam name="TItem">The element type, nullable.</typeparam>
    /// <param name="reader">The reader, on a record.</param>
    /// <param name="column">The column's position in the schema.</param>
    /// <param name="field">The field's bytes.</param>
    /// <param name="element">How each element of the field's JSON array is read and which type names the errors use.</param>
    /// <returns>The list, or <see langword="null"/>.</returns>
    protected IReadOnlyList<TItem>? ReadNullableList<TItem>(CsvInput reader, int column, ReadOnlySpan<byte> field, ListElement<TItem> element) =>
        field.IsEmpty ? null : ReadList(reader, column, field, element);

    /// <summary>Reads a required <c>list&lt;T&gt;</c> field; see <see cref="ReadNullableList{TItem}"/>. An empty field is an error.</summary>
    /// <typeparam name="TItem">The element type, nullable.</typeparam>
    /// <param name="reader">The reader, on a record.</param>
    /// <param name="column">The column's position in the schema.</param>
    /// <param name="field">The field's bytes.</param>
    /// <param name="element">How each element of the field's JSON array is read and which type names the errors use.</param>
    protected IReadOnlyList<TItem> ReadList<TItem>(CsvInput reader, int column, ReadOnlySpan<byte> field, ListElement<TItem> element)
    {
        ArgumentNullException.ThrowIfNull(element);
        if (field.IsEmpty)
        {
            ThrowMissingValue(reader, column);
        }

        CsvColumn definition = _columns[column];
        string? problem;
        string? value;
        JsonException? syntax = null;
        try
        {
            var json = new Utf8JsonReader(field);
            if (!json.Read() || json.TokenType != JsonTokenType.StartArray)
            {
                problem = "the field is not a JSON array";
                value = Encoding.UTF8.GetString(field);
            }
            else if (element.TryReadArray(ref json, ReplaceInvalidUtf8, out TItem[] items, out problem))
            {
                if (!json.Read())
                {
                    return items;
                }

                problem = "the field has more after the JSON array";
                value = Encoding.UTF8.GetString(field);
            }
            else
            {
                value = ListElement<TItem>.ValueText(ref json);
            }
        }
        catch (JsonException exception)
        {
            // The JSON reader's own message (its positions, its wording) stays inside, as the inner exception.
            syntax = exception;
            problem = "the field is not a valid JSON array";
            value = Encoding.UTF8.GetString(field);
        }

        throw new DatasetFormatException(ObjectName, LineOf(reader.Reader), reader.Reader.RowNumber, definition.Name, definition.TypeName, value, problem!, syntax);
    }

    /// <summary>
    /// Reads a nullable nested field (a record, a map, a list of lists or of records), which holds the value's JSON text:
    /// an empty field is null; a bad value inside is an error naming the column with the path to it (<c>items[3].price</c>).
    /// </summary>
    /// <typeparam name="TValue">The column's type, nullable.</typeparam>
    /// <param name="reader">The reader, on a record.</param>
    /// <param name="column">The column's position in the schema.</param>
    /// <param name="field">The field's bytes.</param>
    /// <param name="type">The column's type.</param>
    protected TValue ReadNullableNested<TValue>(CsvInput reader, int column, ReadOnlySpan<byte> field, ListElement<TValue> type) =>
        field.IsEmpty ? default! : ReadNested(reader, column, field, type);

    /// <summary>Reads a required nested field; see <see cref="ReadNullableNested{TValue}"/>. An empty field, or <c>null</c>, is an error.</summary>
    /// <typeparam name="TValue">The column's type, nullable.</typeparam>
    /// <param name="reader">The reader, on a record.</param>
    /// <param name="column">The column's position in the schema.</param>
    /// <param name="field">The field's bytes.</param>
    /// <param name="type">The column's type.</param>
    protected TValue ReadNested<TValue>(CsvInput reader, int column, ReadOnlySpan<byte> field, ListElement<TValue> type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (field.IsEmpty)
        {
            ThrowMissingValue(reader, column);
        }

        CsvColumn definition = _columns[column];
        string columnName = definition.Name;
        string? typeName = definition.TypeName;
        string? problem;
        string? value;
        JsonException? syntax = null;
        try
        {
            var json = new Utf8JsonReader(field);
            if (!json.Read() || json.TokenType == JsonTokenType.Null)
            {
                problem = "the field is not " + type.Expected + " in JSON";
                value = Encoding.UTF8.GetString(field);
            }
            else if (type.TryReadValue(ref json, ReplaceInvalidUtf8, out TValue read, out JsonFault? fault))
            {
                try
                {
                    if (!json.Read())
                    {
                        return read;
                    }
                }
                catch (JsonException exception)
                {
                    syntax = exception;
                }

                problem = "the field has more after the JSON value";
                value = Encoding.UTF8.GetString(field);
            }
            else
            {
                columnName += fault!.Path;
                typeName = fault.TypeName;
                problem = fault.Problem;
                value = fault.Value;
            }
        }
        catch (JsonException exception)
        {
            // The JSON reader's own message (its positions, its wording) stays inside, as the inner exception.
            syntax = exception;
            problem = "the field is not valid JSON";
            value = Encoding.UTF8.GetString(field);
        }

        throw new DatasetFormatException(ObjectName, LineOf(reader.Reader), reader.Reader.RowNumber, columnName, typeName, value, problem!, syntax);
    }

    /// <summary>Throws the error for a field that does not parse as its column's type.</summary>
    /// <param name="reader">The reader, on the record.</param>
    /// <param name="column">The column's position in the schema.</param>
    /// <param name="value">The field's bytes.</param>
    [DoesNotReturn]
    protected void ThrowInvalidValue(CsvInput reader, int column, ReadOnlySpan<byte> value)
    {
        CsvColumn definition = _columns[column];
        throw new DatasetFormatException(
            ObjectName, LineOf(reader.Reader), reader.Reader.RowNumber, definition.Name, definition.TypeName, Encoding.UTF8.GetString(value), ValueProblems.Of(definition.TypeName, value));
    }

    /// <summary>Throws the error for an empty field in a required column.</summary>
    /// <param name="reader">The reader, on the record.</param>
    /// <param name="column">The column's position in the schema.</param>
    [DoesNotReturn]
    protected void ThrowMissingValue(CsvInput reader, int column)
    {
        CsvColumn definition = _columns[column];
        throw new DatasetFormatException(
            ObjectName, LineOf(reader.Reader), reader.Reader.RowNumber, definition.Name, definition.TypeName, null, "the column is required but the field is empty");
    }

    private static long LineOf(CsvReader reader) => reader.Options.TrackLineNumbers ? reader.LineNumber : 0;

    // A string field that is not UTF-8: the error names the byte where the invalid sequence starts in the object (quotes
    // and doubled quotes are ASCII, so it is where it is in the field's raw bytes).
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private string ThrowInvalidUtf8(CsvReader reader, int index)
    {
        int column = Array.IndexOf(_indexes, index);
        CsvColumn? definition = column >= 0 ? _columns[column] : null;
        ReadOnlySpan<byte> raw = reader.GetRawSpan(index);
        ReadOnlySpan<byte> record = reader.RawRecord;
        long inRecord = (long)Unsafe.ByteOffset(ref MemoryMarshal.GetReference(record), ref MemoryMarshal.GetReference(raw));
        if (inRecord < 0 || inRecord > record.Length)
        {
            inRecord = 0;
        }

        int at = Math.Max(0, Utf8Text.IndexOfInvalid(raw));
        throw new DatasetFormatException(
            ObjectName,
            LineOf(reader),
            reader.RowNumber,
            reader.ByteOffset + inRecord + at,
            definition?.Name,
            definition?.TypeName,
            Utf8Text.ForMessage(reader.GetSpan(index)),
            Utf8Text.InvalidProblem(raw, at));
    }

    // Names every missing column, with the header's unbound column each was probably meant to be.
    private DatasetFormatException MissingColumns(CsvReader reader, List<string> missing)
    {
        var header = new StringBuilder();
        var unbound = new List<string>();
        for (int field = 0; field < reader.Headers.Count; field++)
        {
            string name = reader.Headers[field];
            header.Append(header.Length == 0 ? string.Empty : ", ").Append(name);
            if (Array.IndexOf(_indexes, field) < 0)
            {
                unbound.Add(name);
            }
        }

        string shown = DatasetFormatException.Shorten(header.ToString());
        var problem = new StringBuilder();
        if (missing.Count == 1)
        {
            problem.Append("the header has no such column (").Append(shown).Append(')').Append(ColumnSuggestions.Hint(missing[0], unbound));
        }
        else
        {
            problem.Append("the header lacks the columns '").Append(string.Join("', '", missing)).Append("' (").Append(shown).Append(')');
            foreach (string column in missing)
            {
                if (ColumnSuggestions.Suggest(column, unbound) is { } suggestion)
                {
                    problem.Append("; for '").Append(column).Append("', did you mean '").Append(suggestion).Append("'?");
                }
            }
        }

        // A required column can never be read as null, so the advice is for optional ones only.
        if (Array.Exists(_columns, c => !c.Required && missing.Contains(c.Name)))
        {
            problem.Append(AbsenceAdvice);
        }

        return new DatasetFormatException(ObjectName, 1, 0, missing[0], null, null, problem.ToString());
    }
}
