using System.Text;
using Typed.S3.Tests.Data;
using Typed.S3.Tests.Parquet.Crafting;
using static Typed.S3.Tests.Parquet.Crafting.CraftedPages;

namespace Typed.S3.Tests.Parquet;

/// <summary>
/// The bad-record policy on Parquet: a row with a value that cannot be held (an INT96 or millisecond timestamp past year
/// 9999, a decimal with more digits than its column declares, 300 in an INT(8) column, a null in a required column,
/// invalid UTF-8 in a string or a list element) fails the read by default, after the rows before it; skipped, each is
/// counted, handed to the callback in file order with the row a failing read gives, its row group and column (and no
/// record text), and the read goes on, across row groups and batches, until more than the limit fail it. Damage to the
/// file fails the read whatever the policy. Through the stream-level reader and a dataset read of several objects.
/// </summary>
public sealed class ParquetBadRecordTests : IDisposable
{
    private const int Rows = 5030;
    private static readonly int[] Groups = [10, 20, 5000];
    private readonly TempFolder _root = new();

    public ParquetBadRecordTests() => _root.CreateBucket("test-bucket");

    public void Dispose() => _root.Dispose();

    // Bad rows (1-based, as errors number them), in three row groups of 10, 20 and 5,000 rows; the last group is read in
    // two batches (rows 31 to 4,126 and 4,127 to 5,030), with bad rows at both ends of each.
    private static readonly Dictionary<int, (string Column, Func<SuspectFiles.Row, SuspectFiles.Row> Spoil)> Bad = new()
    {
        [3] = ("at", r => r with { At = (0, 9_000_000) }),
        [5] = ("amount", r => r with { Amount = 12_345_678 }),
        [7] = ("tiny", r => r with { Tiny = 300 }),
        [8] = ("label", r => r with { Label = null }),
        [9] = ("name", r => r with { Name = [0x4A, 0x6F, 0x73, 0xE9] }),
        [10] = ("millis", r => r with { Millis = 300_000_000_000_000 }),
        [12] = ("tags", r => r with { Tags = [Encoding.UTF8.GetBytes("a"), [0xFF]] }),
        [13] = ("at", r => r with { At = (0, -5_000_000), Tiny = -200 }),
        [31] = ("amount", r => r with { Amount = -12_345_678 }),
        [4126] = ("tiny", r => r with { Tiny = -129 }),
        [4127] = ("label", r => r with { Label = null }),
        [4128] = ("name", r => r with { Name = [0xC3] }),
        [5030] = ("tags", r => r with { Tags = [[0xED, 0xA0, 0x80]] }),
    };

    [Fact]
    public async Task ByDefaultTheFirstBadRowFailsTheReadAfterTheRowsBeforeIt()
    {
        byte[] file = SuspectFiles.Build(RowsWith(Bad.Keys), Groups);
        var read = new List<long>();

        var error = await Assert.ThrowsAsync<DatasetFormatException>(async () =>
        {
            await foreach (Suspect suspect in Suspects.ReadParquetAsync(new MemoryStream(file), "s.parquet", new DatasetReadOptions()))
            {
                read.Add(suspect.Id);
            }
        });

        Assert.Equal(new long[] { 1, 2 }, read);
        Assert.Equal(3, error.Row);
        Assert.Equal(1, error.RowGroup);
        Assert.Equal("at", error.Column);
        Assert.Equal("s.parquet (row 3), column 'at': row 3 of row group 1: the timestamp is outside the range .NET can represent (years 1 to 9999) (expected timestamp, found 'Julian day 9000000, 0 ns')", error.Message);
        Assert.Null(error.RecordText);
    }

