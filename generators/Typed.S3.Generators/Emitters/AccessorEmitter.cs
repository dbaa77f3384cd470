using Typed.S3.Generators.Model;
using Typed.S3.Schema.Model;

namespace Typed.S3.Generators.Emitters;

/// <summary>
/// Emits a dataset's accessor: <c>ReadAsync</c> over every object matching the schema's location (or another),
/// and <c>WriteAsync</c> to the schema's write location through its layout, in the dataset's format.
/// </summary>
internal static class AccessorEmitter
{
    private const string Codecs = "global::Typed.S3.Codecs.";
    private const string Store = "global::Typed.S3.IObjectStore";
    private const string Token = "global::System.Threading.CancellationToken";

    public static string Emit(DatasetSpec dataset)
    {
        string record = dataset.RecordName;
        string asyncRows = "global::System.Collections.Generic.IAsyncEnumerable<" + record + ">";
        string syncRows = "global::System.Collections.Generic.IEnumerable<" + record + ">";
        string writeResult = "global::System.Threading.Tasks.Task<global::Typed.S3.WriteResult>";
        WriteSpec? write = dataset.Write;

        var source = new SourceWriter();
        GeneratedFile.WriteHeader(source);
        source.Open("namespace " + dataset.Namespace);
        source.Line("/// <summary>");
        source.Line("/// Reads and writes the dataset <c>" + CSharpLiteral.Xml(dataset.Name) + "</c> as <see cref=\"" + record + "\"/> records,");
        source.Line("/// as <c>" + CSharpLiteral.Xml(dataset.SchemaName) + ".s3schema.json</c> describes it.");
        source.Line("/// </summary>");
        source.Line(GeneratedFile.GeneratedCodeAttribute);
        source.Open("public static partial class " + dataset.Name);
        source.Line("/// <summary>Where the dataset is read from, as the schema file gives it.</summary>");
        source.Line("public const string Location = " + CSharpLiteral.String(dataset.Location) + ";");
        source.Line();
        if (write is not null)
        {
            source.Line("/// <summary>Where <c>WriteAsync</c> writes, as the schema file gives it.</summary>");
            source.Line("public const string WriteLocation = " + CSharpLiteral.String(write.Location) + ";");
            source.Line();
        }

        string layout = write?.Layout ?? WriteModel.DefaultLayout;
        source.Line("/// <summary>The layout template of the keys that <c>WriteAsync</c> writes, below the write location.</summary>");
        source.Line("public const string WriteLayout = " + CSharpLiteral.String(layout) + ";");
        source.Line();
        source.Line("private static readonly " + Codecs + "DatasetCodecs<" + record + "> s_codecs = new " + Codecs + "DatasetCodecs<" + record + ">");
        source.Line("{");
        foreach (CodecEmitter codec in CodecEmitters.All)
        {
            foreach (string format in codec.Formats)
            {
                source.Line("    " + format + " = new " + Codecs + "DatasetCodec<" + record + ">(Read" + format + "Object, Write" + format + "Object"
                    + (codec.ReadsWithOptions ? ", Read" + format + "ObjectWithOptions" : string.Empty) + "),");
            }
        }

        source.Line("};");
        source.Line();
        CompressionKind writeCompression = write?.Compression ?? CompressionKind.None;
        string writeFormat = FormatNames.Of(write?.Format ?? (dataset.Format == DataFormat.Auto ? DataFormat.Csv : dataset.Format), dataset.Csv);
        source.Line("private static readonly " + Codecs + "DatasetWriteTarget s_writeTarget = new " + Codecs + "DatasetWriteTarget(");
        source.Line("    " + (write is null ? "null" : "WriteLocation") + ", WriteLayout, " + CSharpLiteral.String(dataset.SchemaName) + ", "
            + CSharpLiteral.String(TableName.From(dataset.Name)) + ", global::Typed.S3.DatasetFormat." + writeFormat + ", " + Compression(writeCompression) + ")"
            + (write?.MaxRowsPerFile is null && write?.MaxBytesPerFile is null ? ";" : string.Empty));
        if (write?.MaxRowsPerFile is not null || write?.MaxBytesPerFile is not null)
        {
            source.Line("{");
            if (write.MaxRowsPerFile is long maxRows)
            {
                source.Line("    MaxRowsPerFile = " + maxRows.ToString(System.Globalization.CultureInfo.InvariantCulture) + ",");
            }

            if (write.MaxBytesPerFile is long maxBytes)
            {
                source.Line("    MaxBytesPerFile = " + maxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture) + ",");
            }

            source.Line("};");
        }

