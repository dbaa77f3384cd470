using System.Collections.Generic;
using Typed.S3.Generators.Model;

namespace Typed.S3.Generators.Emitters;

/// <summary>
/// Lists and nested values as JSON text, shared by the CSV and JSON codecs (a CSV field holds a list as a JSON array, a
/// nested value as its JSON): each list column's element type, and each nested column's type, in a static field of the
/// mapper or writer that reads or writes it (<c>s_tagsElement</c>).
/// </summary>
internal static class ListElementFields
{
    /// <summary>Writes one field per list or nested column of <paramref name="columns"/>, then a blank line when there was any.</summary>
    public static void Write(SourceWriter writer, IReadOnlyList<ColumnSpec> columns)
    {
        bool any = false;
        foreach (ColumnSpec column in columns)
        {
            if (column.IsList)
            {
                writer.WriteLine(Field(column));
                any = true;
            }
            else if (column.IsNested)
            {
                writer.WriteLine($$"""
                    private static readonly {{NestedTypes.DescriptorType(column.Type)}} {{column.Names.ElementField}} = {{NestedTypes.Expression(column.Type)}};
                    """);
                any = true;
            }
        }

        if (any)
        {
            writer.WriteLine();
        }
    }

    private static string Field(ColumnSpec column)
    {
        ColumnTypeSpec element = column.ListElement;
        return $$"""
            private static readonly {{RuntimeTypes.Codecs}}ListElement<{{ClrTypeMapping.For(element).TypeName}}?> {{column.Names.ElementField}} = {{RuntimeTypes.Codecs}}ListElements.{{ClrTypeMapping.ListElementName(element)}};
            """;
    }
}
