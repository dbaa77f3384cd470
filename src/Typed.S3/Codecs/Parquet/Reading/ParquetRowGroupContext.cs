namespace Typed.S3.Codecs;

/// <summary>What a column needs to read its chunk of a row group: the file's chunk reader, the row group, its row count.</summary>
internal sealed class ParquetRowGroupContext
{
    public ParquetRowGroupContext(ColumnChunkReader chunks)
    {
        Chunks = chunks;
    }

    public ColumnChunkReader Chunks { get; }

    public RowGroupMetaData Group { get; set; } = new();

    public int RowCount { get; set; }
}
