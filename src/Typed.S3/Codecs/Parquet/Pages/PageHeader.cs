using System;

namespace Typed.S3.Codecs;

/// <summary>Parquet's page types (<c>PageType</c>).</summary>
internal enum PageType
{
    DataPage = 0,
    IndexPage = 1,
    DictionaryPage = 2,
    DataPageV2 = 3,
}

/// <summary>The parts of a page header (Thrift compact <c>PageHeader</c>) that decoding a page needs.</summary>
internal struct PageHeader
{
    public int Type;
    public int UncompressedSize;
    public int CompressedSize;
    public bool HasCrc;
    public uint Crc;

    // DATA_PAGE, DATA_PAGE_V2 and DICTIONARY_PAGE
    public int NumValues;
    public int Encoding;

    // DATA_PAGE
    public int DefinitionEncoding;
    public int RepetitionEncoding;

    // DATA_PAGE_V2
    public int NumNulls;
    public int NumRows;
    public int DefinitionLength;
    public int RepetitionLength;
    public bool IsCompressed;

    /// <summary>Reads the header at <paramref name="offset"/> and moves past it.</summary>
    public static PageHeader Read(ReadOnlySpan<byte> data, ref int offset)
    {
        var reader = new ThriftCompactReader(data, offset, "a page header");
        var header = new PageHeader { Type = -1, UncompressedSize = -1, CompressedSize = -1, IsCompressed = true, DefinitionEncoding = (int)ParquetEncoding.Rle, RepetitionEncoding = (int)ParquetEncoding.Rle };
        bool hasKind = false;
        short field = 0;
        reader.BeginStruct();
        while (reader.NextField(ref field, out byte type))
        {
            switch (field)
            {
                case 1 when type == ThriftCompactReader.I32:
                    header.Type = reader.ReadInt32();
                    break;
                case 2 when type == ThriftCompactReader.I32:
                    header.UncompressedSize = reader.ReadInt32();
                    break;
                case 3 when type == ThriftCompactReader.I32:
                    header.CompressedSize = reader.ReadInt32();
                    break;
                case 4 when type == ThriftCompactReader.I32:
                    header.Crc = unchecked((uint)reader.ReadInt32());
                    header.HasCrc = true;
                    break;
                case 5 or 7 or 8 when type == ThriftCompactReader.Struct:
                    ReadKind(ref reader, ref header, field);
                    hasKind = true;
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }

        reader.EndStruct();
        if (header.Type < 0 || header.CompressedSize < 0 || header.UncompressedSize < 0)
        {
            ParquetErrors.Corrupt("a page header lacks its type or sizes, or gives a negative size");
        }

        if (!hasKind && header.Type is (int)PageType.DataPage or (int)PageType.DataPageV2 or (int)PageType.DictionaryPage)
        {
            ParquetErrors.Corrupt("a page header lacks the header of its page type");
        }

        if (header.NumValues < 0 || header.NumNulls < 0 || header.NumRows < 0 || header.DefinitionLength < 0 || header.RepetitionLength < 0)
        {
            ParquetErrors.Corrupt("a page header gives a negative count or length");
        }

        offset = reader.Position;
        return header;
    }

    // DataPageHeader (5), DictionaryPageHeader (7) and DataPageHeaderV2 (8).
    private static void ReadKind(ref ThriftCompactReader reader, ref PageHeader header, short kind)
    {
        short field = 0;
        reader.BeginStruct();
        while (reader.NextField(ref field, out byte type))
        {
            bool i32 = type == ThriftCompactReader.I32;
            switch (kind, field)
            {
                case (_, 1) when i32:
                    header.NumValues = reader.ReadInt32();
                    break;
                case (5 or 7, 2) when i32:
                    header.Encoding = reader.ReadInt32();
                    break;
                case (5, 3) when i32:
                    header.DefinitionEncoding = reader.ReadInt32();
                    break;
                case (5, 4) when i32:
                    header.RepetitionEncoding = reader.ReadInt32();
                    break;
                case (8, 2) when i32:
                    header.NumNulls = reader.ReadInt32();
                    break;
                case (8, 3) when i32:
                    header.NumRows = reader.ReadInt32();
                    break;
                case (8, 4) when i32:
                    header.Encoding = reader.ReadInt32();
                    break;
                case (8, 5) when i32:
                    header.DefinitionLength = reader.ReadInt32();
                    break;
                case (8, 6) when i32:
                    header.RepetitionLength = reader.ReadInt32();
                    break;
                case (8, 7) when type is ThriftCompactReader.True or ThriftCompactReader.False:
                    header.IsCompressed = reader.ReadBool(type);
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }

        reader.EndStruct();
    }
}
