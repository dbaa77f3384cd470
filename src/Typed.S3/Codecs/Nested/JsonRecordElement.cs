using System;
using System.ComponentModel;
using System.Text;
using System.Text.Json;

namespace Typed.S3.Codecs;

/// <summary>
/// A nested record (a <c>record</c> column, or a record inside a list or a map) as a JSON object: the generated subclass
/// reads its fields (<see cref="TryReadFields"/>) and writes them (<see cref="WriteFields"/>) with the helpers here,
/// which bind properties by exact name, refuse a property that matches a field except for case, skip unknown ones,
/// and name the bad field in the fault's path (<c>.price</c>).
/// </summary>
/// <typeparam name="TRecord">The nested record's type.</typeparam>
/// <remarks>For generated code only: not a supported API, hidden from IntelliSense, and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class JsonRecordElement<TRecord> : ListElement<TRecord?>
    where TRecord : class
{
    private readonly string[] _names;
    private readonly byte[][] _utf8Names;
    private readonly string[] _types;
    private readonly bool[] _required;

    /// <summary>Describes the record's fields, in schema order.</summary>
    /// <param name="names">Each field's name in the data.</param>
    /// <param name="types">Each field's type as the schema spells it.</param>
    /// <param name="required">Whether each field is required.</param>
#pragma warning disable RS0022 // Generated code must subclass it; ListElement's own members stay internal.
    protected JsonRecordElement(string[] names, string[] types, bool[] required)
#pragma warning restore RS0022
        : base("record")
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(types);
        ArgumentNullException.ThrowIfNull(required);
        _names = names;
        _types = types;
        _required = required;
        _utf8Names = Array.ConvertAll(names, static name => Encoding.UTF8.GetBytes(name));
    }

    internal override string Expected => "an object";

    internal sealed override bool TryReadValue(ref Utf8JsonReader reader, bool replaceInvalidUtf8, out TRecord? value, out JsonFault? fault)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            value = null;
            fault = new JsonFault(TypeName, "the value is " + JsonReadContext.Describe(reader.TokenType) + ", not an object", JsonText.ForMessage(ref reader));
            return false;
        }

        return TryReadFields(ref reader, replaceInvalidUtf8, out value, out fault);
    }

    internal sealed override bool TryRead(ref Utf8JsonReader reader, bool replaceInvalidUtf8, out TRecord? value, out string? problem)
    {
        bool read = TryReadValue(ref reader, replaceInvalidUtf8, out value, out JsonFault? fault);
        problem = fault?.Describe();
        return read;
    }

    internal sealed override void Write(Utf8JsonWriter writer, TRecord? value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        WriteFields(writer, value);
        writer.WriteEndObject();
    }

    /// <summary>
    /// Reads the object the reader is on (its <c>{</c>, with the whole object in the reader's data) into a record: reads
    /// each property (<see cref="FieldOf"/>, then <see cref="TryReadField{T}"/> or <see cref="Utf8JsonReader.TrySkip"/>),
    /// then checks the required fields (<see cref="Missing"/>).
    /// </summary>
    /// <param name="reader">The reader, on <see cref="JsonTokenType.StartObject"/>; left on the object's <c>}</c>, or on the bad token.</param>
    /// <param name="replaceInvalidUtf8">Whether invalid UTF-8 in strings reads as U+FFFD rather than failing.</param>
    /// <param name="record">The record, when it was read.</param>
    /// <param name="fault">What is wrong, and where, when it was not.</param>
    /// <returns>Whether the record was read.</returns>
    protected abstract bool TryReadFields(ref Utf8JsonReader reader, bool replaceInvalidUtf8, out TRecord? record, out JsonFault? fault);

    /// <summary>Writes the record's fields, as properties, between the object's braces.</summary>
    /// <param name="writer">The writer, inside the object.</param>
    /// <param name="record">The record.</param>
    protected abstract void WriteFields(Utf8JsonWriter writer, TRecord record);

    /// <summary>
    /// The field the property name the reader is on binds to, or −1 for a property that names no field (skipped); a
    /// name that is not text, or that matches a field except for case, is a fault.
    /// </summary>
    /// <param name="reader">The reader, on a property name.</param>
    /// <param name="replaceInvalidUtf8">Whether invalid UTF-8 in the name reads as U+FFFD rather than failing.</param>
    /// <param name="fault">What is wrong with the name.</param>
    /// <returns>The field's position, or −1.</returns>
    protected int FieldOf(ref Utf8JsonReader reader, bool replaceInvalidUtf8, out JsonFault? fault)
    {
        fault = null;
        if (!reader.ValueIsEscaped)
        {
            ReadOnlySpan<byte> name = reader.ValueSpan;
            for (int i = 0; i < _utf8Names.Length; i++)
            {
                if (name.SequenceEqual(_utf8Names[i]))
                {
                    return i;
                }
            }
        }

        // Escaped names (rare) are unescaped here, where an escape that is not text (an unpaired surrogate) is a fault.
        if (!JsonText.TryGetString(ref reader, replaceInvalidUtf8, out string text, out string? problem, out _))
        {
            fault = new JsonFault(TypeName, "a property name: " + problem, JsonText.ForMessage(ref reader));
            return -1;
        }

        if (reader.ValueIsEscaped)
        {
            for (int i = 0; i < _names.Length; i++)
            {
                if (string.Equals(text, _names[i], StringComparison.Ordinal))
                {
                    return i;
                }
            }
        }

        for (int i = 0; i < _names.Length; i++)
        {
            if (string.Equals(text, _names[i], StringComparison.OrdinalIgnoreCase))
            {
                fault = new JsonFault(
                    _types[i],
                    "the property '" + text + "' matches the field '" + _names[i] + "' except for case; properties bind by exact name, so its value would be lost (rename the property or the field)",
                    null).Within("." + _names[i]);
                return -1;
            }
        }

        return -1;
    }

    /// <summary>
    /// Reads the value of field <paramref name="field"/> from the reader's current token: <c>null</c> is the default
    /// (a fault in a required field), anything else is read by <paramref name="element"/>.
    /// </summary>
    /// <typeparam name="T">The field's type, nullable.</typeparam>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="replaceInvalidUtf8">Whether invalid UTF-8 in strings reads as U+FFFD rather than failing.</param>
    /// <param name="field">The field's position.</param>
    /// <param name="element">The field's type.</param>
    /// <param name="value">The value read.</param>
    /// <param name="fault">What is wrong, its path starting at the field, when the value cannot be read.</param>
    /// <returns>Whether the value was read.</returns>
    protected bool TryReadField<T>(ref Utf8JsonReader reader, bool replaceInvalidUtf8, int field, ListElement<T> element, out T value, out JsonFault? fault)
    {
        ArgumentNullException.ThrowIfNull(element);
        if (reader.TokenType == JsonTokenType.Null)
        {
            value = default!;
            fault = _required[field]
                ? new JsonFault(_types[field], "the field is required but the value is null", null).Within("." + _names[field])
                : null;
            return fault is null;
        }

        if (!element.TryReadValue(ref reader, replaceInvalidUtf8, out value, out fault))
        {
            fault!.Within("." + _names[field]);
            return false;
        }

        return true;
    }

    /// <summary>The fault of a required field the object lacks: always <see langword="false"/>, to return.</summary>
    /// <param name="field">The field's position.</param>
    /// <param name="fault">The fault.</param>
    /// <returns><see langword="false"/>.</returns>
    protected bool Missing(int field, out JsonFault? fault)
    {
        fault = new JsonFault(_types[field], "the field is required but the object has no property '" + _names[field] + "'", null).Within("." + _names[field]);
        return false;
    }

    /// <summary>Writes one field: its name, then its value as <paramref name="element"/> writes it (<c>null</c> for null).</summary>
    /// <typeparam name="T">The field's type, nullable.</typeparam>
    /// <param name="writer">The writer, inside the object.</param>
    /// <param name="name">The field's name, encoded once.</param>
    /// <param name="value">The value.</param>
    /// <param name="element">The field's type.</param>
    protected static void WriteField<T>(Utf8JsonWriter writer, JsonEncodedText name, T value, ListElement<T> element)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(element);
        writer.WritePropertyName(name);
        element.Write(writer, value);
    }
}
