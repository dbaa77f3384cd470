using Parquet;
using Typed.S3.Tests.Data;
using static Typed.S3.Tests.Csv.CsvTestData;

namespace Typed.S3.Tests.Parquet;

/// <summary>Datasets of format <c>parquet</c> and <c>auto</c> on the local store; reads fetch only the columns they need.</summary>
public sealed class ParquetDatasetTests : IDisposable
{
    private readonly TempFolder _root = new();
    private readonly IObjectStore _store;

    public ParquetDatasetTests()
    {
        _root.CreateBucket("test-bucket");
        _store = ObjectStore.Open(_root.Path);
    }

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task WriteAsyncWritesParquetObjectsThatReadAsyncReadsBack()
    {
        var readings = Enumerable.Range(1, 150)
            .Select(i => new Reading { Id = i, Sensor = "s" + i, Value = i * 0.5, Amount = i % 3 == 0 ? null : i / 8m, At = DateTimeOffset.UnixEpoch.AddSeconds(i) })
            .ToList();

        WriteResult result = await Readings.WriteAsync(_store, readings);
        var read = await CollectAsync(Readings.ReadAsync(_store));

        WrittenObject written = Assert.Single(result.Objects);
        Assert.Matches(@"^readings/readings/\d+\.\d+\.00000\.parquet$", written.Location.Key);
        Assert.Equal(150, written.RowCount);
        Assert.Equal(new FileInfo(Path.Combine(_root.Path, "test-bucket", written.Location.Key)).Length, written.Size);
        Assert.Equal(readings, read);
        await using ParquetReader reader = await ParquetReader.CreateAsync(Path.Combine(_root.Path, "test-bucket", written.Location.Key));
        Assert.Equal(2, reader.RowGroupCount);
    }

    [Fact]
    public async Task AnEmptyWriteCreatesNoObject()
    {
        WriteResult result = await Readings.WriteAsync(_store, Array.Empty<Reading>());

        Assert.Empty(result.Objects);
    }

    [Fact]
    public async Task AutoFormatReadsParquetObjectsByTheirExtension()
    {
        Directory.CreateDirectory(Path.Combine(_root.Path, "test-bucket", "mixed"));
        _root.WriteFile("test-bucket", "mixed/a.csv", "id,name\n1,from csv\n");
        await using (FileStream file = File.Create(Path.Combine(_root.Path, "test-bucket", "mixed", "b.parquet")))
        {
            await Mixed.WriteParquetAsync(file, new[] { new MixedRow { Id = 2, Name = "from parquet" }, new MixedRow { Id = 3 } });
        }

        var rows = await CollectAsync(Mixed.ReadAsync(_store));

        Assert.Equal(new[] { new MixedRow { Id = 1, Name = "from csv" }, new MixedRow { Id = 2, Name = "from parquet" }, new MixedRow { Id = 3 } }, rows);
    }

    [Fact]
    public async Task GarbageWithTheParquetExtensionIsAnErrorNamingTheObject()
    {
        _root.WriteFile("test-bucket", "readings/bad.parquet", "this is not a parquet file at all");

        var error = await Assert.ThrowsAsync<DatasetFormatException>(() => CollectAsync(Readings.ReadAsync(_store)));

        Assert.Equal("s3://test-bucket/readings/bad.parquet: not a Parquet file: it does not start with the magic bytes PAR1", error.Message);
    }

    [Fact]
    public async Task ReadingTwoOfEightColumnsFetchesAFractionOfTheObject()
    {
        var random = new Random(11);
        var rows = Enumerable.Range(0, 60_000).Select(i => new WideRow
        {
            Id = i,
            Label = Guid.NewGuid().ToString(),
            Text = Convert.ToBase64String(RandomBytes(random, 48)),
            Score = random.NextDouble(),
            Count = random.NextInt64(),
            Comment = Convert.ToHexString(RandomBytes(random, 24)),
            Blob = RandomBytes(random, 32),
            At = DateTimeOffset.UnixEpoch.AddSeconds(random.Next()),
        }).ToList();
        WriteResult written = await Wide.WriteAsync(_store, rows);
        ObjectLocation location = Assert.Single(written.Objects).Location;

        await using SeekableObjectStream stream = await SeekableObjectStream.OpenAsync(_store, location, blockSize: 64 * 1024);
        var narrow = await CollectAsync(NarrowWide.ReadParquetAsync(stream, location.ToString()));

        Assert.Equal(rows.Select(r => new NarrowRow { Id = r.Id, Score = r.Score }), narrow);
        Assert.True(stream.Length > 5_000_000, $"the file is {stream.Length} bytes");
        Assert.True(stream.BytesFetched < stream.Length / 4, $"fetched {stream.BytesFetched} of {stream.Length} bytes");
        Assert.True(stream.RangeRequests > 1);
    }

    [Fact]
    public async Task ReadAsyncOfADatasetReadsOnlyItsColumnsOfAWiderFile()
    {
        var rows = Enumerable.Range(0, 10).Select(i => new WideRow { Id = i, Label = "l" + i, Score = i / 2.0, Blob = [(byte)i] }).ToList();
        await Wide.WriteAsync(_store, rows);

        var narrow = await CollectAsync(NarrowWide.ReadAsync(_store, "s3://test-bucket/wide/**/*.parquet"));

        Assert.Equal(rows.Select(r => new NarrowRow { Id = r.Id, Score = r.Score }), narrow);
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        byte[] bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
