using Typed.S3.Generators.Model;
using Typed.S3.Schema.Model;

namespace Typed.S3.Generators.Emitters;

/// <summary>Emits a dataset's record type: a sealed partial record with one init property per column.</summary>
internal static class RecordEmitter
{
    public static string Emit(DatasetSpec dataset) =>
        GeneratedFile.Write(
            dataset.Namespace,
            dataset.RecordName,
            $$"""
            /// <summary>
            /// A record of the dataset <c>{{CSharpLiteral.Xml(dataset.Name)}}</c> ({{CSharpLiteral.Xml(dataset.Location)}}),
            /// generated from <c>{{CSharpLiteral.Xml(dataset.SchemaName)}}.s3schema.json</c>.
            /// </summary>
            {{GeneratedFile.GeneratedCodeAttribute}}
            public sealed partial record {{dataset.RecordName}}
            """,
            writer =>
            {
                for (int i = 0; i < dataset.Columns.Count; i++)
                {
                    if (i > 0)
                    {
                        writer.WriteLine();
                    }

                    writer.WriteLine(Property(dataset.Columns[i]));
                }
            });

    /// <summary>Emits a nested record type (a <c>record</c> column's, or a record in a list or a map) of <paramref name="dataset"/>.</summary>
    public static string EmitNested(DatasetSpec dataset, ColumnTypeSpec record) =>
        GeneratedFile.Write(
            dataset.Namespace,
            record.RecordName!,
            $$"""
            /// <summary>
            /// A nested record of the dataset <c>{{CSharpLiteral.Xml(dataset.Name)}}</c> ({{CSharpLiteral.Xml(dataset.Location)}}),
            /// generated from <c>{{CSharpLiteral.Xml(dataset.SchemaName)}}.s3schema.json</c>.
            /// </summary>
            {{GeneratedFile.GeneratedCodeAttribute}}
            public sealed partial record {{record.RecordName}}
            """,
            writer =>
            {
                for (int i = 0; i < record.Fields.Count; i++)
                {
                    if (i > 0)
                    {
                        writer.WriteLine();
                    }

                    writer.WriteLine(Property(record.Fields[i]));
                }
            });

    private static string Property(ColumnSpec column) => column.Required
        ? $$"""
            /// <summary>The column <c>{{CSharpLiteral.Xml(column.Name)}}</c> ({{CSharpLiteral.Xml(column.Type.DisplayName)}}, required){{ListNote(column)}}.</summary>
            public required {{column.PropertyType}} {{column.PropertyName}} { get; init; }
            """
        : $$"""
            /// <summary>The column <c>{{CSharpLiteral.Xml(column.Name)}}</c> ({{CSharpLiteral.Xml(column.Type.DisplayName)}}, nullable){{ListNote(column)}}.</summary>
            public {{column.PropertyType}} {{column.PropertyName}} { get; init; }
            """;

    private static string ListNote(ColumnSpec column) => column.Type.Kind switch
    {
        ColumnKind.List => ": elements may be null; the record's equality compares the list by reference, not element by element",
        ColumnKind.Map => ": values may be null; the record's equality compares the map by reference, not entry by entry",
        _ => string.Empty,
    };
}