    [Fact]
    public async Task SkippedRowsAreCountedAndHandedOverInFileOrderWithTheNumbersOfAFailingRead()
    {
        List<SuspectFiles.Row> rows = RowsWith(Bad.Keys);
        byte[] file = SuspectFiles.Build(rows, Groups);
        var statistics = new DatasetReadStatistics();
        var handed = new List<DatasetFormatException>();

        List<Suspect> read = await ReadAsync(file, new DatasetReadOptions { OnBadRecord = handed.Add, Statistics = statistics });

        Assert.Equal(rows.Where((_, i) => !Bad.ContainsKey(i + 1)).Select(r => Describe(SuspectFiles.Expected(r))), read.Select(Describe));
        Assert.Equal(Bad.Keys.Select(k => (long)k), handed.Select(e => e.Row));
        Assert.Equal(Bad.Values.Select(v => v.Column), handed.Select(e => e.Column));
        Assert.Equal([1, 1, 1, 1, 1, 1, 2, 2, 3, 3, 3, 3, 3], handed.Select(e => e.RowGroup));
        Assert.All(handed, e => Assert.Null(e.RecordText));
        Assert.Equal(Bad.Count, statistics.SkippedRecords);
        Assert.Equal(Rows - Bad.Count, statistics.Records);
        ObjectReadStatistics counts = Assert.Single(statistics.PerObject);
        Assert.True(counts.Completed);
        Assert.Equal(Bad.Count, counts.SkippedRecords);
        Assert.InRange(counts.Bytes, 1, file.Length);

        // Each error is the one a failing read gives for that row.
        foreach (DatasetFormatException error in handed)
        {
            byte[] alone = SuspectFiles.Build(RowsWith([(int)error.Row]), Groups);
            var failing = await Assert.ThrowsAsync<DatasetFormatException>(() => ReadAsync(alone, new DatasetReadOptions()));
            Assert.Equal(failing.Message, error.Message);
            Assert.Equal(failing.RowGroup, error.RowGroup);
        }
    }

    [Fact]
    public async Task WhatEachBadRowSays()
    {
        var handed = new List<DatasetFormatException>();

        await ReadAsync(SuspectFiles.Build(RowsWith(Bad.Keys), Groups), new DatasetReadOptions { OnBadRecord = handed.Add });

        Assert.Equal(
        [
            "row 3 of row group 1: the timestamp is outside the range .NET can represent (years 1 to 9999)",
            "row 5 of row group 1: the value has more digits than the file column's DECIMAL(6,2) allows, or than a decimal holds",
            "row 7 of row group 1: the value is outside the range of the file column's type, INT(8, signed)",
            "the column is required but row 8 of row group 1 is null",
            "row 9 of row group 1: the value is not valid UTF-8",
            "row 10 of row group 1: the timestamp is outside the range .NET can represent (years 1 to 9999)",
            "row 2 of row group 2: the value is not valid UTF-8",
            "row 3 of row group 2: the timestamp is outside the range .NET can represent (years 1 to 9999)",
            "row 1 of row group 3: the value has more digits than the file column's DECIMAL(6,2) allows, or than a decimal holds",
            "row 4096 of row group 3: the value is outside the range of the file column's type, INT(8, signed)",
            "the column is required but row 4097 of row group 3 is null",
            "row 4098 of row group 3: the value is not valid UTF-8",
            "row 5000 of row group 3: the value is not valid UTF-8",
        ],
            handed.Select(e => e.Problem));
        Assert.Equal(["Julian day 9000000, 0 ns", "12345678 (unscaled)", "300", null, "Jos\uFFFD", "300000000000000 milliseconds from 1970-01-01"], handed.Take(6).Select(e => e.Value));
    }

    [Fact]
    public async Task ANullInARequiredColumnBeforeABadValueInItIsTheFirstError()
    {
        List<SuspectFiles.Row> rows = RowsWith([], count: 10);
        rows[1] = rows[1] with { Label = null };
        rows[4] = rows[4] with { Label = [0xFF] };

        var error = await Assert.ThrowsAsync<DatasetFormatException>(() => ReadAsync(SuspectFiles.Build(rows, 10), new DatasetReadOptions()));

        Assert.Equal("s.parquet (row 2), column 'label': the column is required but row 2 of row group 1 is null (expected string)", error.Message);
    }

