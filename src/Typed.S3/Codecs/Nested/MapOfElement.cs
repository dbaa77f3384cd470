using System.Collections.Generic;
using System.Text.Json;

namespace Typed.S3.Codecs;

/// <summary>
/// A <c>map&lt;K,V&gt;</c> value: a JSON object whose property names are the keys (read as a CSV field of the key's
/// type is read) and whose values are read by the value type, <c>null</c> values kept as null. A key that appears twice
/// is an error, never a silent overwrite. A bad value's fault names its key (<c>["eu"]</c>) in front of its own path.
/// Written in the dictionary's order.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type, nullable.</typeparam>
internal sealed class MapOfElement<TKey, TValue> : ListElement<IReadOnlyDictionary<TKey, TValue>?>
    where TKey : notnull
{
    private readonly MapKey<TKey> _key;
    private readonly ListElement<TValue> _value;

    public MapOfElement(MapKey<TKey> key, ListElement<TValue> value)
        : base("map<" + key.TypeName + "," + value.TypeName + ">")
    {
        _key = key;
        _value = value;
    }

    internal override string Expected => "an object";

    internal override bool TryReadValue(ref Utf8JsonReader reader, bool replaceInvalidUtf8, out IReadOnlyDictionary<TKey, TValue>? value, out JsonFault? fault)
    {
        value = null;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            fault = new JsonFault(TypeName, "the value is " + JsonReadContext.Describe(reader.TokenType) + ", not an object", JsonText.ForMessage(ref reader));
            return false;
        }

        var map = new Dictionary<TKey, TValue>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!_key.TryRead(ref reader, replaceInvalidUtf8, out TKey key, out string? problem))
            {
                fault = new JsonFault(_key.TypeName, "a key of the map: " + problem, JsonText.ForMessage(ref reader));
                return false;
            }

            if (map.ContainsKey(key))
            {
                fault = new JsonFault(_key.TypeName, "the key appears twice in the map", JsonText.ForMessage(ref reader));
                return false;
            }

            // The key's token, for the path of a bad value (built only then).
            Utf8JsonReader keyToken = reader;
            reader.Read();
            TValue item = default!;
            if (reader.TokenType != JsonTokenType.Null && !_value.TryReadValue(ref reader, replaceInvalidUtf8, out item, out fault))
            {
                fault!.Within("[\"" + JsonText.ForMessage(ref keyToken) + "\"]");
                return false;
            }

            map.Add(key, item);
        }

        value = map;
        fault = null;
        return true;
    }

    internal override bool TryRead(ref Utf8JsonReader reader, bool replaceInvalidUtf8, out IReadOnlyDictionary<TKey, TValue>? value, out string? problem)
    {
        bool read = TryReadValue(ref reader, replaceInvalidUtf8, out value, out JsonFault? fault);
        problem = fault?.Describe();
        return read;
    }

    internal override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<TKey, TValue>? value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        if (value is Dictionary<TKey, TValue> dictionary)
        {
            // The usual map: its struct enumerator, no allocation.
            foreach (KeyValuePair<TKey, TValue> pair in dictionary)
            {
                _key.WriteName(writer, pair.Key);
                _value.Write(writer, pair.Value);
            }
        }
        else
        {
            foreach (KeyValuePair<TKey, TValue> pair in value)
            {
                _key.WriteName(writer, pair.Key);
                _value.Write(writer, pair.Value);
            }
        }

        writer.WriteEndObject();
    }
}
