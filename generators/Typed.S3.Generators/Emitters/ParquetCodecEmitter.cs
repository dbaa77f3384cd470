using System;
using System.Collections.Generic;
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
    public static string Emit(DatasetSpec dataset) =>
        GeneratedFile.Write(
            dataset.Namespace,
            dataset.Name,
            "public static partial class " + dataset.Name,
            writer =>
            {
                WriteFormat(writer, dataset.Write?.Parquet ?? ParquetOptionsModel.Default);
                WriteStreamMethods(writer, dataset.RecordName, dataset.CodecTypes);
                WriteMapper(writer, dataset);
            });

    private static void WriteFormat(SourceWriter writer, ParquetOptionsModel options) =>
        writer.WriteLine($$"""
            /// <summary>How <c>WriteParquetAsync</c> (and <c>WriteAsync</c>, in Parquet) writes: the schema's <c>write.parquet</c> section.</summary>
            public static {{RuntimeTypes.Codecs}}ParquetFormat ParquetFormat { get; } = new {{RuntimeTypes.Codecs}}ParquetFormat({{options.RowGroupSize.ToString(CultureInfo.InvariantCulture)}}, {{RuntimeTypes.Codecs}}ParquetCompression.{{Compression(options.Compression)}});

            """);

    private static void WriteStreamMethods(SourceWriter writer, string record, CodecTypeNames types)
    {
        writer.WriteLine($$"""
            /// <summary>Reads <see cref="{{record}}"/> records from a Parquet stream, reading only the columns the record has.</summary>
            /// <param name="stream">The Parquet bytes; left open. A stream that cannot seek is first copied to a temporary file.</param>
            /// <param name="cancellationToken">Cancels reading.</param>
            /// <returns>The records, in order.</returns>
            /// <exception cref="{{RuntimeTypes.Root}}DatasetFormatException">The data is not Parquet or does not match the schema.</exception>
            public static global::System.Collections.Generic.IAsyncEnumerable<{{record}}> ReadParquetAsync(global::System.IO.Stream stream, global::System.Threading.CancellationToken cancellationToken = default) =>
                {{RuntimeTypes.Codecs}}ParquetCodec.ReadAsync(stream, "stream", CreateParquetMapper, cancellationToken);

            /// <summary>Reads <see cref="{{record}}"/> records from a Parquet stream; errors name <paramref name="objectName"/>.</summary>
            /// <param name="stream">The Parquet bytes; left open. A stream that cannot seek is first copied to a temporary file.</param>
            /// <param name="objectName">The name of the data in error messages, such as its URI or file name.</param>
            /// <param name="cancellationToken">Cancels reading.</param>
            /// <returns>The records, in order.</returns>
            /// <exception cref="{{RuntimeTypes.Root}}DatasetFormatException">The data is not Parquet or does not match the schema.</exception>
            public static global::System.Collections.Generic.IAsyncEnumerable<{{record}}> ReadParquetAsync(global::System.IO.Stream stream, string objectName, global::System.Threading.CancellationToken cancellationToken = default) =>
                {{RuntimeTypes.Codecs}}ParquetCodec.ReadAsync(stream, objectName, CreateParquetMapper, cancellationToken);

            /// <summary>Reads <see cref="{{record}}"/> records from a Parquet stream with <paramref name="options"/>, such as skipping bad rows.</summary>
            /// <param name="stream">The Parquet bytes; left open. A stream that cannot seek is first copied to a temporary file.</param>
            /// <param name="objectName">The name of the data in error messages, such as its URI or file name.</param>
            /// <param name="options">How to read.</param>
            /// <param name="cancellationToken">Cancels reading.</param>
            /// <returns>The records, in order.</returns>
            /// <exception cref="{{RuntimeTypes.Root}}DatasetFormatException">The data is not Parquet or does not match the schema.</exception>
            public static global::System.Collections.Generic.IAsyncEnumerable<{{record}}> ReadParquetAsync(global::System.IO.Stream stream, string objectName, {{RuntimeTypes.Root}}DatasetReadOptions options, global::System.Threading.CancellationToken cancellationToken = default) =>
                {{RuntimeTypes.Codecs}}ParquetCodec.ReadAsync(stream, objectName, CreateParquetMapper, options ?? throw new global::System.ArgumentNullException(nameof(options)), cancellationToken);

            """);
        foreach (string rows in new[] { "global::System.Collections.Generic.IEnumerable<" + record + ">", "global::System.Collections.Generic.IAsyncEnumerable<" + record + ">" })
        {
            writer.WriteLine($$"""
                /// <summary>Writes records as one Parquet file, in row groups of <see cref="ParquetFormat"/>'s size and compression.</summary>
                /// <param name="stream">The destination (need not seek); left open.</param>
                /// <param name="rows">The records to write, enumerated once, in order; a null record is an error.</param>
                /// <param name="cancellationToken">Cancels writing.</param>
                /// <returns>The number of records written.</returns>
                public static global::System.Threading.Tasks.Task<long> WriteParquetAsync(global::System.IO.Stream stream, {{rows}} rows, global::System.Threading.CancellationToken cancellationToken = default) =>
                    {{RuntimeTypes.Codecs}}ParquetCodec.WriteAsync(stream, rows, ParquetFormat, CreateParquetMapper, cancellationToken);

                """);
        }

        writer.WriteLine($$"""
            private static global::System.Collections.Generic.IAsyncEnumerable<{{record}}> ReadParquetObject(global::System.IO.Stream stream, string objectName, global::System.Threading.CancellationToken cancellationToken) =>
                {{RuntimeTypes.Codecs}}ParquetCodec.ReadAsync(stream, objectName, CreateParquetMapper, cancellationToken);

            private static global::System.Collections.Generic.IAsyncEnumerable<{{record}}> ReadParquetObjectWithOptions(global::System.IO.Stream stream, string objectName, {{RuntimeTypes.Root}}DatasetReadOptions options, global::System.Threading.CancellationToken cancellationToken) =>
                {{RuntimeTypes.Codecs}}ParquetCodec.ReadAsync(stream, objectName, CreateParquetMapper, options, cancellationToken);

            private static global::System.Threading.Tasks.Task<long> WriteParquetObject(global::System.IO.Stream stream, global::System.Collections.Generic.IAsyncEnumerable<{{record}}> rows, global::System.Threading.CancellationToken cancellationToken) =>
                {{RuntimeTypes.Codecs}}ParquetCodec.WriteAsync(stream, rows, ParquetFormat, CreateParquetMapper, cancellationToken);

            private static {{RuntimeTypes.Codecs}}ParquetRecordMapper<{{record}}> CreateParquetMapper() => new {{types.ParquetMapper}}();

            """);
    }

    private static void WriteMapper(SourceWriter writer, DatasetSpec dataset)
    {
        IReadOnlyList<ColumnSpec> columns = dataset.Columns;
        string record = dataset.RecordName;
        writer.WriteLine($$"""
            {{GeneratedFile.GeneratedCodeAttribute}}
            private sealed class {{dataset.CodecTypes.ParquetMapper}} : {{RuntimeTypes.Codecs}}ParquetRecordMapper<{{record}}>
            {
            """);
        writer.Indentation++;
        foreach (ColumnSpec column in columns)
        {
            writer.WriteLine(column.AbsentAsNull
                ? $$"""private readonly {{ColumnType(column.Type)}} {{column.Names.ColumnField}} = {{RuntimeTypes.Codecs}}ParquetColumns.WhenAbsentNull({{RuntimeTypes.Codecs}}ParquetColumns.{{Factory(column)}});"""
                : $$"""private readonly {{ColumnType(column.Type)}} {{column.Names.ColumnField}} = {{RuntimeTypes.Codecs}}ParquetColumns.{{Factory(column)}};""");
        }

        writer.WriteLine($$"""

            protected override {{RuntimeTypes.Codecs}}ParquetColumn[] CreateColumns() => new {{RuntimeTypes.Codecs}}ParquetColumn[]
            {
            """);
        writer.Indentation++;
        foreach (ColumnSpec column in columns)
        {
            writer.WriteLine($$"""{{column.Names.ColumnField}},""");
        }

        writer.Indentation--;
        writer.WriteLine($$"""
            };

            public override {{record}} Read(int row) => new {{record}}
            {
            """);
        writer.Indentation++;
        foreach (ColumnSpec column in columns)
        {
            writer.WriteLine(column.Required
                ? $$"""{{column.PropertyName}} = {{column.Names.ColumnField}}.GetRequired(row),"""
                : $$"""{{column.PropertyName}} = {{column.Names.ColumnField}}.Get(row),""");
        }

        writer.Indentation--;
        writer.WriteLine($$"""
            };

            public override void Write({{record}} record, int row)
            {
            """);
        writer.Indentation++;
        foreach (ColumnSpec column in columns)
        {
            // A required value type has no null to check for.
            writer.WriteLine(column.Required && column.Clr.IsValueType
                ? $$"""{{column.Names.ColumnField}}.SetRequired(row, record.{{column.PropertyName}});"""
                : $$"""{{column.Names.ColumnField}}.Set(row, record.{{column.PropertyName}});""");
        }

        writer.Indentation--;
        writer.WriteLine("}");
        writer.Indentation--;
        writer.WriteLine("}");
    }

    private static string ColumnType(ColumnTypeSpec type) => type.Kind == ColumnKind.List && type.Element is { } element
        ? RuntimeTypes.Codecs + "ParquetListColumn<" + ClrTypeMapping.For(element).TypeName + "?>"
        : RuntimeTypes.Codecs + string.Format(CultureInfo.InvariantCulture, ColumnTypes.Of(type.Kind).ParquetColumnType, ClrTypeMapping.For(type).TypeName);

    // The ParquetColumns factory call that declares the column: List("tags", ParquetListElements.String, false), Int64("id", true).
    private static string Factory(ColumnSpec column)
    {
        string name = CSharpLiteral.String(column.Name);
        string required = CSharpLiteral.Bool(column.Required);
        if (column.IsList)
        {
            return $$"""List({{name}}, {{RuntimeTypes.Codecs}}ParquetListElements.{{ClrTypeMapping.ListElementName(column.ListElement)}}, {{required}})""";
        }

        ColumnTypeInfo info = ColumnTypes.Of(column.Type.Kind);
        if (info.HasPrecisionScale)
        {
            return $$"""{{info.ParquetFactory}}({{name}}, {{CSharpLiteral.Int(column.Type.Precision)}}, {{CSharpLiteral.Int(column.Type.Scale)}}, {{required}})""";
        }

        return $$"""{{info.ParquetFactory}}({{name}}, {{required}})""";
    }

    private static string Compression(ParquetCompressionKind compression) => compression switch
    {
        ParquetCompressionKind.Gzip => "Gzip",
        ParquetCompressionKind.Zstd => "Zstd",
        ParquetCompressionKind.None => "None",
        _ => "Snappy",
    };
}
