using System.IO.Compression;
using System.Text;
using Typed.S3.Tests.Data;

namespace Typed.S3.Tests.Datasets;

/// <summary>
/// The bad-record policy: by default a bad record fails the read; skipped, each one is counted, handed to the callback
/// in file order with its object, line, row, column, value and text, and the read goes on, until more than the limit
/// fail it. On every text path (CSV on one thread and two, JSON Lines, JSON), and over the objects of a dataset.
/// Problems that leave no record to skip fail the read whatever the policy.
/// </summary>
public sealed class BadRecordTests : IDisposable
{
    private readonly TempFolder _root = new();

    public BadRecordTests() => _root.CreateBucket("test-bucket");

    public void Dispose() => _root.Dispose();

    public static TheoryData<int> Threads => new() { 1, 2 };

    [Theory]
    [MemberData(nameof(Threads))]
    public async Task SkippedCsvRecordsAreCountedAndHandedOverInOrderWithTheSameNumbersAsAFailingRead(int threads)
    {
        // Large enough for several 256 KiB chunks on two threads; bad rows in the first chunk, in later ones, and last.
        var rows = new List<string>();
        var bad = new Dictionary<int, string> { [3] = "3,c,x,thirty", [4_000] = "4000,d,,12.345", [9_000] = "9000,e", [19_999] = "19999,f,,4e5" };
        for (int i = 1; i <= 20_000; i++)
        {
            rows.Add(bad.TryGetValue(i, out string? row) ? row : $"{i},name {i} {new string('x', 20)},,{i % 90}");
        }

        string csv = "id,name,nickname,age\n" + string.Join("\n", rows) + "\n";
        var statistics = new DatasetReadStatistics();
        var handed = new List<DatasetFormatException>();
        var options = new DatasetReadOptions { MaxDegreeOfParallelism = threads, OnBadRecord = handed.Add, Statistics = statistics };

        List<Person> read = await ReadCsvAsync(csv, options);

        Assert.Equal(20_000 - bad.Count, read.Count);
        Assert.Equal(Enumerable.Range(1, 20_000).Where(i => !bad.ContainsKey(i)).Select(i => (long)i), read.Select(p => p.Id));
        Assert.Equal(bad.Count, statistics.SkippedRecords);
        Assert.Equal(20_000 - bad.Count, statistics.Records);
        Assert.Equal(bad.Keys.Select(k => (long)k), handed.Select(e => e.Row));
        Assert.Equal(bad.Keys.Select(k => (long)k + 1), handed.Select(e => e.Line));
        Assert.Equal(bad.Values, handed.Select(e => e.RecordText));
        Assert.Equal(["age", "age", null, "age"], handed.Select(e => e.Column));

        // Each error is the one a failing read gives for that record, on one thread or two.
        foreach (DatasetFormatException error in handed)
        {
            string alone = "id,name,nickname,age\n" + string.Join("\n", rows.Take((int)error.Row - 1).Select((r, i) => $"{i + 1},ok,,1")) + (error.Row > 1 ? "\n" : "") + bad[(int)error.Row] + "\n";
            var failing = await Assert.ThrowsAsync<DatasetFormatException>(() => ReadCsvAsync(alone, new DatasetReadOptions { MaxDegreeOfParallelism = threads }));
            Assert.Equal(failing.Message, error.Message);
        }
    }

    [Theory]
    [MemberData(nameof(Threads))]
    public async Task ARaggedRowIsOneBadRecord(int threads)
    {
        var handed = new List<DatasetFormatException>();

        List<Person> read = await ReadCsvAsync("id,name\n1,a\n2,b,extra\n3\n4,d\n", new DatasetReadOptions { MaxDegreeOfParallelism = threads, OnBadRecord = handed.Add });

        Assert.Equal(new long[] { 1, 4 }, read.Select(p => p.Id));
        Assert.Equal(
            ["stream, line 3 (row 2): the record has 3 fields but the header has 2", "stream, line 4 (row 3): the record has 1 fields but the header has 2"],
            handed.Select(e => e.Message));
        Assert.Equal(["2,b,extra", "3"], handed.Select(e => e.RecordText));
    }

