using System.Collections.Generic;
using Typed.S3.Generators.Model;
using Typed.S3.Schema.Model;

namespace Typed.S3.Generators.Emitters;

/// <summary>
/// Emits a dataset's CSV codec: stream-level <c>ReadCsvAsync</c>/<c>WriteCsvAsync</c> on the accessor, a mapper
/// that parses each field's UTF-8 span straight into the record's property type (no string per field except
/// string columns, no reflection, no boxing), and a record writer.
/// </summary>
internal static class CsvCodecEmitter
{
    public static string Emit(DatasetSpec dataset) =>
        GeneratedFile.Write(
            dataset.Namespace,
            dataset.Name,
            "public static partial class " + dataset.Name,
            writer =>
            {
                WriteFormats(writer, dataset.Csv);
                WriteStreamMethods(writer, dataset.RecordName, dataset.CodecTypes);
                WriteMapper(writer, dataset);
                writer.WriteLine();
                WriteRowWriter(writer, dataset);
            });

    private static void WriteFormats(SourceWriter writer, CsvOptionsModel csv)
    {
        string header = CSharpLiteral.Bool(csv.Header);
        string quote = CSharpLiteral.Char(csv.Quote);
        writer.WriteLine($$"""
            /// <summary>The CSV dialect of the schema's <c>csv</c> section.</summary>
            public static {{RuntimeTypes.Codecs}}CsvFormat CsvFormat { get; } = new {{RuntimeTypes.Codecs}}CsvFormat({{CSharpLiteral.Char(csv.Delimiter)}}, {{header}}, {{quote}});

            /// <summary>The dataset's CSV dialect with a tab, for <c>.tsv</c> objects.</summary>
            """);
        writer.WriteLine(csv.Delimiter == '\t'
            ? $$"""
                public static {{RuntimeTypes.Codecs}}CsvFormat TsvFormat { get; } = CsvFormat;

                """
            : $$"""
                public static {{RuntimeTypes.Codecs}}CsvFormat TsvFormat { get; } = new {{RuntimeTypes.Codecs}}CsvFormat('\t', {{header}}, {{quote}});

                """);
    }

