using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace Typed.S3.Codecs;

/// <summary>
/// A list as the value of a nested column or of another container (<c>list&lt;list&lt;int32&gt;&gt;</c>,
/// <c>map&lt;string,list&lt;string&gt;&gt;</c>): a JSON array whose elements are read by the element type, <c>null</c>
/// elements kept as null. A bad element's fault names its 0-based index (<c>[3]</c>) in front of its own path.
/// </summary>
/// <typeparam name="T">The element type, nullable.</typeparam>
internal sealed class ListOfElement<T> : ListElement<IReadOnlyList<T>?>
{
    private readonly ListElement<T> _element;

    public ListOfElement(ListElement<T> element)
        : base("list<" + element.TypeName + ">")
    {
        _element = element;
    }

    internal override string Expected => "an array";

    internal override bool TryReadValue(ref Utf8JsonReader reader, bool replaceInvalidUtf8, out IReadOnlyList<T>? value, out JsonFault? fault)
    {
        value = null;
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            fault = new JsonFault(TypeName, "the value is " + JsonReadContext.Describe(reader.TokenType) + ", not an array", JsonText.ForMessage(ref reader));
            return false;
        }

        // Counted first (on a copy of the reader), so the list is one array of the right size.
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
        for (int index = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; index++)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                continue;
            }

            if (!_element.TryReadValue(ref reader, replaceInvalidUtf8, out T element, out fault))
            {
                fault!.Within("[" + index.ToString(CultureInfo.InvariantCulture) + "]");
                return false;
            }

            items[index] = element;
        }

        value = items;
        fault = null;
        return true;
    }

    internal override bool TryRead(ref Utf8JsonReader reader, bool replaceInvalidUtf8, out IReadOnlyList<T>? value, out string? problem)
    {
        bool read = TryReadValue(ref reader, replaceInvalidUtf8, out value, out JsonFault? fault);
        problem = fault?.Describe();
        return read;
    }

    internal override void Write(Utf8JsonWriter writer, IReadOnlyList<T>? value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartArray();
        for (int i = 0; i < value.Count; i++)
        {
            _element.Write(writer, value[i]);
        }

        writer.WriteEndArray();
    }
}
