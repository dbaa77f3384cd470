using System;
using System.Collections.Generic;
using Typed.S3.Schema.Model;

namespace Typed.S3.Schema.Parsing;

/// <summary>
/// The words of the schema descriptor: property names of each object, format and compression names, and
/// column type names (the JSON Schema file in the package must list the same ones; a test checks it).
/// </summary>
internal static class SchemaVocabulary
{
    /// <summary>Properties of the root object.</summary>
    public static readonly string[] RootProperties = { "$schema", "namespace", "datasets" };

    /// <summary>Properties of a dataset.</summary>
    public static readonly string[] DatasetProperties = { "record", "location", "format", "csv", "compression", "columns", "write" };

    /// <summary>Properties of a dataset's <c>csv</c> section.</summary>
    public static readonly string[] CsvProperties = { "delimiter", "header", "quote" };

    /// <summary>Properties of a dataset's <c>write</c> section.</summary>
    public static readonly string[] WriteProperties = { "location", "format", "compression", "layout", "max_rows_per_file", "max_bytes_per_file", "parquet" };

    /// <summary>Properties of a write section's <c>parquet</c> object.</summary>
    public static readonly string[] ParquetProperties = { "row_group_size", "compression" };

    /// <summary>Parquet codec names (case-insensitive).</summary>
    public static readonly string[] ParquetCompressionNames = { "snappy", "gzip", "zstd", "none" };

    /// <summary>Properties of a column.</summary>
    public static readonly string[] ColumnProperties = { "name", "type", "required", "when_absent", "property" };

    /// <summary>Properties of a column of type <c>record</c> (or a list of records).</summary>
    public static readonly string[] RecordColumnProperties = { "name", "type", "required", "when_absent", "property", "record", "columns" };

    /// <summary>What a column's <c>when_absent</c> may say: an object without the column is an error (the default), or reads it as null.</summary>
    public static readonly string[] WhenAbsentNames = { "error", "null" };

    /// <summary>Format names a dataset accepts (case-insensitive).</summary>
    public static readonly string[] FormatNames = { "csv", "tsv", "json", "jsonl", "ndjson", "parquet", "auto" };

    /// <summary>Format names a write section accepts (case-insensitive).</summary>
    public static readonly string[] WriteFormatNames = { "csv", "tsv", "json", "jsonl", "ndjson", "parquet" };

    /// <summary>Compression names a dataset accepts (case-insensitive).</summary>
    public static readonly string[] CompressionNames = { "auto", "gzip", "none" };

    /// <summary>Compression names a write section accepts (case-insensitive).</summary>
    public static readonly string[] WriteCompressionNames = { "gzip", "none" };

    /// <summary>The column types, as the schema spells them (the forms that take arguments shown with placeholders).</summary>
    public static readonly string[] ColumnTypeNames = TypeNames();

    /// <summary>
    /// Simple type names and aliases (lowercase) and their kinds. Aliases: <c>boolean</c> = bool, <c>int</c> = int32,
    /// <c>long</c> = int64, <c>half</c> = float16, <c>float</c> = float32, <c>double</c> = float64, <c>text</c> = string,
    /// <c>datetime</c> = timestamp_local, <c>guid</c> = uuid, <c>bytes</c> = binary.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, ColumnKind> SimpleTypes = SimpleTypeNames();

    /// <summary>Reads a format name (case-insensitive): <c>tsv</c> is csv with a tab, <c>ndjson</c> is jsonl.</summary>
    /// <param name="name">The format name as the schema spells it.</param>
    /// <param name="format">The format, when the name is known (<c>csv</c> for <c>tsv</c>).</param>
    /// <param name="isTsv">Whether the name was <c>tsv</c>.</param>
    /// <returns>Whether the name is known.</returns>
    public static bool TryParseFormat(string name, out DataFormat format, out bool isTsv)
    {
        isTsv = false;
        switch (name.ToLowerInvariant())
        {
            case "csv":
                format = DataFormat.Csv;
                return true;
            case "tsv":
                format = DataFormat.Csv;
                isTsv = true;
                return true;
            case "json":
                format = DataFormat.Json;
                return true;
            case "jsonl":
            case "ndjson":
                format = DataFormat.JsonLines;
                return true;
            case "parquet":
                format = DataFormat.Parquet;
                return true;
            case "auto":
                format = DataFormat.Auto;
                return true;
            default:
                format = DataFormat.Auto;
                return false;
        }
    }

    /// <summary>Reads a compression name (case-insensitive).</summary>
    /// <returns>Whether the name is known.</returns>
    public static bool TryParseCompression(string name, out CompressionKind compression)
    {
        switch (name.ToLowerInvariant())
        {
            case "auto":
                compression = CompressionKind.Auto;
                return true;
            case "gzip":
                compression = CompressionKind.Gzip;
                return true;
            case "none":
                compression = CompressionKind.None;
                return true;
            default:
                compression = CompressionKind.Auto;
                return false;
        }
    }

    // The names of the column types table (ColumnTypes), in its order, then the composite forms.
    private static string[] TypeNames()
    {
        var names = new List<string>();
        foreach (ColumnTypeInfo type in ColumnTypes.All)
        {
            names.Add(type.HasPrecisionScale ? type.SchemaName + "(p,s)" : type.SchemaName);
        }

        names.Add("list<T>");
        names.Add("map<K,V>");
        names.Add("record");
        return names.ToArray();
    }

    // The table's names of the types without arguments, then the aliases.
    private static Dictionary<string, ColumnKind> SimpleTypeNames()
    {
        var names = new Dictionary<string, ColumnKind>(StringComparer.Ordinal);
        foreach (ColumnTypeInfo type in ColumnTypes.All)
        {
            if (!type.HasPrecisionScale)
            {
                names.Add(type.SchemaName, type.Kind);
            }
        }

        names.Add("boolean", ColumnKind.Bool);
        names.Add("int", ColumnKind.Int32);
        names.Add("long", ColumnKind.Int64);
        names.Add("half", ColumnKind.Float16);
        names.Add("float", ColumnKind.Float32);
        names.Add("double", ColumnKind.Float64);
        names.Add("text", ColumnKind.String);
        names.Add("datetime", ColumnKind.TimestampLocal);
        names.Add("guid", ColumnKind.Uuid);
        names.Add("bytes", ColumnKind.Binary);
        return names;
    }
}