    [Fact]
    public async Task MoreBadRowsThanTheLimitFailTheReadAfterTheRowsBeforeIt()
    {
        byte[] file = SuspectFiles.Build(RowsWith(Bad.Keys), Groups);
        var read = new List<long>();
        var handed = new List<long>();

        var error = await Assert.ThrowsAsync<DatasetFormatException>(async () =>
        {
            await foreach (Suspect suspect in Suspects.ReadParquetAsync(new MemoryStream(file), "s.parquet", new DatasetReadOptions { OnBadRecord = e => handed.Add(e.Row), MaxBadRecords = 8 }))
            {
                read.Add(suspect.Id);
            }
        });

        Assert.Equal(new long[] { 3, 5, 7, 8, 9, 10, 12, 13 }, handed);
        Assert.Equal(Enumerable.Range(1, 30).Where(i => !Bad.ContainsKey(i)).Select(i => (long)i), read);
        Assert.Equal(31, error.Row);
        Assert.Equal(3, error.RowGroup);
        Assert.EndsWith("this is bad record 9 of the read, more than the 8 DatasetReadOptions.MaxBadRecords lets it skip (expected decimal(6,2), found '-12345678 (unscaled)')", error.Message);
        Assert.IsType<DatasetFormatException>(error.InnerException);
    }

    [Fact]
    public async Task InvalidUtf8IsReplacedWhenAsked()
    {
        byte[] file = SuspectFiles.Build(RowsWith([9, 12, 4128, 5030]), Groups);
        var statistics = new DatasetReadStatistics();

        List<Suspect> read = await ReadAsync(file, new DatasetReadOptions { InvalidUtf8 = InvalidUtf8Handling.Replace, BadRecords = BadRecordHandling.Skip, Statistics = statistics });

        Assert.Equal(Rows, read.Count);
        Assert.Equal(0, statistics.SkippedRecords);
        Assert.Equal("Jos\uFFFD", read[8].Name);
        Assert.Equal(["a", "\uFFFD"], read[11].Tags!);
        Assert.Equal("\uFFFD", read[4127].Name);
        Assert.Equal(["\uFFFD\uFFFD\uFFFD"], read[5029].Tags!);
    }

    [Fact]
    public async Task StatisticsCountAStreamAsOneObjectSeekableOrNot()
    {
        byte[] file = SuspectFiles.Build(RowsWith([]), Groups);
        var seekable = new DatasetReadStatistics();
        var copied = new DatasetReadStatistics();

        await ReadAsync(file, new DatasetReadOptions { Statistics = seekable });
        await ReadAsync(new OneWayStream(file), new DatasetReadOptions { Statistics = copied });

        // A seekable stream is read in place: its footer and the column chunks, not every byte.
        Assert.Equal(Rows, seekable.Records);
        Assert.InRange(seekable.Bytes, file.Length / 2, file.Length);
        Assert.True(Assert.Single(seekable.PerObject).Completed);

        // One that cannot seek is copied whole first.
        Assert.Equal(Rows, copied.Records);
        Assert.Equal(file.Length, copied.Bytes);
    }

    [Theory]
    [InlineData("values", "column 'id': row group 1: a page's values is cut short")]
    [InlineData("pages", "column 'id': row group 1: the column chunk holds 5 values for the row group's 10 rows")]
    [InlineData("crc", "column 'id': row group 1: a page's checksum (CRC) does not match its bytes: the page is corrupt")]
    [InlineData("column", "column 'label': the file has no such column")]
    public async Task DamageFailsTheReadWhateverThePolicy(string damage, string expected)
    {
        byte[] file = Damaged(damage);
        var handed = new List<DatasetFormatException>();

        var error = await Assert.ThrowsAsync<DatasetFormatException>(() => ReadAsync(file, new DatasetReadOptions { OnBadRecord = handed.Add, MaxBadRecords = 1000 }));

        Assert.Contains(expected, error.Message);
        Assert.Empty(handed);
    }

