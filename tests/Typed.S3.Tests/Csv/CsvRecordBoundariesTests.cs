using System.Text;
using Typed.S3.Codecs;

namespace Typed.S3.Tests.Csv;

/// <summary>Where the parallel reader cuts CSV bytes: after whole records only, never inside quotes.</summary>
public sealed class CsvRecordBoundariesTests
{
    [Theory]
    [InlineData("a,b\nc,d\ne", 8, 2)]
    [InlineData("a,b\r\nc,d\r\ne", 10, 2)]
    [InlineData("a,b\rc,d\re", 8, 2)]
    [InlineData("a,\"b\nc\",d\ne", 10, 2)]
    [InlineData("a,\"b\"\"\nc\"\"\",d\ne", 14, 2)]
    [InlineData("a,\"b\nc", 0, 0)]
    [InlineData("a,b\n\n\nc", 6, 3)]
    [InlineData("\"a\"\r\"b\r\"\rc", 9, 3)]
    public void EndsAfterTheLastCompleteRecord(string text, int end, long lineBreaks)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        Assert.Equal(end, CsvRecordBoundaries.FindEnd(bytes, (byte)',', stopAfterFirstRecord: false, out long found));
        Assert.Equal(lineBreaks, found);
        Assert.Equal(end, CsvRecordBoundaries.FindLastRecordEnd(bytes, out found));
        Assert.Equal(lineBreaks, found);
    }

    [Theory]
    [InlineData("a,b\r")]
    [InlineData("a,\"b\"")]
    [InlineData("a,\"b\"\"")]
    public void WaitsForTheNextByteWhenItDecides(string text)
    {
        Assert.Equal(0, CsvRecordBoundaries.FindEnd(Encoding.UTF8.GetBytes(text), (byte)',', stopAfterFirstRecord: false, out _));
        Assert.Equal(0, CsvRecordBoundaries.FindLastRecordEnd(Encoding.UTF8.GetBytes(text), out _));
    }

    [Theory]
    [InlineData("h1,h2\nx,y\n", 6, 1)]
    [InlineData("\n\r\nh1,h2\nx,y\n", 9, 3)]
    [InlineData("\uFEFF\nh1,h2\nx,y\n", 10, 2)]
    public void FindsTheFirstRecordThatIsNotAnEmptyLine(string text, int end, long lineBreaks)
    {
        Assert.Equal(end, CsvRecordBoundaries.FindEnd(Encoding.UTF8.GetBytes(text), (byte)',', stopAfterFirstRecord: true, out long found));
        Assert.Equal(lineBreaks, found);
    }

    // The first record is found byte by byte, by the reader's own rule: a quote opens a field only at its start.
    [Theory]
    [InlineData("a,b\"c\nd", ',', 6)]
    [InlineData("a\t\"b\nc", '\t', 0)]
    [InlineData("a,\"b\nc", '\t', 5)]
    public void AQuoteOpensAFieldOnlyAfterTheDelimiterInUse(string text, char delimiter, int end) =>
        Assert.Equal(end, CsvRecordBoundaries.FindEnd(Encoding.UTF8.GetBytes(text), (byte)delimiter, stopAfterFirstRecord: true, out _));

    // The 64-byte masks must agree with the byte-by-byte search on any well-formed CSV, cut anywhere: in a quoted
    // field, between CR and LF, between the two quotes of an escaped one, at a block's edge.
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void TheMaskSearchAgreesWithTheByteByByteOne(int seed)
    {
        var random = new Random(seed);
        string[] lineBreaks = ["\n", "\r\n", "\r"];
        string[] quotedParts = ["a", "b", ",", "\r", "\n", "\r\n", "\"\""];
        for (int i = 0; i < 5_000; i++)
        {
            var text = new StringBuilder();
            int records = random.Next(0, 12);
            for (int record = 0; record < records; record++)
            {
                int fields = random.Next(1, 4);
                for (int field = 0; field < fields; field++)
                {
                    if (field > 0)
                    {
                        text.Append(',');
                    }

                    if (random.Next(3) == 0)
                    {
                        text.Append('"');
                        for (int part = random.Next(0, 5); part > 0; part--)
                        {
                            text.Append(quotedParts[random.Next(quotedParts.Length)]);
                        }

                        text.Append('"');
                    }
                    else
                    {
                        text.Append('a', random.Next(0, 20));
                    }
                }

                text.Append(lineBreaks[random.Next(lineBreaks.Length)]);
                if (random.Next(8) == 0)
                {
                    text.Append(lineBreaks[random.Next(lineBreaks.Length)]);
                }
            }

            byte[] whole = Encoding.UTF8.GetBytes(text.ToString());
            byte[] data = whole[..random.Next(0, whole.Length + 1)];
            int expected = CsvRecordBoundaries.FindEnd(data, (byte)',', stopAfterFirstRecord: false, out long expectedLines);
            int actual = CsvRecordBoundaries.FindLastRecordEnd(data, out long actualLines);
            Assert.True(
                expected == actual && expectedLines == actualLines,
                $"'{Encoding.UTF8.GetString(data).Replace("\r", "<CR>", StringComparison.Ordinal).Replace("\n", "<LF>", StringComparison.Ordinal)}': {expected}/{expectedLines} byte by byte, {actual}/{actualLines} by masks");
        }
    }
}
