using System.Buffers.Binary;
using System.Text;

namespace Typed.S3.Fuzz;

/// <summary>
/// Seeded, structure-aware mutation: input <c>i</c> of seed <c>s</c> is always the same bytes, so any finding is
/// reproduced by its number. Besides byte-level edits it splices the tokens each format is made of (quotes,
/// delimiters, brackets, escapes, zones, numbers that overflow, invalid UTF-8, byte order marks), replaces whole
/// fields, repeats a span to make huge lines, long numbers and deep nesting, and for Parquet edits the little-endian
/// lengths and offsets the footer and page headers hold.
/// </summary>
public sealed class Mutator
{
    private static readonly byte[][] CommonTokens = Tokens(
        "\"", ",", "\n", "\r\n", "\r", "\t", " ", "-", "+", ".", "e", "E", "0", "9", ":", "T", "Z", "+1", "+01", "+01:00", "-1430",
        "+14:01", "+99", "null", "NULL", "true", "yes", "NaN", "Infinity", "1e400", "-0", "0.1e-400",
        "99999999999999999999999999999999", "123456.789", "12345678.9", "1.005", "0.001", "2147483648", "-9223372036854775809",
        "2020-02-30", "2020-01-01T24:00:00", "2020-01-01T00:00:00", "2020-01-01 00:00:00", "2020-01-01T00:00:00.12345678",
        "23:59:60", "0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00", "{0f8fad5b-d9cb-469f-a165-70867728950e}",
        "[1]", "[[1]]", "[1,]", "[\"a\"]", "[null]", "[{}]", "{}", "[", "]", "{", "}");

    private static readonly byte[][] Utf8Tokens =
    {
        new byte[] { 0xFF }, new byte[] { 0xE9 }, new byte[] { 0xC3 }, new byte[] { 0xC3, 0xA9 }, new byte[] { 0x80 },
        new byte[] { 0xED, 0xA0, 0x80 }, new byte[] { 0xF4, 0x90, 0x80, 0x80 }, new byte[] { 0xC0, 0xAF }, new byte[] { 0xE2, 0x82 },
        new byte[] { 0xEF, 0xBB, 0xBF }, new byte[] { 0xFF, 0xFE }, new byte[] { 0xFE, 0xFF }, new byte[] { 0x00 },
    };

    private static readonly byte[][] JsonTokens = Tokens(
        "\\u", "\\ud800", "\\udc00", "\\u00e9", "\\\"", "\\\\", "\\x", "\":", "\"id\":", "\"ID\":", "\"Name\":", "\"tags\":", "\"words\":",
        "\"amount\":", "\"at\":", "\"extra\":", "[[[[[[[[", "{\"a\":{\"a\":{\"a\":", "]]]]", "//", "/*", "'a'", "1,", "\"\"");

    private static readonly byte[][] CsvTokens = Tokens(
        "\"\"", "\",\"", "\"\"\"", "id,", ",id", "Name,", "name,", ",,,,,,,,", "\"[1,2]\"", "\"[\"\"a\"\"]\"", "\"[[1]]\"", "\"{}\"");

    private static readonly int[] InterestingInts = { 0, 1, -1, 2, 4, 8, 255, 256, 0x7FFF, 0xFFFF, 0x7FFFFFFF, int.MinValue, 100_000_000 };

    private readonly FuzzFormat _format;
    private readonly IReadOnlyList<byte[]> _seeds;
    private readonly int _seed;

    /// <summary>Creates the mutator of one format.</summary>
    /// <param name="format">The format.</param>
    /// <param name="seeds">The valid objects to mutate.</param>
    /// <param name="seed">The run's seed.</param>
    public Mutator(FuzzFormat format, IReadOnlyList<byte[]> seeds, int seed)
    {
        _format = format;
        _seeds = seeds;
        _seed = seed;
    }

    /// <summary>Input number <paramref name="index"/>: a seed with one to four mutations.</summary>
    /// <param name="index">The input's number.</param>
    /// <returns>The bytes.</returns>
    public byte[] Input(long index)
    {
        var random = new Random(HashCode.Combine(_seed, index, (int)_format));
        var data = new List<byte>(_seeds[random.Next(_seeds.Count)]);
        int mutations = 1 + random.Next(4);
        for (int i = 0; i < mutations; i++)
        {
            Mutate(random, data);
        }

        return data.ToArray();
    }

