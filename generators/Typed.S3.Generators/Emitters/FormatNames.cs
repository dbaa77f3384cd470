using Typed.S3.Schema.Model;

namespace Typed.S3.Generators.Emitters;

/// <summary>The runtime's <c>DatasetFormat</c> member of each schema format.</summary>
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
}
