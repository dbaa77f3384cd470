using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Text.Json;
using Typed.S3.Codecs;
using Typed.S3.Schema.Model;

namespace Typed.S3.DataCheck;

/// <summary>
/// Checks a nested value (a record, a map, a list of lists, maps or records) with the runtime's own nested readers:
/// <c>ListElements.ListOf</c>, <c>ListElements.MapOf</c> and <c>MapKeys</c> as the generated codecs build them, and for
/// records the runtime's <c>JsonRecordElement</c> rules (exact names, case mismatches, required fields), so the check
/// accepts exactly what a read accepts and names the same path to a bad value.
/// </summary>
internal static class NestedChecks
{
    private static readonly ConcurrentDictionary<ColumnType, ListElement<object?>> s_elements = new();

    /// <summary>Checks a nested value's JSON text (a JSON property's value, or a CSV field).</summary>
    /// <param name="type">The column's type.</param>
    /// <param name="json">The value's JSON text.</param>
    /// <param name="problem">Why it is not a value of the type, naming the path inside it.</param>
    /// <returns>Whether the value reads as the type.</returns>
    public static bool TryCheck(ColumnType type, ReadOnlySpan<byte> json, out string? problem)
    {
        ListElement<object?> element = Element(type);
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType == JsonTokenType.Null)
            {
                problem = "which is not " + element.Expected + " in JSON";
                return false;
            }

            if (!element.TryReadValue(ref reader, replaceInvalidUtf8: false, out _, out JsonFault? fault))
            {
                problem = fault!.Path.Length == 0 ? fault.Problem : "at " + fault.Path + " (" + fault.TypeName + "): " + fault.Problem;
                return false;
            }

            if (reader.Read())
            {
                problem = "which has more after the JSON value";
                return false;
            }

            problem = null;
            return true;
        }
        catch (JsonException)
        {
            problem = "which is not valid JSON";
            return false;
        }
    }

    /// <summary>The reader of a value of <paramref name="type"/>, built once per type.</summary>
    public static ListElement<object?> Element(ColumnType type) => s_elements.GetOrAdd(type, Create);

    private static ListElement<object?> Create(ColumnType type) => type.Kind switch
    {
        ColumnKind.List => new BoxedElement<IReadOnlyList<object?>?>(ListElements.ListOf(Element(type.Element!))),
        ColumnKind.Map => new BoxedElement<IReadOnlyDictionary<object, object?>?>(ListElements.MapOf(Key(type.Key!), Element(type.Element!))),
        ColumnKind.Record => new BoxedElement<object?[]?>(new FieldsElement(type.Fields)),
        _ => ValueChecks.For(type).Element,
    };

    private static MapKey<object> Key(ColumnType key) =>
        ValueChecks.For(key).Key ?? throw new ArgumentOutOfRangeException(nameof(key), key.DisplayName, "Not a map key type.");
}
