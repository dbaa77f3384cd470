namespace Typed.S3.Generators.Emitters;

/// <summary>The codec emitters, one per format family; every dataset gets all of them, so a record type moves between formats.</summary>
internal static class CodecEmitters
{
    public static readonly CodecEmitter[] All =
    {
        new(".Csv", new[] { "Csv", "Tsv" }, CsvCodecEmitter.Emit),
        new(".Parquet", new[] { "Parquet" }, ParquetCodecEmitter.Emit),
    };

    /// <summary>Whether an emitter serves the format (by its <c>DatasetFormat</c> name).</summary>
    public static bool Serves(string format)
    {
        foreach (CodecEmitter emitter in All)
        {
            if (System.Array.IndexOf(emitter.Formats, format) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