        source.Line();

        source.Line("/// <summary>Reads every object matching <see cref=\"Location\"/>, in key order.</summary>");
        source.Line("/// <param name=\"store\">The store to read from.</param>");
        source.Line("/// <param name=\"cancellationToken\">Cancels reading.</param>");
        source.Line("/// <returns>The records of every matching object, one object after another.</returns>");
        source.Line("/// <exception cref=\"global::Typed.S3.DatasetFormatException\">An object does not match the schema.</exception>");
        source.Line("/// <exception cref=\"global::Typed.S3.ObjectNotFoundException\">No object matches the location.</exception>");
        source.Line("public static " + asyncRows + " ReadAsync(" + Store + " store, " + Token + " cancellationToken = default) =>");
        source.Line("    ReadAsync(store, Location, cancellationToken);");
        source.Line();
        source.Line("/// <summary>Reads every object matching <paramref name=\"location\"/> (<c>s3://bucket/key</c> or a glob), in key order.</summary>");
        source.Line("/// <param name=\"store\">The store to read from.</param>");
        source.Line("/// <param name=\"location\">The object or glob to read, such as <c>s3://bucket/2024/**/*.csv</c>.</param>");
        source.Line("/// <param name=\"cancellationToken\">Cancels reading.</param>");
        source.Line("/// <returns>The records of every matching object, one object after another.</returns>");
        source.Line("/// <exception cref=\"global::Typed.S3.DatasetFormatException\">An object does not match the schema.</exception>");
        source.Line("/// <exception cref=\"global::Typed.S3.ObjectNotFoundException\">No object matches the location.</exception>");
        source.Line("public static " + asyncRows + " ReadAsync(" + Store + " store, string location, " + Token + " cancellationToken = default) =>");
        string readFormat = dataset.Format == DataFormat.Auto ? "null" : "global::Typed.S3.DatasetFormat." + FormatNames.Of(dataset.Format);
        source.Line("    " + Codecs + "DatasetReader.ReadAsync(store, location, " + readFormat + ", " + Compression(dataset.Compression) + ", s_codecs, cancellationToken);");
        source.Line();
        source.Line("/// <summary>Reads every object matching <see cref=\"Location\"/>, in key order, with <paramref name=\"options\"/> (such as mapping the records of large CSV objects on several threads).</summary>");
        source.Line("/// <param name=\"store\">The store to read from.</param>");
        source.Line("/// <param name=\"options\">How to read.</param>");
        source.Line("/// <param name=\"cancellationToken\">Cancels reading.</param>");
        source.Line("/// <returns>The records of every matching object, one object after another.</returns>");
        source.Line("/// <exception cref=\"global::Typed.S3.DatasetFormatException\">An object does not match the schema.</exception>");
        source.Line("/// <exception cref=\"global::Typed.S3.ObjectNotFoundException\">No object matches the location.</exception>");
        source.Line("public static " + asyncRows + " ReadAsync(" + Store + " store, global::Typed.S3.DatasetReadOptions options, " + Token + " cancellationToken = default) =>");
        source.Line("    ReadAsync(store, Location, options, cancellationToken);");
        source.Line();
        source.Line("/// <summary>Reads every object matching <paramref name=\"location\"/> (<c>s3://bucket/key</c> or a glob), in key order, with <paramref name=\"options\"/>.</summary>");
        source.Line("/// <param name=\"store\">The store to read from.</param>");
        source.Line("/// <param name=\"location\">The object or glob to read, such as <c>s3://bucket/2024/**/*.csv</c>.</param>");
        source.Line("/// <param name=\"options\">How to read.</param>");
        source.Line("/// <param name=\"cancellationToken\">Cancels reading.</param>");
        source.Line("/// <returns>The records of every matching object, one object after another.</returns>");
        source.Line("/// <exception cref=\"global::Typed.S3.DatasetFormatException\">An object does not match the schema.</exception>");
        source.Line("/// <exception cref=\"global::Typed.S3.ObjectNotFoundException\">No object matches the location.</exception>");
        source.Line("public static " + asyncRows + " ReadAsync(" + Store + " store, string location, global::Typed.S3.DatasetReadOptions options, " + Token + " cancellationToken = default) =>");
        source.Line("    " + Codecs + "DatasetReader.ReadAsync(store, location, " + readFormat + ", " + Compression(dataset.Compression) + ", s_codecs, options, cancellationToken);");
        source.Line();
        if (write is not null)
        {
            foreach (string rows in new[] { syncRows, asyncRows })
            {
                source.Line("/// <summary>Writes records to <see cref=\"WriteLocation\"/>, keyed by <see cref=\"WriteLayout\"/>.</summary>");
                source.Line("/// <param name=\"store\">The store to write to.</param>");
                source.Line("/// <param name=\"rows\">The records.</param>");
                source.Line("/// <param name=\"cancellationToken\">Cancels writing; nothing is left half-written.</param>");
                source.Line("/// <returns>Each object written, with its row count.</returns>");
                source.Line("public static " + writeResult + " WriteAsync(" + Store + " store, " + rows + " rows, " + Token + " cancellationToken = default) =>");
                source.Line("    " + Codecs + "DatasetWriter.WriteAsync(store, s_writeTarget, rows, s_codecs, cancellationToken);");
                source.Line();
            }
        }

