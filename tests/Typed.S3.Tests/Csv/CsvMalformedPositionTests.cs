using System.Text;
using Typed.S3.Tests.Data;

namespace Typed.S3.Tests.Csv;

/// <summary>
/// Malformed quoting is an error whose line, row, byte offset and problem come from the reader's own state (what it
/// reports about the record), the same on one thread and several, at the start of an object and deep inside one.
/// </summary>
public sealed class CsvMalformedPositionTests
{
    private const string Name = "s3://test-bucket/people/p.csv";

    // The defect, where in its line the reader finds it (-1: at the end of the object), and the problem.
    public static TheoryData<string, int, string> Defects() => new()
    {
        { "1,a\"b", 3, "malformed CSV: a quote inside an unquoted field" },
        { "1,\"ab\"c", 6, "malformed CSV: text after the closing quote of a quoted field" },
        { "1,\"open", -1, "malformed CSV: a quoted field that is never closed" },
    };

    [Theory]
    [MemberData(nameof(Defects))]
    public async Task DeepInALargeObjectTheErrorSaysWhereTheRecordIs(string line, int at, string problem)
    {
        var csv = new StringBuilder("id,name\n");
        for (int i = 1; i <= 30_000; i++)
        {
            csv.Append(i).Append(",\"p\n").Append(i).Append("\"\n");
        }

        long offset = Encoding.UTF8.GetByteCount(csv.ToString());
        csv.Append(line).Append('\n').Append("99,z\n");
        byte[] data = Encoding.UTF8.GetBytes(csv.ToString());

        foreach (int threads in new[] { 1, 2 })
        {
            var error = await Assert.ThrowsAsync<DatasetFormatException>(() => ReadAsync(data, threads));

            Assert.Equal(60_002, error.Line);
            Assert.Equal(30_001, error.Row);
            Assert.Equal(at < 0 ? data.Length : offset + at, error.ByteOffset);
            Assert.Equal(problem, error.Problem);
            Assert.Equal($"{Name}, line 60002 (row 30001), byte offset {error.ByteOffset}: {problem}", error.Message);
        }
    }

    [Fact]
    public async Task AMalformedHeaderIsLineOneWithNoRow()
    {
        byte[] data = Encoding.UTF8.GetBytes("id,\"name\"x\n1,a\n");

        foreach (int threads in new[] { 1, 2 })
        {
            var error = await Assert.ThrowsAsync<DatasetFormatException>(() => ReadAsync(data, threads));

            Assert.Equal(1, error.Line);
            Assert.Equal(0, error.Row);
            Assert.Equal(9, error.ByteOffset);
            Assert.Equal(Name + ", line 1, byte offset 9: malformed CSV: text after the closing quote of a quoted field", error.Message);
        }
    }

    private static async Task ReadAsync(byte[] data, int threads)
    {
        using var stream = new MemoryStream(data);
        await foreach (Person person in People.ReadCsvAsync(stream, Name, new DatasetReadOptions { MaxDegreeOfParallelism = threads }))
        {
        }
    }
}