    private void Mutate(Random random, List<byte> data)
    {
        if (_format == FuzzFormat.Parquet && random.Next(3) > 0)
        {
            MutateParquet(random, data);
            return;
        }

        int position = data.Count == 0 ? 0 : random.Next(data.Count + 1);
        switch (random.Next(12))
        {
            case 0 when data.Count > 0:
                data[Math.Min(position, data.Count - 1)] ^= (byte)(1 << random.Next(8));
                break;
            case 1 when data.Count > 0:
                data.RemoveRange(Math.Min(position, data.Count - 1), Math.Min(1 + random.Next(16), data.Count - Math.Min(position, data.Count - 1)));
                break;
            case 2:
                data.InsertRange(position, Pick(random, CommonTokens));
                break;
            case 3:
                data.InsertRange(position, Pick(random, Utf8Tokens));
                break;
            case 4:
                data.InsertRange(position, Pick(random, _format is FuzzFormat.Csv or FuzzFormat.CsvParallel or FuzzFormat.NestedCsv ? CsvTokens : JsonTokens));
                break;
            case 5:
                ReplaceField(random, data, random.Next(2) == 0 ? Pick(random, CommonTokens) : Pick(random, Utf8Tokens));
                break;
            case 6 when data.Count > 0:
                data.RemoveRange(position == data.Count ? data.Count - 1 : position, data.Count - (position == data.Count ? data.Count - 1 : position));
                break;
            case 7 when data.Count > 1:
                int start = random.Next(data.Count);
                int length = 1 + random.Next(Math.Min(64, data.Count - start));
                data.InsertRange(position, data.GetRange(start, length));
                break;
            case 8:
                // Splice: the start of this object and the end of another.
                byte[] other = _seeds[random.Next(_seeds.Count)];
                int cut = other.Length == 0 ? 0 : random.Next(other.Length);
                data.RemoveRange(position, data.Count - position);
                data.AddRange(other.AsSpan(cut).ToArray());
                break;
            case 9:
                // A span repeated: a huge line or field, a long number, deep nesting.
                byte[] unit = random.Next(2) == 0 ? Pick(random, CommonTokens) : data.Count > 0 ? data.GetRange(Math.Min(position, data.Count - 1), 1).ToArray() : new byte[] { (byte)'[' };
                int times = random.Next(3) == 0 ? 20_000 / Math.Max(1, unit.Length) : 1 + random.Next(300);
                var repeated = new byte[unit.Length * times];
                for (int i = 0; i < times; i++)
                {
                    unit.CopyTo(repeated, i * unit.Length);
                }

                data.InsertRange(position, repeated);
                break;
            case 10 when data.Count > 0:
                data[Math.Min(position, data.Count - 1)] = Pick(random, CommonTokens)[0];
                break;
            default:
                ReplaceField(random, data, Pick(random, _format is FuzzFormat.Csv or FuzzFormat.CsvParallel or FuzzFormat.NestedCsv ? CsvTokens : JsonTokens));
                break;
        }
    }

    // The bytes between two separators (a delimiter, colon, bracket, line break) replaced by a token.
    private static void ReplaceField(Random random, List<byte> data, byte[] token)
    {
        if (data.Count == 0)
        {
            data.AddRange(token);
            return;
        }

        int at = random.Next(data.Count);
        int start = at;
        while (start > 0 && !IsSeparator(data[start - 1]))
        {
            start--;
        }

        int end = at;
        while (end < data.Count && !IsSeparator(data[end]))
        {
            end++;
        }

        data.RemoveRange(start, end - start);
        data.InsertRange(start, token);
    }

    private static bool IsSeparator(byte b) => b is (byte)',' or (byte)':' or (byte)'\n' or (byte)'\r' or (byte)'[' or (byte)']' or (byte)'{' or (byte)'}' or (byte)'\t';

    // Parquet: the footer (its Thrift metadata and length) and page headers hold sizes, offsets, counts and types;
    // write interesting integers there, flip bytes near the end, or cut the file.
    private static void MutateParquet(Random random, List<byte> data)
    {
        if (data.Count < 16)
        {
            return;
        }

        bool nearEnd = random.Next(2) == 0;
        int region = Math.Min(data.Count - 8, 400);
        int at = nearEnd ? data.Count - 8 - random.Next(region) : 4 + random.Next(data.Count - 12);
        switch (random.Next(5))
        {
            case 0:
                Span<byte> four = stackalloc byte[4];
                BinaryPrimitives.WriteInt32LittleEndian(four, InterestingInts[random.Next(InterestingInts.Length)]);
                for (int i = 0; i < 4; i++)
                {
                    data[at + i] = four[i];
                }

                break;
            case 1:
                // A Thrift varint or field header made large or negative.
                data[at] = (byte)random.Next(256);
                data[at + 1] = (byte)(0x80 | random.Next(128));
                break;
            case 2:
                data[at] ^= (byte)(1 << random.Next(8));
                break;
            case 3:
                // The footer's length.
                BinaryPrimitives.WriteInt32LittleEndian(
                    System.Runtime.InteropServices.CollectionsMarshal.AsSpan(data).Slice(data.Count - 8, 4),
                    InterestingInts[random.Next(InterestingInts.Length)]);
                break;
            default:
                data.RemoveRange(at, Math.Min(1 + random.Next(32), data.Count - 8 - at));
                break;
        }
    }

    private static byte[] Pick(Random random, byte[][] tokens) => tokens[random.Next(tokens.Length)];

    private static byte[][] Tokens(params string[] tokens) => tokens.Select(Encoding.UTF8.GetBytes).ToArray();
}
