namespace Typed.S3.Generators.Emitters;

/// <summary>The codec emitters, one per format family; every dataset gets all that apply to it, so a record type moves between formats.</summary>
internal static class CodecEmitters
{
    public static readonly CodecEmitter[] All =
    {
        new(".Csv", new[] { "Csv", "Tsv" }, CsvCodecEmitter.Emit, ReadsWithOptions: true),
        new(".Json", new[] { "Json", "JsonLines" }, JsonCodecEmitter.Emit, ReadsWithOptions: true),
        // Nested records, maps and lists of lists or records have no Parquet codec in this version (TS3016 where the
        // dataset reads or writes Parquet).
        new(".Parquet", new[] { "Parquet" }, ParquetCodecEmitter.Emit, ReadsWithOptions: true, AppliesTo: static dataset => !dataset.HasNestedColumns),
    };
}
