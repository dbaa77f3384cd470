using System.IO.Compression;
using System.Text;
using Typed.S3.Tests.Data;
using static Typed.S3.Tests.Csv.CsvTestData;

namespace Typed.S3.Tests.Datasets;

/// <summary>Format <c>auto</c> picks each object's codec from its extension; writes roll over at row and byte limits.</summary>
public sealed class FormatsAndRollingTests : IDisposable
{
    private readonly TempFolder _root = new();
    private readonly IObjectStore _store;

    public FormatsAndRollingTests()
    {
        _root.CreateBucket("test-bucket");
        _store = ObjectStore.Open(_root.Path);
    }

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task AutoFormatReadsEachObjectWithTheCodecItsExtensionNames()
    {
        _root.WriteFile("test-bucket", "mixed/a.csv", "id,name\n1,comma\n");
        _root.WriteFile("test-bucket", "mixed/b.TSV", "id\tname\n2\ttab, with comma\n");
        File.WriteAllBytes(Path.Combine(_root.Path, "test-bucket", "mixed", "c.csv.gz"), Gzip("name,id\nzipped,3\n"));

        var rows = await CollectAsync(Mixed.ReadAsync(_store));

        Assert.Equal(new[] { new MixedRow { Id = 1, Name = "comma" }, new MixedRow { Id = 2, Name = "tab, with comma" }, new MixedRow { Id = 3, Name = "zipped" } }, rows);
    }

    [Fact]
    public async Task AutoFormatRefusesAnObjectOfNoKnownFormatNamingIt()
    {
        _root.WriteFile("test-bucket", "mixed/a.csv", "id,name\n1,first\n");
        _root.WriteFile("test-bucket", "mixed/notes.txt", "id,name\n2,never read silently\n");

        var read = new List<MixedRow>();
        var error = await Assert.ThrowsAsync<DatasetFormatException>(async () =>
        {
            await foreach (MixedRow row in Mixed.ReadAsync(_store))
            {
                read.Add(row);
            }
        });

        Assert.Equal(1, Assert.Single(read).Id);
        Assert.Equal("s3://test-bucket/mixed/notes.txt", error.ObjectName);
        Assert.Equal("s3://test-bucket/mixed/notes.txt: the object's extension names no known format (.csv, .tsv, .json, .jsonl, .ndjson or .parquet, each optionally followed by .gz)", error.Message);
    }

    [Fact]
    public async Task GzipGarbageIsAnErrorNamingTheObject()
    {
        byte[] zipped = Gzip("id,name\n1,a\n");
        // A valid gzip header, then a deflate block of the reserved type 3: not decodable.
        byte[] broken = zipped[..10].Append((byte)0x07).Concat(Enumerable.Repeat((byte)0xAB, 40)).ToArray();
        Directory.CreateDirectory(Path.Combine(_root.Path, "test-bucket", "mixed"));
        File.WriteAllBytes(Path.Combine(_root.Path, "test-bucket", "mixed", "broken.csv.gz"), broken);

        var error = await Assert.ThrowsAsync<DatasetFormatException>(() => CollectAsync(Mixed.ReadAsync(_store)));

        Assert.Equal("s3://test-bucket/mixed/broken.csv.gz", error.ObjectName);
        Assert.True(error.Message.StartsWith("s3://test-bucket/mixed/broken.csv.gz: the object is not valid gzip data: ", StringComparison.Ordinal), error.Message);
        Assert.IsType<InvalidDataException>(error.InnerException);
    }

    [Fact]
    public async Task TsvWritesUseTheTsvExtensionAndATab()
    {
        WriteResult result = await TabPeople.WriteAsync(_store, "s3://test-bucket/tab/", new[] { new TabPerson { Id = 1, Name = "a,b", Score = 1.5 } });

        WrittenObject written = Assert.Single(result.Objects);
        Assert.Matches(@"^tab/tab_people/\d+\.\d+\.00000\.tsv$", written.Location.Key);
        Assert.Equal("1\ta,b\t1.5\r\n", File.ReadAllText(Path.Combine(_root.Path, "test-bucket", written.Location.Key)));
        Assert.Equal(new TabPerson { Id = 1, Name = "a,b", Score = 1.5 }, Assert.Single(await CollectAsync(TabPeople.ReadAsync(_store, written.Location.ToString()))));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    [InlineData(4, 2)]
    [InlineData(5, 3)]
    public async Task WritesRollOverAtTheRowLimitWithIncreasingFileIds(int rows, int expectedObjects)
    {
        var people = Enumerable.Range(1, rows).Select(i => new RolledPerson { Id = i, Name = "p" + i }).ToList();

        WriteResult result = await Rolled.WriteAsync(_store, people);

        Assert.Equal(expectedObjects, result.Objects.Count);
        Assert.Equal(rows, result.RowCount);
        Assert.All(result.Objects.SkipLast(1), o => Assert.Equal(2, o.RowCount));
        Assert.Equal(
            Enumerable.Range(0, expectedObjects).Select(i => $"rolled/rolled/{result.LoadId}.{i:D5}.csv.gz"),
            result.Objects.Select(o => o.Location.Key));
        Assert.All(result.Objects, o => Assert.Equal(new FileInfo(Path.Combine(_root.Path, "test-bucket", o.Location.Key)).Length, o.Size));
        Assert.Equal(people, await CollectAsync(Rolled.ReadAsync(_store)));
    }

    [Fact]
    public async Task WritesRollOverAtTheByteLimit()
    {
        // Each record is about 110 bytes; the codec's buffer reaches the store when it fills or the object ends,
        // so the byte limit is checked against what has reached the store: every object but the last passes it.
        var rows = Enumerable.Range(1, 3000).Select(i => new BigFileRow { Id = i, Text = new string('x', 100) }).ToList();

        WriteResult result = await BigFiles.WriteAsync(_store, rows);

        Assert.True(result.Objects.Count > 1, $"expected several objects, got {result.Objects.Count}");
        Assert.All(result.Objects.SkipLast(1), o => Assert.True(o.Size >= 1024, $"{o.Location} has {o.Size} bytes"));
        Assert.Equal(3000, result.RowCount);
        Assert.Equal(rows, await CollectAsync(BigFiles.ReadAsync(_store)));
    }

    [Fact]
    public async Task AFailureInALaterObjectKeepsTheCompletedOnesAndLeavesNoHalfWrittenOne()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Rolled.WriteAsync(_store, FailAfter(5)));

        Assert.Equal("source failed after 5", error.Message);
        string[] files = Directory.GetFiles(Path.Combine(_root.Path, "test-bucket", "rolled"), "*", SearchOption.AllDirectories);
        Assert.Equal(2, files.Length);
        Assert.Equal(Enumerable.Range(1, 4).Select(i => (long)i), (await CollectAsync(Rolled.ReadAsync(_store))).Select(r => r.Id));
    }

    private static async IAsyncEnumerable<RolledPerson> FailAfter(int count)
    {
        for (int i = 1; i <= count; i++)
        {
            await Task.Yield();
            yield return new RolledPerson { Id = i, Name = "p" + i };
        }

        throw new InvalidOperationException("source failed after " + count);
    }

    private static byte[] Gzip(string text)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return output.ToArray();
    }
}
