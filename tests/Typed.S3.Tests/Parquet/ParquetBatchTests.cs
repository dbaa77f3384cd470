using System.Text;
using Parquet;
using Parquet.Schema;
using Typed.S3.Codecs;
using Typed.S3.Tests.Data;

namespace Typed.S3.Tests.Parquet;

/// <summary>
/// A row group is read a batch of <see cref="ParquetReadBatch.Rows"/> rows at a time, and each column chunk a slice of
/// entries at a time: lists longer than a slice and lists across batches read as written, dictionary strings stay one
/// string per entry across batches, and slices of any size give the same values, in every encoding (delta-encoded
/// byte arrays carry their previous value across slices).
/// </summary>
public class ParquetBatchTests
{
    [Fact]
    public async Task ListsLongerThanASliceAndAcrossBatchesReadAsWritten()
    {
        // One row group of 9,000 rows: lists of 5,000 and 9,000 elements (one spans three slices), empty, null, with nulls.
        Basket[] rows = Enumerable.Range(0, 9000).Select(Row).ToArray();
        using var parquet = new MemoryStream();
        await Baskets.WriteParquetAsync(parquet, rows);
        parquet.Position = 0;

        var read = new List<Basket>();
        await foreach (Basket basket in Baskets.ReadParquetAsync(parquet, "s3://b/baskets.parquet"))
        {
            read.Add(basket);
        }

        Assert.Equal(await JsonLinesAsync(rows), await JsonLinesAsync(read));
    }

    [Fact]
    public async Task DictionaryStringsAreOneStringPerEntryAcrossBatches()
    {
        string[] words = ["alpha", "beta", "gamma"];
        string[] names = Enumerable.Range(0, 10_000).Select(i => words[i % 3]).ToArray();
        var options = new ParquetOptions();
        options.ColumnEncodingHints["name"] = EncodingHint.Dictionary;
        var fields = new DataField[] { new DataField<long>("id", false), new DataField<string>("name", false) };
        using var stream = new MemoryStream();
        await using (ParquetWriter writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream, options))
        {
            using ParquetRowGroupWriter rowGroup = writer.CreateRowGroup();
            await rowGroup.WriteAsync<long>(fields[0], Enumerable.Range(1, names.Length).Select(i => (long)i).ToArray().AsMemory());
            await rowGroup.WriteAsync(fields[1], names, null);
        }

        stream.Position = 0;
        var people = new List<Person>();
        await foreach (Person person in People.ReadParquetAsync(stream))
        {
            people.Add(person);
        }

        Assert.Equal(names, people.Select(p => p.Name));
        Assert.Same(people[0].Name, people[9_999].Name);
        Assert.Equal(3, people.Select(p => p.Name).Distinct(ReferenceEqualityComparer.Instance).Count());
    }

    public static TheoryData<string, string> SeedColumns => new()
    {
        { "delta_byte_array.parquet", "c_customer_id" },
        { "delta_byte_array.parquet", "c_email_address" },
        { "delta_length_byte_array.parquet", "FRUIT" },
        { "datapage_v2.snappy.parquet", "a" },
    };

    [Theory]
    [MemberData(nameof(SeedColumns))]
    public async Task SlicesOfAnySizeGiveTheSameValues(string seed, string column)
    {
        byte[] file = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Parquet", "Seeds", seed));

        List<string?> whole = await ReadAsync(file, column, int.MaxValue);

        Assert.NotEmpty(whole);
        foreach (int slice in new[] { 1, 2, 7, 64, 97, 1000 })
        {
            Assert.Equal(whole, await ReadAsync(file, column, slice));
        }
    }

    // A string column's values, null where null, read in slices of the given size.
    private static async Task<List<string?>> ReadAsync(byte[] file, string column, int slice)
    {
        var input = new MemoryStream(file);
        ParquetFooter footer = await ParquetFooter.ReadAsync(input, "seed", default);
        ParquetSchemaNode leaf = footer.Root.Find(column)!;
        await using var chunks = new ColumnChunkReader(input, footer.DataEnd);
        var values = new List<string?>();
        foreach (RowGroupMetaData group in footer.Metadata.RowGroups)
        {
            using var cursor = new ColumnChunkCursor();
            var bytes = new ByteArrayChunkValues();
            await chunks.LoadAsync(group, leaf, (int)group.NumRows, cursor, bytes, default);
            while (cursor.Next(slice, default) is int count and > 0)
            {
                ReadOnlySpan<int> definitions = cursor.Levels.Definitions;
                int next = 0;
                for (int i = 0; i < count; i++)
                {
                    values.Add(!definitions.IsEmpty && definitions[i] != cursor.Levels.MaxDefinition ? null : Encoding.UTF8.GetString(bytes.Value(next++)));
                }
            }

            bytes.Release();
        }

        return values;
    }

    private static Basket Row(int i)
    {
        int length = i switch
        {
            10 => 5000,
            4000 => 9000,
            _ when i % 3 == 0 => 0,
            _ => i % 20,
        };
        return new Basket
        {
            Id = i,
            Counts = Enumerable.Range(0, length).Select(n => n % 11 == 5 ? (int?)null : n * i).ToArray(),
            Tags = i % 5 == 0 ? null : Enumerable.Range(0, length / 2).Select(n => n % 7 == 3 ? null : "t" + n).ToArray(),
            Prices = i % 4 == 1 ? [i / 100m, null] : null,
            Big = i == 4000 ? Enumerable.Range(0, 4097).Select(n => (long?)n << 20).ToArray() : null,
        };
    }

    private static async Task<string> JsonLinesAsync(IEnumerable<Basket> rows)
    {
        using var stream = new MemoryStream();
        await Baskets.WriteJsonLinesAsync(stream, rows);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
