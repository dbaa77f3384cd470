using System;
using System.Collections.Generic;
using System.Text;
using Typed.S3.Generators.Model;
using Typed.S3.Schema.Model;

namespace Typed.S3.Generators.Emitters;

/// <summary>
/// Emits a dataset's JSON and JSON Lines codecs: stream-level <c>ReadJsonAsync</c>/<c>WriteJsonAsync</c> and
/// <c>ReadJsonLinesAsync</c>/<c>WriteJsonLinesAsync</c> on the accessor, a record reader that matches property
/// names as UTF-8 bytes (by length, then bytes; no string per name) and reads each value from its token into
/// the property type, and a record writer on <c>Utf8JsonWriter</c> with pre-encoded property names.
/// </summary>
internal static class JsonCodecEmitter
{
    public static string Emit(DatasetSpec dataset) =>
        GeneratedFile.Write(
            dataset.Namespace,
            dataset.Name,
            "public static partial class " + dataset.Name,
            writer =>
            {
                WriteStreamMethods(writer, dataset.RecordName, dataset.CodecTypes, new JsonFlavor("Json", "JsonCodec", "a JSON array of objects", "JSON"));
                WriteStreamMethods(writer, dataset.RecordName, dataset.CodecTypes, new JsonFlavor("JsonLines", "JsonLinesCodec", "JSON Lines (one object a line)", "JSON Lines"));
                WriteReader(writer, dataset);
                writer.WriteLine();
                WriteRowWriter(writer, dataset);
                foreach (ColumnTypeSpec record in dataset.NestedRecords)
                {
                    writer.WriteLine();
                    NestedRecordJsonEmitter.Write(writer, record);
                }
            });

    private static void WriteStreamMethods(SourceWriter writer, string record, CodecTypeNames types, JsonFlavor flavor)
    {
        string records = "global::System.Collections.Generic.IAsyncEnumerable<" + record + ">";
        writer.WriteLine($$"""
            /// <summary>Reads <see cref="{{record}}"/> records from a stream of {{flavor.Description}}.</summary>
            /// <param name="stream">The {{flavor.ShortName}} bytes; left open.</param>
            /// <param name="cancellationToken">Cancels reading.</param>
            /// <returns>The records, in order.</returns>
            /// <exception cref="{{RuntimeTypes.Root}}DatasetFormatException">The data does not match the schema.</exception>
            public static {{records}} Read{{flavor.Format}}Async(global::System.IO.Stream stream, global::System.Threading.CancellationToken cancellationToken = default) =>
                {{RuntimeTypes.Codecs}}{{flavor.Codec}}.ReadAsync(stream, "stream", {{types.JsonReader}}.Instance, cancellationToken);

            /// <summary>Reads <see cref="{{record}}"/> records from a stream of {{flavor.Description}}; errors name <paramref name="objectName"/>.</summary>
            /// <param name="stream">The {{flavor.ShortName}} bytes; left open.</param>
            /// <param name="objectName">The name of the data in error messages, such as its URI or file name.</param>
            /// <param name="cancellationToken">Cancels reading.</param>
            /// <returns>The records, in order.</returns>
            /// <exception cref="{{RuntimeTypes.Root}}DatasetFormatException">The data does not match the schema.</exception>
            public static {{records}} Read{{flavor.Format}}Async(global::System.IO.Stream stream, string objectName, global::System.Threading.CancellationToken cancellationToken = default) =>
                {{RuntimeTypes.Codecs}}{{flavor.Codec}}.ReadAsync(stream, objectName, {{types.JsonReader}}.Instance, cancellationToken);

            /// <summary>Reads <see cref="{{record}}"/> records from a stream of {{flavor.Description}} with <paramref name="options"/>, such as reading invalid UTF-8 as U+FFFD.</summary>
            /// <param name="stream">The {{flavor.ShortName}} bytes; left open.</param>
            /// <param name="objectName">The name of the data in error messages, such as its URI or file name.</param>
            /// <param name="options">How to read.</param>
            /// <param name="cancellationToken">Cancels reading.</param>
            /// <returns>The records, in order.</returns>
            /// <exception cref="{{RuntimeTypes.Root}}DatasetFormatException">The data does not match the schema.</exception>
            public static {{records}} Read{{flavor.Format}}Async(global::System.IO.Stream stream, string objectName, {{RuntimeTypes.Root}}DatasetReadOptions options, global::System.Threading.CancellationToken cancellationToken = default) =>
                {{RuntimeTypes.Codecs}}{{flavor.Codec}}.ReadAsync(stream, objectName, {{types.JsonReader}}.Instance, options ?? throw new global::System.ArgumentNullException(nameof(options)), cancellationToken);

            """);
        foreach (string rows in new[] { "global::System.Collections.Generic.IEnumerable<" + record + ">", records })
        {
            writer.WriteLine($$"""
                /// <summary>Writes records as {{flavor.Description}}, every column a property, nulls as <c>null</c>.</summary>
                /// <param name="stream">The destination; left open.</param>
                /// <param name="rows">The records to write, enumerated once, in order; a null record is an error.</param>
                /// <param name="cancellationToken">Cancels writing.</param>
                /// <returns>The number of records written.</returns>
                public static global::System.Threading.Tasks.Task<long> Write{{flavor.Format}}Async(global::System.IO.Stream stream, {{rows}} rows, global::System.Threading.CancellationToken cancellationToken = default) =>
                    {{RuntimeTypes.Codecs}}{{flavor.Codec}}.WriteAsync(stream, rows, {{types.JsonWriter}}.Instance, cancellationToken);

                """);
        }

        writer.WriteLine($$"""
            private static {{records}} Read{{flavor.Format}}Object(global::System.IO.Stream stream, string objectName, global::System.Threading.CancellationToken cancellationToken) =>
                {{RuntimeTypes.Codecs}}{{flavor.Codec}}.ReadAsync(stream, objectName, {{types.JsonReader}}.Instance, cancellationToken);

            private static {{records}} Read{{flavor.Format}}ObjectWithOptions(global::System.IO.Stream stream, string objectName, {{RuntimeTypes.Root}}DatasetReadOptions options, global::System.Threading.CancellationToken cancellationToken) =>
                {{RuntimeTypes.Codecs}}{{flavor.Codec}}.ReadAsync(stream, objectName, {{types.JsonReader}}.Instance, options, cancellationToken);

            private static global::System.Threading.Tasks.Task<long> Write{{flavor.Format}}Object(global::System.IO.Stream stream, {{records}} rows, global::System.Threading.CancellationToken cancellationToken) =>
                {{RuntimeTypes.Codecs}}{{flavor.Codec}}.WriteAsync(stream, rows, {{types.JsonWriter}}.Instance, cancellationToken);

            """);
    }