    [Fact]
    public async Task ByDefaultTheFirstBadRecordFailsTheRead()
    {
        var error = await Assert.ThrowsAsync<DatasetFormatException>(() => ReadCsvAsync("id,name,age\n1,a,1\n2,b,two\n3,c,3\n", new DatasetReadOptions()));

        Assert.Equal("stream, line 3 (row 2), column 'age': invalid value (expected int32, found 'two')", error.Message);
    }

    [Theory]
    [MemberData(nameof(Threads))]
    public async Task MoreBadRecordsThanTheLimitFailTheReadAfterTheRecordsBeforeIt(int threads)
    {
        var read = new List<long>();
        var options = new DatasetReadOptions { MaxDegreeOfParallelism = threads, BadRecords = BadRecordHandling.Skip, MaxBadRecords = 2 };

        var error = await Assert.ThrowsAsync<DatasetFormatException>(async () =>
        {
            await foreach (Person person in People.ReadCsvAsync(Stream("id,name,age\n1,a,x\n2,b,2\n3,c,y\n4,d,4\n5,e,z\n6,f,6\n"), "s.csv", options))
            {
                read.Add(person.Id);
            }
        });

        Assert.Equal(new long[] { 2, 4 }, read);
        Assert.Equal(5, error.Row);
        Assert.EndsWith("invalid value; this is bad record 3 of the read, more than the 2 DatasetReadOptions.MaxBadRecords lets it skip (expected int32, found 'z')", error.Message);
        Assert.Equal("5,e,z", error.RecordText);
        Assert.IsType<DatasetFormatException>(error.InnerException);
    }

