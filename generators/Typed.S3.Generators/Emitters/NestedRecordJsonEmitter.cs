using System.Collections.Generic;
using Typed.S3.Generators.Model;

namespace Typed.S3.Generators.Emitters;

/// <summary>
/// Emits the class that reads and writes one nested record as a JSON object (<c>{Record}JsonValue</c>, nested in the
/// dataset's accessor): a <c>JsonRecordElement&lt;TRecord&gt;</c> whose fields each have a type descriptor, read by
/// exact name, with required fields checked and the bad field named in the error's path.
/// </summary>
internal static class NestedRecordJsonEmitter
{
    public static void Write(SourceWriter writer, ColumnTypeSpec record)
    {
        IReadOnlyList<ColumnSpec> fields = record.Fields;
        string name = NestedTypes.JsonValueClass(record);
        string type = record.RecordTypeName!;
        var names = new List<string>();
        var types = new List<string>();
        var required = new List<string>();
        foreach (ColumnSpec field in fields)
        {
            names.Add(CSharpLiteral.String(field.Name));
            types.Add(CSharpLiteral.String(field.Type.DisplayName));
            required.Add(CSharpLiteral.Bool(field.Required));
        }

        writer.WriteLine($$"""
            {{GeneratedFile.GeneratedCodeAttribute}}
            private sealed class {{name}} : {{RuntimeTypes.Codecs}}JsonRecordElement<{{type}}>
            {
                public static readonly {{name}} Instance = new {{name}}();

            """);
        writer.Indentation++;
        foreach (ColumnSpec field in fields)
        {
            writer.WriteLine($$"""
                private static readonly {{NestedTypes.DescriptorType(field.Type)}} {{field.Names.ElementField}} = {{NestedTypes.Expression(field.Type)}};
                private static readonly global::System.Text.Json.JsonEncodedText {{field.Names.NameField}} = {{RuntimeTypes.Codecs}}JsonFieldWriter.EncodeName({{CSharpLiteral.String(field.Name)}});
                """);
        }

        writer.WriteLine($$"""

            private {{name}}()
                : base(new string[] { {{string.Join(", ", names)}} }, new string[] { {{string.Join(", ", types)}} }, new bool[] { {{string.Join(", ", required)}} })
            {
            }

            protected override bool TryReadFields(ref global::System.Text.Json.Utf8JsonReader reader, bool replaceInvalidUtf8, out {{type}}? record, out {{RuntimeTypes.Codecs}}JsonFault? fault)
            {
                record = null;
            """);
        writer.Indentation++;
        foreach (ColumnSpec field in fields)
        {
            writer.WriteLine(field.Required
                ? $$"""
                    {{field.Clr.TypeName}}? {{field.Names.Local}} = null;
                    bool {{field.Names.Seen}} = false;
                    """
                : $$"""{{field.Clr.TypeName}}? {{field.Names.Local}} = null;""");
        }

        writer.WriteLine("""

            while (reader.Read() && reader.TokenType == global::System.Text.Json.JsonTokenType.PropertyName)
            {
                int field = FieldOf(ref reader, replaceInvalidUtf8, out fault);
                if (fault is not null)
                {
                    return false;
                }

                reader.Read();
                switch (field)
                {
            """);
        writer.Indentation += 2;
        foreach (ColumnSpec field in fields)
        {
            writer.WriteLine($$"""
                case {{field.IndexLiteral}}:
                    if (!TryReadField(ref reader, replaceInvalidUtf8, {{field.IndexLiteral}}, {{field.Names.ElementField}}, out {{field.Names.Local}}, out fault))
                    {
                        return false;
                    }

                """);
            if (field.Required)
            {
                writer.WriteLine($$"""    {{field.Names.Seen}} = true;""");
            }

            writer.WriteLine("    break;");
        }

        writer.WriteLine("""
            default:
                reader.TrySkip();
                break;
            """);
        writer.Indentation -= 2;
        writer.WriteLine("""
                }
            }

            """);
        foreach (ColumnSpec field in fields)
        {
            if (field.Required)
            {
                writer.WriteLine($$"""
                    if (!{{field.Names.Seen}})
                    {
                        return Missing({{field.IndexLiteral}}, out fault);
                    }

                    """);
            }
        }

        writer.WriteLine($$"""
            fault = null;
            record = new {{type}}
            {
            """);
        writer.Indentation++;
        foreach (ColumnSpec field in fields)
        {
            string value = !field.Required ? field.Names.Local
                : field.Clr.IsValueType ? field.Names.Local + ".GetValueOrDefault()"
                : field.Names.Local + "!";
            writer.WriteLine($$"""{{field.PropertyName}} = {{value}},""");
        }

        writer.Indentation--;
        writer.WriteLine("""
            };
            return true;
            """);
        writer.Indentation--;
        writer.WriteLine($$"""
            }

            protected override void WriteFields(global::System.Text.Json.Utf8JsonWriter writer, {{type}} record)
            {
            """);
        writer.Indentation++;
        foreach (ColumnSpec field in fields)
        {
            writer.WriteLine($$"""WriteField<{{field.Clr.TypeName}}?>(writer, {{field.Names.NameField}}, record.{{field.PropertyName}}, {{field.Names.ElementField}});""");
        }

        writer.Indentation--;
        writer.WriteLine("}");
        writer.Indentation--;
        writer.WriteLine("}");
    }
}
