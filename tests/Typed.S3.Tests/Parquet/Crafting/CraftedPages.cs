using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace Typed.S3.Tests.Parquet.Crafting;

/// <summary>Page bodies encoded by the format's rules, for <see cref="CraftedParquet"/>.</summary>
internal static class CraftedPages
{
    public const int Plain = 0;
    public const int RleDictionary = 8;
    public const int DeltaBinaryPacked = 5;

    /// <summary>A data page v1: definition levels (RLE with their length, or none for a required column), then values.</summary>
    public static CraftedParquet.Page DataPage(int numValues, byte[]? definitionLevels, byte[] values, int encoding = Plain) =>
        new(0, numValues, encoding, [.. definitionLevels ?? [], .. values]);

    /// <summary>A data page v1 of a list column: repetition levels, definition levels (both RLE with their length), values.</summary>
    public static CraftedParquet.Page ListDataPage(int numValues, byte[] repetitionLevels, byte[] definitionLevels, byte[] values) =>
        new(0, numValues, Plain, [.. repetitionLevels, .. definitionLevels, .. values]);

    /// <summary>A dictionary page of <paramref name="count"/> PLAIN entries.</summary>
    public static CraftedParquet.Page DictionaryPage(int count, byte[] plainValues) => new(2, count, Plain, plainValues);

    /// <summary>Definition (or repetition) levels: the hybrid encoding's runs, after their 4-byte length.</summary>
    public static byte[] Levels(params byte[][] runs)
    {
        byte[] body = runs.SelectMany(r => r).ToArray();
        var levels = new byte[4 + body.Length];
        BinaryPrimitives.WriteInt32LittleEndian(levels, body.Length);
        body.CopyTo(levels, 4);
        return levels;
    }

    /// <summary>One RLE run of the hybrid encoding: <paramref name="count"/> times <paramref name="value"/>.</summary>
    public static byte[] Rle(int value, int count, int bitWidth)
    {
        var run = new List<byte>();
        Varint(run, (ulong)count << 1);
        for (int i = 0; i < (bitWidth + 7) / 8; i++)
        {
            run.Add((byte)(value >> (8 * i)));
        }

        return run.ToArray();
    }

    /// <summary>Definition levels of a flat optional column: 1 where the value is present, 0 where null, as RLE runs.</summary>
    public static byte[] Definitions(params bool[] present) => LevelRuns(present.Select(p => p ? 1 : 0).ToArray(), 1);

    /// <summary>Levels of <paramref name="bitWidth"/> bits as RLE runs of equal levels, after their length.</summary>
    public static byte[] LevelRuns(int[] levels, int bitWidth)
    {
        var runs = new List<byte[]>();
        for (int i = 0; i < levels.Length;)
        {
            int end = i;
            while (end < levels.Length && levels[end] == levels[i])
            {
                end++;
            }

            runs.Add(Rle(levels[i], end - i, bitWidth));
            i = end;
        }

        return Levels(runs.ToArray());
    }

    /// <summary>Dictionary indices: their bit width, then the runs.</summary>
    public static byte[] Indices(int bitWidth, params byte[][] runs) => [(byte)bitWidth, .. runs.SelectMany(r => r)];

    public static byte[] Int32s(params int[] values) => values.SelectMany(v => BitConverter.GetBytes(v)).ToArray();

    public static byte[] Int64s(params long[] values) => values.SelectMany(v => BitConverter.GetBytes(v)).ToArray();

    /// <summary>INT96 timestamps: nanoseconds of the day, then the Julian day.</summary>
    public static byte[] Int96s(params (long Nanos, int JulianDay)[] values) =>
        values.SelectMany(v => BitConverter.GetBytes(v.Nanos).Concat(BitConverter.GetBytes(v.JulianDay))).ToArray();

    /// <summary>PLAIN byte arrays: a 4-byte length, then the bytes.</summary>
    public static byte[] ByteArrays(params byte[][] values) =>
        values.SelectMany(v => BitConverter.GetBytes(v.Length).Concat(v)).ToArray();

    public static byte[] Strings(params string[] values) => ByteArrays(values.Select(Encoding.UTF8.GetBytes).ToArray());

    /// <summary>DELTA_BINARY_PACKED: blocks of 128 values in 4 miniblocks of 32.</summary>
    public static byte[] Delta(IReadOnlyList<long> values)
    {
        const int BlockSize = 128;
        const int Miniblocks = 4;
        const int PerMiniblock = BlockSize / Miniblocks;
        var output = new List<byte>();
        Varint(output, BlockSize);
        Varint(output, Miniblocks);
        Varint(output, (ulong)values.Count);
        Varint(output, ZigZag(values.Count == 0 ? 0 : values[0]));
        var deltas = new long[BlockSize];
        for (int first = 1; first < values.Count; first += BlockSize)
        {
            int count = Math.Min(BlockSize, values.Count - first);
            long min = long.MaxValue;
            for (int i = 0; i < count; i++)
            {
                deltas[i] = values[first + i] - values[first + i - 1];
                min = Math.Min(min, deltas[i]);
            }

            Varint(output, ZigZag(min));
            int used = (count + PerMiniblock - 1) / PerMiniblock;
            var widths = new int[Miniblocks];
            for (int m = 0; m < used; m++)
            {
                ulong max = 0;
                for (int i = m * PerMiniblock; i < Math.Min(count, (m + 1) * PerMiniblock); i++)
                {
                    max = Math.Max(max, (ulong)(deltas[i] - min));
                }

                widths[m] = 64 - BitOperations.LeadingZeroCount(max);
            }

            output.AddRange(widths.Select(w => (byte)w));
            for (int m = 0; m < used; m++)
            {
                var packed = new byte[PerMiniblock * widths[m] / 8];
                for (int i = 0; i < PerMiniblock; i++)
                {
                    int at = m * PerMiniblock + i;
                    ulong delta = at < count ? (ulong)(deltas[at] - min) : 0;
                    for (int b = 0; b < widths[m]; b++)
                    {
                        if (((delta >> b) & 1) != 0)
                        {
                            int bit = i * widths[m] + b;
                            packed[bit >> 3] |= (byte)(1 << (bit & 7));
                        }
                    }
                }

                output.AddRange(packed);
            }
        }

        return output.ToArray();
    }

    private static void Varint(List<byte> output, ulong value)
    {
        while (value >= 0x80)
        {
            output.Add((byte)(value | 0x80));
            value >>= 7;
        }

        output.Add((byte)value);
    }

    private static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));
}