    [Theory]
    [InlineData("id,name\n1,\"open\n2,b\n", "quote")]
    [InlineData("id,nom\n1,a\n", "the header has no such column")]
    public async Task WhatLeavesNoRecordToSkipFailsTheReadWhateverThePolicy(string csv, string expected)
    {
        var error = await Assert.ThrowsAsync<DatasetFormatException>(() => ReadCsvAsync(csv, new DatasetReadOptions { BadRecords = BadRecordHandling.Skip }));

        Assert.Contains(expected, error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task BadJsonLinesAreSkippedAndLaterRowsKeepTheirNumbers()
    {
        string lines = "{\"id\":1,\"name\":\"a\"}\n{\"id\":\"two\",\"name\":\"b\"}\n\n{not json\n[1,2]\n{\"id\":6,\"name\":\"f\",\"age\":\"x\"}\n{\"id\":7,\"name\":\"g\"}\n";
        var handed = new List<DatasetFormatException>();
        var statistics = new DatasetReadStatistics();

        var read = new List<Person>();
        await foreach (Person person in People.ReadJsonLinesAsync(Stream(lines), "s.jsonl", new DatasetReadOptions { OnBadRecord = handed.Add, Statistics = statistics }))
        {
            read.Add(person);
        }

        Assert.Equal(new long[] { 1, 7 }, read.Select(p => p.Id));
        Assert.Equal(new long[] { 2, 3, 4, 5 }, handed.Select(e => e.Row));
        Assert.Equal(new long[] { 2, 4, 5, 6 }, handed.Select(e => e.Line));
        Assert.Equal(["{\"id\":\"two\",\"name\":\"b\"}", "{not json", "[1,2]", "{\"id\":6,\"name\":\"f\",\"age\":\"x\"}"], handed.Select(e => e.RecordText));
        Assert.Equal(4, statistics.SkippedRecords);
        Assert.Equal(2, statistics.Records);
        Assert.True(Assert.Single(statistics.PerObject).Completed);
    }

    [Fact]
    public async Task BadJsonElementsAreSkippedWholeEvenAcrossTheReadWindow()
    {
        // The second element is bad early and long (its end lies beyond the first window the reader fills).
        string longNote = new string('n', 100_000);
        string json = "[{\"id\":1,\"name\":\"a\"},{\"id\":\"two\",\"name\":\"b\",\"nickname\":\"" + longNote + "\"},{\"id\":3,\"name\":\"c\",\"age\":1.5},{\"id\":4,\"name\":\"d\"}]";
        var handed = new List<DatasetFormatException>();

        var read = new List<Person>();
        await foreach (Person person in People.ReadJsonAsync(Stream(json), "s.json", new DatasetReadOptions { OnBadRecord = handed.Add }))
        {
            read.Add(person);
        }

        Assert.Equal(new long[] { 1, 4 }, read.Select(p => p.Id));
        Assert.Equal(new long[] { 2, 3 }, handed.Select(e => e.Row));
        Assert.StartsWith("{\"id\":\"two\",\"name\":\"b\",\"nickname\":\"nnnn", handed[0].RecordText);
        Assert.EndsWith("…", handed[0].RecordText);
        Assert.Equal("{\"id\":3,\"name\":\"c\",\"age\":1.5}", handed[1].RecordText);
    }

    [Fact]
    public async Task BrokenJsonInsideAnElementFailsTheReadWhateverThePolicy()
    {
        var error = await Assert.ThrowsAsync<DatasetFormatException>(async () =>
        {
            await foreach (Person person in People.ReadJsonAsync(Stream("[{\"id\":\"x\",\"name\":\"a\" \"b\"},{\"id\":2,\"name\":\"b\"}]"), "s.json", new DatasetReadOptions { BadRecords = BadRecordHandling.Skip }))
            {
            }
        });

        Assert.DoesNotContain("invalid value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneLimitCoversEveryObjectOfADatasetReadAndEachObjectCountsItsOwn()
    {
        Put("people/a.csv", "id,name,age\n1,a,x\n2,b,2\n");
        Put("people/b.csv.gz", Gzip("id,name,age\n3,c,y\n4,d,4\n"));
        Put("people/c.csv", "id,name,age\n5,e,z\n6,f,6\n");
        var statistics = new DatasetReadStatistics();
        var handed = new List<string>();
        var options = new DatasetReadOptions { Statistics = statistics, OnBadRecord = e => handed.Add(e.ObjectName + " row " + e.Row), MaxBadRecords = 2 };
        var read = new List<long>();

        var error = await Assert.ThrowsAsync<DatasetFormatException>(async () =>
        {
            await foreach (Person person in People.ReadAsync(new LocalFolderStore(_root.Path), "s3://test-bucket/people/*", options))
            {
                read.Add(person.Id);
            }
        });

        Assert.Equal(new long[] { 2, 4 }, read);
        Assert.Equal(["s3://test-bucket/people/a.csv row 1", "s3://test-bucket/people/b.csv.gz row 1"], handed);
        Assert.Equal("s3://test-bucket/people/c.csv", error.ObjectName);
        Assert.Equal(new long[] { 1, 1, 0 }, statistics.PerObject.Select(o => o.SkippedRecords));
        Assert.Equal(new[] { true, true, false }, statistics.PerObject.Select(o => o.Completed));
        Assert.Equal(2, statistics.SkippedRecords);
    }

    [Fact]
    public async Task AnExceptionFromTheCallbackEndsTheRead()
    {
        var stop = new InvalidOperationException("enough");

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => ReadCsvAsync("id,name,age\n1,a,x\n2,b,2\n", new DatasetReadOptions { OnBadRecord = _ => throw stop }));

        Assert.Same(stop, thrown);
    }

    [Fact]
    public void TheLimitCannotBeNegative() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new DatasetReadOptions { MaxBadRecords = -1 });

    private static MemoryStream Stream(string text) => new(Encoding.UTF8.GetBytes(text));

    private static async Task<List<Person>> ReadCsvAsync(string csv, DatasetReadOptions options)
    {
        var rows = new List<Person>();
        await foreach (Person person in People.ReadCsvAsync(Stream(csv), "stream", options))
        {
            rows.Add(person);
        }

        return rows;
    }

    private static byte[] Gzip(string text)
    {
        using var compressed = new MemoryStream();
        using (var zip = new GZipStream(compressed, CompressionLevel.Fastest))
        {
            zip.Write(Encoding.UTF8.GetBytes(text));
        }

        return compressed.ToArray();
    }

    private void Put(string key, string text) => Put(key, Encoding.UTF8.GetBytes(text));

    private void Put(string key, byte[] bytes)
    {
        string path = Path.Combine(_root.Path, "test-bucket", key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }
}
