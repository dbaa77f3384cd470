using System.Collections.Generic;
using System.Globalization;
using Typed.S3.Generators.Model;
using Typed.S3.Schema.Model;

namespace Typed.S3.Generators.Emitters;

/// <summary>
/// Emits a dataset's accessor: <c>ReadAsync</c> over every object matching the schema's location (or another),
/// and <c>WriteAsync</c> to the schema's write location through its layout, in the dataset's format.
/// </summary>
internal static class AccessorEmitter
{
    public static string Emit(DatasetSpec dataset)
    {
        var spec = new AccessorSpec(dataset);
        return GeneratedFile.Write(
            dataset.Namespace,
            dataset.Name,
            $$"""
            /// <summary>
            /// Reads and writes the dataset <c>{{CSharpLiteral.Xml(dataset.Name)}}</c> as <see cref="{{spec.Record}}"/> records,
            /// as <c>{{CSharpLiteral.Xml(dataset.SchemaName)}}.s3schema.json</c> describes it.
            /// </summary>
            {{GeneratedFile.GeneratedCodeAttribute}}
            public static partial class {{dataset.Name}}
            """,
            writer =>
            {
                WriteLocations(writer, spec);
                WriteCodecs(writer, spec);
                WriteTarget(writer, spec);
                WriteReadMethods(writer, spec);
                WriteWriteMethods(writer, spec);
            });
    }

    private static void WriteLocations(SourceWriter writer, AccessorSpec spec)
    {
        writer.WriteLine($$"""
            /// <summary>Where the dataset is read from, as the schema file gives it.</summary>
            public const string Location = {{CSharpLiteral.String(spec.Location)}};

            """);
        if (spec.WriteLocation is { } writeLocation)
        {
            writer.WriteLine($$"""
                /// <summary>Where <c>WriteAsync</c> writes, as the schema file gives it.</summary>
                public const string WriteLocation = {{CSharpLiteral.String(writeLocation)}};

                """);
        }

        writer.WriteLine($$"""
            /// <summary>The layout template of the keys that <c>WriteAsync</c> writes, below the write location.</summary>
            public const string WriteLayout = {{CSharpLiteral.String(spec.Layout)}};

            """);
    }

    // One codec per format name; each codec emitter declares the methods named here (see CodecEmitter).
    private static void WriteCodecs(SourceWriter writer, AccessorSpec spec)
    {
        writer.WriteLine($$"""
            private static readonly {{RuntimeTypes.Codecs}}DatasetCodecs<{{spec.Record}}> s_codecs = new {{RuntimeTypes.Codecs}}DatasetCodecs<{{spec.Record}}>
            {
            """);
        writer.Indentation++;
        foreach (CodecEmitter codec in CodecEmitters.All)
        {
            if (!codec.Applies(spec.Dataset))
            {
                continue;
            }

            foreach (string format in codec.Formats)
            {
                writer.WriteLine(codec.ReadsWithOptions
                    ? $$"""{{format}} = new {{RuntimeTypes.Codecs}}DatasetCodec<{{spec.Record}}>(Read{{format}}Object, Write{{format}}Object, Read{{format}}ObjectWithOptions),"""
                    : $$"""{{format}} = new {{RuntimeTypes.Codecs}}DatasetCodec<{{spec.Record}}>(Read{{format}}Object, Write{{format}}Object),""");
            }
        }

        if (spec.Dataset.HasNestedColumns)
        {
            writer.WriteLine("""Unavailable = "its record has nested columns (records, maps, lists of lists or of records), which the Parquet codec of this version does not read or write",""");
        }

        writer.Indentation--;
        writer.WriteLine("""
            };

            """);
    }

    private static void WriteTarget(SourceWriter writer, AccessorSpec spec)
    {
        string arguments = $$"""{{spec.WriteLocationArgument}}, WriteLayout, {{CSharpLiteral.String(spec.SchemaName)}}, {{CSharpLiteral.String(spec.TableName)}}, {{RuntimeTypes.Root}}DatasetFormat.{{spec.WriteFormat}}, {{spec.WriteCompression}}""";
        if (spec.Limits.Count == 0)
        {
            writer.WriteLine($$"""
                private static readonly {{RuntimeTypes.Codecs}}DatasetWriteTarget s_writeTarget = new {{RuntimeTypes.Codecs}}DatasetWriteTarget(
                    {{arguments}});

                """);
            return;
        }

        writer.WriteLine($$"""
            private static readonly {{RuntimeTypes.Codecs}}DatasetWriteTarget s_writeTarget = new {{RuntimeTypes.Codecs}}DatasetWriteTarget(
                {{arguments}})
            {
            """);
        writer.Indentation++;
        foreach (string limit in spec.Limits)
        {
            writer.WriteLine(limit);
        }

        writer.Indentation--;
        writer.WriteLine("""
            };

            """);
    }

