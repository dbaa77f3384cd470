namespace Typed.S3;

/// <summary>The format of a dataset object.</summary>
public enum DatasetFormat
{
    /// <summary>Comma- (or other character-) separated values, in the dataset's CSV dialect.</summary>
    Csv,

    /// <summary>Tab-separated values: the dataset's CSV dialect with a tab.</summary>
    Tsv,

    /// <summary>A top-level JSON array of objects.</summary>
    Json,

    /// <summary>One JSON object a line (JSON Lines, NDJSON).</summary>
    JsonLines,

    /// <summary>Apache Parquet.</summary>
    Parquet,
}
