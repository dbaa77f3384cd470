using System.Text;
using Parquet.Schema;
using Typed.S3.Tests.Data;
using Typed.S3.Tests.Parquet;

namespace Typed.S3.Tests.Text;

/// <summary>
/// Floating-point columns, float16 among them, in every format: numbers round to the nearest value of the type as any
/// float parser rounds, but a finite number beyond the type's range is an error naming the value, never an infinity,
/// and a Parquet FLOAT read into float16 must be exactly a half.
/// </summary>
public sealed class FloatRangeTests
{
    [Theory]
    [InlineData("half", "65520", "the value 65520 is beyond float16's range (at most 65504) (expected float16, found '65520')")]
    [InlineData("half", "-1e5", "the value -1e5 is beyond float16's range (at most 65504) (expected float16, found '-1e5')")]
    [InlineData("ratio", "1e39", "the value 1e39 is beyond float32's range (expected float32, found '1e39')")]
    [InlineData("score", "-1e400", "the value -1e400 is beyond float64's range (expected float64, found '-1e400')")]
    public async Task ACsvNumberBeyondItsTypesRangeIsAnErrorNotAnInfinity(string column, string value, string problem)
    {
        var error = await Assert.ThrowsAsync<DatasetFormatException>(() => ReadCsvAsync($"id,name,{column}\n1,n,{value}\n"));

        Assert.Equal($"s.csv, line 2 (row 1), column '{column}': {problem}", error.Message);
    }

    [Fact]
    public async Task Float16ReadsAndWritesEveryFormWithItsRange()
    {
        EveryTypeRow read = Assert.Single(await ReadCsvAsync("id,name,half,ratio\n1,n,65504,Infinity\n"));
        Assert.Equal(Half.MaxValue, read.Half);
        Assert.Equal(float.PositiveInfinity, read.Ratio);

        // Rounded to the nearest half, as float32 rounds to the nearest float: 0.1 is 0.0999755859375.
        Assert.Equal((Half)0.1, Assert.Single(await ReadCsvAsync("id,name,half\n1,n,0.1\n")).Half);
        Assert.True(Half.IsNaN(Assert.Single(await ReadCsvAsync("id,name,half\n1,n,NaN\n")).Half!.Value));

        foreach (Half value in new[] { Half.MaxValue, Half.MinValue, Half.Epsilon, (Half)0.1, Half.NegativeInfinity, (Half)(-0.0) })
        {
            var row = new EveryTypeRow { Id = 1, Name = "n", Half = value };
            using var csv = new MemoryStream();
            await EveryTypes.WriteCsvAsync(csv, [row]);
            using var json = new MemoryStream();
            await EveryTypes.WriteJsonLinesAsync(json, [row]);
            using var parquet = new MemoryStream();
            await EveryTypes.WriteParquetAsync(parquet, [row]);

            Assert.Equal(value, Assert.Single(await CollectAsync(EveryTypes.ReadCsvAsync(Rewind(csv)))).Half);
            Assert.Equal(value, Assert.Single(await CollectAsync(EveryTypes.ReadJsonLinesAsync(Rewind(json)))).Half);
            Assert.Equal(value, Assert.Single(await CollectAsync(EveryTypes.ReadParquetAsync(Rewind(parquet)))).Half);
        }
    }

    [Theory]
    [InlineData("70000", "the number is out of range")]
    [InlineData("\"big\"", "the string is not \"NaN\", \"Infinity\" or \"-Infinity\"")]
    public async Task AJsonNumberBeyondFloat16sRangeIsAnError(string value, string problem)
    {
        var error = await Assert.ThrowsAsync<DatasetFormatException>(() =>
            CollectAsync(EveryTypes.ReadJsonLinesAsync(new MemoryStream(Encoding.UTF8.GetBytes("{\"id\":1,\"name\":\"n\",\"half\":" + value + "}\n")), "s.jsonl")));

        Assert.Contains("column 'half'", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListsOfFloat16KeepTheirRange()
    {
        Basket basket = Assert.Single(await CollectAsync(Baskets.ReadJsonLinesAsync(Stream("{\"id\":1,\"counts\":[],\"halves\":[1.5,null,\"-Infinity\",65504]}\n"))));
        Assert.Equal(new Half?[] { (Half)1.5, null, Half.NegativeInfinity, Half.MaxValue }, basket.Halves);

        var error = await Assert.ThrowsAsync<DatasetFormatException>(() => CollectAsync(Baskets.ReadJsonLinesAsync(Stream("{\"id\":1,\"counts\":[],\"halves\":[1,1e6]}\n"))));
        Assert.Contains("element 2 of the list: the number is out of range", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AParquetFloatReadIntoFloat16MustBeExactlyAHalf()
    {
        byte[] exact = await ParquetTestFiles.WriteAsync(
            ParquetTestFiles.Column(new DataField<long>("id"), 1L, 2L),
            ParquetTestFiles.Strings(new DataField<string>("name"), "a", "b"),
            ParquetTestFiles.NullableColumn<float>(new DataField<float?>("half"), 1.5f, float.NaN));
        List<EveryTypeRow> read = await CollectAsync(EveryTypes.ReadParquetAsync(new MemoryStream(exact)));
        Assert.Equal((Half)1.5, read[0].Half);
        Assert.True(Half.IsNaN(read[1].Half!.Value));

        byte[] inexact = await ParquetTestFiles.WriteAsync(
            ParquetTestFiles.Column(new DataField<long>("id"), 1L, 2L),
            ParquetTestFiles.Strings(new DataField<string>("name"), "a", "b"),
            ParquetTestFiles.NullableColumn<float>(new DataField<float?>("half"), 1.5f, 0.1f));
        var error = await Assert.ThrowsAsync<DatasetFormatException>(() => CollectAsync(EveryTypes.ReadParquetAsync(new MemoryStream(inexact), "s.parquet")));
        Assert.Equal("half", error.Column);
        Assert.Equal(2, error.Row);
        Assert.Contains("the FLOAT value is not exactly a float16 (it would be rounded)", error.Message, StringComparison.Ordinal);
    }

    private static MemoryStream Stream(string text) => new(Encoding.UTF8.GetBytes(text));

    private static MemoryStream Rewind(MemoryStream stream) => new(stream.ToArray());

    private static Task<List<EveryTypeRow>> ReadCsvAsync(string csv) => CollectAsync(EveryTypes.ReadCsvAsync(Stream(csv), "s.csv"));

    private static async Task<List<T>> CollectAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (T item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
