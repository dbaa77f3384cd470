using Typed.S3.Codecs;

namespace Typed.S3.Tests.Parquet;

/// <summary>The RLE / bit-packing hybrid decoder of levels and dictionary indices, on runs encoded here by the format's rules.</summary>
public class ParquetHybridTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(13)]
    [InlineData(20)]
    [InlineData(31)]
    [InlineData(32)]
    public void BitPackedAndRleRunsDecodeToTheirValues(int bitWidth)
    {
        var random = new Random(bitWidth);
        long limit = bitWidth == 32 ? uint.MaxValue : (1L << bitWidth) - 1;
        int[] packed = Enumerable.Range(0, 40).Select(_ => (int)(uint)random.NextInt64(0, limit + 1)).ToArray();
        int repeated = (int)(uint)limit;
        // Only the last bit-packed run may hold fewer values than its groups do.
        var data = new List<byte>();
        data.AddRange(BitPacked(packed, bitWidth));
        data.AddRange(Rle(repeated, 300, bitWidth));
        data.AddRange(BitPacked(packed.Take(5).ToArray(), bitWidth));
        var values = new int[40 + 300 + 5];

        int read = Decode(data.ToArray(), bitWidth, values);

        Assert.Equal(packed.Concat(Enumerable.Repeat(repeated, 300)).Concat(packed.Take(5)), values);
        Assert.Equal(data.Count, read);
    }

    [Fact]
    public void ALastBitPackedGroupCutShortStillDecodesTheValuesAsked()
    {
        // 10 values of 3 bits: two groups (6 bytes) by the header, of which the 4 holding the values are present.
        int[] expected = [1, 0, 7, 3, 0, 5, 1, 6, 2, 4];
        byte[] data = BitPacked(expected, 3)[..^2];
        var values = new int[10];

        int read = Decode(data, 3, values);

        Assert.Equal(expected, values);
        Assert.Equal(data.Length, read);
    }

    [Fact]
    public void BitWidthZeroIsAllZeros()
    {
        var values = new int[20];
        values.AsSpan().Fill(9);

        Decode([(byte)(20 << 1)], 0, values);

        Assert.All(values, v => Assert.Equal(0, v));
    }

    [Fact]
    public void DataEndingTooSoonIsAnError()
    {
        byte[] data = BitPacked(Enumerable.Repeat(5, 16).ToArray(), 3);

        Assert.Throws<ParquetDataException>(() => Decode(data[..3], 3, new int[16]));
        Assert.Throws<ParquetDataException>(() => Decode(Rle(1, 10, 1), 1, new int[11]));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(13)]
    [InlineData(32)]
    public void ReadingInPiecesResumesInsideRunsAndGroups(int bitWidth)
    {
        var random = new Random(bitWidth * 31);
        long limit = bitWidth == 32 ? uint.MaxValue : (1L << bitWidth) - 1;
        int[] packed = Enumerable.Range(0, 61).Select(_ => (int)(uint)random.NextInt64(0, limit + 1)).ToArray();
        byte[] data = [.. BitPacked(packed, bitWidth), .. Rle(1, 1000, bitWidth), .. BitPacked(packed, bitWidth)];
        int[] expected = [.. packed, .. new int[64 - 61], .. Enumerable.Repeat(1, 1000), .. packed];
        var decoder = new RleBitPackedDecoder();
        decoder.Start(data, 0, data.Length, bitWidth);
        var values = new List<int>();

        foreach (int piece in new[] { 1, 2, 5, 9, 30, 1, 17, 400, 602, 3, 55 })
        {
            var part = new int[piece];
            decoder.Read(part);
            values.AddRange(part);
        }

        Assert.Equal(expected, values);
        Assert.Equal(data.Length, decoder.Position);
    }

    [Fact]
    public void PageHeadersSkipFieldsTheyDoNotNeed()
    {
        // PageHeader { 1: DATA_PAGE, 2: 100, 3: 60, 4: crc, 5: DataPageHeader { 1: 10, 2: PLAIN, 3: RLE, 4: RLE,
        // 5: Statistics { 1: binary, 5: binary, 7: bool true } }, 9: list<i32> [1, 2] } then a byte of page data.
        byte[] header =
        [
            0x15, 0x00, 0x15, 0xC8, 0x01, 0x15, 0x78, 0x15, 0x0E,
            0x1C, 0x15, 0x14, 0x15, 0x00, 0x15, 0x06, 0x15, 0x06,
            0x1C, 0x18, 0x02, 0xAA, 0xBB, 0x48, 0x01, 0xCC, 0x21, 0x00,
            0x00,
            0x49, 0x25, 0x02, 0x04,
            0x00,
            0xEE,
        ];
        int offset = 0;

        PageHeader parsed = PageHeader.Read(header, ref offset);

        Assert.Equal((int)PageType.DataPage, parsed.Type);
        Assert.Equal(100, parsed.UncompressedSize);
        Assert.Equal(60, parsed.CompressedSize);
        Assert.Equal(10, parsed.NumValues);
        Assert.Equal(0, parsed.Encoding);
        Assert.Equal(3, parsed.DefinitionEncoding);
        Assert.Equal(header.Length - 1, offset);
    }

    // The whole of values, in one read; the bytes the runs read take.
    private static int Decode(byte[] data, int bitWidth, int[] values)
    {
        var decoder = new RleBitPackedDecoder();
        decoder.Start(data, 0, data.Length, bitWidth);
        decoder.Read(values);
        return decoder.Position;
    }

    // Bit-packed run: header (groups << 1 | 1), then the values least significant bit first, whole groups of 8.
    private static byte[] BitPacked(int[] values, int bitWidth)
    {
        int groups = (values.Length + 7) / 8;
        var bytes = new byte[groups * bitWidth];
        for (int i = 0; i < values.Length; i++)
        {
            for (int bit = 0; bit < bitWidth; bit++)
            {
                if (((uint)values[i] >> bit & 1) != 0)
                {
                    long at = (long)i * bitWidth + bit;
                    bytes[at / 8] |= (byte)(1 << (int)(at % 8));
                }
            }
        }

        return [.. Varint((ulong)groups << 1 | 1), .. bytes];
    }

    // RLE run: header (count << 1), then the value in (bitWidth + 7) / 8 little-endian bytes.
    private static byte[] Rle(int value, int count, int bitWidth)
    {
        byte[] bytes = BitConverter.GetBytes(value)[..((bitWidth + 7) / 8)];
        return [.. Varint((ulong)count << 1), .. bytes];
    }

    private static byte[] Varint(ulong value)
    {
        var bytes = new List<byte>();
        do
        {
            byte b = (byte)(value & 0x7F);
            value >>= 7;
            bytes.Add(value == 0 ? b : (byte)(b | 0x80));
        }
        while (value != 0);
        return bytes.ToArray();
    }
}