    private static void WriteReader(SourceWriter writer, DatasetSpec dataset)
    {
        IReadOnlyList<ColumnSpec> columns = dataset.Columns;
        string record = dataset.RecordName;
        string reader = dataset.CodecTypes.JsonReader;
        writer.WriteLine($$"""
            {{GeneratedFile.GeneratedCodeAttribute}}
            private sealed class {{reader}} : {{RuntimeTypes.Codecs}}JsonRecordReader<{{record}}>
            {
            """);
        writer.Indentation++;
        ListElementFields.Write(writer, columns);
        writer.WriteLine($$"""
            private static readonly {{RuntimeTypes.Codecs}}JsonColumn[] s_columns =
            {
            """);
        writer.Indentation++;
        foreach (ColumnSpec column in columns)
        {
            writer.WriteLine($$"""new {{RuntimeTypes.Codecs}}JsonColumn({{CSharpLiteral.String(column.Name)}}, {{CSharpLiteral.String(column.Type.DisplayName)}}, {{CSharpLiteral.Bool(column.Required)}}),""");
        }

        writer.Indentation--;
        writer.WriteLine($$"""
            };

            // After s_columns: static fields initialize in declaration order.
            public static readonly {{reader}} Instance = new {{reader}}();

            private {{reader}}()
                : base(s_columns)
            {
            }

            public override bool TryRead(ref global::System.Text.Json.Utf8JsonReader reader, {{RuntimeTypes.Codecs}}JsonReadContext context, out {{record}} record)
            {
                record = default!;
            """);
        writer.Indentation++;
        foreach (ColumnSpec column in columns)
        {
            writer.WriteLine(DeclareLocals(column));
        }

        writer.WriteLine("""

            while (true)
            {
                if (!reader.Read())
                {
                    return false;
                }

                if (reader.TokenType != global::System.Text.Json.JsonTokenType.PropertyName)
                {
                    break;
                }

                int column = reader.ValueIsEscaped ? EscapedColumnOf(ref reader, context) : ColumnOf(reader.ValueSpan);
                if (column < 0)
                {
                    CheckUnknownProperty(ref reader, context);
                }

                if (!reader.Read())
                {
                    return false;
                }

                switch (column)
                {
            """);
        writer.Indentation += 2;
        foreach (ColumnSpec column in columns)
        {
            writer.WriteLine(ReadCase(column));
        }

        writer.WriteLine("""
            default:
                if (!reader.TrySkip())
                {
                    return false;
                }

                break;
            """);
        writer.Indentation -= 2;
        writer.WriteLine("""
                }
            }

            """);
        WriteMissingCheck(writer, columns);
        writer.WriteLine($$"""
            record = new {{record}}
            {
            """);
        writer.Indentation++;
        foreach (ColumnSpec column in columns)
        {
            writer.WriteLine($$"""{{column.PropertyName}} = {{column.Names.Local}},""");
        }

        writer.Indentation--;
        writer.WriteLine("""
            };
            return true;
            """);
        writer.Indentation--;
        writer.WriteLine("""
            }

            """);
        WriteColumnOf(writer, columns);
        writer.Indentation--;
        writer.WriteLine("}");
    }

