using System;
using System.Buffers.Binary;
using System.IO;
using System.IO.Compression;

namespace Typed.S3.Codecs;

/// <summary>
/// Decompresses pages of every codec Parquet names: UNCOMPRESSED, SNAPPY, GZIP, BROTLI, ZSTD, LZ4_RAW and LZ4 (the
/// Hadoop-framed blocks parquet-mr writes, or a bare LZ4 block as older Arrow wrote); LZO is refused by name. A page
/// must decompress to exactly its declared size, and that size is bounded before a byte is allocated.
/// </summary>
internal sealed class PageDecompressor : IDisposable
{
    // No codec Parquet uses expands more than deflate's 1032:1 on real pages; the floor lets small pages of one
    // repeated value through. A declared size past this is a corrupt header, refused before the buffer is allocated.
    private const int MaxRatio = 1032;
    private const int MinLimit = 1 << 20;

    private ZstdSharp.Decompressor? _zstd;

    /// <summary>The codec's name as the spec spells it, for messages.</summary>
    public static string Name(int codec) => codec switch
    {
        (int)ParquetCodecKind.Uncompressed => "UNCOMPRESSED",
        (int)ParquetCodecKind.Snappy => "SNAPPY",
        (int)ParquetCodecKind.Gzip => "GZIP",
        (int)ParquetCodecKind.Lzo => "LZO",
        (int)ParquetCodecKind.Brotli => "BROTLI",
        (int)ParquetCodecKind.Lz4 => "LZ4",
        (int)ParquetCodecKind.Zstd => "ZSTD",
        (int)ParquetCodecKind.Lz4Raw => "LZ4_RAW",
        _ => "unknown (" + codec + ")",
    };

    /// <summary>Refuses a codec this reader cannot decompress, before any page is read.</summary>
    public static void Check(int codec)
    {
        if (codec == (int)ParquetCodecKind.Lzo)
        {
            ParquetErrors.Unsupported("the column chunk is compressed with LZO, which Typed.S3 does not read");
        }

        if (codec is < 0 or > (int)ParquetCodecKind.Lz4Raw)
        {
            ParquetErrors.Corrupt("the column chunk names an unknown compression codec (" + codec + ")");
        }
    }

    /// <summary>Checks a page's declared uncompressed size against its compressed size.</summary>
    public static void CheckSize(int compressed, int uncompressed)
    {
        if (uncompressed > Math.Max(MinLimit, (long)compressed * MaxRatio))
        {
            ParquetErrors.Corrupt("a page declares an uncompressed size of " + uncompressed + " bytes for " + compressed + " compressed bytes");
        }
    }

    /// <summary>Decompresses <paramref name="source"/> into <paramref name="target"/>, which it must fill exactly.</summary>
    public void Decompress(int codec, ArraySegment<byte> source, Span<byte> target)
    {
        ReadOnlySpan<byte> compressed = source;
        int written;
        try
        {
            switch (codec)
            {
                case (int)ParquetCodecKind.Uncompressed:
                    if (compressed.Length != target.Length)
                    {
                        ParquetErrors.Corrupt("an uncompressed page's sizes differ");
                    }

                    compressed.CopyTo(target);
                    return;
                case (int)ParquetCodecKind.Snappy:
                    if (Snappier.Snappy.GetUncompressedLength(compressed) != target.Length)
                    {
                        ParquetErrors.Corrupt("a Snappy page does not decompress to its declared size");
                    }

                    written = Snappier.Snappy.Decompress(compressed, target);
                    break;
                case (int)ParquetCodecKind.Zstd:
                    written = (_zstd ??= new ZstdSharp.Decompressor()).Unwrap(compressed, target);
                    break;
                case (int)ParquetCodecKind.Lz4Raw:
                    written = K4os.Compression.LZ4.LZ4Codec.Decode(compressed, target);
                    break;
                case (int)ParquetCodecKind.Lz4:
                    written = DecodeLz4(compressed, target);
                    break;
                case (int)ParquetCodecKind.Brotli:
                    if (!BrotliDecoder.TryDecompress(compressed, target, out written))
                    {
                        written = -1;
                    }

                    break;
                case (int)ParquetCodecKind.Gzip:
                    written = Gunzip(source, target);
                    break;
                default:
                    Check(codec);
                    return;
            }
        }
        catch (Exception exception) when (exception is not ParquetDataException and not OutOfMemoryException)
        {
            // The codec libraries' own words (and types) stay inside.
            ParquetErrors.Corrupt("a " + Name(codec) + " page cannot be decompressed", exception);
            return;
        }

        if (written != target.Length)
        {
            ParquetErrors.Corrupt("a " + Name(codec) + " page does not decompress to its declared size");
        }
    }

    public void Dispose()
    {
        _zstd?.Dispose();
        _zstd = null;
    }

    // Hadoop's framing (parquet-mr): blocks of [uncompressed length][compressed length][LZ4 block], big-endian. Files
    // that Arrow wrote before it framed hold one bare LZ4 block under the same codec id: tried when the framing does not fit.
    private static int DecodeLz4(ReadOnlySpan<byte> compressed, Span<byte> target)
    {
        int framed = DecodeHadoopLz4(compressed, target);
        return framed >= 0 ? framed : K4os.Compression.LZ4.LZ4Codec.Decode(compressed, target);
    }

    private static int DecodeHadoopLz4(ReadOnlySpan<byte> input, Span<byte> target)
    {
        int written = 0;
        while (input.Length > 0)
        {
            if (input.Length < 8)
            {
                return -1;
            }

            uint blockSize = BinaryPrimitives.ReadUInt32BigEndian(input);
            uint chunkSize = BinaryPrimitives.ReadUInt32BigEndian(input.Slice(4));
            if (blockSize > (uint)(target.Length - written) || chunkSize > (uint)(input.Length - 8))
            {
                return -1;
            }

            int decoded = K4os.Compression.LZ4.LZ4Codec.Decode(input.Slice(8, (int)chunkSize), target.Slice(written, (int)blockSize));
            if (decoded != (int)blockSize)
            {
                return -1;
            }

            written += decoded;
            input = input.Slice(8 + (int)chunkSize);
        }

        return written;
    }

    // Concatenated gzip members (some writers emit several) are read one after another by GZipStream.
    private static int Gunzip(ArraySegment<byte> compressed, Span<byte> target)
    {
        using var source = new MemoryStream(compressed.Array!, compressed.Offset, compressed.Count, writable: false);
        using var gzip = new GZipStream(source, CompressionMode.Decompress);
        int written = gzip.ReadAtLeast(target, target.Length, throwOnEndOfStream: false);

        // One byte more would mean the page is larger than declared.
        Span<byte> probe = stackalloc byte[1];
        return written == target.Length && gzip.Read(probe) == 0 ? written : -1;
    }
}
