using System;
using System.ComponentModel;
using System.Globalization;
using System.Text.Json;

namespace Typed.S3.Codecs;

/// <summary>
/// How a value of one column type is read from and written as a JSON value: the element type of a <c>list&lt;T&gt;</c>
/// column, and (<see cref="ListElements.ListOf{T}"/>, <see cref="ListElements.MapOf{TKey, TValue}"/>,
/// <see cref="JsonRecordElement{TRecord}"/>) the type of a nested column, in the form these take in JSON, JSON Lines
/// and CSV (a CSV field holds the value's JSON text). Values are nullable (<c>int?</c>, <c>string?</c>): JSON and
/// Parquet lists may hold nulls.
/// </summary>
/// <typeparam name="T">The element type, nullable (<c>int?</c>, <c>string?</c>).</typeparam>
/// <remarks>For generated code only: not a supported API, hidden from IntelliSense, and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class ListElement<T>
{
    private protected ListElement(string typeName)
    {
        TypeName = typeName;
    }

    /// <summary>The element type as the schema spells it (<c>int32</c>, <c>decimal(18,2)</c>).</summary>
    public string TypeName { get; }

    /// <summary>Reads an element from the reader's current token, which is not <c>null</c>.</summary>
    /// <param name="reader">The reader, on the element's token.</param>
    /// <param name="replaceInvalidUtf8">Whether invalid UTF-8 in a string element reads as U+FFFD rather than failing.</param>
    /// <param name="value">The element read, when the token is one.</param>
    /// <param name="problem">What is wrong, when the token is not an element of this type.</param>
    /// <returns>Whether the token held an element of this type.</returns>
    internal abstract bool TryRead(ref Utf8JsonReader reader, bool replaceInvalidUtf8, out T value, out string? problem);

    /// <summary>Writes an element as a JSON value; <see langword="null"/> as <c>null</c>.</summary>
    internal abstract void Write(Utf8JsonWriter writer, T value);

    /// <summary>What the JSON value must be, for messages: <c>an array</c>, <c>an object</c>, <c>a value</c>.</summary>
    internal virtual string Expected => "a value";

    /// <summary>
    /// Reads a value from the reader's current token, which is not <c>null</c>, with the whole value in the reader's
    /// data; a nested value's fault names the path to the bad value inside it.
    /// </summary>
    /// <param name="reader">The reader, on the value's first token; left on its last, or on the bad token.</param>
    /// <param name="replaceInvalidUtf8">Whether invalid UTF-8 in strings reads as U+FFFD rather than failing.</param>
    /// <param name="value">The value read.</param>
    /// <param name="fault">What is wrong, and where, when the value cannot be read.</param>
    /// <returns>Whether the value was read.</returns>
    internal virtual bool TryReadValue(ref Utf8JsonReader reader, bool replaceInvalidUtf8, out T value, out JsonFault? fault)
    {
        if (TryRead(ref reader, replaceInvalidUtf8, out value, out string? problem))
        {
            fault = null;
            return true;
        }

        fault = new JsonFault(TypeName, problem!, JsonText.ForMessage(ref reader));
        return false;
    }

    /// <summary>Reads the array the reader is on (its <c>[</c>, with the whole array in the reader's data) into a list.</summary>
    /// <param name="reader">The reader, on <see cref="JsonTokenType.StartArray"/>; left on the array's <c>]</c>, or on the bad element.</param>
    /// <param name="replaceInvalidUtf8">Whether invalid UTF-8 in string elements reads as U+FFFD rather than failing.</param>
    /// <param name="list">The elements, when all were read.</param>
    /// <param name="problem">What is wrong with the bad element, naming its 1-based position.</param>
    /// <returns>Whether every element was read.</returns>
    internal bool TryReadArray(ref Utf8JsonReader reader, bool replaceInvalidUtf8, out T[] list, out string? problem)
    {
        // Count first (on a copy of the reader), so the list is one array of the right size and nothing else. The whole
        // array is in the reader's data, but the reader may not know the data is complete: TrySkip, not Skip, which
        // refuses partial data.
        Utf8JsonReader counter = reader;
        int count = 0;
        while (counter.Read() && counter.TokenType != JsonTokenType.EndArray)
        {
            count++;
            if (counter.TokenType is JsonTokenType.StartArray or JsonTokenType.StartObject)
            {
                counter.TrySkip();
            }
        }

        T[] items = count == 0 ? Array.Empty<T>() : new T[count];
        int index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.Null)
            {
                if (!TryRead(ref reader, replaceInvalidUtf8, out T value, out string? elementProblem))
                {
                    list = Array.Empty<T>();
                    problem = string.Create(CultureInfo.InvariantCulture, $"element {index + 1} of the list: {elementProblem}");
                    return false;
                }

                items[index] = value;
            }

            index++;
        }

        list = items;
        problem = null;
        return true;
    }

    /// <summary>Writes a list as a JSON array.</summary>
    /// <param name="writer">The JSON writer the array is written to, at a value position.</param>
    /// <param name="list">The elements.</param>
    internal void WriteArray(Utf8JsonWriter writer, System.Collections.Generic.IReadOnlyList<T> list)
    {
        writer.WriteStartArray();
        for (int i = 0; i < list.Count; i++)
        {
            Write(writer, list[i]);
        }

        writer.WriteEndArray();
    }

    /// <summary>The text of the token for a message: a string's text, a number or literal as written, none for arrays and objects.</summary>
    /// <returns>The text, or <see langword="null"/>.</returns>
    internal static string? ValueText(ref Utf8JsonReader reader) => JsonText.ForMessage(ref reader);
}
