using System.Collections.Generic;
using Typed.S3.Generators.Model;

namespace Typed.S3.Generators.Emitters;

/// <summary>
/// Lists as JSON text, shared by the CSV and JSON codecs (a CSV field holds a list as a JSON array): each list column's
/// element type, in a static field of the mapper or writer that reads or writes it (<c>s_tagsElement</c>).
/// </summary>
internal static class ListElementFields
{
    /// <summary>Writes one field per list column of <paramref name="columns"/>, then a blank line when there was any.</summary>
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
            private static readonly global::Typed.S3.Codecs.ListElement<{{ClrTypeMapping.For(element).TypeName}}?> {{column.Names.ElementField}} = global::Typed.S3.Codecs.ListElements.{{ClrTypeMapping.ListElementName(element)}};
            """;
    }
}
