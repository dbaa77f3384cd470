using System;
using System.Collections.Generic;
using System.Text.Json;
using Typed.S3.Codecs;
using Typed.S3.Schema.Model;

namespace Typed.S3.DataCheck;

/// <summary>
/// A nested record read from the schema at run time rather than generated: the runtime's <c>JsonRecordElement</c>
/// binds its properties and checks its fields, each with its type's reader; its values are kept in schema order.
/// </summary>
internal sealed class FieldsElement : JsonRecordElement<object?[]>
{
    private readonly ListElement<object?>[] _fields;
    private readonly JsonEncodedText[] _names;
    private readonly bool[] _required;

    public FieldsElement(EquatableArray<ColumnModel> fields)
        : base(Names(fields), Types(fields), Required(fields))
    {
        _required = Required(fields);
        _fields = new ListElement<object?>[fields.Count];
        _names = new JsonEncodedText[fields.Count];
        for (int i = 0; i < fields.Count; i++)
        {
            _fields[i] = NestedChecks.Element(fields[i].Type);
            _names[i] = JsonEncodedText.Encode(fields[i].Name);
        }
    }

    protected override bool TryReadFields(ref Utf8JsonReader reader, bool replaceInvalidUtf8, out object?[]? record, out JsonFault? fault)
    {
        record = null;
        var values = new object?[_fields.Length];
        var seen = new bool[_fields.Length];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            int field = FieldOf(ref reader, replaceInvalidUtf8, out fault);
            if (fault is not null)
            {
                return false;
            }

            reader.Read();
            if (field < 0)
            {
                reader.TrySkip();
                continue;
            }

            if (!TryReadField(ref reader, replaceInvalidUtf8, field, _fields[field], out values[field], out fault))
            {
                return false;
            }

            seen[field] = true;
        }

        for (int i = 0; i < seen.Length; i++)
        {
            if (!seen[i] && _required[i])
            {
                return Missing(i, out fault);
            }
        }

        fault = null;
        record = values;
        return true;
    }

    protected override void WriteFields(Utf8JsonWriter writer, object?[] record)
    {
        for (int i = 0; i < _fields.Length; i++)
        {
            WriteField(writer, _names[i], record[i], _fields[i]);
        }
    }

    private static string[] Names(EquatableArray<ColumnModel> fields) => Map(fields, static f => f.Name);

    private static string[] Types(EquatableArray<ColumnModel> fields) => Map(fields, static f => f.Type.DisplayName);

    private static bool[] Required(EquatableArray<ColumnModel> fields) => Map(fields, static f => f.Required);

    private static TResult[] Map<TResult>(EquatableArray<ColumnModel> fields, Func<ColumnModel, TResult> select)
    {
        var result = new TResult[fields.Count];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = select(fields[i]);
        }

        return result;
    }
}
