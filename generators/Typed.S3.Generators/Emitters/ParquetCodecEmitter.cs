using System;
using System.Globalization;
using Typed.S3.Generators.Model;
using Typed.S3.Schema.Model;

namespace Typed.S3.Generators.Emitters;

/// <summary>
/// Emits a dataset's Parquet codec: stream-level <c>ReadParquetAsync</c> (with and without read options) and
/// <c>WriteParquetAsync</c> on the accessor,
/// the <c>write.parquet</c> options, and a mapper that declares one typed runtime column per schema column (the
/// Parquet field, its logical type and nullability) and maps each record to and from a row of the columns'
/// row-group arrays, without reflection or boxing.
/// </summary>
internal static class ParquetCodecEmitter
{
    private const string Codecs = "global::Typed.S3.Codecs.";

    public static string Emit(DatasetSpec dataset)
    {
        string record = dataset.RecordName;
        string token = "global::System.Threading.CancellationToken";
        string stream = "global::System.IO.Stream";
        var source = new SourceWriter();
        GeneratedFile.WriteHeader(source);
        source.Open("namespace " + dataset.Namespace);
        source.Open("public static partial class " + dataset.Name);
        ParquetOptionsModel options = dataset.Write?.Parquet ?? ParquetOptionsModel.Default;
        source.Line("/// <summary>How <c>WriteParquetAsync</c> (and <c>WriteAsync</c>, in Parquet) writes: the schema's <c>write.parquet</c> section.</summary>");
        source.Line("public static " + Codecs + "ParquetFormat ParquetFormat { get; } = new " + Codecs + "ParquetFormat("
            + options.RowGroupSize.ToString(CultureInfo.InvariantCulture) + ", " + Codecs + "ParquetCompression." + Compression(options.Compression) + ");");
        source.Line();
        source.Line("/// <summary>Reads <see cref=\"" + record + "\"/> records from a Parquet stream, reading only the columns the record has.</summary>");
        source.Line("/// <param name=\"stream\">The Parquet bytes; left open. A stream that cannot seek is first copied to a temporary file.</param>");
        source.Line("/// <param name=\"cancellationToken\">Cancels reading.</param>");
        source.Line("/// <returns>The records, in order.</returns>");
        source.Line("/// <exception cref=\"global::Typed.S3.DatasetFormatException\">The data is not Parquet or does not match the schema.</exception>");
        source.Line("public static global::System.Collections.Generic.IAsyncEnumerable<" + record + "> ReadParquetAsync(" + stream + " stream, " + token + " cancellationToken = default) =>");
        source.Line("    " + Codecs + "ParquetCodec.ReadAsync(stream, \"stream\", CreateParquetMapper, cancellationToken);");
        source.Line();
        source.Line("/// <summary>Reads <see cref=\"" + record + "\"/> records from a Parquet stream; errors name <paramref name=\"objectName\"/>.</summary>");
        source.Line("/// <param name=\"stream\">The Parquet bytes; left open. A stream that cannot seek is first copied to a temporary file.</param>");
        source.Line("/// <param name=\"objectName\">The name of the data in error messages, such as its URI or file name.</param>");
        source.Line("/// <param name=\"cancellationToken\">Cancels reading.</param>");
        source.Line("/// <returns>The records, in order.</returns>");
        source.Line("/// <exception cref=\"global::Typed.S3.DatasetFormatException\">The data is not Parquet or does not match the schema.</exception>");
        source.Line("public static global::System.Collections.Generic.IAsyncEnumerable<" + record + "> ReadParquetAsync(" + stream + " stream, string objectName, " + token + " cancellationToken = default) =>");
        source.Line("    " + Codecs + "ParquetCodec.ReadAsync(stream, objectName, CreateParquetMapper, cancellationToken);");
        source.Line();
        source.Line("/// <summary>Reads <see cref=\"" + record + "\"/> records from a Parquet stream with <paramref name=\"options\"/>, such as skipping bad rows.</summary>");
        source.Line("/// <param name=\"stream\">The Parquet bytes; left open. A stream that cannot seek is first copied to a temporary file.</param>");
        source.Line("/// <param name=\"objectName\">The name of the data in error messages, such as its URI or file name.</param>");
        source.Line("/// <param name=\"options\">How to read.</param>");
        source.Line("/// <param name=\"cancellationToken\">Cancels reading.</param>");
        source.Line("/// <returns>The records, in order.</returns>");
        source.Line("/// <exception cref=\"global::Typed.S3.DatasetFormatException\">The data is not Parquet or does not match the schema.</exception>");
        source.Line("public static global::System.Collections.Generic.IAsyncEnumerable<" + record + "> ReadParquetAsync(" + stream + " stream, string objectName, global::Typed.S3.DatasetReadOptions options, " + token + " cancellationToken = default) =>");
        source.Line("    " + Codecs + "ParquetCodec.ReadAsync(stream, objectName, CreateParquetMapper, options ?? throw new global::System.ArgumentNullException(nameof(options)), cancellationToken);");
        source.Line();
        foreach (string rowsType in new[] { "global::System.Collections.Generic.IEnumerable<" + record + ">", "global::System.Collections.Generic.IAsyncEnumerable<" + record + ">" })
        {
            source.Line("/// <summary>Writes records as one Parquet file, in row groups of <see cref=\"ParquetFormat\"/>'s size and compression.</summary>");
            source.Line("/// <param name=\"stream\">The destination (need not seek); left open.</param>");
            source.Line("/// <param name=\"rows\">The records.</param>");
            source.Line("/// <param name=\"cancellationToken\">Cancels writing.</param>");
            source.Line("/// <returns>The number of records written.</returns>");
            source.Line("public static global::System.Threading.Tasks.Task<long> WriteParquetAsync(" + stream + " stream, " + rowsType + " rows, " + token + " cancellationToken = default) =>");
            source.Line("    " + Codecs + "ParquetCodec.WriteAsync(stream, rows, ParquetFormat, CreateParquetMapper, cancellationToken);");
            source.Line();
        }

        source.Line("private static global::System.Collections.Generic.IAsyncEnumerable<" + record + "> ReadParquetObject(" + stream + " stream, string objectName, " + token + " cancellationToken) =>");
        source.Line("    " + Codecs + "ParquetCodec.ReadAsync(stream, objectName, CreateParquetMapper, cancellationToken);");
        source.Line();
        source.Line("private static global::System.Collections.Generic.IAsyncEnumerable<" + record + "> ReadParquetObjectWithOptions(" + stream + " stream, string objectName, global::Typed.S3.DatasetReadOptions options, " + token + " cancellationToken) =>");
        source.Line("    " + Codecs + "ParquetCodec.ReadAsync(stream, objectName, CreateParquetMapper, options, cancellationToken);");
        source.Line();
        source.Line("private static global::System.Threading.Tasks.Task<long> WriteParquetObject(" + stream + " stream, global::System.Collections.Generic.IAsyncEnumerable<" + record + "> rows, " + token + " cancellationToken) =>");
        source.Line("    " + Codecs + "ParquetCodec.WriteAsync(stream, rows, ParquetFormat, CreateParquetMapper, cancellationToken);");
        source.Line();
        source.Line("private static " + Codecs + "ParquetRecordMapper<" + record + "> CreateParquetMapper() => new ParquetMapper();");
        source.Line();
        EmitMapper(source, dataset);
        source.Close();
        source.Close();
        return source.ToString();
    }