    [Fact]
    public async Task ADatasetReadSharesOneLimitOverItsObjectsAndCountsEachObject()
    {
        Put("suspects/a.parquet", SuspectFiles.Build(RowsWith([2], count: 3), 3));
        Put("suspects/b.parquet", SuspectFiles.Build(RowsWith([1, 3], count: 4), 2, 2));
        Put("suspects/c.parquet", SuspectFiles.Build(RowsWith([2], count: 3), 3));
        var statistics = new DatasetReadStatistics();
        var handed = new List<string>();
        var options = new DatasetReadOptions { Statistics = statistics, OnBadRecord = e => handed.Add($"{e.ObjectName} row {e.Row} (row group {e.RowGroup}) {e.Column}"), MaxBadRecords = 3 };
        var read = new List<string>();

        var error = await Assert.ThrowsAsync<DatasetFormatException>(async () =>
        {
            await foreach (Suspect suspect in Suspects.ReadAsync(new LocalFolderStore(_root.Path), "s3://test-bucket/suspects/*", options))
            {
                read.Add(suspect.Id + " " + suspect.Label);
            }
        });

        Assert.Equal(["1 l0", "3 l2", "2 l1", "4 l3", "1 l0"], read);
        Assert.Equal(
            ["s3://test-bucket/suspects/a.parquet row 2 (row group 1) at", "s3://test-bucket/suspects/b.parquet row 1 (row group 1) at", "s3://test-bucket/suspects/b.parquet row 3 (row group 2) at"],
            handed);
        Assert.Equal("s3://test-bucket/suspects/c.parquet", error.ObjectName);
        Assert.Equal(2, error.Row);
        Assert.Equal(new long[] { 1, 2, 0 }, statistics.PerObject.Select(o => o.SkippedRecords));
        Assert.Equal(new long[] { 2, 2, 1 }, statistics.PerObject.Select(o => o.Records));
        Assert.Equal(new[] { true, true, false }, statistics.PerObject.Select(o => o.Completed));
        Assert.Equal(3, statistics.SkippedRecords);
    }

    // The good rows, but for the listed (1-based) rows, spoilt as Bad says (a timestamp past year 9999 for others).
    private static List<SuspectFiles.Row> RowsWith(IEnumerable<int> bad, int count = Rows)
    {
        List<SuspectFiles.Row> rows = Enumerable.Range(0, count).Select(SuspectFiles.Good).ToList();
        foreach (int row in bad)
        {
            rows[row - 1] = Bad.TryGetValue(row, out var spoil) && count == Rows ? spoil.Spoil(rows[row - 1]) : rows[row - 1] with { At = (0, 9_999_999) };
        }

        return rows;
    }

    // Ten rows, the id column's one page cut short (values), declaring half the rows (pages) or with a checksum its
    // bytes do not have (crc); or 'label' misspelt.
    private static byte[] Damaged(string damage)
    {
        List<SuspectFiles.Row> rows = RowsWith([], count: 10);
        long[] ids = rows.Select(r => r.Id).ToArray();
        return damage switch
        {
            "values" => SuspectFiles.Build(rows, [10], [DataPage(10, null, Int64s(ids)[..60])], "label"),
            "pages" => SuspectFiles.Build(rows, [10], [DataPage(5, null, Int64s(ids[..5]))], "label"),
            "crc" => SuspectFiles.Build(rows, [10], [DataPage(10, null, Int64s(ids)) with { Crc = System.IO.Hashing.Crc32.HashToUInt32(Int64s(ids)) ^ 1 }], "label"),
            _ => SuspectFiles.Build(rows, [10], null, "labl"),
        };
    }

    private static Task<List<Suspect>> ReadAsync(byte[] file, DatasetReadOptions options) => ReadAsync(new MemoryStream(file), options);

    private static async Task<List<Suspect>> ReadAsync(Stream stream, DatasetReadOptions options)
    {
        var read = new List<Suspect>();
        await foreach (Suspect suspect in Suspects.ReadParquetAsync(stream, "s.parquet", options))
        {
            read.Add(suspect);
        }

        return read;
    }

    private static string Describe(Suspect s) =>
        $"{s.Id}|{s.At:O}|{s.Millis:O}|{s.Amount}|{s.Tiny}|{s.Name}|{s.Label}|{(s.Tags is null ? "null" : "[" + string.Join(",", s.Tags.Select(t => t ?? "null")) + "]")}";

    private void Put(string key, byte[] bytes)
    {
        string path = Path.Combine(_root.Path, "test-bucket", key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }

    // A stream that reads forward only, as a network body does.
    private sealed class OneWayStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
