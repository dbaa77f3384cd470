using System.ComponentModel;

namespace Typed.S3.Codecs;

/// <summary>The key types of <c>map&lt;K,V&gt;</c> columns, for generated codecs.</summary>
/// <remarks>For generated code only: not a supported API, hidden from IntelliSense, and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class MapKeys
{
    /// <summary>String keys: the property name as it is (invalid UTF-8 in it fails, unless the read replaces it).</summary>
    public static MapKey<string> String => StringMapKey.Instance;

    /// <summary>
    /// Keys of a value type: the property name parsed by <paramref name="parse"/> (the type's CSV parser), written as
    /// the text of the value <paramref name="element"/> writes.
    /// </summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <param name="parse">Parses a key's text, as a CSV field of the type is parsed.</param>
    /// <param name="element">The type's JSON form, whose text a written key takes; its name is the key type's in messages.</param>
    public static MapKey<TKey> Text<TKey>(Utf8TryParse<TKey> parse, ListElement<TKey?> element)
        where TKey : struct
    {
        System.ArgumentNullException.ThrowIfNull(parse);
        System.ArgumentNullException.ThrowIfNull(element);
        return new TextMapKey<TKey>(parse, element);
    }
}
