using Parquet;
using Parquet.Schema;
using Typed.S3.Codecs;

namespace Typed.S3.Tests.Parquet;

/// <summary>
/// Typed.S3's own column chunk decoder reads exactly what Parquet.Net's raw column API reads (packed values and
/// definition levels) from files Parquet.Net writes, for every physical type, with and without nulls and dictionaries,
/// in every codec Parquet.Net writes (Hadoop-framed LZ4 too), in delta and byte-stream-split encodings, across row groups.
/// </summary>
public class ParquetChunksTests
{
    private static readonly int[] RowGroupSizes = [700, 1, 300];

    public static readonly TheoryData<CompressionMethod> Codecs = new()
    {
        CompressionMethod.None,
        CompressionMethod.Snappy,
        CompressionMethod.Gzip,
        CompressionMethod.Zstd,
        CompressionMethod.Brotli,
        CompressionMethod.Lz4Raw,
        CompressionMethod.LZ4,
    };

    [Theory]
    [MemberData(nameof(Codecs))]
    public async Task EveryPhysicalTypeDecodesAsParquetNetReadsIt(CompressionMethod codec)
    {
        var options = new ParquetOptions { CompressionMethod = codec };
        options.ColumnEncodingHints["dictionary"] = EncodingHint.Dictionary;
        byte[] file = await WriteAsync(options);

        int chunksRead = await CompareAllAsync(file);

        Assert.Equal(30, chunksRead);
    }

    [Fact]
    public async Task DictionaryPagesAreDecoded()
    {
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Snappy };
        options.ColumnEncodingHints["dictionary"] = EncodingHint.Dictionary;
        byte[] file = await WriteAsync(options);

