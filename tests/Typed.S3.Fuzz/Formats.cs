namespace Typed.S3.Fuzz;

/// <summary>The names of the harness's formats on its command line and in file names.</summary>
public static class Formats
{
    /// <summary>The format's name: <c>csv</c>, <c>csv-parallel</c>, <c>jsonl</c>, <c>json</c>, <c>parquet</c>, <c>nested-jsonl</c>, <c>nested-csv</c>.</summary>
    /// <param name="format">The format.</param>
    /// <returns>The name.</returns>
    public static string Name(FuzzFormat format) => format switch
    {
        FuzzFormat.Csv => "csv",
        FuzzFormat.CsvParallel => "csv-parallel",
        FuzzFormat.JsonLines => "jsonl",
        FuzzFormat.Json => "json",
        FuzzFormat.NestedJsonLines => "nested-jsonl",
        FuzzFormat.NestedCsv => "nested-csv",
        _ => "parquet",
    };

    /// <summary>The file extension of the format's inputs (the two CSV paths share <c>csv</c>; nested inputs are <c>nested-jsonl</c>, <c>nested-csv</c>).</summary>
    /// <param name="format">The format.</param>
    /// <returns>The extension, without the dot.</returns>
    public static string Extension(FuzzFormat format) => format == FuzzFormat.CsvParallel ? "csv" : Name(format);

    /// <summary>Parses a name.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The format.</returns>
    public static FuzzFormat Parse(string name) => name.Trim().ToLowerInvariant() switch
    {
        "csv" => FuzzFormat.Csv,
        "csv-parallel" => FuzzFormat.CsvParallel,
        "jsonl" => FuzzFormat.JsonLines,
        "json" => FuzzFormat.Json,
        "parquet" => FuzzFormat.Parquet,
        "nested-jsonl" => FuzzFormat.NestedJsonLines,
        "nested-csv" => FuzzFormat.NestedCsv,
        _ => throw new ArgumentException($"unknown format '{name}' (csv, csv-parallel, jsonl, json, parquet, nested-jsonl, nested-csv)"),
    };
}
