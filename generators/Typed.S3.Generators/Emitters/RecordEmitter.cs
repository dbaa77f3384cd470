using Typed.S3.Generators.Model;
using Typed.S3.Schema.Model;

namespace Typed.S3.Generators.Emitters;

/// <summary>Emits a dataset's record type: a sealed partial record with one init property per column.</summary>
internal static class RecordEmitter
{
    public static string Emit(DatasetSpec dataset)
    {
        var source = new SourceWriter();
        GeneratedFile.WriteHeader(source);
        source.Open("namespace " + dataset.Namespace);
        source.Line("/// <summary>");
        source.Line("/// A record of the dataset <c>" + CSharpLiteral.Xml(dataset.Name) + "</c> (" + CSharpLiteral.Xml(dataset.Location) + "),");
        source.Line("/// generated from <c>" + CSharpLiteral.Xml(dataset.SchemaName) + ".s3schema.json</c>.");
        source.Line("/// </summary>");
        source.Line(GeneratedFile.GeneratedCodeAttribute);
        source.Open("public sealed partial record " + dataset.RecordName);
        bool first = true;
        foreach (ColumnSpec column in dataset.Columns)
        {
            if (!first)
            {
                source.Line();
            }

            first = false;
            ClrTypeMapping mapping = ClrTypeMapping.For(column.Type);
            source.Line("/// <summary>The column <c>" + CSharpLiteral.Xml(column.Name) + "</c> (" + CSharpLiteral.Xml(column.Type.DisplayName)
                + (column.Required ? ", required" : ", nullable") + ")"
                + (column.Type.Kind == ColumnKind.List ? ": elements may be null; the record's equality compares the list by reference, not element by element" : string.Empty)
                + ".</summary>");
            source.Line("public " + (column.Required ? "required " : string.Empty) + mapping.PropertyType(column.Required) + " " + column.PropertyName + " { get; init; }");
        }

        source.Close();
        source.Close();
        return source.ToString();
    }
}
