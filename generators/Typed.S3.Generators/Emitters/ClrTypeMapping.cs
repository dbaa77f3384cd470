using System;
using Typed.S3.Schema.Model;

namespace Typed.S3.Generators.Emitters;

/// <summary>How a scalar column type maps to C#: the CLR type, its parser and how it is written.</summary>
/// <param name="TypeName">The fully qualified C# type, without <c>?</c>.</param>
/// <param name="IsValueType">Whether the type is a struct (its nullable form is <c>T?</c> = <c>Nullable&lt;T&gt;</c>).</param>
/// <param name="ParseMethod">The <c>Utf8ValueParser</c> method that parses it from UTF-8 text.</param>
/// <param name="WriteMethod">The <c>CsvFieldWriter</c> method that writes it.</param>
internal sealed record ClrTypeMapping(string TypeName, bool IsValueType, string ParseMethod, string WriteMethod)
{
    private const string Write = "Write";
    private const string WriteNumber = "WriteNumber";

    public static ClrTypeMapping For(ColumnType type) => type.Kind switch
    {
        ColumnKind.Bool => new("bool", true, "TryParseBoolean", Write),
        ColumnKind.Int8 => new("sbyte", true, "TryParseSByte", WriteNumber),
        ColumnKind.Int16 => new("short", true, "TryParseInt16", WriteNumber),
        ColumnKind.Int32 => new("int", true, "TryParseInt32", WriteNumber),
        ColumnKind.Int64 => new("long", true, "TryParseInt64", WriteNumber),
        ColumnKind.UInt8 => new("byte", true, "TryParseByte", WriteNumber),
        ColumnKind.UInt16 => new("ushort", true, "TryParseUInt16", WriteNumber),
        ColumnKind.UInt32 => new("uint", true, "TryParseUInt32", WriteNumber),
        ColumnKind.UInt64 => new("ulong", true, "TryParseUInt64", WriteNumber),
        ColumnKind.Float32 => new("float", true, "TryParseSingle", WriteNumber),
        ColumnKind.Float64 => new("double", true, "TryParseDouble", WriteNumber),
        ColumnKind.Decimal => new("decimal", true, "TryParseDecimal", WriteNumber),
        ColumnKind.String => new("string", false, "GetString", Write),
        ColumnKind.Date => new("global::System.DateOnly", true, "TryParseDate", Write),
        ColumnKind.Time => new("global::System.TimeOnly", true, "TryParseTime", Write),
        ColumnKind.Timestamp => new("global::System.DateTimeOffset", true, "TryParseTimestamp", Write),
        ColumnKind.TimestampLocal => new("global::System.DateTime", true, "TryParseLocalTimestamp", Write),
        ColumnKind.Uuid => new("global::System.Guid", true, "TryParseGuid", WriteNumber),
        ColumnKind.Binary => new("byte[]", false, "TryParseBase64", Write),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type.Kind, "Not a scalar column type."),
    };

    /// <summary>Whether the generated codecs of this version read and write the type.</summary>
    public static bool IsSupported(ColumnType type) => type.Kind is not (ColumnKind.List or ColumnKind.Record);

    /// <summary>The property type: <c>T</c> for required columns, <c>T?</c> otherwise.</summary>
    public string PropertyType(bool required) => required ? TypeName : TypeName + "?";
}
