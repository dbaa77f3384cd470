using Xunit.Abstractions;
using System.Buffers.Binary;
using System.Diagnostics;
using Parquet;
using Parquet.Schema;
using Typed.S3.Codecs;
using Typed.S3.Tests.Data;
using Typed.S3.Tests.Lists;

namespace Typed.S3.Tests.Parquet;

/// <summary>
/// Seeded, deterministic mutations of small valid Parquet files (bits flipped, bytes overwritten, inserted and deleted,
/// footer and page-header numbers corrupted, files truncated): every one either reads or fails with a
/// <see cref="DatasetFormatException"/> whose cause is the decoder's own words, within a time and an allocation bound
/// of its size. Bounds are correctness here: a corrupt declared size must not allocate, a corrupt count must not spin.
/// </summary>
public class ParquetMutationTests(ITestOutputHelper output)
{
    // TYPEDS3_PARQUET_MUTATIONS runs more (a longer local search); the suite's seeded subset is this many.
    private static readonly int MutationsPerSeed = int.TryParse(Environment.GetEnvironmentVariable("TYPEDS3_PARQUET_MUTATIONS"), out int count) ? count : 1500;

    // Far above what a read of these few-KB files needs (about 2 ms and 100 KB), far below what trusting a corrupt
    // size would cost (hundreds of MB, seconds).
    private static readonly TimeSpan TimeBound = TimeSpan.FromSeconds(2);

    public static TheoryData<string> Seeds => new() { "every-type", "lists", "encodings", "datapage_v2.snappy", "delta_length_byte_array", "delta_byte_array" };

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task MutatedFilesReadOrFailWithADatasetFormatExceptionWithinBounds(string seed)
    {
        (byte[] file, Func<Stream, IAsyncEnumerable<object>> read) = await SeedAsync(seed);
        var random = new Random(seed.Length * 7919 + file.Length);
        var outcomes = new Dictionary<string, int>();
        for (int i = 0; i < MutationsPerSeed; i++)
        {
            byte[] mutated = Mutate(file, random, out string how);
            string outcome = ReadWithinBounds(mutated, read, $"{seed} mutation {i} ({how})");
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        output.WriteLine(seed + ": " + string.Join(", ", outcomes.OrderByDescending(o => o.Value).Select(o => o.Key + ": " + o.Value)));

        // Enough mutations must get past the footer for the page decoders to be exercised.
        Assert.True(outcomes.GetValueOrDefault("records") + outcomes.Where(o => o.Key.StartsWith("row group", StringComparison.Ordinal)).Sum(o => o.Value) > MutationsPerSeed / 10,
            string.Join(", ", outcomes.Select(o => o.Key + ": " + o.Value)));
    }

    [Fact]
    public async Task ReadingStopsPromptlyWhenCancelled()
    {
        (byte[] file, _) = await SeedAsync("every-type");
        using var cancellation = new CancellationTokenSource();
        int read = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (EveryTypeRow _ in EveryTypes.ReadParquetAsync(new MemoryStream(file), cancellation.Token))
            {
                read++;
                cancellation.Cancel();
            }
        });

