using System;
using System.Collections.Generic;

namespace Typed.S3.Codecs;

/// <summary>
/// Parses the footer's Thrift compact <c>FileMetaData</c>: the schema, the row groups and their column chunks, and
/// whether the file is encrypted. Fields the reader does not use (statistics, indexes, key-value metadata) are skipped
/// without being modelled; everything read is bounded by the footer's own bytes.
/// </summary>
internal static class FileMetaDataReader
{
    private const string What = "the footer";

    public static FileMetaData Read(ReadOnlySpan<byte> footer)
    {
        var reader = new ThriftCompactReader(footer, 0, What);
        var metadata = new FileMetaData();
        bool hasSchema = false;
        bool hasRowGroups = false;
        short field = 0;
        reader.BeginStruct();
        while (reader.NextField(ref field, out byte type))
        {
            switch (field)
            {
                case 2 when type == ThriftCompactReader.List:
                    metadata.Schema = ReadList(ref reader, ReadSchemaElement);
                    hasSchema = true;
                    break;
                case 3 when type == ThriftCompactReader.I64:
                    metadata.NumRows = reader.ReadInt64();
                    break;
                case 4 when type == ThriftCompactReader.List:
                    metadata.RowGroups = ReadList(ref reader, ReadRowGroup);
                    hasRowGroups = true;
                    break;
                case 6 when type == ThriftCompactReader.Binary:
                    metadata.CreatedBy = reader.ReadString();
                    break;
                case 8 when type == ThriftCompactReader.Struct:
                    metadata.Encrypted = true;
                    reader.SkipStruct();
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }

        reader.EndStruct();
        if (!hasSchema || metadata.Schema.Length == 0)
        {
            ParquetErrors.Corrupt("the footer holds no schema");
        }

        if (!hasRowGroups)
        {
            ParquetErrors.Corrupt("the footer lists no row groups");
        }

        return metadata;
    }

    private delegate T ElementReader<T>(ref ThriftCompactReader reader);

    private static T[] ReadList<T>(ref ThriftCompactReader reader, ElementReader<T> read)
    {
        int count = reader.ReadListHeader(out byte elementType);
        if (count > 0 && elementType != ThriftCompactReader.Struct)
        {
            ParquetErrors.Corrupt("the footer holds a list of the wrong type");
        }

        var items = new T[count];
        for (int i = 0; i < count; i++)
        {
            items[i] = read(ref reader);
        }

        return items;
    }

    private static SchemaElement ReadSchemaElement(ref ThriftCompactReader reader)
    {
        var element = new SchemaElement();
        short field = 0;
        reader.BeginStruct();
        while (reader.NextField(ref field, out byte type))
        {
            switch (field)
            {
                case 1 when type == ThriftCompactReader.I32:
                    element.Type = reader.ReadInt32();
                    break;
                case 2 when type == ThriftCompactReader.I32:
                    element.TypeLength = reader.ReadInt32();
                    break;
                case 3 when type == ThriftCompactReader.I32:
                    element.RawRepetition = reader.ReadInt32();
                    element.Repetition = element.RawRepetition is >= 0 and <= 2 ? (Repetition)element.RawRepetition : Repetition.Required;
                    break;
                case 4 when type == ThriftCompactReader.Binary:
                    element.Name = reader.ReadString();
                    break;
                case 5 when type == ThriftCompactReader.I32:
                    element.NumChildren = reader.ReadInt32();
                    break;
                case 6 when type == ThriftCompactReader.I32:
                    element.ConvertedType = reader.ReadInt32();
                    break;
                case 7 when type == ThriftCompactReader.I32:
                    element.Scale = reader.ReadInt32();
                    break;
                case 8 when type == ThriftCompactReader.I32:
                    element.Precision = reader.ReadInt32();
                    break;
                case 10 when type == ThriftCompactReader.Struct:
                    element.Logical = ReadLogicalType(ref reader);
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }

        reader.EndStruct();
        return element;
    }

    // A union: one field whose id is the kind; the parameterised kinds hold a struct of their parameters.
    private static LogicalType ReadLogicalType(ref ThriftCompactReader reader)
    {
        LogicalType logical = default;
        short field = 0;
        reader.BeginStruct();
        while (reader.NextField(ref field, out byte type))
        {
            if (type != ThriftCompactReader.Struct)
            {
                reader.Skip(type);
                continue;
            }

            switch (field)
            {
                case 5:
                    logical = ReadDecimal(ref reader);
                    break;
                case 7:
                case 8:
                    logical = ReadTime(ref reader, field == 7 ? LogicalKind.Time : LogicalKind.Timestamp);
                    break;
                case 10:
                    logical = ReadInteger(ref reader);
                    break;
                case 1 or 2 or 3 or 4 or 6 or 11 or 12 or 13 or 14 or 15 or 16 or 17 or 18:
                    logical = new LogicalType((LogicalKind)field);
                    reader.SkipStruct();
                    break;
                default:
                    logical = new LogicalType(LogicalKind.Other, OtherId: field);
                    reader.SkipStruct();
                    break;
            }
        }

        reader.EndStruct();
        return logical;
    }

    private static LogicalType ReadDecimal(ref ThriftCompactReader reader)
    {
        int scale = 0;
        int precision = 0;
        short field = 0;
        reader.BeginStruct();
        while (reader.NextField(ref field, out byte type))
        {
            if (field == 1 && type == ThriftCompactReader.I32)
            {
                scale = reader.ReadInt32();
            }
            else if (field == 2 && type == ThriftCompactReader.I32)
            {
                precision = reader.ReadInt32();
            }
            else
            {
                reader.Skip(type);
            }
        }

        reader.EndStruct();
        return new LogicalType(LogicalKind.Decimal, Scale: scale, Precision: precision);
    }

    private static LogicalType ReadTime(ref ThriftCompactReader reader, LogicalKind kind)
    {
        bool adjusted = false;
        TimeUnit unit = TimeUnit.Micros;
        bool hasUnit = false;
        short field = 0;
        reader.BeginStruct();
        while (reader.NextField(ref field, out byte type))
        {
            if (field == 1 && type is ThriftCompactReader.True or ThriftCompactReader.False)
            {
                adjusted = reader.ReadBool(type);
            }
            else if (field == 2 && type == ThriftCompactReader.Struct)
            {
                // TimeUnit is a union of empty structs: MILLIS (1), MICROS (2), NANOS (3).
                short unitField = 0;
                reader.BeginStruct();
                while (reader.NextField(ref unitField, out byte unitType))
                {
                    if (unitType == ThriftCompactReader.Struct && unitField is >= 1 and <= 3)
                    {
                        unit = (TimeUnit)unitField;
                        hasUnit = true;
                    }

                    reader.Skip(unitType);
                }

                reader.EndStruct();
            }
            else
            {
                reader.Skip(type);
            }
        }

        reader.EndStruct();
        return hasUnit ? new LogicalType(kind, AdjustedToUtc: adjusted, Unit: unit) : new LogicalType(LogicalKind.Other, OtherId: (int)kind);
    }

    private static LogicalType ReadInteger(ref ThriftCompactReader reader)
    {
        int bitWidth = 0;
        bool signed = true;
        short field = 0;
        reader.BeginStruct();
        while (reader.NextField(ref field, out byte type))
        {
            if (field == 1 && type is ThriftCompactReader.Byte or ThriftCompactReader.I16 or ThriftCompactReader.I32)
            {
                bitWidth = reader.ReadInteger(type);
            }
            else if (field == 2 && type is ThriftCompactReader.True or ThriftCompactReader.False)
            {
                signed = reader.ReadBool(type);
            }
            else
            {
                reader.Skip(type);
            }
        }

        reader.EndStruct();
        return new LogicalType(LogicalKind.Integer, BitWidth: bitWidth, Signed: signed);
    }

    private static RowGroupMetaData ReadRowGroup(ref ThriftCompactReader reader)
    {
        var group = new RowGroupMetaData();
        short field = 0;
        reader.BeginStruct();
        while (reader.NextField(ref field, out byte type))
        {
            switch (field)
            {
                case 1 when type == ThriftCompactReader.List:
                    group.Columns = ReadList(ref reader, ReadColumnChunk);
                    break;
                case 3 when type == ThriftCompactReader.I64:
                    group.NumRows = reader.ReadInt64();
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }

        reader.EndStruct();
        return group;
    }

    private static ColumnChunkMetaData ReadColumnChunk(ref ThriftCompactReader reader)
    {
        var chunk = new ColumnChunkMetaData();
        short field = 0;
        reader.BeginStruct();
        while (reader.NextField(ref field, out byte type))
        {
            switch (field)
            {
                case 1 when type == ThriftCompactReader.Binary:
                    chunk.FilePath = reader.ReadString();
                    break;
                case 3 when type == ThriftCompactReader.Struct:
                    ReadColumnMetaData(ref reader, chunk);
                    chunk.HasMetaData = true;
                    break;
                case 8 when type == ThriftCompactReader.Struct:
                case 9 when type == ThriftCompactReader.Binary:
                    chunk.Encrypted = true;
                    reader.Skip(type);
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }

        reader.EndStruct();
        return chunk;
    }

    private static void ReadColumnMetaData(ref ThriftCompactReader reader, ColumnChunkMetaData chunk)
    {
        short field = 0;
        reader.BeginStruct();
        while (reader.NextField(ref field, out byte type))
        {
            switch (field)
            {
                case 1 when type == ThriftCompactReader.I32:
                    chunk.Type = reader.ReadInt32();
                    break;
                case 3 when type == ThriftCompactReader.List:
                    chunk.Path = ReadStrings(ref reader);
                    break;
                case 4 when type == ThriftCompactReader.I32:
                    chunk.Codec = reader.ReadInt32();
                    break;
                case 5 when type == ThriftCompactReader.I64:
                    chunk.NumValues = reader.ReadInt64();
                    break;
                case 6 when type == ThriftCompactReader.I64:
                    chunk.TotalUncompressedSize = reader.ReadInt64();
                    break;
                case 7 when type == ThriftCompactReader.I64:
                    chunk.TotalCompressedSize = reader.ReadInt64();
                    break;
                case 9 when type == ThriftCompactReader.I64:
                    chunk.DataPageOffset = reader.ReadInt64();
                    break;
                case 10 when type == ThriftCompactReader.I64:
                    chunk.IndexPageOffset = reader.ReadInt64();
                    break;
                case 11 when type == ThriftCompactReader.I64:
                    chunk.DictionaryPageOffset = reader.ReadInt64();
                    break;
                default:
                    reader.Skip(type);
                    break;
            }
        }

        reader.EndStruct();
    }

    private static string[] ReadStrings(ref ThriftCompactReader reader)
    {
        int count = reader.ReadListHeader(out byte elementType);
        if (count > 0 && elementType != ThriftCompactReader.Binary)
        {
            ParquetErrors.Corrupt("the footer holds a column path of the wrong type");
        }

        var strings = new string[count];
        for (int i = 0; i < count; i++)
        {
            strings[i] = reader.ReadString();
        }

        return strings;
    }
}