    private static void WriteReadMethods(SourceWriter writer, AccessorSpec spec)
    {
        writer.WriteLine($$"""
            /// <summary>Reads every object matching <see cref="Location"/>, in key order.</summary>
            /// <param name="store">The store to read from.</param>
            /// <param name="cancellationToken">Cancels reading.</param>
            /// <returns>The records of every matching object, one object after another.</returns>
            /// <exception cref="{{RuntimeTypes.Root}}DatasetFormatException">An object does not match the schema.</exception>
            /// <exception cref="{{RuntimeTypes.Root}}ObjectNotFoundException">No object matches the location.</exception>
            public static {{spec.AsyncRows}} ReadAsync({{RuntimeTypes.Root}}IObjectStore store, global::System.Threading.CancellationToken cancellationToken = default) =>
                ReadAsync(store, Location, cancellationToken);

            /// <summary>Reads every object matching <paramref name="location"/> (<c>s3://bucket/key</c> or a glob), in key order.</summary>
            /// <param name="store">The store to read from.</param>
            /// <param name="location">The object or glob to read, such as <c>s3://bucket/2024/**/*.csv</c>.</param>
            /// <param name="cancellationToken">Cancels reading.</param>
            /// <returns>The records of every matching object, one object after another.</returns>
            /// <exception cref="{{RuntimeTypes.Root}}DatasetFormatException">An object does not match the schema.</exception>
            /// <exception cref="{{RuntimeTypes.Root}}ObjectNotFoundException">No object matches the location.</exception>
            public static {{spec.AsyncRows}} ReadAsync({{RuntimeTypes.Root}}IObjectStore store, string location, global::System.Threading.CancellationToken cancellationToken = default) =>
                {{RuntimeTypes.Codecs}}DatasetReader.ReadAsync(store, location, {{spec.ReadFormat}}, {{spec.ReadCompression}}, s_codecs, cancellationToken);

            /// <summary>Reads every object matching <see cref="Location"/>, in key order, with <paramref name="options"/> (such as mapping the records of large CSV objects on several threads).</summary>
            /// <param name="store">The store to read from.</param>
            /// <param name="options">How to read.</param>
            /// <param name="cancellationToken">Cancels reading.</param>
            /// <returns>The records of every matching object, one object after another.</returns>
            /// <exception cref="{{RuntimeTypes.Root}}DatasetFormatException">An object does not match the schema.</exception>
            /// <exception cref="{{RuntimeTypes.Root}}ObjectNotFoundException">No object matches the location.</exception>
            public static {{spec.AsyncRows}} ReadAsync({{RuntimeTypes.Root}}IObjectStore store, {{RuntimeTypes.Root}}DatasetReadOptions options, global::System.Threading.CancellationToken cancellationToken = default) =>
                ReadAsync(store, Location, options, cancellationToken);

            /// <summary>Reads every object matching <paramref name="location"/> (<c>s3://bucket/key</c> or a glob), in key order, with <paramref name="options"/>.</summary>
            /// <param name="store">The store to read from.</param>
            /// <param name="location">The object or glob to read, such as <c>s3://bucket/2024/**/*.csv</c>.</param>
            /// <param name="options">How to read.</param>
            /// <param name="cancellationToken">Cancels reading.</param>
            /// <returns>The records of every matching object, one object after another.</returns>
            /// <exception cref="{{RuntimeTypes.Root}}DatasetFormatException">An object does not match the schema.</exception>
            /// <exception cref="{{RuntimeTypes.Root}}ObjectNotFoundException">No object matches the location.</exception>
            public static {{spec.AsyncRows}} ReadAsync({{RuntimeTypes.Root}}IObjectStore store, string location, {{RuntimeTypes.Root}}DatasetReadOptions options, global::System.Threading.CancellationToken cancellationToken = default) =>
                {{RuntimeTypes.Codecs}}DatasetReader.ReadAsync(store, location, {{spec.ReadFormat}}, {{spec.ReadCompression}}, s_codecs, options, cancellationToken);

            """);
    }

