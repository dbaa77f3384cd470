using System;
using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Typed.S3.Codecs;

/// <summary>
/// A Parquet file's footer, read by Typed.S3: the magic bytes at both ends, the footer's length checked against the
/// file's real size before its bytes are fetched, the <c>FileMetaData</c> parsed with bounds, and its schema built
/// into a tree. An encrypted file (magic <c>PARE</c>, or a plaintext footer naming an encryption algorithm) is
/// refused as such.
/// </summary>
internal sealed class ParquetFooter
{
    private static ReadOnlySpan<byte> Magic => "PAR1"u8;

    private static ReadOnlySpan<byte> EncryptedMagic => "PARE"u8;

    private ParquetFooter(FileMetaData metadata, ParquetSchemaNode root, int leafCount, long dataEnd)
    {
        Metadata = metadata;
        Root = root;
        LeafCount = leafCount;
        DataEnd = dataEnd;
    }

    public FileMetaData Metadata { get; }

    public ParquetSchemaNode Root { get; }

    public int LeafCount { get; }

    /// <summary>Where the footer starts: the end of the column chunks.</summary>
    public long DataEnd { get; }

    /// <summary>Reads the footer of <paramref name="input"/> (seekable).</summary>
    /// <exception cref="DatasetFormatException">Not Parquet, encrypted, truncated, or a corrupt footer.</exception>
    public static async Task<ParquetFooter> ReadAsync(Stream input, string objectName, CancellationToken cancellationToken)
    {
        long length = input.Length;
        if (length < 12)
        {
            throw ParquetErrors.File(objectName, string.Create(CultureInfo.InvariantCulture, $"not a Parquet file: {length} bytes is too short to be one"));
        }

        byte[] tail = new byte[8];
        input.Position = 0;
        await input.ReadExactlyAsync(tail.AsMemory(0, 4), cancellationToken).ConfigureAwait(false);
        if (tail.AsSpan(0, 4).SequenceEqual(EncryptedMagic))
        {
            throw Encrypted(objectName, "its footer is encrypted");
        }

        if (!tail.AsSpan(0, 4).SequenceEqual(Magic))
        {
            throw ParquetErrors.File(objectName, "not a Parquet file: it does not start with the magic bytes PAR1");
        }

        input.Position = length - 8;
        await input.ReadExactlyAsync(tail, cancellationToken).ConfigureAwait(false);
        if (tail.AsSpan(4).SequenceEqual(EncryptedMagic))
        {
            throw Encrypted(objectName, "its footer is encrypted");
        }

        if (!tail.AsSpan(4).SequenceEqual(Magic))
        {
            throw ParquetErrors.File(objectName, "the Parquet file is truncated or corrupt: it does not end with the magic bytes PAR1");
        }

        int footerLength = BinaryPrimitives.ReadInt32LittleEndian(tail);
        if (footerLength <= 0 || footerLength > length - 12)
        {
            throw ParquetErrors.File(objectName, string.Create(CultureInfo.InvariantCulture,
                $"the Parquet file is truncated or corrupt: its footer's length ({footerLength} bytes) does not fit in the file ({length} bytes)"));
        }

        long footerStart = length - 8 - footerLength;
        byte[] footer = ArrayPool<byte>.Shared.Rent(footerLength);
        try
        {
            input.Position = footerStart;
            await input.ReadExactlyAsync(footer.AsMemory(0, footerLength), cancellationToken).ConfigureAwait(false);
            FileMetaData metadata;
            ParquetSchemaNode root;
            int leafCount;
            try
            {
                metadata = FileMetaDataReader.Read(footer.AsSpan(0, footerLength));
                root = ParquetSchemaNode.Build(metadata.Schema, out leafCount);
                CheckRowGroups(metadata, leafCount);
            }
            catch (ParquetDataException exception)
            {
                throw ParquetErrors.File(objectName, "the Parquet footer cannot be read: " + exception.Message, exception);
            }

            if (metadata.Encrypted)
            {
                throw Encrypted(objectName, "its footer names an encryption algorithm");
            }

            return new ParquetFooter(metadata, root, leafCount, footerStart);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(footer);
        }
    }

    private static void CheckRowGroups(FileMetaData metadata, int leafCount)
    {
        foreach (RowGroupMetaData group in metadata.RowGroups)
        {
            if (group.Columns.Length != leafCount)
            {
                ParquetErrors.Corrupt(string.Create(CultureInfo.InvariantCulture,
                    $"a row group lists {group.Columns.Length} column chunks for the schema's {leafCount} columns"));
            }

            if (group.NumRows < 0)
            {
                ParquetErrors.Corrupt("a row group has a negative number of rows");
            }
        }
    }

    private static DatasetFormatException Encrypted(string objectName, string how) =>
        ParquetErrors.File(objectName, "the Parquet file is encrypted (" + how + "): Typed.S3 does not read encrypted Parquet files");
}
