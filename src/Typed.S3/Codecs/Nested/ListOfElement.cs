using System;
using System.Buffers;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
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

        // Elements gather in a pooled buffer, then move to one array of the right size: the JSON is read once.
        T[] buffer = ArrayPool<T>.Shared.Rent(8);
        int count = 0;
        try
        {
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                T element = default!;
                if (reader.TokenType != JsonTokenType.Null && !_element.TryReadValue(ref reader, replaceInvalidUtf8, out element, out fault))
                {
                    fault!.Within("[" + count.ToString(CultureInfo.InvariantCulture) + "]");
                    return false;
                }

                if (count == buffer.Length)
                {
                    T[] larger = ArrayPool<T>.Shared.Rent(count * 2);
                    buffer.AsSpan(0, count).CopyTo(larger);
                    Release(buffer, count);
                    buffer = larger;
                }

                buffer[count++] = element;
            }

            value = count == 0 ? Array.Empty<T>() : buffer.AsSpan(0, count).ToArray();
            fault = null;
            return true;
        }
        finally
        {
            Release(buffer, count);
        }
    }

    // Returns a buffer to the pool, its references cleared so the pool holds no records alive.
    private static void Release(T[] buffer, int count)
    {
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            buffer.AsSpan(0, count).Clear();
        }

        ArrayPool<T>.Shared.Return(buffer);
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
