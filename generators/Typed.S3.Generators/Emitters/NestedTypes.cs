using Typed.S3.Generators.Model;
using Typed.S3.Schema.Model;

namespace Typed.S3.Generators.Emitters;

/// <summary>
/// The runtime type descriptors (<c>ListElement&lt;T&gt;</c>) of nested columns, as C# expressions: scalars are the runtime's
/// <c>ListElements</c>, lists <c>ListElements.ListOf(...)</c>, maps <c>ListElements.MapOf(key, value)</c>, and nested
/// records the generated <c>{Record}JsonValue</c> class of the dataset's JSON codec.
/// </summary>
internal static class NestedTypes
{
    /// <summary>The descriptor's C# type: <c>ListElement&lt;T?&gt;</c> for the type's C# type <c>T</c>.</summary>
    public static string DescriptorType(ColumnTypeSpec type) =>
        RuntimeTypes.Codecs + "ListElement<" + ClrTypeMapping.For(type).TypeName + "?>";

    /// <summary>The expression that builds the descriptor of <paramref name="type"/>.</summary>
    public static string Expression(ColumnTypeSpec type) => type.Kind switch
    {
        ColumnKind.List => RuntimeTypes.Codecs + "ListElements.ListOf(" + Expression(type.Element!) + ")",
        ColumnKind.Map => RuntimeTypes.Codecs + "ListElements.MapOf(" + KeyExpression(type.Key!) + ", " + Expression(type.Element!) + ")",
        ColumnKind.Record => JsonValueClass(type) + ".Instance",
        _ => RuntimeTypes.Codecs + "ListElements." + ClrTypeMapping.ListElementName(type),
    };

    /// <summary>The name of the generated class that reads and writes a nested record as JSON (nested in the accessor).</summary>
    public static string JsonValueClass(ColumnTypeSpec record) => record.RecordName + "JsonValue";

    // A map's key: strings as they are; other scalars parsed as CSV parses a field of the type.
    private static string KeyExpression(ColumnTypeSpec key)
    {
        if (key.Kind == ColumnKind.String)
        {
            return RuntimeTypes.Codecs + "MapKeys.String";
        }

        ColumnTypeInfo info = ColumnTypes.Of(key.Kind);
        string parse = info.HasPrecisionScale
            ? "static (global::System.ReadOnlySpan<byte> text, out " + info.ClrType + " value) => " + RuntimeTypes.Codecs + "Utf8ValueParser." + info.CsvParse
                + "(text, " + CSharpLiteral.Int(key.Precision) + ", " + CSharpLiteral.Int(key.Scale) + ", out value)"
            : RuntimeTypes.Codecs + "Utf8ValueParser." + info.CsvParse;
        return RuntimeTypes.Codecs + "MapKeys.Text<" + info.ClrType + ">(" + parse + ", " + RuntimeTypes.Codecs + "ListElements." + ClrTypeMapping.ListElementName(key) + ")";
    }
}
