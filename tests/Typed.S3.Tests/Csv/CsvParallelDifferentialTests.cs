using System.Globalization;
using System.Text;
using Typed.S3.Tests.Data;
using static Typed.S3.Tests.Csv.CsvTestData;

namespace Typed.S3.Tests.Csv;

/// <summary>
/// Reading on several threads cuts an object into chunks of whole records without tokenizing it. These tests feed
/// both readers random objects of several MB (so many chunks) with every way a record boundary can hide: quoted
/// fields holding line breaks, delimiters and escaped quotes, LF, CRLF and lone CR endings, empty lines, a byte
/// order mark, fields longer than a chunk, multi-byte characters, and one defect each: both must give the same
/// records and then the same error, to the line, row and byte offset in its message.
/// </summary>
public sealed class CsvParallelDifferentialTests
{
    private static readonly DatasetReadOptions TwoThreads = new() { MaxDegreeOfParallelism = 2 };
    private static readonly DatasetReadOptions ThreeThreads = new() { MaxDegreeOfParallelism = 3 };

    public enum Defect
    {
        None,
        QuoteInsideUnquotedField,
        TextAfterClosingQuote,
        ExtraField,
        UnbalancedQuote,
        BadValue,
        EmptyRequiredField,
    }

    public static TheoryData<int, Defect> Cases()
    {
        var cases = new TheoryData<int, Defect>();
        int seed = 1;
        foreach (Defect defect in Enum.GetValues<Defect>())
        {
            for (int i = 0; i < 3; i++)
            {
                cases.Add(seed++, defect);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task WithAHeaderBothReadersAgree(int seed, Defect defect)
    {
        byte[] csv = new RandomCsv(seed, ',').People(rows: 40_000, defect);

        (List<Person> sequential, DatasetFormatException? sequentialError) = await ReadAsync(csv, People.ReadCsvAsync, options: null);
        (List<Person> parallel, DatasetFormatException? parallelError) = await ReadAsync(csv, People.ReadCsvAsync, seed % 2 == 0 ? TwoThreads : ThreeThreads);

        Assert.Equal(defect == Defect.None, sequentialError is null);
        Assert.Equal(sequential.Count, parallel.Count);
        Assert.Equal(sequential, parallel);
        Assert.Equal(sequentialError?.Message, parallelError?.Message);
        Assert.Equal(sequentialError?.Line, parallelError?.Line);
        Assert.Equal(sequentialError?.Row, parallelError?.Row);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task WithoutAHeaderBothReadersAgree(int seed, Defect defect)
    {
        if (defect == Defect.EmptyRequiredField)
        {
            defect = Defect.BadValue;
        }

        byte[] tsv = new RandomCsv(seed, '\t').TabPeople(rows: 60_000, defect);

        (List<TabPerson> sequential, DatasetFormatException? sequentialError) = await ReadAsync(tsv, TabPeople.ReadCsvAsync, options: null);
        (List<TabPerson> parallel, DatasetFormatException? parallelError) = await ReadAsync(tsv, TabPeople.ReadCsvAsync, TwoThreads);

        Assert.Equal(defect == Defect.None, sequentialError is null);
        Assert.Equal(sequential, parallel);
        Assert.Equal(sequentialError?.Message, parallelError?.Message);
    }

    [Fact]
    public async Task AnObjectOfOneHugeRecordReadsTheSame()
    {
        var text = new StringBuilder("id,name\r\n1,\"");
        text.Append('x', 1_500_000).Append("\n\"\"y\"\r\n2,b\r\n");
        byte[] csv = Encoding.UTF8.GetBytes(text.ToString());

        (List<Person> sequential, _) = await ReadAsync(csv, People.ReadCsvAsync, options: null);
        (List<Person> parallel, _) = await ReadAsync(csv, People.ReadCsvAsync, TwoThreads);

        Assert.Equal(2, parallel.Count);
        Assert.Equal(sequential, parallel);
    }

    // A connection that breaks, or compressed data that turns out corrupt, part way: records read before the break
    // come first, in order, then the stream's own error. The one-thread reader gives those of the buffers it parsed
    // before asking for more (64 KiB at a time); the parallel reader every whole record before the break, so at least as many.
    [Theory]
    [InlineData(100)]
    [InlineData(300_000)]
    [InlineData(1_234_567)]
    public async Task AStreamThatFailsPartWayGivesTheRecordsBeforeItThenItsError(int failAt)
    {
        byte[] csv = new RandomCsv(7, ',').People(rows: 40_000, Defect.None);
        var sequential = new List<Person>();
        var parallel = new List<Person>();

        var sequentialError = await Assert.ThrowsAsync<IOException>(async () =>
        {
            await foreach (Person person in People.ReadCsvAsync(new BreakingStream(csv, failAt), "s3://test-bucket/people/p.csv", DatasetReadOptions.Default))
            {
                sequential.Add(person);
            }
        });
        var parallelError = await Assert.ThrowsAsync<IOException>(async () =>
        {
            await foreach (Person person in People.ReadCsvAsync(new BreakingStream(csv, failAt), "s3://test-bucket/people/p.csv", TwoThreads))
            {
                parallel.Add(person);
            }
        });

        (List<Person> all, _) = await ReadAsync(csv, People.ReadCsvAsync, options: null);
        Assert.Equal(sequentialError.Message, parallelError.Message);
        Assert.InRange(parallel.Count, sequential.Count, all.Count - 1);
        Assert.Equal(all.Take(parallel.Count), parallel);
        Assert.Equal(sequential, parallel.Take(sequential.Count));
    }

    private static async Task<(List<T> Records, DatasetFormatException? Error)> ReadAsync<T>(
        byte[] bytes, Func<Stream, string, DatasetReadOptions, CancellationToken, IAsyncEnumerable<T>> read, DatasetReadOptions? options)
    {
        var records = new List<T>();
        using var stream = new MemoryStream(bytes);
        try
        {
            await foreach (T record in read(stream, "s3://test-bucket/people/fuzz.csv", options ?? DatasetReadOptions.Default, CancellationToken.None))
            {
                records.Add(record);
            }
        }
        catch (DatasetFormatException error)
        {
            return (records, error);
        }

        return (records, null);
    }

    // Serves its bytes in reads of at most 8,000 bytes, then fails at a given offset.
    private sealed class BreakingStream(byte[] bytes, int failAt) : MemoryStream(bytes, writable: false)
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            if (Position >= failAt)
            {
                throw new IOException("The connection was reset.");
            }

            return base.Read(buffer, offset, (int)Math.Min(Math.Min(count, 8_000), failAt - Position));
        }

        public override int Read(Span<byte> buffer)
        {
            byte[] read = new byte[buffer.Length];
            int count = Read(read, 0, read.Length);
            read.AsSpan(0, count).CopyTo(buffer);
            return count;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer, offset, count));
    }

    private sealed class RandomCsv(int seed, char delimiter)
    {
        private static readonly string[] LineBreaks = ["\n", "\r\n", "\r"];
        private static readonly string[] Words = ["alpha", "Brontë", "日本語", "x", "Smith, J", "say \"hi\"", "two\nlines", "cr\rinside", "crlf\r\ninside", "", "tab\there"];
        private readonly Random _random = new(seed);
        private readonly StringBuilder _text = new();

        public byte[] People(int rows, Defect defect)
        {
            string lineBreak = LineBreaks[_random.Next(LineBreaks.Length)];
            if (_random.Next(2) == 0)
            {
                _text.Append('\uFEFF');
            }

            _text.Append(lineBreak, 0, _random.Next(2) == 0 ? 0 : lineBreak.Length);
            _text.Append("id,name,nickname,age,balance,born,active").Append(lineBreak);
            int defectRow = _random.Next(rows / 4, rows);
            for (int row = 1; row <= rows; row++)
            {
                Defect here = row == defectRow ? defect : Defect.None;
                _text.Append(here == Defect.EmptyRequiredField ? string.Empty : row.ToString(CultureInfo.InvariantCulture)).Append(',');
                Text(here);
                _text.Append(',');
                Text(Defect.None);
                _text.Append(',')
                    .Append(here == Defect.BadValue ? "old" : _random.Next(4) == 0 ? string.Empty : _random.Next(100).ToString(CultureInfo.InvariantCulture)).Append(',')
                    .Append(_random.Next(4) == 0 ? string.Empty : (_random.Next(100_000) / 100m).ToString(CultureInfo.InvariantCulture)).Append(',')
                    .Append(new DateOnly(2000, 1, 1).AddDays(_random.Next(9000)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',')
                    .Append(_random.Next(3) switch { 0 => "true", 1 => "false", _ => string.Empty });
                End(here, row == rows, lineBreak);
            }

            return Encoding.UTF8.GetBytes(_text.ToString());
        }

        public byte[] TabPeople(int rows, Defect defect)
        {
            string lineBreak = LineBreaks[_random.Next(LineBreaks.Length)];
            int defectRow = _random.Next(rows / 4, rows);
            for (int row = 1; row <= rows; row++)
            {
                Defect here = row == defectRow ? defect : Defect.None;
                _text.Append(here == Defect.BadValue ? "x" + row : row.ToString(CultureInfo.InvariantCulture)).Append('\t');
                Text(here);
                _text.Append('\t').Append(_random.Next(4) == 0 ? string.Empty : (_random.NextDouble() * 1000).ToString("R", CultureInfo.InvariantCulture));
                End(here, row == rows, lineBreak);
            }

            return Encoding.UTF8.GetBytes(_text.ToString());
        }

        // A string field: plain, quoted (with whatever needs quoting), empty, quoted empty, now and then longer than a chunk.
        private void Text(Defect defect)
        {
            switch (defect)
            {
                case Defect.QuoteInsideUnquotedField:
                    _text.Append("ab\"c");
                    return;
                case Defect.TextAfterClosingQuote:
                    _text.Append("\"ab\"c");
                    return;
                case Defect.UnbalancedQuote:
                    _text.Append("\"never closed");
                    return;
            }

            int kind = _random.Next(100);
            if (kind < 50)
            {
                _text.Append("n").Append(_random.Next(1000));
                return;
            }

            if (kind < 55)
            {
                return;
            }

            if (kind < 60)
            {
                _text.Append("\"\"");
                return;
            }

            _text.Append('"');
            int words = kind == 99 && _random.Next(50) == 0 ? 40_000 : _random.Next(1, 4);
            for (int i = 0; i < words; i++)
            {
                _text.Append(Words[_random.Next(Words.Length)].Replace("\"", "\"\"", StringComparison.Ordinal)).Append(' ').Append(delimiter);
            }

            _text.Append('"');
        }

        private void End(Defect defect, bool last, string lineBreak)
        {
            if (defect == Defect.ExtraField)
            {
                _text.Append(delimiter).Append("extra");
            }

            if (last && _random.Next(2) == 0)
            {
                return;
            }

            _text.Append(lineBreak);
            if (_random.Next(200) == 0)
            {
                _text.Append(lineBreak);
            }
        }
    }
}
