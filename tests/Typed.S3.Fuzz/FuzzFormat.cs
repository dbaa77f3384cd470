namespace Typed.S3.Fuzz;

/// <summary>A reader the harness feeds: one format, read through the generated codec of <see cref="FuzzRows"/> (of <see cref="FuzzNested"/> for the nested ones).</summary>
public enum FuzzFormat
{
    /// <summary>CSV, one mapping thread.</summary>
    Csv,

    /// <summary>CSV with two mapping threads (the chunked path).</summary>
    CsvParallel,

    /// <summary>JSON Lines.</summary>
    JsonLines,

    /// <summary>A JSON array of objects.</summary>
    Json,

    /// <summary>Parquet.</summary>
    Parquet,

    /// <summary>JSON Lines of nested values (records, lists of records, lists of lists, maps), read through <see cref="FuzzNested"/>.</summary>
    NestedJsonLines,

    /// <summary>CSV whose fields hold nested values as JSON text, read through <see cref="FuzzNested"/>.</summary>
    NestedCsv,
}
