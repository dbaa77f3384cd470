using System;
using System.Text;

namespace Typed.S3.Codecs;

/// <summary>
/// Reads Thrift compact protocol structs (Parquet's footer and page headers) field by field, skipping what it is not
/// asked for. Every length and count is checked against the bytes left before anything is allocated, and nesting is
/// bounded, so a corrupt header can neither allocate more than its own size nor recurse without end.
/// </summary>
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
    private const int MaxDepth = 64;

    private readonly ReadOnlySpan<byte> _data;
    private readonly string _what;
    private int _position;
    private int _depth;

    /// <param name="data">The encoded bytes (a footer or the bytes around a page header); read in place, never copied.</param>
    /// <param name="position">Where the struct starts.</param>
    /// <param name="what">What is read (<c>the footer</c>, <c>a page header</c>), for messages.</param>
    public ThriftCompactReader(ReadOnlySpan<byte> data, int position, string what)
    {
        _data = data;
        _position = position;
        _what = what;
        _depth = 0;
    }

    public readonly int Position => _position;

    /// <summary>Enters a nested struct (call <see cref="EndStruct"/> after its stop field).</summary>
    public void BeginStruct()
    {
        if (++_depth > MaxDepth)
        {
            ParquetErrors.Corrupt(_what + " nests too deep");
        }
    }

    public void EndStruct() => _depth--;

    /// <summary>Moves to the next field of the current struct; false at its end. Booleans are in <paramref name="type"/>.</summary>
    public bool NextField(ref short field, out byte type)
    {
        byte header = ReadByte();
        type = (byte)(header & 0x0F);
        if (type == 0)
        {
            return false;
        }

        int delta = header >> 4;
        long id = delta != 0 ? field + delta : ZigZag(ReadVarint());
        if (id is < short.MinValue or > short.MaxValue)
        {
            ParquetErrors.Corrupt(_what + " holds a malformed field id");
        }

        field = (short)id;
        return true;
    }

    public int ReadInt32()
    {
        long value = ZigZag(ReadVarint());
        if (value is < int.MinValue or > int.MaxValue)
        {
            ParquetErrors.Corrupt(_what + " holds a number too large for its field");
        }

        return (int)value;
    }

    public long ReadInt64() => ZigZag(ReadVarint());

    /// <summary>An i8 (a single byte, not a varint) or any integer type, as <see cref="int"/>.</summary>
    public int ReadInteger(byte type) => type == Byte ? (sbyte)ReadByte() : ReadInt32();

    /// <summary>A boolean field's value, carried in its type.</summary>
    public readonly bool ReadBool(byte type) => type == True;

    public ReadOnlySpan<byte> ReadBinary()
    {
        ulong length = ReadVarint();
        if (length > (ulong)(_data.Length - _position))
        {
            ParquetErrors.CutShort(_what);
        }

        ReadOnlySpan<byte> value = _data.Slice(_position, (int)length);
        _position += (int)length;
        return value;
    }

    /// <summary>A string; invalid UTF-8 is replaced here, as it only names things in messages and lookups.</summary>
    public string ReadString()
    {
        ReadOnlySpan<byte> bytes = ReadBinary();
        return bytes.IsEmpty ? string.Empty : Encoding.UTF8.GetString(bytes);
    }

    /// <summary>
    /// A list or set header: the element type and count. Each element takes at least one byte, so a count larger than
    /// the bytes left is corrupt whatever follows.
    /// </summary>
    public int ReadListHeader(out byte elementType)
    {
        byte header = ReadByte();
        elementType = (byte)(header & 0x0F);
        long count = header >> 4;
        if (count == 15)
        {
            ulong large = ReadVarint();
            count = large > int.MaxValue ? long.MaxValue : (long)large;
        }

        if (count > _data.Length - _position)
        {
            ParquetErrors.Corrupt(_what + " holds a list longer than its bytes");
        }

        return (int)count;
    }

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
                ReadBinary();
                break;
            case List:
            case Set:
            {
                int count = ReadListHeader(out byte elementType);
                BeginStruct();
                for (int i = 0; i < count; i++)
                {
                    SkipElement(elementType);
                }

                EndStruct();
                break;
            }

            case Map:
            {
                ulong count = ReadVarint();
                if (count > (ulong)(_data.Length - _position))
                {
                    ParquetErrors.Corrupt(_what + " holds a map longer than its bytes");
                }

                if (count > 0)
                {
                    byte types = ReadByte();
                    BeginStruct();
                    for (ulong i = 0; i < count; i++)
                    {
                        SkipElement((byte)(types >> 4));
                        SkipElement((byte)(types & 0x0F));
                    }

                    EndStruct();
                }

                break;
            }

            case Struct:
                SkipStruct();
                break;

            default:
                ParquetErrors.Corrupt(_what + " holds an unknown Thrift type " + type);
                break;
        }
    }

    /// <summary>Skips the rest of the current struct, through its stop field.</summary>
    public void SkipStruct()
    {
        BeginStruct();
        short field = 0;
        while (NextField(ref field, out byte fieldType))
        {
            Skip(fieldType);
        }

        EndStruct();
    }

    // Booleans inside collections take a byte each; other element types are read as fields are.
    private void SkipElement(byte type)
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

    public byte ReadByte()
    {
        if ((uint)_position >= (uint)_data.Length)
        {
            ParquetErrors.CutShort(_what);
        }

        return _data[_position++];
    }

    private void Advance(int count)
    {
        if (count > _data.Length - _position)
        {
            ParquetErrors.CutShort(_what);
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

        return ParquetErrors.Corrupt<ulong>(_what + " holds a malformed number");
    }

    private static long ZigZag(ulong value) => (long)(value >> 1) ^ -(long)(value & 1);
}