        await using ParquetReader reader = await ParquetReader.CreateAsync(new MemoryStream(file));
        Assert.All(
            reader.Metadata!.RowGroups!.Select(g => g.Columns.Single(c => c.MetaData!.PathInSchema[0] == "dictionary")).Where(c => c.MetaData!.NumValues > 1),
            c => Assert.Contains(c.MetaData!.Encodings, e => e is global::Parquet.Meta.Encoding.RLE_DICTIONARY or global::Parquet.Meta.Encoding.PLAIN_DICTIONARY));
        await CompareAllAsync(file);
    }

    [Fact]
    public async Task DeltaAndByteStreamSplitEncodingsDecodeAsParquetNetReadsThem()
    {
        var options = new ParquetOptions();
        options.ColumnEncodingHints["int64"] = EncodingHint.DeltaBinaryPacked;
        options.ColumnEncodingHints["int32"] = EncodingHint.DeltaBinaryPacked;
        options.ColumnEncodingHints["float64"] = EncodingHint.ByteSplitStream;
        options.ColumnEncodingHints["float32"] = EncodingHint.ByteSplitStream;
        byte[] file = await WriteAsync(options);

        await using ParquetReader reader = await ParquetReader.CreateAsync(new MemoryStream(file));
        var encodings = reader.Metadata!.RowGroups![0].Columns.SelectMany(c => c.MetaData!.Encodings).ToHashSet();
        Assert.Contains(global::Parquet.Meta.Encoding.DELTA_BINARY_PACKED, encodings);
        Assert.Contains(global::Parquet.Meta.Encoding.BYTE_STREAM_SPLIT, encodings);
        await CompareAllAsync(file);
    }

    [Fact]
    public async Task ACorruptPageHeaderIsAnErrorNamingTheRowGroupAndColumn()
    {
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.None };
        byte[] file = await WriteAsync(options);
        await using (ParquetReader reader = await ParquetReader.CreateAsync(new MemoryStream(file)))
        {
            // Garble the header of the int64 column's first page.
            var meta = reader.Metadata!.RowGroups![0].Columns.Single(c => c.MetaData!.PathInSchema[0] == "int64").MetaData!;
            file.AsSpan((int)meta.DataPageOffset, 8).Fill(0xFF);
        }

        DatasetFormatException error = await Assert.ThrowsAsync<DatasetFormatException>(async () =>
        {
            await foreach (var _ in Typed.S3.Tests.Data.ChunkRows.ReadParquetAsync(new MemoryStream(file), "s3://b/chunks.parquet"))
            {
            }
        });

        Assert.Equal("int64", error.Column);
        Assert.StartsWith("s3://b/chunks.parquet, column 'int64': row group 1: a page header", error.Message);
        Assert.IsType<ParquetDataException>(error.InnerException);
    }

    // Reads every column of every row group both ways and compares; returns how many chunks were read. Typed.S3 reads
    // each chunk in slices of an odd size, so that slices start and end inside pages.
    private static async Task<int> CompareAllAsync(byte[] file)
    {
        await using ParquetReader reader = await ParquetReader.CreateAsync(new MemoryStream(file));
        var input = new MemoryStream(file);
        ParquetFooter footer = await ParquetFooter.ReadAsync(input, "test", default);
        await using var chunks = new ColumnChunkReader(input, footer.DataEnd);
        int read = 0;
        for (int group = 0; group < reader.RowGroupCount; group++)
        {
            using ParquetRowGroupReader rowGroup = reader.OpenRowGroupReader(group);
            int rows = (int)rowGroup.RowCount;
            foreach (DataField field in reader.Schema.DataFields)
            {
                var chunk = new Chunk(chunks, footer.Metadata.RowGroups[group], footer.Root.Find(field.Name)!, rows, $"column '{field.Name}', row group {group + 1}");
                if (field.ClrType == typeof(bool))
                {
                    await CompareAsync<bool>(rowGroup, chunk, field);
                }
                else if (field.ClrType == typeof(int))
                {
                    await CompareAsync<int>(rowGroup, chunk, field);
                }
                else if (field.ClrType == typeof(long))
                {
                    await CompareAsync<long>(rowGroup, chunk, field);
                }
                else if (field.ClrType == typeof(float))
                {
                    await CompareAsync<float>(rowGroup, chunk, field);
                }
                else if (field.ClrType == typeof(double))
                {
                    await CompareAsync<double>(rowGroup, chunk, field);
                }
                else
                {
                    await CompareByteArraysAsync(rowGroup, chunk, field);
                }

                read++;
            }
        }

        return read;
    }

    private static async Task CompareAsync<T>(ParquetRowGroupReader rowGroup, Chunk chunk, DataField field)
        where T : unmanaged
    {
        bool nullable = field.MaxDefinitionLevel > 0;
        var expected = new T[chunk.Rows];
        int[]? expectedLevels = nullable ? new int[chunk.Rows] : null;
        await rowGroup.ReadRawAsync<T>(field, expected, expectedLevels is null ? (Memory<int>?)null : expectedLevels.AsMemory(), null);
        var values = new FixedChunkValues<T>();
        var actual = new List<T>();

        List<int> levels = await chunk.ReadAsync(values, () => actual.AddRange(values.Values.ToArray()));

        int present = expectedLevels?.Count(l => l == field.MaxDefinitionLevel) ?? chunk.Rows;
        Assert.Equal(present, actual.Count);
        Assert.True(expected.Take(present).SequenceEqual(actual), "values differ in " + chunk.Where);
        Assert.True(expectedLevels is null || expectedLevels.SequenceEqual(levels), "definition levels differ in " + chunk.Where);
    }

    private static async Task CompareByteArraysAsync(ParquetRowGroupReader rowGroup, Chunk chunk, DataField field)
    {
        bool nullable = field.MaxDefinitionLevel > 0;
        var expected = new ReadOnlyMemory<byte>[chunk.Rows];
        int[]? expectedLevels = nullable ? new int[chunk.Rows] : null;
        DataField bytes = new DataField<byte[]>(field.Name, field.IsNullable);
        _ = new ParquetSchema(bytes);
        await rowGroup.ReadRawAsync<ReadOnlyMemory<byte>>(bytes, expected, expectedLevels is null ? (Memory<int>?)null : expectedLevels.AsMemory(), null);
        var values = new ByteArrayChunkValues();
        var actual = new List<byte[]>();

        List<int> levels = await chunk.ReadAsync(values, () =>
        {
            for (int i = 0; i < values.Count; i++)
            {
                actual.Add(values.Value(i).ToArray());
            }
        });

        int present = expectedLevels?.Count(l => l == field.MaxDefinitionLevel) ?? chunk.Rows;
        Assert.Equal(present, actual.Count);
        for (int i = 0; i < present; i++)
        {
            Assert.True(expected[i].Span.SequenceEqual(actual[i]), $"value {i + 1} differs in {chunk.Where}");
        }

        Assert.True(expectedLevels is null || expectedLevels.SequenceEqual(levels), "definition levels differ in " + chunk.Where);
    }

    // A column chunk read through Typed.S3's cursor in slices of 97 entries: after each slice, gather takes its values.
    private sealed record Chunk(ColumnChunkReader Chunks, RowGroupMetaData Group, ParquetSchemaNode Leaf, int Rows, string Where)
    {
        public async Task<List<int>> ReadAsync(IChunkValues values, Action gather)
        {
            using var cursor = new ColumnChunkCursor();
            await Chunks.LoadAsync(Group, Leaf, Rows, cursor, values, default);
            var definitions = new List<int>();
            while (cursor.Next(97, default) > 0)
            {
                gather();
                definitions.AddRange(cursor.Levels.Definitions.ToArray());
            }

            Assert.True(cursor.AtEnd, "the chunk is read to its end in " + Where);
            return definitions;
        }
    }

    // Three row groups (700 rows, 1 row, 300 rows) of every physical type the decoder takes, nullable and not, with
    // nulls in runs and alone, empty strings, unicode and a low-cardinality string column.
    internal static async Task<byte[]> WriteAsync(ParquetOptions options, int[]? rowGroupSizes = null)
    {
        int[] sizes = rowGroupSizes ?? RowGroupSizes;
        var random = new Random(7);
        int total = sizes.Sum();
        bool[] flags = Enumerable.Range(0, total).Select(_ => random.Next(2) == 0).ToArray();
        bool?[] optionalFlags = Enumerable.Range(0, total).Select(i => i % 5 == 0 ? (bool?)null : random.Next(3) == 0).ToArray();
        int[] int32 = Enumerable.Range(0, total).Select(_ => random.Next(int.MinValue, int.MaxValue)).ToArray();
        long?[] int64 = Enumerable.Range(0, total).Select(i => i is >= 100 and < 180 || i % 9 == 0 || i == 700 ? (long?)null : random.NextInt64()).ToArray();
        float[] float32 = Enumerable.Range(0, total).Select(i => i == 3 ? float.NaN : (float)(random.NextDouble() * 1e6 - 5e5)).ToArray();
        double?[] float64 = Enumerable.Range(0, total).Select(i => i % 4 == 1 ? (double?)null : random.NextDouble() * 1e12).ToArray();
        string[] words = ["", "a", "Zoë", "東京", "😀 emoji", "a somewhat longer value, with punctuation; and \"quotes\""];
        string?[] text = Enumerable.Range(0, total).Select(i => i % 6 == 0 ? null : words[random.Next(words.Length)] + (i % 3 == 0 ? i.ToString() : "")).ToArray();
        string?[] dictionary = Enumerable.Range(0, total).Select(i => i % 7 == 3 ? null : words[random.Next(3)]).ToArray();
        string[] required = Enumerable.Range(0, total).Select(i => "row " + i).ToArray();
        byte[]?[] blobs = Enumerable.Range(0, total).Select(i => i % 5 == 2 ? null : Enumerable.Range(0, i % 11).Select(b => (byte)(b * i)).ToArray()).ToArray();

        var fields = new DataField[]
        {
            new DataField<bool>("flag", false),
            new DataField<bool>("optional_flag", true),
            new DataField<int>("int32", false),
            new DataField<long>("int64", true),
            new DataField<float>("float32", false),
            new DataField<double>("float64", true),
            new DataField<string>("text", true),
            new DataField<string>("dictionary", true),
            new DataField<string>("required_text", false),
            new DataField<byte[]>("blob", true),
        };
        using var stream = new MemoryStream();
        await using (ParquetWriter writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream, options))
        {
            int first = 0;
            foreach (int size in sizes)
            {
                using ParquetRowGroupWriter rowGroup = writer.CreateRowGroup();
                await rowGroup.WriteAsync<bool>(fields[0], flags.AsMemory(first, size));
                await rowGroup.WriteAsync<bool>(fields[1], (ReadOnlyMemory<bool?>)optionalFlags.AsMemory(first, size));
                await rowGroup.WriteAsync<int>(fields[2], int32.AsMemory(first, size));
                await rowGroup.WriteAsync<long>(fields[3], (ReadOnlyMemory<long?>)int64.AsMemory(first, size));
                await rowGroup.WriteAsync<float>(fields[4], float32.AsMemory(first, size));
                await rowGroup.WriteAsync<double>(fields[5], (ReadOnlyMemory<double?>)float64.AsMemory(first, size));
                await rowGroup.WriteAsync(fields[6], text.Skip(first).Take(size).ToArray()!, null);
                await rowGroup.WriteAsync(fields[7], dictionary.Skip(first).Take(size).ToArray()!, null);
                await rowGroup.WriteAsync(fields[8], required.Skip(first).Take(size).ToArray(), null);
                await rowGroup.WriteAsync(fields[9], blobs.Skip(first).Take(size).ToArray()!, null);
                first += size;
            }
        }

        return stream.ToArray();
    }
}
