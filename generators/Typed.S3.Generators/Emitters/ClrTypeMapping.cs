using System;
using Typed.S3.Generators.Model;
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

    public static ClrTypeMapping For(ColumnTypeSpec type) => type.Kind switch
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
        ColumnKind.Float16 => new("global::System.Half", true, "TryParseHalf", WriteNumber),
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
        ColumnKind.List when type.Element is { } element && IsScalar(element) =>
            new("global::System.Collections.Generic.IReadOnlyList<" + For(element).TypeName + "?>", false, "ReadList", "WriteList"),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type.Kind, "Not a scalar column type."),
    };

    /// <summary>
    /// Whether the generated codecs of this version read and write the type: scalars, and lists of scalars
    /// (<c>list&lt;int64&gt;</c>); not nested records, nor lists of lists or of records.
    /// </summary>
    public static bool IsSupported(ColumnTypeSpec type) =>
        IsScalar(type) || (type.Kind == ColumnKind.List && type.Element is { } element && IsScalar(element));

    /// <summary>Whether the type is a scalar (neither a list nor a record).</summary>
    public static bool IsScalar(ColumnTypeSpec type) => type.Kind is not (ColumnKind.List or ColumnKind.Record);

    /// <summary>
    /// The name of a list element type among the runtime's element descriptors, as they are named in both
    /// <c>ListElements</c> (lists as JSON text) and <c>ParquetListElements</c>: a property, or a call for
    /// <c>decimal(p,s)</c> (<c>Decimal(18, 2)</c>; kept in a static field).
    /// </summary>
    public static string ListElementName(ColumnTypeSpec element) => element.Kind switch
    {
        ColumnKind.Bool => "Bool",
        ColumnKind.Int8 => "Int8",
        ColumnKind.Int16 => "Int16",
        ColumnKind.Int32 => "Int32",
        ColumnKind.Int64 => "Int64",
        ColumnKind.UInt8 => "UInt8",
        ColumnKind.UInt16 => "UInt16",
        ColumnKind.UInt32 => "UInt32",
        ColumnKind.UInt64 => "UInt64",
        ColumnKind.Float16 => "Float16",
        ColumnKind.Float32 => "Float32",
        ColumnKind.Float64 => "Float64",
        ColumnKind.Decimal => "Decimal(" + CSharpLiteral.Int(element.Precision) + ", " + CSharpLiteral.Int(element.Scale) + ")",
        ColumnKind.String => "String",
        ColumnKind.Date => "Date",
        ColumnKind.Time => "Time",
        ColumnKind.Timestamp => "Timestamp",
        ColumnKind.TimestampLocal => "LocalTimestamp",
        ColumnKind.Uuid => "Uuid",
        ColumnKind.Binary => "Binary",
        _ => throw new ArgumentOutOfRangeException(nameof(element), element.Kind, "Not a scalar column type."),
    };

    /// <summary>The property type: <c>T</c> for required columns, <c>T?</c> otherwise.</summary>
    public string PropertyType(bool required) => required ? TypeName : TypeName + "?";
}
