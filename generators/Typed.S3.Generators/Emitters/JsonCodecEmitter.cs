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
    private const string Codecs = "global::Typed.S3.Codecs.";
    private const string TextJson = "global::System.Text.Json.";

    public static string Emit(DatasetSpec dataset)
    {
        string record = dataset.RecordName;
        var source = new SourceWriter();
        GeneratedFile.WriteHeader(source);
        source.Open("namespace " + dataset.Namespace);
        source.Open("public static partial class " + dataset.Name);
        EmitStreamMethods(source, record, "Json", "JsonCodec", "a JSON array of objects", "JSON");
        EmitStreamMethods(source, record, "JsonLines", "JsonLinesCodec", "JSON Lines (one object a line)", "JSON Lines");
        EmitReader(source, dataset);
        source.Line();
        EmitWriter(source, dataset);
        source.Close();
        source.Close();
        return source.ToString();
    }

    private static void EmitStreamMethods(SourceWriter source, string record, string format, string codec, string description, string shortName)
    {
        string records = "global::System.Collections.Generic.IAsyncEnumerable<" + record + ">";
        string token = "global::System.Threading.CancellationToken";
        source.Line("/// <summary>Reads <see cref=\"" + record + "\"/> records from a stream of " + description + ".</summary>");
        source.Line("/// <param name=\"stream\">The " + shortName + " bytes; left open.</param>");
        source.Line("/// <param name=\"cancellationToken\">Cancels reading.</param>");
        source.Line("/// <returns>The records, in order.</returns>");
        source.Line("/// <exception cref=\"global::Typed.S3.DatasetFormatException\">The data does not match the schema.</exception>");
        source.Line("public static " + records + " Read" + format + "Async(global::System.IO.Stream stream, " + token + " cancellationToken = default) =>");
        source.Line("    " + Codecs + codec + ".ReadAsync(stream, \"stream\", JsonRecordReader.Instance, cancellationToken);");
        source.Line();
        source.Line("/// <summary>Reads <see cref=\"" + record + "\"/> records from a stream of " + description + "; errors name <paramref name=\"objectName\"/>.</summary>");
        source.Line("/// <param name=\"stream\">The " + shortName + " bytes; left open.</param>");
        source.Line("/// <param name=\"objectName\">The name of the data in error messages, such as its URI or file name.</param>");
        source.Line("/// <param name=\"cancellationToken\">Cancels reading.</param>");
        source.Line("/// <returns>The records, in order.</returns>");
        source.Line("/// <exception cref=\"global::Typed.S3.DatasetFormatException\">The data does not match the schema.</exception>");
        source.Line("public static " + records + " Read" + format + "Async(global::System.IO.Stream stream, string objectName, " + token + " cancellationToken = default) =>");
        source.Line("    " + Codecs + codec + ".ReadAsync(stream, objectName, JsonRecordReader.Instance, cancellationToken);");
        source.Line();
        source.Line("/// <summary>Reads <see cref=\"" + record + "\"/> records from a stream of " + description + " with <paramref name=\"options\"/>, such as reading invalid UTF-8 as U+FFFD.</summary>");
        source.Line("/// <param name=\"stream\">The " + shortName + " bytes; left open.</param>");
        source.Line("/// <param name=\"objectName\">The name of the data in error messages, such as its URI or file name.</param>");
        source.Line("/// <param name=\"options\">How to read.</param>");
        source.Line("/// <param name=\"cancellationToken\">Cancels reading.</param>");
        source.Line("/// <returns>The records, in order.</returns>");
        source.Line("/// <exception cref=\"global::Typed.S3.DatasetFormatException\">The data does not match the schema.</exception>");
        source.Line("public static " + records + " Read" + format + "Async(global::System.IO.Stream stream, string objectName, global::Typed.S3.DatasetReadOptions options, " + token + " cancellationToken = default) =>");
        source.Line("    " + Codecs + codec + ".ReadAsync(stream, objectName, JsonRecordReader.Instance, options ?? throw new global::System.ArgumentNullException(nameof(options)), cancellationToken);");
        source.Line();
        foreach (string rowsType in new[] { "global::System.Collections.Generic.IEnumerable<" + record + ">", records })
        {
            source.Line("/// <summary>Writes records as " + description + ", every column a property, nulls as <c>null</c>.</summary>");
            source.Line("/// <param name=\"stream\">The destination; left open.</param>");
            source.Line("/// <param name=\"rows\">The records.</param>");
            source.Line("/// <param name=\"cancellationToken\">Cancels writing.</param>");
            source.Line("/// <returns>The number of records written.</returns>");
            source.Line("public static global::System.Threading.Tasks.Task<long> Write" + format + "Async(global::System.IO.Stream stream, " + rowsType + " rows, " + token + " cancellationToken = default) =>");
            source.Line("    " + Codecs + codec + ".WriteAsync(stream, rows, JsonRecordWriter.Instance, cancellationToken);");
            source.Line();
        }

        source.Line("private static " + records + " Read" + format + "Object(global::System.IO.Stream stream, string objectName, " + token + " cancellationToken) =>");
        source.Line("    " + Codecs + codec + ".ReadAsync(stream, objectName, JsonRecordReader.Instance, cancellationToken);");
        source.Line();
        source.Line("private static " + records + " Read" + format + "ObjectWithOptions(global::System.IO.Stream stream, string objectName, global::Typed.S3.DatasetReadOptions options, " + token + " cancellationToken) =>");
        source.Line("    " + Codecs + codec + ".ReadAsync(stream, objectName, JsonRecordReader.Instance, options, cancellationToken);");
        source.Line();
        source.Line("private static global::System.Threading.Tasks.Task<long> Write" + format + "Object(global::System.IO.Stream stream, " + records + " rows, " + token + " cancellationToken) =>");
        source.Line("    " + Codecs + codec + ".WriteAsync(stream, rows, JsonRecordWriter.Instance, cancellationToken);");
        source.Line();
    }

    private static void EmitReader(SourceWriter source, DatasetSpec dataset)
    {
        string record = dataset.RecordName;
        IReadOnlyList<ColumnSpec> columns = dataset.Columns;
        source.Line(GeneratedFile.GeneratedCodeAttribute);
        source.Open("private sealed class JsonRecordReader : " + Codecs + "JsonRecordReader<" + record + ">");
        EmitListElements(source, columns);
        source.Open("private static readonly " + Codecs + "JsonColumn[] s_columns =");
        foreach (ColumnSpec column in columns)
        {
            source.Line("new " + Codecs + "JsonColumn(" + CSharpLiteral.String(column.Name) + ", " + CSharpLiteral.String(column.Type.DisplayName) + ", " + CSharpLiteral.Bool(column.Required) + "),");
        }

        source.Close(";");
        source.Line();
        source.Line("// After s_columns: static fields initialize in declaration order.");
        source.Line("public static readonly JsonRecordReader Instance = new JsonRecordReader();");
        source.Line();
        source.Line("private JsonRecordReader()");
        source.Open("    : base(s_columns)");
        source.Close();
        source.Line();
        source.Open("public override bool TryRead(ref " + TextJson + "Utf8JsonReader reader, " + Codecs + "JsonReadContext context, out " + record + " record)");
        source.Line("record = default!;");
        for (int i = 0; i < columns.Count; i++)
        {
            ColumnSpec column = columns[i];
            ClrTypeMapping mapping = ClrTypeMapping.For(column.Type);
            string initial = column.Required ? (mapping.IsValueType ? "default" : "null!") : "null";
            source.Line(mapping.PropertyType(column.Required) + " value" + CSharpLiteral.Int(i) + " = " + initial + ";");
            if (column.Required)
            {
                source.Line("bool has" + CSharpLiteral.Int(i) + " = false;");
            }
        }

        source.Open("while (true)");
        source.Open("if (!reader.Read())");
        source.Line("return false;");
        source.Close();
        source.Line();
        source.Open("if (reader.TokenType != " + TextJson + "JsonTokenType.PropertyName)");
        source.Line("break;");
        source.Close();
        source.Line();
        source.Line("int column = reader.ValueIsEscaped ? EscapedColumnOf(ref reader, context) : ColumnOf(reader.ValueSpan);");
        source.Open("if (column < 0)");
        source.Line("CheckUnknownProperty(ref reader, context);");
        source.Close();
        source.Line();
        source.Open("if (!reader.Read())");
        source.Line("return false;");
        source.Close();
        source.Line();
        source.Open("switch (column)");
        for (int i = 0; i < columns.Count; i++)
        {
            ColumnSpec column = columns[i];
            string index = CSharpLiteral.Int(i);
            source.Line("case " + index + ":");
            if (column.Type.Kind == ColumnKind.List)
            {
                source.Line("    if (!" + (column.Required ? "TryReadList" : "TryReadNullableList") + "(ref reader, context, " + index + ", s_list" + index + ", out value" + index + "))");
                source.Line("    {");
                source.Line("        return false;");
                source.Line("    }");
                source.Line();
                if (column.Required)
                {
                    source.Line("    has" + index + " = true;");
                }

                source.Line("    break;");
                continue;
            }

            string read = ReadMethod(column.Type) + "(ref reader, context, " + index
                + (column.Type.Kind == ColumnKind.Decimal ? ", " + CSharpLiteral.Int(column.Type.Precision) + ", " + CSharpLiteral.Int(column.Type.Scale) : string.Empty) + ")";
            if (column.Required)
            {
                source.Line("    value" + index + " = " + read + ";");
                source.Line("    has" + index + " = true;");
            }
            else
            {
                source.Line("    value" + index + " = reader.TokenType == " + TextJson + "JsonTokenType.Null ? null : " + read + ";");
            }

            source.Line("    break;");
        }

        source.Line("default:");
        source.Line("    if (!reader.TrySkip())");
        source.Line("    {");
        source.Line("        return false;");
        source.Line("    }");
        source.Line();
        source.Line("    break;");
        source.Close();
        source.Close();
        source.Line();
        var required = new List<string>();
        var present = new List<string>();
        for (int i = 0; i < columns.Count; i++)
        {
            string flag = columns[i].Required ? "has" + CSharpLiteral.Int(i) : "true";
            present.Add(flag);
            if (columns[i].Required)
            {
                required.Add("!" + flag);
            }
        }

        if (required.Count > 0)
        {
            source.Open("if (" + string.Join(" || ", required) + ")");
            source.Line("ThrowMissingProperties(context, new bool[] { " + string.Join(", ", present) + " });");
            source.Close();
            source.Line();
        }

        source.Open("record = new " + record);
        for (int i = 0; i < columns.Count; i++)
        {
            source.Line(columns[i].PropertyName + " = value" + CSharpLiteral.Int(i) + ",");
        }

        source.Close(";");
        source.Line("return true;");
        source.Close();
        source.Line();
        EmitColumnOf(source, columns);
        source.Close();
    }

    // Property names as UTF-8 bytes: a switch on the length, then a byte comparison; escaped names (rare) are
    // compared unescaped by the reader.
    private static void EmitColumnOf(SourceWriter source, IReadOnlyList<ColumnSpec> columns)
    {
        var byLength = new SortedDictionary<int, List<int>>();
        for (int i = 0; i < columns.Count; i++)
        {
            int length = Encoding.UTF8.GetByteCount(columns[i].Name);
            if (!byLength.TryGetValue(length, out List<int>? same))
            {
                same = new List<int>();
                byLength.Add(length, same);
            }

            same.Add(i);
        }

        source.Open("private static int ColumnOf(global::System.ReadOnlySpan<byte> name)");
        source.Open("switch (name.Length)");
        foreach (KeyValuePair<int, List<int>> group in byLength)
        {
            source.Line("case " + CSharpLiteral.Int(group.Key) + ":");
            foreach (int i in group.Value)
            {
                source.Line("    if (global::System.MemoryExtensions.SequenceEqual(name, " + CSharpLiteral.String(columns[i].Name) + "u8))");
                source.Line("    {");
                source.Line("        return " + CSharpLiteral.Int(i) + ";");
                source.Line("    }");
                source.Line();
            }

            source.Line("    break;");
        }

        source.Close();
        source.Line();
        source.Line("return -1;");
        source.Close();
        source.Line();
        source.Open("private static int EscapedColumnOf(ref " + TextJson + "Utf8JsonReader reader, " + Codecs + "JsonReadContext context)");
        source.Line("CheckEscapedName(ref reader, context);");
        for (int i = 0; i < columns.Count; i++)
        {
            source.Open("if (reader.ValueTextEquals(" + CSharpLiteral.String(columns[i].Name) + "u8))");
            source.Line("return " + CSharpLiteral.Int(i) + ";");
            source.Close();
            source.Line();
        }

        source.Line("return -1;");
        source.Close();
    }

    private static void EmitWriter(SourceWriter source, DatasetSpec dataset)
    {
        string record = dataset.RecordName;
        source.Line(GeneratedFile.GeneratedCodeAttribute);
        source.Open("private sealed class JsonRecordWriter : " + Codecs + "JsonRecordWriter<" + record + ">");
        source.Line("public static readonly JsonRecordWriter Instance = new JsonRecordWriter();");
        source.Line();
        EmitListElements(source, dataset.Columns);
        for (int i = 0; i < dataset.Columns.Count; i++)
        {
            source.Line("private static readonly " + TextJson + "JsonEncodedText s_name" + CSharpLiteral.Int(i) + " = " + Codecs + "JsonFieldWriter.EncodeName("
                + CSharpLiteral.String(dataset.Columns[i].Name) + ");");
        }

        source.Line();
        source.Open("public override void Write(" + TextJson + "Utf8JsonWriter writer, " + record + " record)");
        source.Line("writer.WriteStartObject();");
        for (int i = 0; i < dataset.Columns.Count; i++)
        {
            string index = CSharpLiteral.Int(i);
            source.Line(dataset.Columns[i].Type.Kind == ColumnKind.List
                ? Codecs + "JsonFieldWriter.WriteList(writer, s_name" + index + ", record." + dataset.Columns[i].PropertyName + ", s_list" + index + ");"
                : Codecs + "JsonFieldWriter.Write(writer, s_name" + index + ", record." + dataset.Columns[i].PropertyName + ");");
        }

        source.Line("writer.WriteEndObject();");
        source.Close();
        source.Close();
    }

    // One static field per list column holding its element type (s_list3), shared by every record.
    internal static void EmitListElements(SourceWriter source, IReadOnlyList<ColumnSpec> columns)
    {
        bool any = false;
        for (int i = 0; i < columns.Count; i++)
        {
            ColumnTypeSpec type = columns[i].Type;
            if (type.Kind == ColumnKind.List && type.Element is { } element)
            {
                source.Line("private static readonly " + ClrTypeMapping.ListElementType(element) + " s_list" + CSharpLiteral.Int(i) + " = " + ClrTypeMapping.ListElementExpression(element) + ";");
                any = true;
            }
        }

        if (any)
        {
            source.Line();
        }
    }

    private static string ReadMethod(ColumnTypeSpec type) => type.Kind switch
    {
        ColumnKind.Bool => "ReadBoolean",
        ColumnKind.Int8 => "ReadSByte",
        ColumnKind.Int16 => "ReadInt16",
        ColumnKind.Int32 => "ReadInt32",
        ColumnKind.Int64 => "ReadInt64",
        ColumnKind.UInt8 => "ReadByte",
        ColumnKind.UInt16 => "ReadUInt16",
        ColumnKind.UInt32 => "ReadUInt32",
        ColumnKind.UInt64 => "ReadUInt64",
        ColumnKind.Float16 => "ReadHalf",
        ColumnKind.Float32 => "ReadSingle",
        ColumnKind.Float64 => "ReadDouble",
        ColumnKind.Decimal => "ReadDecimal",
        ColumnKind.String => "ReadString",
        ColumnKind.Date => "ReadDate",
        ColumnKind.Time => "ReadTime",
        ColumnKind.Timestamp => "ReadTimestamp",
        ColumnKind.TimestampLocal => "ReadLocalTimestamp",
        ColumnKind.Uuid => "ReadGuid",
        ColumnKind.Binary => "ReadBinary",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type.Kind, "Not a scalar column type."),
    };
}
