using System.Text.Json;
using Typed.S3.Codecs;

namespace Typed.S3.DataCheck;

/// <summary>A runtime value reader whose values are boxed, so nested values of any types compose at run time.</summary>
/// <typeparam name="T">The reader's own value type.</typeparam>
internal sealed class BoxedElement<T> : ListElement<object?>
{
    private readonly ListElement<T> _inner;

    public BoxedElement(ListElement<T> inner)
        : base(inner.TypeName)
    {
        _inner = inner;
    }

    internal override string Expected => _inner.Expected;

    internal override bool TryRead(ref Utf8JsonReader reader, bool replaceInvalidUtf8, out object? value, out string? problem)
    {
        bool read = _inner.TryRead(ref reader, replaceInvalidUtf8, out T inner, out problem);
        value = inner;
        return read;
    }

    internal override bool TryReadValue(ref Utf8JsonReader reader, bool replaceInvalidUtf8, out object? value, out JsonFault? fault)
    {
        bool read = _inner.TryReadValue(ref reader, replaceInvalidUtf8, out T inner, out fault);
        value = inner;
        return read;
    }

    internal override void Write(Utf8JsonWriter writer, object? value) => _inner.Write(writer, (T)value!);
}

/// <summary>A runtime map key whose keys are boxed (a boxed key keeps its type's equality, so duplicates are still found).</summary>
/// <typeparam name="TKey">The key's own type.</typeparam>
internal sealed class BoxedMapKey<TKey> : MapKey<object>
    where TKey : notnull
{
    private readonly MapKey<TKey> _inner;

    public BoxedMapKey(MapKey<TKey> inner)
        : base(inner.TypeName)
    {
        _inner = inner;
    }

    internal override bool TryRead(ref Utf8JsonReader reader, bool replaceInvalidUtf8, out object key, out string? problem)
    {
        bool read = _inner.TryRead(ref reader, replaceInvalidUtf8, out TKey inner, out problem);
        key = inner;
        return read;
    }

    internal override void WriteName(Utf8JsonWriter writer, object key) => _inner.WriteName(writer, (TKey)key);
}
