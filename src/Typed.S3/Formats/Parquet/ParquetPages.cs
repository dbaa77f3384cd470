using System;
using System.Buffers.Binary;
using System.IO;
using System.Numerics;

namespace Typed.S3.Codecs;

/// <summary>The parts of a Parquet page header (Thrift compact protocol) that decoding a page needs.</summary>
internal struct ParquetPageHeader
{
    public const int DataPage = 0;
    public const int DictionaryPage = 2;
    public const int DataPageV2 = 3;

    public int Type;
    public int UncompressedSize;
    public int CompressedSize;

    // DATA_PAGE and DICTIONARY_PAGE
    public int NumValues;
    public int Encoding;

    // DATA_PAGE
    public int DefinitionEncoding;


    /// <summary>Reads the header at <paramref name="offset"/> and moves past it.</summary>
    /// <exception cref="InvalidDataException">The header is cut short or malformed.</exception>
    public static ParquetPageHeader Read(ReadOnlySpan<byte> data, ref int offset)
    {
        var reader = new ThriftCompactReader(data, offset);
        var header = new ParquetPageHeader { Type = -1 };
        short field = 0;
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
                case 5 or 7 when type == ThriftCompactReader.Struct:
                    ReadPageTypeHeader(ref reader, ref header, field);
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }

        if (header.Type < 0 || header.CompressedSize < 0 || header.UncompressedSize < 0)
        {
            throw new InvalidDataException("a page header lacks its type or sizes");
        }

        offset = reader.Position;
        return header;
    }

    // DataPageHeader (5) and DictionaryPageHeader (7): the number of values, their encoding, the levels' encoding.
    private static void ReadPageTypeHeader(ref ThriftCompactReader reader, ref ParquetPageHeader header, short kind)
    {
        short field = 0;
        while (reader.NextField(ref field, out byte type))
        {
            bool i32 = type == ThriftCompactReader.I32;
            switch (kind, field)
            {
                case (_, 1) when i32:
                    header.NumValues = reader.ReadInt32();
                    break;
                case (_, 2) when i32:
                    header.Encoding = reader.ReadInt32();
                    break;
                case (5, 3) when i32:
                    header.DefinitionEncoding = reader.ReadInt32();
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }
    }
}

/// <summary>Reads Thrift compact protocol structs field by field, skipping what it is not asked for.</summary>
internal ref struct ThriftCompactReader
{
    public const byte True = 1;
    public const byte False = 2;
    public const byte Byte = 3;
    public const byte I16 = 4;
    public const byte I32 = 5;
    public const byte I64 = 6;
    public const byte Double = 7;
    public const byte Binary = 8;
    public const byte List = 9;
    public const byte Set = 10;
    public const byte Map = 11;
    public const byte Struct = 12;
    private const int MaxDepth = 32;

    private readonly ReadOnlySpan<byte> _data;
    private int _position;
    private int _depth;

    public ThriftCompactReader(ReadOnlySpan<byte> data, int position)
    {
        _data = data;
        _position = position;
        _depth = 0;
    }

    public readonly int Position => _position;

    /// <summary>Moves to the next field of the current struct; false at its end.</summary>
    public bool NextField(ref short field, out byte type)
    {
        byte header = ReadByte();
        type = (byte)(header & 0x0F);
        if (type == 0)
        {
            return false;
        }

        int delta = header >> 4;
        field = delta != 0 ? (short)(field + delta) : checked((short)ZigZag(ReadVarint()));
        return true;
    }

    public int ReadInt32() => checked((int)ZigZag(ReadVarint()));

    public void Skip(byte type)
    {
        switch (type)
        {
            case True:
            case False:
                break;
            case Byte:
                ReadByte();
                break;
            case I16:
            case I32:
            case I64:
                ReadVarint();
                break;
            case Double:
                Advance(8);
                break;
            case Binary:
                Advance(checked((int)ReadVarint()));
                break;
            case List:
            case Set:
            {
                byte header = ReadByte();
                int count = header >> 4;
                if (count == 15)
                {
                    count = checked((int)ReadVarint());
                }

                SkipElements((byte)(header & 0x0F), count);
                break;
            }

            case Map:
            {
                int count = checked((int)ReadVarint());
                if (count > 0)
                {
                    byte types = ReadByte();
                    for (int i = 0; i < count; i++)
                    {
                        SkipElements((byte)(types >> 4), 1);
                        SkipElements((byte)(types & 0x0F), 1);
                    }
                }

                break;
            }

            case Struct:
            {
                Enter();
                short field = 0;
                while (NextField(ref field, out byte fieldType))
                {
                    Skip(fieldType);
                }

                _depth--;
                break;
            }

            default:
                throw new InvalidDataException("a page header holds an unknown Thrift type " + type);
        }
    }

    // Booleans inside collections take a byte each; other element types are read as fields are.
    private void SkipElements(byte type, int count)
    {
        Enter();
        for (int i = 0; i < count; i++)
        {
            if (type is True or False)
            {
                ReadByte();
            }
            else
            {
                Skip(type);
            }
        }

        _depth--;
    }

    private void Enter()
    {
        if (++_depth > MaxDepth)
        {
            throw new InvalidDataException("a page header nests too deep");
        }
    }

    private byte ReadByte()
    {
        if ((uint)_position >= (uint)_data.Length)
        {
            throw new InvalidDataException("a page header is cut short");
        }

        return _data[_position++];
    }

    private void Advance(int count)
    {
        if (count < 0 || count > _data.Length - _position)
        {
            throw new InvalidDataException("a page header is cut short");
        }

        _position += count;
    }

    private ulong ReadVarint()
    {
        ulong value = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            byte b = ReadByte();
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new InvalidDataException("a page header holds a malformed number");
    }

    private static long ZigZag(ulong value) => (long)(value >> 1) ^ -(long)(value & 1);
}

