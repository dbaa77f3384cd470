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
    private const string Codecs = "global::Typed.S3.Codecs.";
    private const string CsvHelper = "global::CsvHelper.";

    public static string Emit(DatasetSpec dataset)
    {
        string record = dataset.RecordName;
        var source = new SourceWriter();
        GeneratedFile.WriteHeader(source);
        source.Open("namespace " + dataset.Namespace);
        source.Open("public static partial class " + dataset.Name);
        CsvOptionsModel csv = dataset.Csv;
        source.Line("/// <summary>The CSV dialect of the schema's <c>csv</c> section.</summary>");
        source.Line("public static " + Codecs + "CsvFormat CsvFormat { get; } = new " + Codecs + "CsvFormat("
            + CSharpLiteral.Char(csv.Delimiter) + ", " + CSharpLiteral.Bool(csv.Header) + ", " + CSharpLiteral.Char(csv.Quote) + ");");
        source.Line();
        source.Line("/// <summary>The dataset's CSV dialect with a tab, for <c>.tsv</c> objects.</summary>");
        source.Line("public static " + Codecs + "CsvFormat TsvFormat { get; } = " + (csv.Delimiter == '\t'
            ? "CsvFormat;"
            : "new " + Codecs + "CsvFormat('\\t', " + CSharpLiteral.Bool(csv.Header) + ", " + CSharpLiteral.Char(csv.Quote) + ");"));
        source.Line();
        source.Line("/// <summary>Reads <see cref=\"" + record + "\"/> records from a CSV stream in this dataset's dialect.</summary>");
        source.Line("/// <param name=\"stream\">The CSV bytes; left open.</param>");
        source.Line("/// <param name=\"cancellationToken\">Cancels reading.</param>");
        source.Line("/// <returns>The records, in order.</returns>");
        source.Line("/// <exception cref=\"global::Typed.S3.DatasetFormatException\">The data does not match the schema.</exception>");
        source.Line("public static global::System.Collections.Generic.IAsyncEnumerable<" + record + "> ReadCsvAsync(global::System.IO.Stream stream, global::System.Threading.CancellationToken cancellationToken = default) =>");
        source.Line("    " + Codecs + "CsvCodec.ReadAsync(stream, \"stream\", CsvFormat, CreateCsvMapper, cancellationToken);");
        source.Line();
        source.Line("/// <summary>Reads <see cref=\"" + record + "\"/> records from a CSV stream; errors name <paramref name=\"objectName\"/>.</summary>");
        source.Line("/// <param name=\"stream\">The CSV bytes; left open.</param>");
        source.Line("/// <param name=\"objectName\">The name of the data in error messages, such as its URI or file name.</param>");
        source.Line("/// <param name=\"cancellationToken\">Cancels reading.</param>");
        source.Line("/// <returns>The records, in order.</returns>");
        source.Line("/// <exception cref=\"global::Typed.S3.DatasetFormatException\">The data does not match the schema.</exception>");
        source.Line("public static global::System.Collections.Generic.IAsyncEnumerable<" + record + "> ReadCsvAsync(global::System.IO.Stream stream, string objectName, global::System.Threading.CancellationToken cancellationToken = default) =>");
        source.Line("    " + Codecs + "CsvCodec.ReadAsync(stream, objectName, CsvFormat, CreateCsvMapper, cancellationToken);");
        source.Line();
        source.Line("/// <summary>Reads <see cref=\"" + record + "\"/> records from a CSV stream with <paramref name=\"options\"/>, such as mapping records on several threads.</summary>");
        source.Line("/// <param name=\"stream\">The CSV bytes; left open.</param>");
        source.Line("/// <param name=\"objectName\">The name of the data in error messages, such as its URI or file name.</param>");
        source.Line("/// <param name=\"options\">How to read.</param>");
        source.Line("/// <param name=\"cancellationToken\">Cancels reading.</param>");
        source.Line("/// <returns>The records, in order.</returns>");
        source.Line("/// <exception cref=\"global::Typed.S3.DatasetFormatException\">The data does not match the schema.</exception>");
        source.Line("public static global::System.Collections.Generic.IAsyncEnumerable<" + record + "> ReadCsvAsync(global::System.IO.Stream stream, string objectName, global::Typed.S3.DatasetReadOptions options, global::System.Threading.CancellationToken cancellationToken = default) =>");
        source.Line("    " + Codecs + "CsvCodec.ReadAsync(stream, objectName, CsvFormat, CreateCsvMapper, options ?? throw new global::System.ArgumentNullException(nameof(options)), cancellationToken);");
        source.Line();
        foreach (string rowsType in new[] { "global::System.Collections.Generic.IEnumerable<" + record + ">", "global::System.Collections.Generic.IAsyncEnumerable<" + record + ">" })
        {
            source.Line("/// <summary>Writes records as CSV in this dataset's dialect: a header (when the dialect has one), then a line a record.</summary>");
            source.Line("/// <param name=\"stream\">The destination; left open.</param>");
            source.Line("/// <param name=\"rows\">The records.</param>");
            source.Line("/// <param name=\"cancellationToken\">Cancels writing.</param>");
            source.Line("/// <returns>The number of records written.</returns>");
            source.Line("public static global::System.Threading.Tasks.Task<long> WriteCsvAsync(global::System.IO.Stream stream, " + rowsType + " rows, global::System.Threading.CancellationToken cancellationToken = default) =>");
            source.Line("    " + Codecs + "CsvCodec.WriteAsync(stream, rows, CsvFormat, CsvRecordWriter.Instance, cancellationToken);");
            source.Line();
        }

        foreach (string format in new[] { "Csv", "Tsv" })
        {
            source.Line("private static global::System.Collections.Generic.IAsyncEnumerable<" + record + "> Read" + format + "Object(global::System.IO.Stream stream, string objectName, global::System.Threading.CancellationToken cancellationToken) =>");
            source.Line("    " + Codecs + "CsvCodec.ReadAsync(stream, objectName, " + format + "Format, CreateCsvMapper, cancellationToken);");
            source.Line();
            source.Line("private static global::System.Collections.Generic.IAsyncEnumerable<" + record + "> Read" + format + "ObjectWithOptions(global::System.IO.Stream stream, string objectName, global::Typed.S3.DatasetReadOptions options, global::System.Threading.CancellationToken cancellationToken) =>");
            source.Line("    " + Codecs + "CsvCodec.ReadAsync(stream, objectName, " + format + "Format, CreateCsvMapper, options, cancellationToken);");
            source.Line();
            source.Line("private static global::System.Threading.Tasks.Task<long> Write" + format + "Object(global::System.IO.Stream stream, global::System.Collections.Generic.IAsyncEnumerable<" + record + "> rows, global::System.Threading.CancellationToken cancellationToken) =>");
            source.Line("    " + Codecs + "CsvCodec.WriteAsync(stream, rows, " + format + "Format, CsvRecordWriter.Instance, cancellationToken);");
            source.Line();
        }

        source.Line("private static " + CsvHelper + "CsvRecordMapper<" + record + "> CreateCsvMapper(" + CsvHelper + "CsvReader reader, string objectName) =>");
        source.Line("    new CsvMapper(reader, objectName);");
        source.Line();
        EmitMapper(source, dataset);
        source.Line();
        EmitWriter(source, dataset);
        source.Close();
        source.Close();
        return source.ToString();
    }

    private static void EmitMapper(SourceWriter source, DatasetSpec dataset)
    {
        string record = dataset.RecordName;
        source.Line(GeneratedFile.GeneratedCodeAttribute);
        source.Open("private sealed class CsvMapper : " + Codecs + "CsvRecordMapperBase<" + record + ">");
        JsonCodecEmitter.EmitListElements(source, dataset.Columns);
        source.Open("private static readonly " + Codecs + "CsvColumn[] s_columns =");
        foreach (ColumnSpec column in dataset.Columns)
        {
            source.Line("new " + Codecs + "CsvColumn(" + CSharpLiteral.String(column.Name) + ", " + CSharpLiteral.String(column.Type.DisplayName) + ", " + CSharpLiteral.Bool(column.Required) + (column.AbsentAsNull ? ", AbsentAsNull: true" : string.Empty) + "),");
        }

        source.Close(";");
        source.Line();
        for (int i = 0; i < dataset.Columns.Count; i++)
        {
            source.Line("private readonly int _field" + CSharpLiteral.Int(i) + ";");
        }

        source.Line();
        source.Line("public CsvMapper(" + CsvHelper + "CsvReader reader, string objectName)");
        source.Open("    : base(reader, objectName, s_columns)");
        for (int i = 0; i < dataset.Columns.Count; i++)
        {
            source.Line("_field" + CSharpLiteral.Int(i) + " = IndexOf(" + CSharpLiteral.Int(i) + ");");
        }

        source.Close();
        source.Line();
        source.Open("public override " + record + " Read(" + CsvHelper + "CsvReader reader)");
        // String columns read through helpers; the span is declared only when another column parses from it.
        bool parsesSpans = false;
        foreach (ColumnSpec column in dataset.Columns)
        {
            parsesSpans |= column.Type.Kind != ColumnKind.String;
        }

        if (parsesSpans)
        {
            source.Line("global::System.ReadOnlySpan<byte> field;");
        }

        for (int i = 0; i < dataset.Columns.Count; i++)
        {
            EmitFieldRead(source, dataset.Columns[i], i);
        }

        source.Line();
        source.Open("return new " + record);
        for (int i = 0; i < dataset.Columns.Count; i++)
        {
            source.Line(dataset.Columns[i].PropertyName + " = value" + CSharpLiteral.Int(i) + ",");
        }

        source.Close(";");
        source.Close();
        source.Close();
    }

    private static void EmitFieldRead(SourceWriter source, ColumnSpec column, int index)
    {
        string i = CSharpLiteral.Int(index);
        string fieldIndex = "_field" + i;
        string value = "value" + i;
        ClrTypeMapping mapping = ClrTypeMapping.For(column.Type);
        source.Line();
        if (column.Type.Kind == ColumnKind.List)
        {
            source.Line("field = reader.GetSpan(" + fieldIndex + ");");
            source.Line(mapping.PropertyType(column.Required) + " " + value + " = " + (column.Required ? "ReadList" : "ReadNullableList") + "(reader, " + i + ", field, s_list" + i + ");");
            return;
        }

        if (column.Type.Kind == ColumnKind.String)
        {
            source.Line(column.Required
                ? "string " + value + " = ReadString(reader, " + fieldIndex + ");"
                : "string? " + value + " = ReadNullableString(reader, " + fieldIndex + ");");
            return;
        }

        string parse = Codecs + "Utf8ValueParser." + mapping.ParseMethod + "(field, " + (column.Type.Kind == ColumnKind.Decimal
            ? CSharpLiteral.Int(column.Type.Precision) + ", " + CSharpLiteral.Int(column.Type.Scale) + ", "
            : string.Empty);
        bool isBinary = column.Type.Kind == ColumnKind.Binary;
        source.Line("field = reader.GetSpan(" + fieldIndex + ");");
        if (column.Required)
        {
            source.Line(mapping.TypeName + " " + value + ";");
            if (isBinary)
            {
                // A quoted empty field ("") is an empty byte array; an unquoted empty one is a missing value.
                source.Open("if (field.IsEmpty && IsQuotedEmpty(reader, " + fieldIndex + "))");
                source.Line(value + " = global::System.Array.Empty<byte>();");
                source.Close();
                source.Open("else");
            }

            source.Open("if (field.IsEmpty)");
            source.Line("ThrowMissingValue(reader, " + i + ");");
            source.Close();
            source.Open("if (!" + parse + "out " + value + "))");
            source.Line("ThrowInvalidValue(reader, " + i + ", field);");
            source.Close();
            if (isBinary)
            {
                source.Close();
            }

            return;
        }

        source.Line(mapping.PropertyType(required: false) + " " + value + " = null;");
        source.Open("if (!field.IsEmpty)");
        source.Open("if (!" + parse + "out " + mapping.TypeName + " parsed" + i + "))");
        source.Line("ThrowInvalidValue(reader, " + i + ", field);");
        source.Close();
        source.Line();
        source.Line(value + " = parsed" + i + ";");
        source.Close();
        if (isBinary)
        {
            source.Open("else if (IsQuotedEmpty(reader, " + fieldIndex + "))");
            source.Line(value + " = global::System.Array.Empty<byte>();");
            source.Close();
        }
    }

    private static void EmitWriter(SourceWriter source, DatasetSpec dataset)
    {
        string record = dataset.RecordName;
        source.Line(GeneratedFile.GeneratedCodeAttribute);
        source.Open("private sealed class CsvRecordWriter : " + CsvHelper + "CsvRecordWriter<" + record + ">");
        source.Line("public static readonly CsvRecordWriter Instance = new CsvRecordWriter();");
        source.Line();
        JsonCodecEmitter.EmitListElements(source, dataset.Columns);
        source.Line("public override int FieldCount => " + CSharpLiteral.Int(dataset.Columns.Count) + ";");
        source.Line();
        source.Open("public override void WriteHeader(" + CsvHelper + "CsvWriter writer)");
        foreach (ColumnSpec column in dataset.Columns)
        {
            source.Line("WriteColumnName(writer, " + CSharpLiteral.String(column.Name) + ");");
        }

        source.Close();
        source.Line();
        source.Open("public override void Write(" + CsvHelper + "CsvWriter writer, " + record + " record)");
        for (int i = 0; i < dataset.Columns.Count; i++)
        {
            ColumnSpec column = dataset.Columns[i];
            ClrTypeMapping mapping = ClrTypeMapping.For(column.Type);
            source.Line(Codecs + "CsvFieldWriter." + mapping.WriteMethod + "(writer, record." + column.PropertyName
                + (column.Type.Kind == ColumnKind.List ? ", s_list" + CSharpLiteral.Int(i) : string.Empty) + ");");
        }

        source.Close();
        source.Close();
    }
}
