using System.Text;

namespace Typed.S3.Tests.Parquet.Crafting;

/// <summary>
/// Writes Thrift compact protocol structs, the encoding of Parquet's footer and page headers, for files crafted byte
/// by byte in tests (shapes no writer produces: a row group declaring 100 million rows in a few bytes, values a reader
/// cannot hold).
/// </summary>
internal sealed class ThriftCompactWriter
{
    public const byte I32Type = 5;
    public const byte BinaryType = 8;
    public const byte StructType = 12;

    private readonly List<byte> _bytes = [];
    private readonly Stack<short> _outer = new();
    private short _last;

    public byte[] ToArray() => _bytes.ToArray();

    /// <summary>Starts a struct: a list element, or the top-level struct (a field's struct is <see cref="Struct"/>).</summary>
    public void BeginStruct()
    {
        _outer.Push(_last);
        _last = 0;
    }

    public void EndStruct()
    {
        _bytes.Add(0);
        _last = _outer.Pop();
    }

    public void I32(short id, int value)
    {
        Field(id, I32Type);
        Varint(ZigZag(value));
    }

    public void I64(short id, long value)
    {
        Field(id, 6);
        Varint(ZigZag(value));
    }

    public void Bool(short id, bool value) => Field(id, value ? (byte)1 : (byte)2);

    public void String(short id, string value)
    {
        Field(id, BinaryType);
        StringElement(value);
    }

    public void Struct(short id, Action<ThriftCompactWriter> body)
    {
        Field(id, StructType);
        BeginStruct();
        body(this);
        EndStruct();
    }

    /// <summary>A list field's header; then write its elements (<see cref="I32Element"/>, <see cref="StringElement"/>, structs).</summary>
    public void List(short id, byte elementType, int count)
    {
        Field(id, 9);
        if (count < 15)
        {
            _bytes.Add((byte)((count << 4) | elementType));
        }
        else
        {
            _bytes.Add((byte)(0xF0 | elementType));
            Varint((ulong)count);
        }
    }

    public void I32Element(int value) => Varint(ZigZag(value));

    public void StringElement(string value)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(value);
        Varint((ulong)bytes.Length);
        _bytes.AddRange(bytes);
    }

    private void Field(short id, byte type)
    {
        int delta = id - _last;
        if (delta is > 0 and <= 15)
        {
            _bytes.Add((byte)((delta << 4) | type));
        }
        else
        {
            _bytes.Add(type);
            Varint(ZigZag(id));
        }

        _last = id;
    }

    private void Varint(ulong value)
    {
        while (value >= 0x80)
        {
            _bytes.Add((byte)(value | 0x80));
            value >>= 7;
        }

        _bytes.Add((byte)value);
    }

    private static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));
}