    private static void EmitMapper(SourceWriter source, DatasetSpec dataset)
    {
        string record = dataset.RecordName;
        source.Line(GeneratedFile.GeneratedCodeAttribute);
        source.Open("private sealed class ParquetMapper : " + Codecs + "ParquetRecordMapper<" + record + ">");
        for (int i = 0; i < dataset.Columns.Count; i++)
        {
            ColumnSpec column = dataset.Columns[i];
            string create = Codecs + "ParquetColumns." + Factory(column);
            if (column.AbsentAsNull)
            {
                create = Codecs + "ParquetColumns.WhenAbsentNull(" + create + ")";
            }

            source.Line("private readonly " + ColumnType(column.Type) + " _column" + CSharpLiteral.Int(i) + " = " + create + ";");
        }

        source.Line();
        source.Open("protected override " + Codecs + "ParquetColumn[] CreateColumns() => new " + Codecs + "ParquetColumn[]");
        for (int i = 0; i < dataset.Columns.Count; i++)
        {
            source.Line("_column" + CSharpLiteral.Int(i) + ",");
        }

        source.Close(";");
        source.Line();
        source.Open("public override " + record + " Read(int row) => new " + record);
        for (int i = 0; i < dataset.Columns.Count; i++)
        {
            ColumnSpec column = dataset.Columns[i];
            source.Line(column.PropertyName + " = _column" + CSharpLiteral.Int(i) + (column.Required ? ".GetRequired(row)," : ".Get(row),"));
        }

        source.Close(";");
        source.Line();
        source.Open("public override void Write(" + record + " record, int row)");
        for (int i = 0; i < dataset.Columns.Count; i++)
        {
            ColumnSpec column = dataset.Columns[i];
            bool valueType = ClrTypeMapping.For(column.Type).IsValueType;
            source.Line("_column" + CSharpLiteral.Int(i) + (column.Required && valueType ? ".SetRequired" : ".Set") + "(row, record." + column.PropertyName + ");");
        }

        source.Close();
        source.Close();
    }

