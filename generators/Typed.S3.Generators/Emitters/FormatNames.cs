using Typed.S3.Schema.Model;

namespace Typed.S3.Generators.Emitters;

/// <summary>Names of the schema's formats: as the runtime's <c>DatasetFormat</c> members, and as the schema spells them.</summary>
internal static class FormatNames
{
    /// <summary>The <c>Typed.S3.DatasetFormat</c> member a format reads or writes with.</summary>
    public static string Of(DataFormat format, CsvOptionsModel? csv = null) => format switch
    {
        DataFormat.Csv => csv?.Delimiter == '\t' ? "Tsv" : "Csv",
        DataFormat.Json => "Json",
        DataFormat.JsonLines => "JsonLines",
        DataFormat.Parquet => "Parquet",
        _ => "Auto",
    };

    /// <summary>The format as the schema spells it.</summary>
    public static string Schema(DataFormat format) => format switch
    {
        DataFormat.Csv => "csv",
        DataFormat.Json => "json",
        DataFormat.JsonLines => "jsonl",
        DataFormat.Parquet => "parquet",
        _ => "auto",
    };
}