    private static void WriteStreamMethods(SourceWriter writer, string record, CodecTypeNames types)
    {
        writer.WriteLine($$"""
            /// <summary>Reads <see cref="{{record}}"/> records from a CSV stream in this dataset's dialect.</summary>
            /// <param name="stream">The CSV bytes; left open.</param>
            /// <param name="cancellationToken">Cancels reading.</param>
            /// <returns>The records, in order.</returns>
            /// <exception cref="{{RuntimeTypes.Root}}DatasetFormatException">The data does not match the schema.</exception>
            public static global::System.Collections.Generic.IAsyncEnumerable<{{record}}> ReadCsvAsync(global::System.IO.Stream stream, global::System.Threading.CancellationToken cancellationToken = default) =>
                {{RuntimeTypes.Codecs}}CsvCodec.ReadAsync(stream, "stream", CsvFormat, CreateCsvMapper, cancellationToken);

            /// <summary>Reads <see cref="{{record}}"/> records from a CSV stream; errors name <paramref name="objectName"/>.</summary>
            /// <param name="stream">The CSV bytes; left open.</param>
            /// <param name="objectName">The name of the data in error messages, such as its URI or file name.</param>
            /// <param name="cancellationToken">Cancels reading.</param>
            /// <returns>The records, in order.</returns>
            /// <exception cref="{{RuntimeTypes.Root}}DatasetFormatException">The data does not match the schema.</exception>
            public static global::System.Collections.Generic.IAsyncEnumerable<{{record}}> ReadCsvAsync(global::System.IO.Stream stream, string objectName, global::System.Threading.CancellationToken cancellationToken = default) =>
                {{RuntimeTypes.Codecs}}CsvCodec.ReadAsync(stream, objectName, CsvFormat, CreateCsvMapper, cancellationToken);

            /// <summary>Reads <see cref="{{record}}"/> records from a CSV stream with <paramref name="options"/>, such as mapping records on several threads.</summary>
            /// <param name="stream">The CSV bytes; left open.</param>
            /// <param name="objectName">The name of the data in error messages, such as its URI or file name.</param>
            /// <param name="options">How to read.</param>
            /// <param name="cancellationToken">Cancels reading.</param>
            /// <returns>The records, in order.</returns>
            /// <exception cref="{{RuntimeTypes.Root}}DatasetFormatException">The data does not match the schema.</exception>
            public static global::System.Collections.Generic.IAsyncEnumerable<{{record}}> ReadCsvAsync(global::System.IO.Stream stream, string objectName, {{RuntimeTypes.Root}}DatasetReadOptions options, global::System.Threading.CancellationToken cancellationToken = default) =>
                {{RuntimeTypes.Codecs}}CsvCodec.ReadAsync(stream, objectName, CsvFormat, CreateCsvMapper, options ?? throw new global::System.ArgumentNullException(nameof(options)), cancellationToken);

            """);
        foreach (string rows in new[] { "global::System.Collections.Generic.IEnumerable<" + record + ">", "global::System.Collections.Generic.IAsyncEnumerable<" + record + ">" })
        {
            writer.WriteLine($$"""
                /// <summary>Writes records as CSV in this dataset's dialect: a header (when the dialect has one), then a line a record.</summary>
                /// <param name="stream">The destination; left open.</param>
                /// <param name="rows">The records to write, enumerated once, in order; a null record is an error.</param>
                /// <param name="cancellationToken">Cancels writing.</param>
                /// <returns>The number of records written.</returns>
                public static global::System.Threading.Tasks.Task<long> WriteCsvAsync(global::System.IO.Stream stream, {{rows}} rows, global::System.Threading.CancellationToken cancellationToken = default) =>
                    {{RuntimeTypes.Codecs}}CsvCodec.WriteAsync(stream, rows, CsvFormat, {{types.CsvWriter}}.Instance, cancellationToken);

                """);
        }

        foreach (string format in new[] { "Csv", "Tsv" })
        {
            writer.WriteLine($$"""
                private static global::System.Collections.Generic.IAsyncEnumerable<{{record}}> Read{{format}}Object(global::System.IO.Stream stream, string objectName, global::System.Threading.CancellationToken cancellationToken) =>
                    {{RuntimeTypes.Codecs}}CsvCodec.ReadAsync(stream, objectName, {{format}}Format, CreateCsvMapper, cancellationToken);

                private static global::System.Collections.Generic.IAsyncEnumerable<{{record}}> Read{{format}}ObjectWithOptions(global::System.IO.Stream stream, string objectName, {{RuntimeTypes.Root}}DatasetReadOptions options, global::System.Threading.CancellationToken cancellationToken) =>
                    {{RuntimeTypes.Codecs}}CsvCodec.ReadAsync(stream, objectName, {{format}}Format, CreateCsvMapper, options, cancellationToken);

                private static global::System.Threading.Tasks.Task<long> Write{{format}}Object(global::System.IO.Stream stream, global::System.Collections.Generic.IAsyncEnumerable<{{record}}> rows, global::System.Threading.CancellationToken cancellationToken) =>
                    {{RuntimeTypes.Codecs}}CsvCodec.WriteAsync(stream, rows, {{format}}Format, {{types.CsvWriter}}.Instance, cancellationToken);

                """);
        }

        writer.WriteLine($$"""
            private static {{RuntimeTypes.Codecs}}CsvRecordMapperBase<{{record}}> CreateCsvMapper({{RuntimeTypes.Codecs}}CsvInput reader, string objectName) =>
                new {{types.CsvMapper}}(reader, objectName);

            """);
    }

