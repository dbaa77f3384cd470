namespace Typed.S3.Fuzz;

/// <summary>A reader the harness feeds: one format, read through the generated codec of <see cref="FuzzRows"/>.</summary>
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
}
