using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Typed.S3.Codecs;

/// <summary>
/// The base of generated JSON readers: reads one object into a record. Properties bind by exact
/// (case-sensitive) name in any order, unknown ones are skipped, and each value is read straight from the
/// reader's UTF-8 token into the column's type. A value of the wrong JSON type, out of range, not fitting a
/// decimal's precision and scale, a <c>null</c> or absent required property is a
/// <see cref="DatasetFormatException"/> naming the object, line, record, column, type and value.
/// </summary>
/// <typeparam name="T">The record type.</typeparam>
/// <remarks>For generated code only: not a supported API, hidden from IntelliSense, and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class JsonRecordReader<T>
{
    private readonly JsonColumn[] _columns;

    // The columns' names in UTF-8, to tell an unknown property from one that differs from a column only in case.
    private readonly byte[][] _utf8Names;

    /// <summary>Creates the reader of the schema's columns.</summary>
    /// <param name="columns">The schema's columns, in schema order.</param>
    protected JsonRecordReader(JsonColumn[] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        _columns = columns;
        _utf8Names = Array.ConvertAll(columns, column => Encoding.UTF8.GetBytes(column.Name));
    }

    /// <summary>
    /// Reads the object the reader is on (its <c>{</c> token) and everything up to its <c>}</c>. The reader may
    /// hold part of the object only: a <see langword="false"/> return asks for more data, and the object is read
    /// again from its start with it.
    /// </summary>
    /// <param name="reader">The reader, on the object's <see cref="JsonTokenType.StartObject"/>.</param>
    /// <param name="context">Where the reader is, for error messages.</param>
    /// <param name="record">The record, when the whole object was read.</param>
    /// <returns>Whether the object was complete.</returns>
    /// <exception cref="DatasetFormatException">The object does not match the schema.</exception>
    public abstract bool TryRead(ref Utf8JsonReader reader, JsonReadContext context, out T record);

    /// <summary>Reads a <c>bool</c>: <c>true</c> or <c>false</c>.</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="context">Where the reader is.</param>
    /// <param name="column">The column's position in the schema.</param>
    protected bool ReadBoolean(ref Utf8JsonReader reader, JsonReadContext context, int column) =>
        ListElements.ReadBoolean(ref reader, out bool value, out string? problem) ? value : throw Failed(ref reader, context, column, problem!);

    /// <summary>Reads an <c>int8</c> from a JSON number.</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="context">Where the reader is.</param>
    /// <param name="column">The column's position in the schema.</param>
    protected sbyte ReadSByte(ref Utf8JsonReader reader, JsonReadContext context, int column) =>
        ListElements.ReadSByte(ref reader, out sbyte value, out string? problem) ? value : throw Failed(ref reader, context, column, problem!);

    /// <summary>Reads an <c>int16</c> from a JSON number.</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="context">Where the reader is.</param>
    /// <param name="column">The column's position in the schema.</param>
    protected short ReadInt16(ref Utf8JsonReader reader, JsonReadContext context, int column) =>
        ListElements.ReadInt16(ref reader, out short value, out string? problem) ? value : throw Failed(ref reader, context, column, problem!);

    /// <summary>Reads an <c>int32</c> from a JSON number.</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="context">Where the reader is.</param>
    /// <param name="column">The column's position in the schema.</param>
    protected int ReadInt32(ref Utf8JsonReader reader, JsonReadContext context, int column) =>
        ListElements.ReadInt32(ref reader, out int value, out string? problem) ? value : throw Failed(ref reader, context, column, problem!);

    /// <summary>Reads an <c>int64</c> from a JSON number.</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="context">Where the reader is.</param>
    /// <param name="column">The column's position in the schema.</param>
    protected long ReadInt64(ref Utf8JsonReader reader, JsonReadContext context, int column) =>
        ListElements.ReadInt64(ref reader, out long value, out string? problem) ? value : throw Failed(ref reader, context, column, problem!);

    /// <summary>Reads a <c>uint8</c> from a JSON number.</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="context">Where the reader is.</param>
    /// <param name="column">The column's position in the schema.</param>
    protected byte ReadByte(ref Utf8JsonReader reader, JsonReadContext context, int column) =>
        ListElements.ReadByte(ref reader, out byte value, out string? problem) ? value : throw Failed(ref reader, context, column, problem!);

    /// <summary>Reads a <c>uint16</c> from a JSON number.</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="context">Where the reader is.</param>
    /// <param name="column">The column's position in the schema.</param>
    protected ushort ReadUInt16(ref Utf8JsonReader reader, JsonReadContext context, int column) =>
        ListElements.ReadUInt16(ref reader, out ushort value, out string? problem) ? value : throw Failed(ref reader, context, column, problem!);

    /// <summary>Reads a <c>uint32</c> from a JSON number.</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="context">Where the reader is.</param>
    /// <param name="column">The column's position in the schema.</param>
    protected uint ReadUInt32(ref Utf8JsonReader reader, JsonReadContext context, int column) =>
        ListElements.ReadUInt32(ref reader, out uint value, out string? problem) ? value : throw Failed(ref reader, context, column, problem!);

    /// <summary>Reads a <c>uint64</c> from a JSON number.</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="context">Where the reader is.</param>
    /// <param name="column">The column's position in the schema.</param>
    protected ulong ReadUInt64(ref Utf8JsonReader reader, JsonReadContext context, int column) =>
        ListElements.ReadUInt64(ref reader, out ulong value, out string? problem) ? value : throw Failed(ref reader, context, column, problem!);

    /// <summary>
    /// Reads a <c>float16</c> from a JSON number (rounded to the nearest half), or from the strings <c>"NaN"</c>,
    /// <c>"Infinity"</c>, <c>"-Infinity"</c>; a number beyond the type's range (65504) is an error, not an infinity.
    /// </summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="context">Where the reader is.</param>
    /// <param name="column">The column's position in the schema.</param>
    protected Half ReadHalf(ref Utf8JsonReader reader, JsonReadContext context, int column) =>
        ListElements.ReadHalf(ref reader, out Half value, out string? problem) ? value : throw Failed(ref reader, context, column, problem!);

    /// <summary>
    /// Reads a <c>float32</c> from a JSON number, or from the strings <c>"NaN"</c>, <c>"Infinity"</c>, <c>"-Infinity"</c>;
    /// a number beyond the type's range is an error, not an infinity.
    /// </summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="context">Where the reader is.</param>
    /// <param name="column">The column's position in the schema.</param>
    protected float ReadSingle(ref Utf8JsonReader reader, JsonReadContext context, int column) =>
        ListElements.ReadSingle(ref reader, out float value, out string? problem) ? value : throw Failed(ref reader, context, column, problem!);

    /// <summary>
    /// Reads a <c>float64</c> from a JSON number, or from the strings <c>"NaN"</c>, <c>"Infinity"</c>, <c>"-Infinity"</c>;
    /// a number beyond the type's range is an error, not an infinity.
    /// </summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="context">Where the reader is.</param>
    /// <param name="column">The column's position in the schema.</param>
    protected double ReadDouble(ref Utf8JsonReader reader, JsonReadContext context, int column) =>
        ListElements.ReadDouble(ref reader, out double value, out string? problem) ? value : throw Failed(ref reader, context, column, problem!);

    /// <summary>Reads a <c>decimal(p,s)</c> from a JSON number; one with more digits than the column holds is an error, never rounded.</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="context">Where the reader is.</param>
    /// <param name="column">The column's position in the schema.</param>
    /// <param name="precision">The column's total digits.</param>
    /// <param name="scale">The column's digits after the point.</param>
    protected decimal ReadDecimal(ref Utf8JsonReader reader, JsonReadContext context, int column, int precision, int scale) =>
        ListElements.ReadDecimal(ref reader, precision, scale, out decimal value, out string? problem) ? value : throw Failed(ref reader, context, column, problem!);

    /// <summary>Reads a <c>string</c> from a JSON string.</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="context">Where the reader is.</param>
    /// <param name="column">The column's position in the schema.</param>
    protected string ReadString(ref Utf8JsonReader reader, JsonReadContext context, int column)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (reader.TokenType != JsonTokenType.String)
        {
            throw WrongType(ref reader, context, column, "a string");
        }

        return JsonText.TryGetString(ref reader, context.ReplaceInvalidUtf8, out string value, out string? problem, out int invalidAt)
            ? value
            : throw InvalidText(ref reader, context, column, problem!, invalidAt);
    }

    /// <summary>Reads a <c>date</c> from an ISO 8601 string (<c>yyyy-MM-dd</c>).</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="context">Where the reader is.</param>
    /// <param name="column">The column's position in the schema.</param>
    protected DateOnly ReadDate(ref Utf8JsonReader reader, JsonReadContext context, int column) =>
        ListElements.ReadDate(ref reader, out DateOnly value, out string? problem) ? value : throw Failed(ref reader, context, column, problem!);

    /// <summary>Reads a <c>time</c> from a string (<c>HH:mm:ss[.fffffff]</c>).</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="context">Where the reader is.</param>
    /// <param name="column">The column's position in the schema.</param>
    protected TimeOnly ReadTime(ref Utf8JsonReader reader, JsonReadContext context, int column) =>
        ListElements.ReadTime(ref reader, out TimeOnly value, out string? problem) ? value : throw Failed(ref reader, context, column, problem!);

    /// <summary>Reads a <c>timestamp</c> from an ISO 8601 string; an offset is applied and the result is in UTC.</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="context">Where the reader is.</param>
    /// <param name="column">The column's position in the schema.</param>
    protected DateTimeOffset ReadTimestamp(ref Utf8JsonReader reader, JsonReadContext context, int column) =>
        ListElements.ReadTimestamp(ref reader, out DateTimeOffset value, out string? problem) ? value : throw Failed(ref reader, context, column, problem!);

    /// <summary>Reads a <c>timestamp_local</c> from an ISO 8601 string without an offset.</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="context">Where the reader is.</param>
    /// <param name="column">The column's position in the schema.</param>
    protected DateTime ReadLocalTimestamp(ref Utf8JsonReader reader, JsonReadContext context, int column) =>
        ListElements.ReadLocalTimestamp(ref reader, out DateTime value, out string? problem) ? value : throw Failed(ref reader, context, column, problem!);

    /// <summary>Reads a <c>uuid</c> from a string.</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="context">Where the reader is.</param>
    /// <param name="column">The column's position in the schema.</param>
    protected Guid ReadGuid(ref Utf8JsonReader reader, JsonReadContext context, int column) =>
        ListElements.ReadGuid(ref reader, out Guid value, out string? problem) ? value : throw Failed(ref reader, context, column, problem!);

    /// <summary>Reads a <c>binary</c> value from a base64 string.</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="context">Where the reader is.</param>
    /// <param name="column">The column's position in the schema.</param>
    protected byte[] ReadBinary(ref Utf8JsonReader reader, JsonReadContext context, int column) =>
        ListElements.ReadBinary(ref reader, replaceInvalidUtf8: false, out byte[] value, out string? problem) ? value : throw Failed(ref reader, context, column, problem!);

    /// <summary>
    /// Reads a required <c>list&lt;T&gt;</c> value from a JSON array (elements may be <c>null</c>). The whole array must
    /// be in the reader's data: a <see langword="false"/> return asks for more.
    /// </summary>
    /// <typeparam name="TItem">The element type, nullable.</typeparam>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="context">Where the reader is.</param>
    /// <param name="column">The column's position in the schema.</param>
    /// <param name="element">How each element is read and which type names the errors use.</param>
    /// <param name="value">The elements read, when the whole array was there.</param>
    /// <returns>Whether the whole array was in the reader's data.</returns>
    protected bool TryReadList<TItem>(ref Utf8JsonReader reader, JsonReadContext context, int column, ListElement<TItem> element, out IReadOnlyList<TItem> value)
    {
        ArgumentNullException.ThrowIfNull(element);
        value = Array.Empty<TItem>();
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw WrongType(ref reader, context, column, "an array");
        }

        Utf8JsonReader ahead = reader;
        if (!ahead.TrySkip())
        {
            return false;
        }

        if (!element.TryReadArray(ref reader, context.ReplaceInvalidUtf8, out TItem[] items, out string? problem))
        {
            JsonColumn definition = _columns[column];
            throw new DatasetFormatException(
                context.ObjectName, context.LineOf(reader.TokenStartIndex), context.Row, definition.Name, definition.TypeName, JsonText.ForMessage(ref reader), problem!);
        }

        value = items;
        return true;
    }

    /// <summary>Reads a nullable <c>list&lt;T&gt;</c> value: <c>null</c> or a JSON array. See <see cref="TryReadList{TItem}"/>.</summary>
    /// <typeparam name="TItem">The element type, nullable.</typeparam>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="context">Where the reader is.</param>
    /// <param name="column">The column's position in the schema.</param>
    /// <param name="element">How each element is read and which type names the errors use.</param>
    /// <param name="value">The list, or <see langword="null"/>.</param>
    /// <returns>Whether the whole array was in the reader's data.</returns>
    protected bool TryReadNullableList<TItem>(ref Utf8JsonReader reader, JsonReadContext context, int column, ListElement<TItem> element, out IReadOnlyList<TItem>? value)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            value = null;
            return true;
        }

        bool complete = TryReadList(ref reader, context, column, element, out IReadOnlyList<TItem> list);
        value = list;
        return complete;
    }

    /// <summary>
    /// Reads a required nested value (a record, a map, a list of lists or of records) from the reader's current token:
    /// <c>null</c> is an error; a bad value inside is an error naming the column with the path to it
    /// (<c>items[3].price</c>), its type and its value.
    /// </summary>
    /// <typeparam name="TValue">The column's type, nullable.</typeparam>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="context">Where the reader is.</param>
    /// <param name="column">The column's position in the schema.</param>
    /// <param name="type">The column's type.</param>
    /// <param name="value">The value.</param>
    /// <returns>Whether the whole value was in the reader's data; when not, the caller reads it again with more.</returns>
    protected bool TryReadNested<TValue>(ref Utf8JsonReader reader, JsonReadContext context, int column, ListElement<TValue> type, out TValue value)
    {
        ArgumentNullException.ThrowIfNull(type);
        value = default!;
        if (reader.TokenType == JsonTokenType.Null)
        {
            throw WrongType(ref reader, context, column, type.Expected);
        }

        return TryReadNestedValue(ref reader, context, column, type, out value);
    }

    /// <summary>Reads a nullable nested value: <c>null</c>, or as <see cref="TryReadNested{TValue}"/> reads it.</summary>
    /// <typeparam name="TValue">The column's type, nullable.</typeparam>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="context">Where the reader is.</param>
    /// <param name="column">The column's position in the schema.</param>
    /// <param name="type">The column's type.</param>
    /// <param name="value">The value, or <see langword="null"/>.</param>
    /// <returns>Whether the whole value was in the reader's data.</returns>
    protected bool TryReadNullableNested<TValue>(ref Utf8JsonReader reader, JsonReadContext context, int column, ListElement<TValue> type, out TValue value)
    {
        ArgumentNullException.ThrowIfNull(type);
        value = default!;
        return reader.TokenType == JsonTokenType.Null || TryReadNestedValue(ref reader, context, column, type, out value);
    }

    private bool TryReadNestedValue<TValue>(ref Utf8JsonReader reader, JsonReadContext context, int column, ListElement<TValue> type, out TValue value)
    {
        value = default!;

        // Streamed data may end inside the value: the caller reads it again with more. A final block (a JSON Lines
        // line) holds all of it, or fails as JSON.
        if (!reader.IsFinalBlock)
        {
            Utf8JsonReader ahead = reader;
            if (!ahead.TrySkip())
            {
                return false;
            }
        }

        if (!type.TryReadValue(ref reader, context.ReplaceInvalidUtf8, out value, out JsonFault? fault))
        {
            JsonColumn definition = _columns[column];
            throw new DatasetFormatException(
                context.ObjectName, context.LineOf(reader.TokenStartIndex), context.Row, definition.Name + fault!.Path, fault.TypeName, fault.Value, fault.Problem);
        }

        return true;
    }

    /// <summary>
    /// Checks a property that names no column, before its value is skipped: its name must be UTF-8, and must not be a
    /// column's name in another case (<c>"Amount"</c> for <c>amount</c>), whose value would otherwise be lost without a word.
    /// </summary>
    /// <param name="reader">The reader, on the property's name.</param>
    /// <param name="context">Where the reader is.</param>
    /// <exception cref="DatasetFormatException">The name is not UTF-8, or matches a column except for case.</exception>
    protected void CheckUnknownProperty(ref Utf8JsonReader reader, JsonReadContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        ReadOnlySpan<byte> name = reader.ValueSpan;
        if (!reader.ValueIsEscaped && Utf8.IsValid(name))
        {
            // The usual case, without a string: only a name of a column's length can match it ignoring case.
            bool sameLength = false;
            foreach (byte[] column in _utf8Names)
            {
                sameLength |= column.Length == name.Length;
            }

            if (!sameLength)
            {
                return;
            }
        }

        if (!JsonText.TryGetString(ref reader, context.ReplaceInvalidUtf8, out string text, out string? problem, out int invalidAt))
        {
            throw BadPropertyName(ref reader, context, problem!, invalidAt);
        }

        foreach (JsonColumn column in _columns)
        {
            if (string.Equals(text, column.Name, StringComparison.OrdinalIgnoreCase))
            {
                throw new DatasetFormatException(
                    context.ObjectName,
                    context.LineOf(reader.TokenStartIndex),
                    context.Row,
                    column.Name,
                    null,
                    null,
                    "the property '" + text + "' matches the column '" + column.Name + "' except for case; properties bind by exact name, so its value would be lost (rename the property or the column)");
            }
        }
    }

    /// <summary>
    /// Checks that an escaped property name unescapes to text (a <c>\u</c> escape of an unpaired surrogate does not),
    /// before it is compared with the columns' names.
    /// </summary>
    /// <param name="reader">The reader, on the property's name.</param>
    /// <param name="context">Where the reader is.</param>
    /// <exception cref="DatasetFormatException">The name does not unescape to text.</exception>
    protected static void CheckEscapedName(ref Utf8JsonReader reader, JsonReadContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!JsonText.TryGetString(ref reader, context.ReplaceInvalidUtf8, out _, out string? problem, out int invalidAt))
        {
            throw BadPropertyName(ref reader, context, problem!, invalidAt);
        }
    }

    /// <summary>Throws the error for required properties an object lacks.</summary>
    /// <param name="context">Where the reader is.</param>
    /// <param name="present">For each column in schema order, whether it was read (<see langword="true"/> for optional columns).</param>
    [DoesNotReturn]
    protected void ThrowMissingProperties(JsonReadContext context, bool[] present)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(present);
        var missing = new List<string>();
        for (int i = 0; i < present.Length && i < _columns.Length; i++)
        {
            if (!present[i])
            {
                missing.Add(_columns[i].Name);
            }
        }

        string problem = missing.Count == 1
            ? "required property '" + missing[0] + "' is missing from the object"
            : "required properties '" + string.Join("', '", missing) + "' are missing from the object";
        throw new DatasetFormatException(context.ObjectName, context.LineOf(context.RecordStart), context.Row, missing.Count == 0 ? null : missing[0], null, null, problem);
    }

    // A value the type's element reader (ListElements, shared with list elements and the data check) refused: its
    // problem, but a null in a required column says so.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private DatasetFormatException Failed(ref Utf8JsonReader reader, JsonReadContext context, int column, string problem) =>
        reader.TokenType == JsonTokenType.Null ? WrongType(ref reader, context, column, "a value") : Invalid(ref reader, context, column, problem);

    private static DatasetFormatException BadPropertyName(ref Utf8JsonReader reader, JsonReadContext context, string problem, int invalidAt)
    {
        long offset = context.OffsetOf(reader.TokenStartIndex);
        return new DatasetFormatException(
            context.ObjectName,
            context.LineOf(reader.TokenStartIndex),
            context.Row,
            offset < 0 ? -1 : offset + 1 + Math.Max(0, invalidAt),
            null,
            null,
            JsonText.ForMessage(ref reader),
            "a property name: " + problem);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private DatasetFormatException InvalidText(ref Utf8JsonReader reader, JsonReadContext context, int column, string problem, int invalidAt)
    {
        JsonColumn definition = _columns[column];
        long offset = context.OffsetOf(reader.TokenStartIndex);
        return new DatasetFormatException(
            context.ObjectName,
            context.LineOf(reader.TokenStartIndex),
            context.Row,
            offset < 0 ? -1 : offset + 1 + Math.Max(0, invalidAt),
            definition.Name,
            definition.TypeName,
            JsonText.ForMessage(ref reader),
            problem);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private DatasetFormatException WrongType(ref Utf8JsonReader reader, JsonReadContext context, int column, string expected)
    {
        JsonColumn definition = _columns[column];
        string problem = reader.TokenType == JsonTokenType.Null
            ? "the property is required but the value is null"
            : "the value is " + JsonReadContext.Describe(reader.TokenType) + ", not " + expected;
        return new DatasetFormatException(
            context.ObjectName, context.LineOf(reader.TokenStartIndex), context.Row, definition.Name, definition.TypeName, ValueText(ref reader), problem);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private DatasetFormatException Invalid(ref Utf8JsonReader reader, JsonReadContext context, int column, string problem)
    {
        JsonColumn definition = _columns[column];
        return new DatasetFormatException(
            context.ObjectName, context.LineOf(reader.TokenStartIndex), context.Row, definition.Name, definition.TypeName, ValueText(ref reader), problem);
    }

    // The value for a message: a string's text, a number or literal as written; none for objects, arrays and null.
    private static string? ValueText(ref Utf8JsonReader reader) => JsonText.ForMessage(ref reader);
}