    private static void WriteWriteMethods(SourceWriter writer, AccessorSpec spec)
    {
        string[] rowTypes = { spec.SyncRows, spec.AsyncRows };
        if (spec.HasWriteSection)
        {
            foreach (string rows in rowTypes)
            {
                writer.WriteLine($$"""
                    /// <summary>Writes records to <see cref="WriteLocation"/>, keyed by <see cref="WriteLayout"/>.</summary>
                    /// <param name="store">The store to write to.</param>
                    /// <param name="rows">The records to write, enumerated once, in order; a null record is an error.</param>
                    /// <param name="cancellationToken">Cancels writing; nothing is left half-written.</param>
                    /// <returns>Each object written, with its row count.</returns>
                    public static global::System.Threading.Tasks.Task<{{RuntimeTypes.Root}}WriteResult> WriteAsync({{RuntimeTypes.Root}}IObjectStore store, {{rows}} rows, global::System.Threading.CancellationToken cancellationToken = default) =>
                        {{RuntimeTypes.Codecs}}DatasetWriter.WriteAsync(store, s_writeTarget, rows, s_codecs, cancellationToken);

                    """);
            }
        }

        foreach (string rows in rowTypes)
        {
            writer.WriteLine($$"""
                /// <summary>Writes records below <paramref name="location"/> (<c>s3://bucket/prefix/</c>), keyed by <see cref="WriteLayout"/>.</summary>
                /// <param name="store">The store to write to.</param>
                /// <param name="location">The prefix to write below.</param>
                /// <param name="rows">The records to write, enumerated once, in order; a null record is an error.</param>
                /// <param name="cancellationToken">Cancels writing; nothing is left half-written.</param>
                /// <returns>Each object written, with its row count.</returns>
                public static global::System.Threading.Tasks.Task<{{RuntimeTypes.Root}}WriteResult> WriteAsync({{RuntimeTypes.Root}}IObjectStore store, string location, {{rows}} rows, global::System.Threading.CancellationToken cancellationToken = default) =>
                    {{RuntimeTypes.Codecs}}DatasetWriter.WriteAsync(store, s_writeTarget.WithLocation(location), rows, s_codecs, cancellationToken);

                """);
        }

        if (spec.HasWriteSection)
        {
            writer.WriteLine($$"""
                /// <summary>Starts a long-lived writer to <see cref="WriteLocation"/> that completes a part file at a row count, a byte size or an age.</summary>
                /// <param name="store">The store to write to.</param>
                /// <param name="options">When to complete part files; the schema's limits when not set.</param>
                /// <returns>The sink; dispose it to complete the last part.</returns>
                public static {{RuntimeTypes.Root}}DatasetSink<{{spec.Record}}> CreateSink({{RuntimeTypes.Root}}IObjectStore store, {{RuntimeTypes.Root}}DatasetSinkOptions? options = null) =>
                    new {{RuntimeTypes.Root}}DatasetSink<{{spec.Record}}>(store, s_writeTarget, s_codecs, options);

                """);
        }

        writer.WriteLine($$"""
            /// <summary>Starts a long-lived writer below <paramref name="location"/> (<c>s3://bucket/prefix/</c>) that completes a part file at a row count, a byte size or an age.</summary>
            /// <param name="store">The store to write to.</param>
            /// <param name="location">The prefix to write below.</param>
            /// <param name="options">When to complete part files; the schema's limits when not set.</param>
            /// <returns>The sink; dispose it to complete the last part.</returns>
            public static {{RuntimeTypes.Root}}DatasetSink<{{spec.Record}}> CreateSink({{RuntimeTypes.Root}}IObjectStore store, string location, {{RuntimeTypes.Root}}DatasetSinkOptions? options = null) =>
                new {{RuntimeTypes.Root}}DatasetSink<{{spec.Record}}>(store, s_writeTarget.WithLocation(location), s_codecs, options);
            """);
    }

    /// <summary>What the accessor's templates need of a dataset, decided once.</summary>
    private sealed class AccessorSpec
    {
        public AccessorSpec(DatasetSpec dataset)
        {
            Dataset = dataset;
            WriteSpec? write = dataset.Write;
            Record = dataset.RecordName;
            AsyncRows = "global::System.Collections.Generic.IAsyncEnumerable<" + Record + ">";
            SyncRows = "global::System.Collections.Generic.IEnumerable<" + Record + ">";
            Location = dataset.Location;
            SchemaName = dataset.SchemaName;
            TableName = Emitters.TableName.From(dataset.Name);
            HasWriteSection = write is not null;
            WriteLocation = write?.Location;
            WriteLocationArgument = write is null ? "null" : "WriteLocation";
            Layout = write?.Layout ?? WriteModel.DefaultLayout;
            WriteFormat = FormatNames.Of(write?.Format ?? (dataset.Format == DataFormat.Auto ? DataFormat.Csv : dataset.Format), dataset.Csv);
            WriteCompression = Compression(write?.Compression ?? CompressionKind.None);
            ReadFormat = dataset.Format == DataFormat.Auto ? "null" : RuntimeTypes.Root + "DatasetFormat." + FormatNames.Of(dataset.Format);
            ReadCompression = Compression(dataset.Compression);
            if (write?.MaxRowsPerFile is long maxRows)
            {
                Limits.Add("MaxRowsPerFile = " + maxRows.ToString(CultureInfo.InvariantCulture) + ",");
            }

            if (write?.MaxBytesPerFile is long maxBytes)
            {
                Limits.Add("MaxBytesPerFile = " + maxBytes.ToString(CultureInfo.InvariantCulture) + ",");
            }
        }

        public DatasetSpec Dataset { get; }

        public string Record { get; }

        public string AsyncRows { get; }

        public string SyncRows { get; }

        public string Location { get; }

        public string SchemaName { get; }

        public string TableName { get; }

        public bool HasWriteSection { get; }

        public string? WriteLocation { get; }

        public string WriteLocationArgument { get; }

        public string Layout { get; }

        public string WriteFormat { get; }

        public string WriteCompression { get; }

        public string ReadFormat { get; }

        public string ReadCompression { get; }

        /// <summary>The object initializer's lines of the write target's file limits (none when the schema sets none).</summary>
        public List<string> Limits { get; } = new();

        private static string Compression(CompressionKind compression) => RuntimeTypes.Root + "ObjectCompression." + compression switch
        {
            CompressionKind.Gzip => "Gzip",
            CompressionKind.None => "None",
            _ => "Auto",
        };
    }
}