    private static void WriteMapper(SourceWriter writer, DatasetSpec dataset)
    {
        IReadOnlyList<ColumnSpec> columns = dataset.Columns;
        string mapper = dataset.CodecTypes.CsvMapper;
        writer.WriteLine($$"""
            {{GeneratedFile.GeneratedCodeAttribute}}
            private sealed class {{mapper}} : {{RuntimeTypes.Codecs}}CsvRecordMapperBase<{{dataset.RecordName}}>
            {
            """);
        writer.Indentation++;
        ListElementFields.Write(writer, columns);
        writer.WriteLine($$"""
            private static readonly {{RuntimeTypes.Codecs}}CsvColumn[] s_columns =
            {
            """);
        writer.Indentation++;
        foreach (ColumnSpec column in columns)
        {
            writer.WriteLine(column.AbsentAsNull
                ? $$"""new {{RuntimeTypes.Codecs}}CsvColumn({{CSharpLiteral.String(column.Name)}}, {{CSharpLiteral.String(column.Type.DisplayName)}}, {{CSharpLiteral.Bool(column.Required)}}, AbsentAsNull: true),"""
                : $$"""new {{RuntimeTypes.Codecs}}CsvColumn({{CSharpLiteral.String(column.Name)}}, {{CSharpLiteral.String(column.Type.DisplayName)}}, {{CSharpLiteral.Bool(column.Required)}}),""");
        }

        writer.Indentation--;
        writer.WriteLine("""
            };

            """);
        foreach (ColumnSpec column in columns)
        {
            writer.WriteLine($$"""private readonly int {{column.Names.IndexField}};""");
        }

        writer.WriteLine($$"""

            public {{mapper}}({{RuntimeTypes.Codecs}}CsvInput reader, string objectName)
                : base(reader, objectName, s_columns)
            {
            """);
        writer.Indentation++;
        foreach (ColumnSpec column in columns)
        {
            writer.WriteLine($$"""{{column.Names.IndexField}} = IndexOf({{column.IndexLiteral}});""");
        }

        writer.Indentation--;
        writer.WriteLine($$"""
            }

            public override {{dataset.RecordName}} Read({{RuntimeTypes.Codecs}}CsvInput reader)
            {
            """);
        writer.Indentation++;

        // String columns read through helpers; the span is declared only when another column parses from it.
        bool parsesSpans = false;
        foreach (ColumnSpec column in columns)
        {
            parsesSpans |= !column.IsString;
        }

        if (parsesSpans)
        {
            writer.WriteLine("""
                global::System.ReadOnlySpan<byte> field;

                """);
        }

        foreach (ColumnSpec column in columns)
        {
            writer.WriteLine(ReadField(column));
            writer.WriteLine();
        }

        writer.WriteLine($$"""
            return new {{dataset.RecordName}}
            {
            """);
        writer.Indentation++;
        foreach (ColumnSpec column in columns)
        {
            writer.WriteLine($$"""{{column.PropertyName}} = {{column.Names.Local}},""");
        }

        writer.Indentation--;
        writer.WriteLine("};");
        writer.Indentation--;
        writer.WriteLine("}");
        writer.Indentation--;
        writer.WriteLine("}");
    }

    // One template per shape of column: the statements that read its field into its local.
    private static string ReadField(ColumnSpec column)
    {
        ColumnNames names = column.Names;
        if (column.IsList)
        {
            return column.Required
                ? $$"""
                    field = reader.GetSpan({{names.IndexField}});
                    {{column.PropertyType}} {{names.Local}} = ReadList(reader, {{column.IndexLiteral}}, field, {{names.ElementField}});
                    """
                : $$"""
                    field = reader.GetSpan({{names.IndexField}});
                    {{column.PropertyType}} {{names.Local}} = ReadNullableList(reader, {{column.IndexLiteral}}, field, {{names.ElementField}});
                    """;
        }

        if (column.IsNested)
        {
            // The field holds the value's JSON text.
            return column.Required
                ? $$"""
                    field = reader.GetSpan({{names.IndexField}});
                    {{column.PropertyType}} {{names.Local}} = ReadNested(reader, {{column.IndexLiteral}}, field, {{names.ElementField}})!;
                    """
                : $$"""
                    field = reader.GetSpan({{names.IndexField}});
                    {{column.PropertyType}} {{names.Local}} = ReadNullableNested(reader, {{column.IndexLiteral}}, field, {{names.ElementField}});
                    """;
        }

        if (column.IsString)
        {
            return column.Required
                ? $$"""string {{names.Local}} = ReadString(reader, {{names.IndexField}});"""
                : $$"""string? {{names.Local}} = ReadNullableString(reader, {{names.IndexField}});""";
        }

        string type = column.Clr.TypeName;
        if (column.Required && column.IsBinary)
        {
            // A quoted empty field ("") is an empty byte array; an unquoted empty one is a missing value.
            return $$"""
                field = reader.GetSpan({{names.IndexField}});
                {{type}} {{names.Local}};
                if (field.IsEmpty && IsQuotedEmpty(reader, {{names.IndexField}}))
                {
                    {{names.Local}} = global::System.Array.Empty<byte>();
                }
                else
                {
                    if (field.IsEmpty)
                    {
                        ThrowMissingValue(reader, {{column.IndexLiteral}});
                    }

                    if (!{{TryParse(column, names.Local)}})
                    {
                        ThrowInvalidValue(reader, {{column.IndexLiteral}}, field);
                    }
                }
                """;
        }

        if (column.Required)
        {
            return $$"""
                field = reader.GetSpan({{names.IndexField}});
                {{type}} {{names.Local}};
                if (field.IsEmpty)
                {
                    ThrowMissingValue(reader, {{column.IndexLiteral}});
                }

                if (!{{TryParse(column, names.Local)}})
                {
                    ThrowInvalidValue(reader, {{column.IndexLiteral}}, field);
                }
                """;
        }

        if (column.IsBinary)
        {
            return $$"""
                field = reader.GetSpan({{names.IndexField}});
                {{type}}? {{names.Local}} = null;
                if (!field.IsEmpty)
                {
                    if (!{{TryParse(column, type + " " + names.Parsed)}})
                    {
                        ThrowInvalidValue(reader, {{column.IndexLiteral}}, field);
                    }

                    {{names.Local}} = {{names.Parsed}};
                }
                else if (IsQuotedEmpty(reader, {{names.IndexField}}))
                {
                    {{names.Local}} = global::System.Array.Empty<byte>();
                }
                """;
        }

        return $$"""
            field = reader.GetSpan({{names.IndexField}});
            {{type}}? {{names.Local}} = null;
            if (!field.IsEmpty)
            {
                if (!{{TryParse(column, type + " " + names.Parsed)}})
                {
                    ThrowInvalidValue(reader, {{column.IndexLiteral}}, field);
                }

                {{names.Local}} = {{names.Parsed}};
            }
            """;
    }

