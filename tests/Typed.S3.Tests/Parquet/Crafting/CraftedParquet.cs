using System.Buffers.Binary;

namespace Typed.S3.Tests.Parquet.Crafting;

/// <summary>
/// A Parquet file put together page by page: flat columns, uncompressed data pages v1 and dictionary pages whose
/// bodies a test encodes itself (<see cref="CraftedPages"/>), row groups declaring what the test says. For shapes no
/// writer makes: millions of rows in a few bytes, values out of .NET's range, invalid UTF-8 in a string column.
/// </summary>
internal sealed class CraftedParquet
{
    public const int Boolean = 0;
    public const int Int32 = 1;
    public const int Int64 = 2;
    public const int Int96 = 3;
    public const int Double = 5;
    public const int ByteArray = 6;
    public const int FixedLenByteArray = 7;

    private readonly Column[] _columns;
    private readonly List<(long Rows, Page[][] Chunks)> _groups = [];

    public CraftedParquet(params Column[] columns)
    {
        _columns = columns;
    }

    /// <summary>
    /// A column: its physical type, whether optional, and its annotations; with <paramref name="List"/>, an optional
    /// three-level LIST (<c>name.list.element</c>) of optional elements of that type.
    /// </summary>
    public sealed record Column(string Name, int Physical, bool Optional, int? Converted = null, int TypeLength = 0, int Scale = 0, int Precision = 0, Action<ThriftCompactWriter>? Logical = null, bool List = false);

    /// <summary>
    /// A page: data (0) or dictionary (2), its value count (level entries of a data page), encoding and body; with a
    /// checksum in its header when <paramref name="Crc"/> is given.
    /// </summary>
    public sealed record Page(int Type, int NumValues, int Encoding, byte[] Body, uint? Crc = null);

    /// <summary>Adds a row group of <paramref name="rows"/> rows with each column's pages, in column order.</summary>
    public CraftedParquet RowGroup(long rows, params Page[][] chunks)
    {
        if (chunks.Length != _columns.Length)
        {
            throw new ArgumentException("One chunk a column.", nameof(chunks));
        }

        _groups.Add((rows, chunks));
        return this;
    }

    public byte[] Build()
    {
        var file = new List<byte>("PAR1"u8.ToArray());
        var groups = new List<(long Rows, List<(long Offset, long DictionaryOffset, long DataOffset, long Size, long Values)> Chunks)>();
        foreach ((long rows, Page[][] chunks) in _groups)
        {
            var written = new List<(long, long, long, long, long)>();
            foreach (Page[] pages in chunks)
            {
                long start = file.Count;
                long dictionary = -1;
                long data = -1;
                long values = 0;
                foreach (Page page in pages)
                {
                    if (page.Type == 2 && dictionary < 0)
                    {
                        dictionary = file.Count;
                    }

                    if (page.Type == 0)
                    {
                        data = data < 0 ? file.Count : data;
                        values += page.NumValues;
                    }

                    file.AddRange(Header(page));
                    file.AddRange(page.Body);
                }

                written.Add((start, dictionary, data < 0 ? start : data, file.Count - start, values));
            }

            groups.Add((rows, written));
        }

        var footer = new ThriftCompactWriter();
        footer.BeginStruct();
        footer.I32(1, 1);
        footer.List(2, ThriftCompactWriter.StructType, _columns.Length + 1 + (2 * _columns.Count(c => c.List)));
        footer.BeginStruct();
        footer.String(4, "schema");
        footer.I32(5, _columns.Length);
        footer.EndStruct();
        foreach (Column column in _columns)
        {
            if (column.List)
            {
                footer.BeginStruct();
                footer.I32(3, column.Optional ? 1 : 0);
                footer.String(4, column.Name);
                footer.I32(5, 1);
                footer.I32(6, 3);
                footer.EndStruct();
                footer.BeginStruct();
                footer.I32(3, 2);
                footer.String(4, "list");
                footer.I32(5, 1);
                footer.EndStruct();
            }

            footer.BeginStruct();
            footer.I32(1, column.Physical);
            if (column.TypeLength > 0)
            {
                footer.I32(2, column.TypeLength);
            }

            footer.I32(3, column.Optional || column.List ? 1 : 0);
            footer.String(4, column.List ? "element" : column.Name);
            if (column.Converted is int converted)
            {
                footer.I32(6, converted);
            }

            if (column.Precision > 0)
            {
                footer.I32(7, column.Scale);
                footer.I32(8, column.Precision);
            }

            if (column.Logical is { } logical)
            {
                footer.Struct(10, logical);
            }

            footer.EndStruct();
        }

        footer.I64(3, groups.Sum(g => g.Rows));
        footer.List(4, ThriftCompactWriter.StructType, groups.Count);
        foreach ((long rows, var chunks) in groups)
        {
            footer.BeginStruct();
            footer.List(1, ThriftCompactWriter.StructType, chunks.Count);
            for (int c = 0; c < chunks.Count; c++)
            {
                (long offset, long dictionary, long data, long size, long values) = chunks[c];
                Column column = _columns[c];
                footer.BeginStruct();
                footer.I64(2, offset);
                footer.Struct(3, meta =>
                {
                    meta.I32(1, column.Physical);
                    meta.List(2, ThriftCompactWriter.I32Type, 3);
                    meta.I32Element(0);
                    meta.I32Element(3);
                    meta.I32Element(8);
                    string[] path = column.List ? [column.Name, "list", "element"] : [column.Name];
                    meta.List(3, ThriftCompactWriter.BinaryType, path.Length);
                    foreach (string part in path)
                    {
                        meta.StringElement(part);
                    }

                    meta.I32(4, 0);
                    meta.I64(5, values);
                    meta.I64(6, size);
                    meta.I64(7, size);
                    meta.I64(9, data);
                    if (dictionary >= 0)
                    {
                        meta.I64(11, dictionary);
                    }
                });
                footer.EndStruct();
            }

            footer.I64(2, chunks.Sum(c => c.Size));
            footer.I64(3, rows);
            footer.EndStruct();
        }

        footer.EndStruct();
        byte[] metadata = footer.ToArray();
        file.AddRange(metadata);
        var length = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(length, metadata.Length);
        file.AddRange(length);
        file.AddRange("PAR1"u8.ToArray());
        return file.ToArray();
    }

    private static byte[] Header(Page page)
    {
        var header = new ThriftCompactWriter();
        header.BeginStruct();
        header.I32(1, page.Type);
        header.I32(2, page.Body.Length);
        header.I32(3, page.Body.Length);
        if (page.Crc is uint crc)
        {
            header.I32(4, unchecked((int)crc));
        }

        if (page.Type == 2)
        {
            header.Struct(7, dictionary =>
            {
                dictionary.I32(1, page.NumValues);
                dictionary.I32(2, 0);
            });
        }
        else
        {
            header.Struct(5, data =>
            {
                data.I32(1, page.NumValues);
                data.I32(2, page.Encoding);
                data.I32(3, 3);
                data.I32(4, 3);
            });
        }

        header.EndStruct();
        return header.ToArray();
    }
}