    // A required column's local starts at its type's default and has a flag that it was read; a nullable one starts null.
    private static string DeclareLocals(ColumnSpec column)
    {
        if (!column.Required)
        {
            return $$"""{{column.PropertyType}} {{column.Names.Local}} = null;""";
        }

        string initial = column.Clr.IsValueType ? "default" : "null!";
        return $$"""
            {{column.PropertyType}} {{column.Names.Local}} = {{initial}};
            bool {{column.Names.Seen}} = false;
            """;
    }

    // One template per shape of column: the switch case that reads its value (the reader is on the value's token).
    private static string ReadCase(ColumnSpec column)
    {
        ColumnNames names = column.Names;
        string index = column.IndexLiteral;
        if (column.IsList)
        {
            return column.Required
                ? $$"""
                    case {{index}}:
                        if (!TryReadList(ref reader, context, {{index}}, {{names.ElementField}}, out {{names.Local}}))
                        {
                            return false;
                        }

                        {{names.Seen}} = true;
                        break;
                    """
                : $$"""
                    case {{index}}:
                        if (!TryReadNullableList(ref reader, context, {{index}}, {{names.ElementField}}, out {{names.Local}}))
                        {
                            return false;
                        }

                        break;
                    """;
        }

        if (column.IsNested)
        {
            return column.Required
                ? $$"""
                    case {{index}}:
                        if (!TryReadNested(ref reader, context, {{index}}, {{names.ElementField}}, out {{column.Clr.TypeName}}? {{names.Parsed}}))
                        {
                            return false;
                        }

                        {{names.Local}} = {{names.Parsed}}!;
                        {{names.Seen}} = true;
                        break;
                    """
                : $$"""
                    case {{index}}:
                        if (!TryReadNullableNested(ref reader, context, {{index}}, {{names.ElementField}}, out {{names.Local}}))
                        {
                            return false;
                        }

                        break;
                    """;
        }

        string read = ReadValue(column);
        return column.Required
            ? $$"""
                case {{index}}:
                    {{names.Local}} = {{read}};
                    {{names.Seen}} = true;
                    break;
                """
            : $$"""
                case {{index}}:
                    {{names.Local}} = reader.TokenType == global::System.Text.Json.JsonTokenType.Null ? null : {{read}};
                    break;
                """;
    }

    // The base reader's call that reads the current token as the column's type; a decimal's takes its precision and scale.
    private static string ReadValue(ColumnSpec column) => column.HasPrecisionScale
        ? $$"""{{ReadMethod(column.Type)}}(ref reader, context, {{column.IndexLiteral}}, {{CSharpLiteral.Int(column.Type.Precision)}}, {{CSharpLiteral.Int(column.Type.Scale)}})"""
        : $$"""{{ReadMethod(column.Type)}}(ref reader, context, {{column.IndexLiteral}})""";

    // Every required property must have been read; the base class names those missing.
    private static void WriteMissingCheck(SourceWriter writer, IReadOnlyList<ColumnSpec> columns)
    {
        var missing = new List<string>();
        var present = new List<string>();
        foreach (ColumnSpec column in columns)
        {
            present.Add(column.Required ? column.Names.Seen : "true");
            if (column.Required)
            {
                missing.Add("!" + column.Names.Seen);
            }
        }

        if (missing.Count == 0)
        {
            return;
        }

        writer.WriteLine($$"""
            if ({{string.Join(" || ", missing)}})
            {
                ThrowMissingProperties(context, new bool[] { {{string.Join(", ", present)}} });
            }

            """);
    }