    // The parser call that reads the field into the out variable or declaration; a decimal's parser takes its precision and scale.
    private static string TryParse(ColumnSpec column, string output) => column.HasPrecisionScale
        ? $$"""{{RuntimeTypes.Codecs}}Utf8ValueParser.{{column.Clr.ParseMethod}}(field, {{CSharpLiteral.Int(column.Type.Precision)}}, {{CSharpLiteral.Int(column.Type.Scale)}}, out {{output}})"""
        : $$"""{{RuntimeTypes.Codecs}}Utf8ValueParser.{{column.Clr.ParseMethod}}(field, out {{output}})""";

    private static void WriteRowWriter(SourceWriter writer, DatasetSpec dataset)
    {
        IReadOnlyList<ColumnSpec> columns = dataset.Columns;
        string rowWriter = dataset.CodecTypes.CsvWriter;
        writer.WriteLine($$"""
            {{GeneratedFile.GeneratedCodeAttribute}}
            private sealed class {{rowWriter}} : {{RuntimeTypes.Codecs}}CsvRecordWriterBase<{{dataset.RecordName}}>
            {
                public static readonly {{rowWriter}} Instance = new {{rowWriter}}();

            """);
        writer.Indentation++;
        ListElementFields.Write(writer, columns);
        writer.WriteLine($$"""
            public override int FieldCount => {{CSharpLiteral.Int(columns.Count)}};

            public override void WriteHeader({{RuntimeTypes.Codecs}}CsvOutput writer)
            {
            """);
        writer.Indentation++;
        foreach (ColumnSpec column in columns)
        {
            writer.WriteLine($$"""WriteColumnName(writer, {{CSharpLiteral.String(column.Name)}});""");
        }

        writer.Indentation--;
        writer.WriteLine($$"""
            }

            public override void Write({{RuntimeTypes.Codecs}}CsvOutput writer, {{dataset.RecordName}} record)
            {
            """);
        writer.Indentation++;
        foreach (ColumnSpec column in columns)
        {
            writer.WriteLine(
                column.IsList ? $$"""{{RuntimeTypes.Codecs}}CsvFieldWriter.{{column.Clr.WriteMethod}}(writer, record.{{column.PropertyName}}, {{column.Names.ElementField}});"""
                : column.IsNested ? $$"""{{RuntimeTypes.Codecs}}CsvFieldWriter.WriteNested<{{column.Clr.TypeName}}?>(writer, record.{{column.PropertyName}}, {{column.Names.ElementField}});"""
                : !column.Required && column.Clr.IsValueType ? $$"""
                    if (record.{{column.PropertyName}} is { } {{column.Names.Local}})
                    {
                        {{RuntimeTypes.Codecs}}CsvFieldWriter.{{column.Clr.WriteMethod}}(writer, {{column.Names.Local}});
                    }
                    else
                    {
                        {{RuntimeTypes.Codecs}}CsvFieldWriter.WriteNull(writer);
                    }

                    """
                : $$"""{{RuntimeTypes.Codecs}}CsvFieldWriter.{{column.Clr.WriteMethod}}(writer, record.{{column.PropertyName}});""");
        }

        writer.Indentation--;
        writer.WriteLine("}");
        writer.Indentation--;
        writer.WriteLine("}");
    }
}
