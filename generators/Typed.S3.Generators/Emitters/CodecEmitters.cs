namespace Typed.S3.Generators.Emitters;

/// <summary>The codec emitters, one per format family; every dataset gets all of them, so a record type moves between formats.</summary>
internal static class CodecEmitters
{
    public static readonly CodecEmitter[] All =
    {
        new(".Csv", new[] { "Csv", "Tsv" }, CsvCodecEmitter.Emit, ReadsWithOptions: true),
        new(".Json", new[] { "Json", "JsonLines" }, JsonCodecEmitter.Emit, ReadsWithOptions: true),
        new(".Parquet", new[] { "Parquet" }, ParquetCodecEmitter.Emit, ReadsWithOptions: true),
    };
}