    private static string ColumnType(ColumnTypeSpec type) => type.Kind switch
    {
        ColumnKind.String => Codecs + "ParquetStringColumn",
        ColumnKind.Binary => Codecs + "ParquetBinaryColumn",
        ColumnKind.List when type.Element is { } element => Codecs + "ParquetListColumn<" + ClrTypeMapping.For(element).TypeName + "?>",
        _ => Codecs + "ParquetValueColumn<" + ClrTypeMapping.For(type).TypeName + ">",
    };

    private static string Factory(ColumnSpec column)
    {
        if (column.Type.Kind == ColumnKind.List && column.Type.Element is { } element)
        {
            string items = ClrTypeMapping.ListElementExpression(element).Replace("global::Typed.S3.Codecs.ListElements.", Codecs + "ParquetListElements.");
            return "List(" + CSharpLiteral.String(column.Name) + ", " + items + ", " + CSharpLiteral.Bool(column.Required) + ")";
        }

        string method = column.Type.Kind switch
        {
            ColumnKind.Bool => "Bool",
            ColumnKind.Int8 => "Int8",
            ColumnKind.Int16 => "Int16",
            ColumnKind.Int32 => "Int32",
            ColumnKind.Int64 => "Int64",
            ColumnKind.UInt8 => "UInt8",
            ColumnKind.UInt16 => "UInt16",
            ColumnKind.UInt32 => "UInt32",
            ColumnKind.UInt64 => "UInt64",
            ColumnKind.Float16 => "Float16",
            ColumnKind.Float32 => "Float32",
            ColumnKind.Float64 => "Float64",
            ColumnKind.Decimal => "Decimal",
            ColumnKind.String => "String",
            ColumnKind.Date => "Date",
            ColumnKind.Time => "Time",
            ColumnKind.Timestamp => "Timestamp",
            ColumnKind.TimestampLocal => "LocalTimestamp",
            ColumnKind.Uuid => "Uuid",
            ColumnKind.Binary => "Binary",
            _ => throw new ArgumentOutOfRangeException(nameof(column), column.Type.Kind, "Not a scalar column type."),
        };
        string decimalArguments = column.Type.Kind == ColumnKind.Decimal
            ? CSharpLiteral.Int(column.Type.Precision) + ", " + CSharpLiteral.Int(column.Type.Scale) + ", "
            : string.Empty;
        return method + "(" + CSharpLiteral.String(column.Name) + ", " + decimalArguments + CSharpLiteral.Bool(column.Required) + ")";
    }

    private static string Compression(ParquetCompressionKind compression) => compression switch
    {
        ParquetCompressionKind.Gzip => "Gzip",
        ParquetCompressionKind.Zstd => "Zstd",
        ParquetCompressionKind.None => "None",
        _ => "Snappy",
    };
}
