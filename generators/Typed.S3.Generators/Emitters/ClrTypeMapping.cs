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
    /// <summary>
    /// The mapping of a type: a scalar's row of <see cref="ColumnTypes"/>; a list as <c>IReadOnlyList&lt;T?&gt;</c>, a map as
    /// <c>IReadOnlyDictionary&lt;K, V?&gt;</c> and a nested record as its generated type, at any depth.
    /// </summary>
    public static ClrTypeMapping For(ColumnTypeSpec type)
    {
        switch (type.Kind)
        {
            case ColumnKind.List when type.Element is { } element:
                return new("global::System.Collections.Generic.IReadOnlyList<" + For(element).TypeName + "?>", false, "ReadList", "WriteList");
            case ColumnKind.Map when type.Key is { } key && type.Element is { } value:
                return new("global::System.Collections.Generic.IReadOnlyDictionary<" + For(key).TypeName + ", " + For(value).TypeName + "?>", false, "ReadNested", "WriteNested");
            case ColumnKind.Record:
                return new(type.RecordTypeName!, false, "ReadNested", "WriteNested");
        }

        ColumnTypeInfo info = ColumnTypes.Of(type.Kind);
        return new(info.ClrType, info.IsValueType, info.CsvParse, info.CsvWrite);
    }

    /// <summary>
    /// Whether the generated codecs of this version read and write the type in <paramref name="format"/>: every type
    /// in CSV, TSV, JSON and JSON Lines; in Parquet, scalars and lists of scalars (<c>list&lt;int64&gt;</c>), not yet nested
    /// records, maps, nor lists of lists or of records.
    /// </summary>
    public static bool IsSupported(ColumnTypeSpec type, DataFormat format) =>
        format != DataFormat.Parquet || IsScalar(type) || (type.Kind == ColumnKind.List && type.Element is { } element && IsScalar(element));

    /// <summary>Whether the type is a scalar (neither a list, a map nor a record).</summary>
    public static bool IsScalar(ColumnTypeSpec type) => !ColumnTypes.IsComposite(type.Kind);

    /// <summary>
    /// The name of a list element type among the runtime's element descriptors, as they are named in both
    /// <c>ListElements</c> (lists as JSON text) and <c>ParquetListElements</c>: a property, or a call for
    /// <c>decimal(p,s)</c> (<c>Decimal(18, 2)</c>; kept in a static field).
    /// </summary>
    public static string ListElementName(ColumnTypeSpec element)
    {
        ColumnTypeInfo info = ColumnTypes.Of(element.Kind);
        return info.HasPrecisionScale
            ? info.ListElement + "(" + CSharpLiteral.Int(element.Precision) + ", " + CSharpLiteral.Int(element.Scale) + ")"
            : info.ListElement;
    }

    /// <summary>The property type: <c>T</c> for required columns, <c>T?</c> otherwise.</summary>
    public string PropertyType(bool required) => required ? TypeName : TypeName + "?";
}
