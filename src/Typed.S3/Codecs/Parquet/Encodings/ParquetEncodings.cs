namespace Typed.S3.Codecs;

/// <summary>Names of encodings as the spec spells them, for messages.</summary>
internal static class ParquetEncodings
{
    public static string Name(int encoding) => encoding switch
    {
        (int)ParquetEncoding.Plain => "PLAIN",
        (int)ParquetEncoding.PlainDictionary => "PLAIN_DICTIONARY",
        (int)ParquetEncoding.Rle => "RLE",
        (int)ParquetEncoding.BitPacked => "BIT_PACKED",
        (int)ParquetEncoding.DeltaBinaryPacked => "DELTA_BINARY_PACKED",
        (int)ParquetEncoding.DeltaLengthByteArray => "DELTA_LENGTH_BYTE_ARRAY",
        (int)ParquetEncoding.DeltaByteArray => "DELTA_BYTE_ARRAY",
        (int)ParquetEncoding.RleDictionary => "RLE_DICTIONARY",
        (int)ParquetEncoding.ByteStreamSplit => "BYTE_STREAM_SPLIT",
        _ => "unknown (" + encoding + ")",
    };
}