/// <summary>The RLE / bit-packing hybrid encoding of definition levels and dictionary indices.</summary>
internal static class ParquetHybrid
{
    /// <summary>The bit width of levels up to <paramref name="maxLevel"/>.</summary>
    public static int BitWidth(int maxLevel) => 32 - BitOperations.LeadingZeroCount((uint)maxLevel);

    /// <summary>Decodes <c>values.Length</c> values of <paramref name="bitWidth"/> bits; returns the bytes read.</summary>
    /// <exception cref="InvalidDataException">The data ends before all values are decoded.</exception>
    public static int Decode(ReadOnlySpan<byte> data, int bitWidth, Span<int> values)
    {
        if ((uint)bitWidth > 32)
        {
            throw new InvalidDataException("a bit width of " + bitWidth + " is out of range");
        }

        int position = 0;
        int count = 0;
        int valueBytes = (bitWidth + 7) / 8;
        while (count < values.Length)
        {
            ulong header = ReadVarint(data, ref position);
            if ((header & 1) == 0)
            {
                // An RLE run: one value repeated.
                int run = (int)Math.Min(header >> 1, (ulong)(values.Length - count));
                if (valueBytes > data.Length - position)
                {
                    throw new InvalidDataException("an RLE run is cut short");
                }

                int value = 0;
                for (int i = 0; i < valueBytes; i++)
                {
                    value |= data[position + i] << (8 * i);
                }

                position += valueBytes;
                if (run == 0)
                {
                    throw new InvalidDataException("an RLE run is empty");
                }

                values.Slice(count, run).Fill(value);
                count += run;
            }
            else
            {
                // Bit-packed groups of 8 values, least significant bit first; the last group may be cut short.
                ulong groups = header >> 1;
                if (groups == 0 || groups > int.MaxValue / 8)
                {
                    throw new InvalidDataException("a bit-packed run is empty or too long");
                }

                int packed = (int)Math.Min(groups * 8, (ulong)(values.Length - count));
                long byteLength = (long)groups * bitWidth;
                int available = (int)Math.Min(byteLength, data.Length - position);
                if ((long)packed * bitWidth > (long)available * 8)
                {
                    throw new InvalidDataException("a bit-packed run is cut short");
                }

                Unpack(data.Slice(position, available), bitWidth, values.Slice(count, packed));
                position += available;
                count += packed;
            }
        }

        return position;
    }

    private static void Unpack(ReadOnlySpan<byte> data, int bitWidth, Span<int> values)
    {
        if (bitWidth == 0)
        {
            values.Clear();
            return;
        }

        if (bitWidth == 1)
        {
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = (data[i >> 3] >> (i & 7)) & 1;
            }

            return;
        }

        uint mask = bitWidth == 32 ? uint.MaxValue : (1u << bitWidth) - 1;
        Span<byte> tail = stackalloc byte[8];
        for (int i = 0; i < values.Length; i++)
        {
            long bit = (long)i * bitWidth;
            int start = (int)(bit >> 3);
            ulong window;
            if (start + 8 <= data.Length)
            {
                window = BinaryPrimitives.ReadUInt64LittleEndian(data.Slice(start));
            }
            else
            {
                tail.Clear();
                data.Slice(start).CopyTo(tail);
                window = BinaryPrimitives.ReadUInt64LittleEndian(tail);
            }

            values[i] = (int)((uint)(window >> (int)(bit & 7)) & mask);
        }
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> data, ref int position)
    {
        ulong value = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            if ((uint)position >= (uint)data.Length)
            {
                throw new InvalidDataException("a hybrid run header is cut short");
            }

            byte b = data[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new InvalidDataException("a hybrid run header is malformed");
    }
}
