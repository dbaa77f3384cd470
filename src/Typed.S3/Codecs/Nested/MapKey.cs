using System;
using System.Buffers;
using System.ComponentModel;
using System.Text;
using System.Text.Json;

namespace Typed.S3.Codecs;

/// <summary>
/// The key type of a <c>map&lt;K,V&gt;</c> column: how a key is read from a JSON property name and written as one.
/// Keys are text in JSON: a key is read as a CSV field of its type is read (<see cref="MapKeys"/>), and written as the
/// text of the JSON value of its type (<c>42</c>, <c>2024-03-01</c>).
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <remarks>For generated code only: not a supported API, hidden from IntelliSense, and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class MapKey<TKey>
    where TKey : notnull
{
    private protected MapKey(string typeName)
    {
        TypeName = typeName;
    }

    /// <summary>The key type as the schema spells it (<c>string</c>, <c>date</c>).</summary>
    public string TypeName { get; }

    /// <summary>Reads the key from the property name the reader is on.</summary>
    internal abstract bool TryRead(ref Utf8JsonReader reader, bool replaceInvalidUtf8, out TKey key, out string? problem);

    /// <summary>Writes the key as a property name.</summary>
    internal abstract void WriteName(Utf8JsonWriter writer, TKey key);
}

/// <summary>String keys: the property name itself.</summary>
internal sealed class StringMapKey : MapKey<string>
{
    public static readonly StringMapKey Instance = new();

    private StringMapKey()
        : base("string")
    {
    }

    internal override bool TryRead(ref Utf8JsonReader reader, bool replaceInvalidUtf8, out string key, out string? problem) =>
        JsonText.TryGetString(ref reader, replaceInvalidUtf8, out key, out problem, out _);

    internal override void WriteName(Utf8JsonWriter writer, string key) => writer.WritePropertyName(key);
}

/// <summary>Keys of a value type: the property name's text parsed as a CSV field; written as the type's JSON value's text.</summary>
/// <typeparam name="TKey">The key type.</typeparam>
internal sealed class TextMapKey<TKey> : MapKey<TKey>
    where TKey : struct
{
    private readonly Utf8TryParse<TKey> _parse;
    private readonly ListElement<TKey?> _element;

    public TextMapKey(Utf8TryParse<TKey> parse, ListElement<TKey?> element)
        : base(element.TypeName)
    {
        _parse = parse;
        _element = element;
    }

    internal override bool TryRead(ref Utf8JsonReader reader, bool replaceInvalidUtf8, out TKey key, out string? problem)
    {
        ReadOnlySpan<byte> text = reader.ValueSpan;
        if (reader.ValueIsEscaped)
        {
            // Unescaped as text first: an escape that is not text (an unpaired surrogate) is the problem.
            if (!JsonText.TryGetString(ref reader, replaceInvalidUtf8, out string unescaped, out problem, out _))
            {
                key = default;
                return false;
            }

            text = Encoding.UTF8.GetBytes(unescaped);
        }

        if (_parse(text, out key))
        {
            problem = null;
            return true;
        }

        problem = ValueProblems.Of(TypeName, text);
        return false;
    }

    internal override void WriteName(Utf8JsonWriter writer, TKey key)
    {
        // The key's JSON value written on its own, then its text taken as the name: one form for values and keys.
        ArrayBufferWriter<byte> buffer = KeyBuffers.Buffer;
        buffer.ResetWrittenCount();
        Utf8JsonWriter value = KeyBuffers.Writer;
        value.Reset(buffer);
        _element.Write(value, key);
        value.Flush();
        var token = new Utf8JsonReader(buffer.WrittenSpan);
        token.Read();
        if (token.TokenType == JsonTokenType.String)
        {
            writer.WritePropertyName(token.GetString()!);
        }
        else
        {
            writer.WritePropertyName(token.ValueSpan);
        }
    }
}

/// <summary>The buffer a thread writes non-string map keys into before they become property names.</summary>
internal static class KeyBuffers
{
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    public static ArrayBufferWriter<byte> Buffer => t_buffer ??= new ArrayBufferWriter<byte>(64);

    public static Utf8JsonWriter Writer => t_writer ??= new Utf8JsonWriter(Buffer);
}

/// <summary>Parses a value of <typeparamref name="T"/> from all of <paramref name="utf8"/>, as a CSV field is parsed.</summary>
/// <typeparam name="T">The value type.</typeparam>
/// <param name="utf8">The text.</param>
/// <param name="value">The value, when the text is one.</param>
/// <returns>Whether the text is a value of the type.</returns>
/// <remarks>For generated code only: not a supported API, hidden from IntelliSense, and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate bool Utf8TryParse<T>(ReadOnlySpan<byte> utf8, out T value);
