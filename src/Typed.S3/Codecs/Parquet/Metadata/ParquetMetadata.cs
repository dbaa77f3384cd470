using System;

namespace Typed.S3.Codecs;

/// <summary>Parquet's physical types (the <c>Type</c> enum of parquet.thrift).</summary>
internal enum PhysicalType
{
    Boolean = 0,
    Int32 = 1,
    Int64 = 2,
    Int96 = 3,
    Float = 4,
    Double = 5,
    ByteArray = 6,
    FixedLenByteArray = 7,
}

/// <summary>Parquet's value and level encodings (the <c>Encoding</c> enum).</summary>
internal enum ParquetEncoding
{
    Plain = 0,
    PlainDictionary = 2,
    Rle = 3,
    BitPacked = 4,
    DeltaBinaryPacked = 5,
    DeltaLengthByteArray = 6,
    DeltaByteArray = 7,
    RleDictionary = 8,
    ByteStreamSplit = 9,
}

/// <summary>Parquet's compression codecs (the <c>CompressionCodec</c> enum).</summary>
internal enum ParquetCodecKind
{
    Uncompressed = 0,
    Snappy = 1,
    Gzip = 2,
    Lzo = 3,
    Brotli = 4,
    Lz4 = 5,
    Zstd = 6,
    Lz4Raw = 7,
}

/// <summary>The repetition of a schema element (<c>FieldRepetitionType</c>).</summary>
internal enum Repetition
{
    Required = 0,
    Optional = 1,
    Repeated = 2,
}

/// <summary>The legacy <c>ConvertedType</c> annotations the reader looks at.</summary>
internal enum ConvertedType
{
    Utf8 = 0,
    Map = 1,
    MapKeyValue = 2,
    List = 3,
    Enum = 4,
    Decimal = 5,
    Date = 6,
    TimeMillis = 7,
    TimeMicros = 8,
    TimestampMillis = 9,
    TimestampMicros = 10,
    UInt8 = 11,
    UInt16 = 12,
    UInt32 = 13,
    UInt64 = 14,
    Int8 = 15,
    Int16 = 16,
    Int32 = 17,
    Int64 = 18,
    Json = 19,
    Bson = 20,
    Interval = 21,
}

/// <summary>The kinds of the <c>LogicalType</c> union, by their field ids; <see cref="Other"/> for ids this reader does not know.</summary>
internal enum LogicalKind
{
    None = 0,
    String = 1,
    Map = 2,
    List = 3,
    Enum = 4,
    Decimal = 5,
    Date = 6,
    Time = 7,
    Timestamp = 8,
    Integer = 10,
    Unknown = 11,
    Json = 12,
    Bson = 13,
    Uuid = 14,
    Float16 = 15,
    Variant = 16,
    Geometry = 17,
    Geography = 18,
    Other = 100,
}

/// <summary>The unit of a TIME or TIMESTAMP.</summary>
internal enum TimeUnit
{
    Millis = 1,
    Micros = 2,
    Nanos = 3,
}

/// <summary>A schema element's logical type: its kind and, for the parameterised ones, the parameters.</summary>
internal readonly record struct LogicalType(LogicalKind Kind, int Scale = 0, int Precision = 0, bool AdjustedToUtc = false, TimeUnit Unit = TimeUnit.Micros, int BitWidth = 0, bool Signed = true, int OtherId = 0);

/// <summary>One element of the flattened schema, as the footer lists them (depth first).</summary>
internal sealed class SchemaElement
{
    public string Name { get; set; } = string.Empty;

    /// <summary>The physical type as the file gives it (any number: a corrupt one is reported only when read), or null for a group.</summary>
    public int? Type { get; set; }

    public int TypeLength { get; set; }

    public Repetition Repetition { get; set; } = Repetition.Required;

    /// <summary>The repetition as the file gives it, checked when the element is bound.</summary>
    public int RawRepetition { get; set; }

    public int NumChildren { get; set; }

    public int? ConvertedType { get; set; }

    public int Scale { get; set; }

    public int Precision { get; set; }

    public LogicalType Logical { get; set; }

    public bool IsGroup => Type is null;
}

/// <summary>A column chunk's metadata: where its pages are and how they are compressed.</summary>
internal sealed class ColumnChunkMetaData
{
    /// <summary>Another file holds the chunk (not supported: the reader reads one object).</summary>
    public string? FilePath { get; set; }

    /// <summary>The chunk's columns are encrypted (crypto metadata, or metadata only in encrypted form).</summary>
    public bool Encrypted { get; set; }

    /// <summary>The chunk's <c>ColumnMetaData</c> was present.</summary>
    public bool HasMetaData { get; set; }

    public int Type { get; set; }

    public string[] Path { get; set; } = Array.Empty<string>();

    public int Codec { get; set; }

    public long NumValues { get; set; }

    public long TotalUncompressedSize { get; set; }

    public long TotalCompressedSize { get; set; }

    public long DataPageOffset { get; set; }

    public long? IndexPageOffset { get; set; }

    public long? DictionaryPageOffset { get; set; }
}

/// <summary>A row group: how many rows, and a chunk per leaf column in schema order.</summary>
internal sealed class RowGroupMetaData
{
    public ColumnChunkMetaData[] Columns { get; set; } = Array.Empty<ColumnChunkMetaData>();

    public long NumRows { get; set; }
}

/// <summary>The footer's <c>FileMetaData</c>: the parts the reader uses.</summary>
internal sealed class FileMetaData
{
    public SchemaElement[] Schema { get; set; } = Array.Empty<SchemaElement>();

    public long NumRows { get; set; }

    public RowGroupMetaData[] RowGroups { get; set; } = Array.Empty<RowGroupMetaData>();

    /// <summary>The file names an encryption algorithm: its columns are encrypted though its footer is not.</summary>
    public bool Encrypted { get; set; }

    public string? CreatedBy { get; set; }
}