    // Property names as UTF-8 bytes: a switch on the length, then a byte comparison; escaped names (rare) are
    // compared unescaped by the reader.
    private static void WriteColumnOf(SourceWriter writer, IReadOnlyList<ColumnSpec> columns)
    {
        var byLength = new SortedDictionary<int, List<ColumnSpec>>();
        foreach (ColumnSpec column in columns)
        {
            int length = Encoding.UTF8.GetByteCount(column.Name);
            if (!byLength.TryGetValue(length, out List<ColumnSpec>? same))
            {
                same = new List<ColumnSpec>();
                byLength.Add(length, same);
            }

            same.Add(column);
        }

        writer.WriteLine("""
            private static int ColumnOf(global::System.ReadOnlySpan<byte> name)
            {
                switch (name.Length)
                {
            """);
        writer.Indentation += 2;
        foreach (KeyValuePair<int, List<ColumnSpec>> group in byLength)
        {
            writer.WriteLine($$"""case {{CSharpLiteral.Int(group.Key)}}:""");
            writer.Indentation++;
            foreach (ColumnSpec column in group.Value)
            {
                writer.WriteLine($$"""
                    if (global::System.MemoryExtensions.SequenceEqual(name, {{CSharpLiteral.String(column.Name)}}u8))
                    {
                        return {{column.IndexLiteral}};
                    }

                    """);
            }

            writer.WriteLine("break;");
            writer.Indentation--;
        }

        writer.Indentation -= 2;
        writer.WriteLine($$"""
                }

                return -1;
            }

            private static int EscapedColumnOf(ref global::System.Text.Json.Utf8JsonReader reader, {{RuntimeTypes.Codecs}}JsonReadContext context)
            {
                CheckEscapedName(ref reader, context);
            """);
        writer.Indentation++;
        foreach (ColumnSpec column in columns)
        {
            writer.WriteLine($$"""
                if (reader.ValueTextEquals({{CSharpLiteral.String(column.Name)}}u8))
                {
                    return {{column.IndexLiteral}};
                }

                """);
        }

        writer.WriteLine("return -1;");
        writer.Indentation--;
        writer.WriteLine("}");
    }

    private static void WriteRowWriter(SourceWriter writer, DatasetSpec dataset)
    {
        IReadOnlyList<ColumnSpec> columns = dataset.Columns;
        string rowWriter = dataset.CodecTypes.JsonWriter;
        writer.WriteLine($$"""
            {{GeneratedFile.GeneratedCodeAttribute}}
            private sealed class {{rowWriter}} : {{RuntimeTypes.Codecs}}JsonRecordWriter<{{dataset.RecordName}}>
            {
                public static readonly {{rowWriter}} Instance = new {{rowWriter}}();

            """);
        writer.Indentation++;
        ListElementFields.Write(writer, columns);
        foreach (ColumnSpec column in columns)
        {
            writer.WriteLine($$"""private static readonly global::System.Text.Json.JsonEncodedText {{column.Names.NameField}} = {{RuntimeTypes.Codecs}}JsonFieldWriter.EncodeName({{CSharpLiteral.String(column.Name)}});""");
        }

        writer.WriteLine($$"""

            public override void Write(global::System.Text.Json.Utf8JsonWriter writer, {{dataset.RecordName}} record)
            {
                writer.WriteStartObject();
            """);
        writer.Indentation++;
        foreach (ColumnSpec column in columns)
        {
            writer.WriteLine(
                column.IsList ? $$"""{{RuntimeTypes.Codecs}}JsonFieldWriter.WriteList(writer, {{column.Names.NameField}}, record.{{column.PropertyName}}, {{column.Names.ElementField}});"""
                : column.IsNested ? $$"""{{RuntimeTypes.Codecs}}JsonFieldWriter.WriteNested<{{column.Clr.TypeName}}?>(writer, {{column.Names.NameField}}, record.{{column.PropertyName}}, {{column.Names.ElementField}});"""
                : !column.Required && column.Clr.IsValueType ? $$"""
                    if (record.{{column.PropertyName}} is { } {{column.Names.Local}})
                    {
                        {{RuntimeTypes.Codecs}}JsonFieldWriter.{{ColumnTypes.Of(column.Type.Kind).JsonWrite}}(writer, {{column.Names.NameField}}, {{column.Names.Local}});
                    }
                    else
                    {
                        {{RuntimeTypes.Codecs}}JsonFieldWriter.WriteNull(writer, {{column.Names.NameField}});
                    }

                    """
                : $$"""{{RuntimeTypes.Codecs}}JsonFieldWriter.{{ColumnTypes.Of(column.Type.Kind).JsonWrite}}(writer, {{column.Names.NameField}}, record.{{column.PropertyName}});""");
        }

        writer.WriteLine("writer.WriteEndObject();");
        writer.Indentation--;
        writer.WriteLine("}");
        writer.Indentation--;
        writer.WriteLine("}");
    }

    private static string ReadMethod(ColumnTypeSpec type) => ColumnTypes.Of(type.Kind).JsonRead;

    /// <summary>What differs between the JSON and the JSON Lines stream methods.</summary>
    private sealed record JsonFlavor(string Format, string Codec, string Description, string ShortName);
}