        // The next record is never built, although its row group is read.
        Assert.Equal(1, read);
    }

    // One read: records, or a DatasetFormatException from the decoder's own checks; anything else, or a bound
    // exceeded, fails the test with the input's description.
    private static string ReadWithinBounds(byte[] input, Func<Stream, IAsyncEnumerable<object>> read, string what)
    {
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        string outcome;
        try
        {
            // Synchronously on this thread (a MemoryStream completes every read at once), so its allocations are counted.
            IAsyncEnumerator<object> records = read(new MemoryStream(input, writable: false)).GetAsyncEnumerator();
            try
            {
                while (records.MoveNextAsync().AsTask().GetAwaiter().GetResult())
                {
                    Assert.True(clock.Elapsed < TimeBound, what + ": still reading after " + clock.Elapsed);
                }
            }
            finally
            {
                records.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }

            outcome = "records";
        }
        catch (DatasetFormatException error)
        {
            Assert.True(error.InnerException is null or ParquetDataException, what + ": the decoder failed on its own: " + error.InnerException);
            Assert.StartsWith("s3://fuzz/seed.parquet", error.Message);
            outcome = error.Problem.StartsWith("row group", StringComparison.Ordinal) ? "row group: " + Kind(error.Problem) : Kind(error.Problem);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        Assert.True(clock.Elapsed < TimeBound, what + ": took " + clock.Elapsed);
        Assert.True(allocated < (64L * input.Length) + (8L << 20), what + ": allocated " + allocated + " bytes for " + input.Length);
        return outcome;
    }

    private static string Kind(string problem)
    {
        int colon = problem.IndexOf(':', problem.StartsWith("row group", StringComparison.Ordinal) ? 12 : 0);
        return colon < 0 ? problem : problem[..colon];
    }

    private static byte[] Mutate(byte[] file, Random random, out string how)
    {
        byte[] bytes = (byte[])file.Clone();
        int footerLength = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(bytes.Length - 8));
        int footerStart = bytes.Length - 8 - footerLength;

        // Half the mutations land in the footer, where sizes, offsets and counts live; the rest anywhere (page headers, pages).
        int Position() => random.Next(2) == 0 ? random.Next(footerStart, bytes.Length - 8) : random.Next(4, bytes.Length - 4);

        switch (random.Next(8))
        {
            case 0:
            {
                int at = Position();
                bytes[at] ^= (byte)(1 << random.Next(8));
                how = "bit flipped at " + at;
                return bytes;
            }

            case 1:
            {
                int at = Position();
                byte[] interesting = [0x00, 0xFF, 0x7F, 0x80, 0x01, 0x15, 0x19, 0x1C];
                bytes[at] = interesting[random.Next(interesting.Length)];
                how = "byte " + at + " set to " + bytes[at];
                return bytes;
            }

            case 2:
            {
                // A varint made huge: a size, offset or count of a footer or page header.
                int at = Position();
                int length = random.Next(1, 6);
                for (int i = 0; i < length && at + i < bytes.Length - 8; i++)
                {
                    bytes[at + i] = i == length - 1 ? (byte)random.Next(0x80) : (byte)(0x80 | random.Next(0x80));
                }

                how = length + " varint bytes at " + at;
                return bytes;
            }

            case 3:
            {
                int at = Position();
                int count = random.Next(1, 9);
                byte[] inserted = new byte[count];
                random.NextBytes(inserted);
                how = count + " bytes inserted at " + at;
                return [.. bytes.AsSpan(0, at), .. inserted, .. bytes.AsSpan(at)];
            }

            case 4:
            {
                int at = Position();
                int count = Math.Min(random.Next(1, 17), bytes.Length - 8 - at);
                how = count + " bytes deleted at " + at;
                return [.. bytes.AsSpan(0, at), .. bytes.AsSpan(at + Math.Max(count, 0))];
            }

            case 5:
            {
                // The footer's length: past the file, negative, or off by a little.
                int[] lengths = [footerLength + random.Next(-16, 17), int.MaxValue, -1, bytes.Length, random.Next()];
                int length = lengths[random.Next(lengths.Length)];
                BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(bytes.Length - 8), length);
                how = "footer length " + length;
                return bytes;
            }

            case 6:
            {
                int keep = random.Next(0, bytes.Length);
                how = "truncated to " + keep;
                return random.Next(2) == 0 ? bytes[..keep] : [.. bytes.AsSpan(0, keep), .. bytes.AsSpan(bytes.Length - 8)];
            }

            default:
            {
                // A stretch of random bytes.
                int at = Position();
                int count = Math.Min(random.Next(2, 32), bytes.Length - 8 - at);
                random.NextBytes(bytes.AsSpan(at, Math.Max(count, 0)));
                how = count + " random bytes at " + at;
                return bytes;
            }
        }
    }

    private static async Task<(byte[] File, Func<Stream, IAsyncEnumerable<object>> Read)> SeedAsync(string seed)
    {
        var stream = new MemoryStream();
        switch (seed)
        {
            case "every-type":
            {
                EveryTypeRow[] rows = Enumerable.Range(0, 300).Select(i => new EveryTypeRow
                {
                    Id = i,
                    Flag = i % 3 == 0 ? null : i % 2 == 0,
                    Count = i * 7,
                    Big = i % 5 == 0 ? null : i * 1_000_003L,
                    Amount = i % 4 == 0 ? null : i * 1.25m,
                    Name = "name " + (i % 17),
                    Note = i % 6 == 0 ? null : "note " + i,
                    Day = new DateOnly(2024, 1, 1).AddDays(i),
                    AtTime = new TimeOnly(i % 24, i % 60),
                    CreatedAt = DateTimeOffset.UnixEpoch.AddHours(i),
                    Key = i % 7 == 0 ? null : new Guid(i, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10),
                    Payload = i % 8 == 0 ? null : [(byte)i, 1, 2],
                }).ToArray();
                await EveryTypes.WriteParquetAsync(stream, rows);
                return (stream.ToArray(), s => Box(EveryTypes.ReadParquetAsync(s, "s3://fuzz/seed.parquet")));
            }

            case "lists":
                await Baskets.WriteParquetAsync(stream, ListColumnTests.SampleRows());
                return (stream.ToArray(), s => Box(Baskets.ReadParquetAsync(s, "s3://fuzz/seed.parquet")));

            case "encodings":
            {
                // Parquet.Net's dictionary, delta and byte-stream-split pages, uncompressed.
                var options = new ParquetOptions { CompressionMethod = CompressionMethod.None };
                options.ColumnEncodingHints["int64"] = EncodingHint.DeltaBinaryPacked;
                options.ColumnEncodingHints["float64"] = EncodingHint.ByteSplitStream;
                options.ColumnEncodingHints["dictionary"] = EncodingHint.Dictionary;
                return (await ParquetChunksTests.WriteAsync(options, [60, 1, 40]), s => Box(ChunkRows.ReadParquetAsync(s, "s3://fuzz/seed.parquet")));
            }

            default:
            {
                // Files of apache/parquet-testing: data pages v2 (RLE booleans, a list), delta-encoded strings.
                byte[] file = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Parquet", "Seeds", seed + ".parquet"));
                return (file, seed switch
                {
                    "datapage_v2.snappy" => s => Box(V2Pages.ReadParquetAsync(s, "s3://fuzz/seed.parquet")),
                    "delta_length_byte_array" => s => Box(Fruits.ReadParquetAsync(s, "s3://fuzz/seed.parquet")),
                    _ => s => Box(Customers.ReadParquetAsync(s, "s3://fuzz/seed.parquet")),
                });
            }
        }
    }

    private static async IAsyncEnumerable<object> Box<T>(IAsyncEnumerable<T> records)
    {
        await foreach (T record in records)
        {
            yield return record!;
        }
    }
}
