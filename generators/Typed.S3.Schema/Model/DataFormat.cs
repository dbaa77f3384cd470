namespace Typed.S3.Schema.Model;

/// <summary>The format of a dataset's objects.</summary>
internal enum DataFormat
{
    /// <summary>Delimited text (<c>csv</c>, or <c>tsv</c>: csv with a tab).</summary>
    Csv,

    /// <summary>A top-level JSON array of objects.</summary>
    Json,

    /// <summary>One JSON object a line.</summary>
    JsonLines,

    /// <summary>Apache Parquet.</summary>
    Parquet,

    /// <summary>Each object's format comes from its extension.</summary>
    Auto,
}