        foreach (string rows in new[] { syncRows, asyncRows })
        {
            source.Line("/// <summary>Writes records below <paramref name=\"location\"/> (<c>s3://bucket/prefix/</c>), keyed by <see cref=\"WriteLayout\"/>.</summary>");
            source.Line("/// <param name=\"store\">The store to write to.</param>");
            source.Line("/// <param name=\"location\">The prefix to write below.</param>");
            source.Line("/// <param name=\"rows\">The records.</param>");
            source.Line("/// <param name=\"cancellationToken\">Cancels writing; nothing is left half-written.</param>");
            source.Line("/// <returns>Each object written, with its row count.</returns>");
            source.Line("public static " + writeResult + " WriteAsync(" + Store + " store, string location, " + rows + " rows, " + Token + " cancellationToken = default) =>");
            source.Line("    " + Codecs + "DatasetWriter.WriteAsync(store, s_writeTarget.WithLocation(location), rows, s_codecs, cancellationToken);");
            source.Line();
        }

        string sink = "global::Typed.S3.DatasetSink<" + record + ">";
        string sinkOptions = "global::Typed.S3.DatasetSinkOptions";
        if (write is not null)
        {
            source.Line("/// <summary>Starts a long-lived writer to <see cref=\"WriteLocation\"/> that completes a part file at a row count, a byte size or an age.</summary>");
            source.Line("/// <param name=\"store\">The store to write to.</param>");
            source.Line("/// <param name=\"options\">When to complete part files; the schema's limits when not set.</param>");
            source.Line("/// <returns>The sink; dispose it to complete the last part.</returns>");
            source.Line("public static " + sink + " CreateSink(" + Store + " store, " + sinkOptions + "? options = null) =>");
            source.Line("    new " + sink + "(store, s_writeTarget, s_codecs, options);");
            source.Line();
        }

        source.Line("/// <summary>Starts a long-lived writer below <paramref name=\"location\"/> (<c>s3://bucket/prefix/</c>) that completes a part file at a row count, a byte size or an age.</summary>");
        source.Line("/// <param name=\"store\">The store to write to.</param>");
        source.Line("/// <param name=\"location\">The prefix to write below.</param>");
        source.Line("/// <param name=\"options\">When to complete part files; the schema's limits when not set.</param>");
        source.Line("/// <returns>The sink; dispose it to complete the last part.</returns>");
        source.Line("public static " + sink + " CreateSink(" + Store + " store, string location, " + sinkOptions + "? options = null) =>");
        source.Line("    new " + sink + "(store, s_writeTarget.WithLocation(location), s_codecs, options);");
        source.Close();
        source.Close();
        return source.ToString();
    }

    private static string Compression(CompressionKind compression) => "global::Typed.S3.ObjectCompression." + compression switch
    {
        CompressionKind.Gzip => "Gzip",
        CompressionKind.None => "None",
        _ => "Auto",
    };
}
