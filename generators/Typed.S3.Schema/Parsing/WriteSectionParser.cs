using Typed.S3.Schema.Diagnostics;
using Typed.S3.Schema.Json;
using Typed.S3.Schema.Layout;
using Typed.S3.Schema.Model;

namespace Typed.S3.Schema.Parsing;

/// <summary>
/// Reads a dataset's <c>write</c> section: <c>location</c> (required, an <c>s3://bucket/prefix/</c> without
/// wildcards), <c>format</c> (default: the dataset's; never <c>auto</c>), <c>compression</c> (<c>gzip</c> or
/// <c>none</c>, default none), <c>layout</c> (default <see cref="WriteModel.DefaultLayout"/>, checked by
/// <see cref="LayoutTemplate.TryParse"/>), the rolling limits <c>max_rows_per_file</c> and <c>max_bytes_per_file</c>,
/// and <c>parquet</c> (<c>row_group_size</c>, <c>compression</c>: snappy, gzip, zstd or none).
/// </summary>
internal static class WriteSectionParser
{
    private static readonly string FormatList = string.Join(", ", SchemaVocabulary.WriteFormatNames);
    private static readonly string CompressionList = string.Join(", ", SchemaVocabulary.WriteCompressionNames);

    /// <summary>Reads the section.</summary>
    /// <param name="context">Where to report.</param>
    /// <param name="property">The <c>write</c> property.</param>
    /// <param name="datasetWhere">The dataset, for messages (<c>dataset 'Customers'</c>).</param>
    /// <param name="readFormat">The dataset's format, or <see langword="null"/> when it is invalid.</param>
    /// <param name="csv">The dataset's CSV options, which writing CSV uses; a <c>tsv</c> write of a non-CSV dataset sets a tab.</param>
    /// <param name="delimiterGiven">Whether the dataset's <c>csv</c> section sets the delimiter.</param>
    /// <returns>The section, or <see langword="null"/> when it has errors (reported).</returns>
    public static WriteModel? Parse(ParseContext context, JsonProperty property, string datasetWhere, DataFormat? readFormat, ref CsvOptionsModel csv, bool delimiterGiven)
    {
        JsonObject? node = context.ExpectObject(property);
        if (node is null)
        {
            return null;
        }

        string where = "the write section of " + datasetWhere;
        context.CheckUnknownProperties(node, where, SchemaVocabulary.WriteProperties);
        bool valid = true;

        string? location = null;
        JsonProperty? locationProperty = node.Find("location");
        if (locationProperty is null)
        {
            context.ReportMessage(
                SchemaDiagnosticCodes.MissingLocation,
                node.Span,
                ParseContext.Capitalize(where) + " has no location: set \"location\" to s3://bucket/prefix/");
        }
        else if (context.ExpectString(locationProperty) is JsonString locationValue)
        {
            string? problem = S3Locations.Check(locationValue.Value, true);
            if (problem is null)
            {
                location = locationValue.Value;
            }
            else
            {
                context.Report(SchemaDiagnosticCodes.InvalidLocation, locationValue.Span, locationValue.Value, problem);
            }
        }

        DataFormat? format = ReadFormat(context, node, where, readFormat, ref csv, delimiterGiven, datasetWhere);
        CompressionKind compression = CompressionKind.None;
        if (node.Find("compression") is JsonProperty compressionProperty)
        {
            if (context.ExpectString(compressionProperty) is JsonString compressionValue)
            {
                string lower = compressionValue.Value.ToLowerInvariant();
                if (lower == "gzip" || lower == "none")
                {
                    SchemaVocabulary.TryParseCompression(lower, out compression);
                }
                else
                {
                    context.Report(SchemaDiagnosticCodes.UnknownCompression, compressionValue.Span, compressionValue.Value, CompressionList);
                    valid = false;
                }
            }
            else
            {
                valid = false;
            }
        }

        string layout = WriteModel.DefaultLayout;
        SourceSpan? layoutSpan = null;
        if (node.Find("layout") is JsonProperty layoutProperty)
        {
            JsonString? layoutValue = context.ExpectString(layoutProperty);
            if (layoutValue is null)
            {
                valid = false;
            }
            else if (!LayoutTemplate.TryParse(layoutValue.Value, out _, out string? error, out int errorOffset))
            {
                SourceSpan span = layoutValue.Value.Length == 0
                    ? layoutValue.Span
                    : context.Text.GetSpan(layoutValue.GetSourceOffset(errorOffset), 1);
                context.Report(SchemaDiagnosticCodes.InvalidLayout, span, layoutValue.Value, error ?? "it is invalid");
                valid = false;
            }
            else
            {
                layout = layoutValue.Value;
                layoutSpan = layoutValue.Span;
            }
        }

        long? maxRows = null;
        if (node.Find("max_rows_per_file") is JsonProperty maxRowsProperty)
        {
            maxRows = context.ExpectInteger(maxRowsProperty, 1, long.MaxValue);
            valid &= maxRows is not null;
        }

        long? maxBytes = null;
        if (node.Find("max_bytes_per_file") is JsonProperty maxBytesProperty)
        {
            maxBytes = context.ExpectInteger(maxBytesProperty, 1024, long.MaxValue);
            valid &= maxBytes is not null;
        }

        ParquetOptionsModel? parquet = null;
        if (node.Find("parquet") is JsonProperty parquetProperty)
        {
            parquet = ReadParquetOptions(context, parquetProperty, where);
            valid &= parquet is not null;
        }

        if (!valid || location is null || format is null)
        {
            return null;
        }

        return new WriteModel(location, format.Value, compression, layout, node.Span, maxRows, maxBytes, parquet, layoutSpan);
    }

    private static ParquetOptionsModel? ReadParquetOptions(ParseContext context, JsonProperty property, string where)
    {
        JsonObject? node = context.ExpectObject(property);
        if (node is null)
        {
            return null;
        }

        context.CheckUnknownProperties(node, "the parquet section of " + where, SchemaVocabulary.ParquetProperties);
        ParquetOptionsModel options = ParquetOptionsModel.Default;
        bool valid = true;
        if (node.Find("row_group_size") is JsonProperty rowGroupProperty)
        {
            long? rows = context.ExpectInteger(rowGroupProperty, 1, int.MaxValue);
            valid &= rows is not null;
            options = options with { RowGroupSize = (int)(rows ?? options.RowGroupSize) };
        }

        if (node.Find("compression") is JsonProperty compressionProperty)
        {
            JsonString? value = context.ExpectString(compressionProperty);
            int index = value is null ? -1 : System.Array.IndexOf(SchemaVocabulary.ParquetCompressionNames, value.Value.ToLowerInvariant());
            if (index < 0)
            {
                if (value is not null)
                {
                    context.Report(SchemaDiagnosticCodes.UnknownCompression, value.Span, value.Value, string.Join(", ", SchemaVocabulary.ParquetCompressionNames));
                }

                valid = false;
            }
            else
            {
                options = options with { Compression = (ParquetCompressionKind)index };
            }
        }

        return valid ? options : null;
    }

    private static DataFormat? ReadFormat(ParseContext context, JsonObject node, string where, DataFormat? readFormat, ref CsvOptionsModel csv, bool delimiterGiven, string datasetWhere)
    {
        JsonProperty? property = node.Find("format");
        if (property is null)
        {
            if (readFormat == DataFormat.Auto)
            {
                context.ReportMessage(
                    SchemaDiagnosticCodes.UnknownFormat,
                    node.Span,
                    ParseContext.Capitalize(where) + " has no \"format\" and the dataset's format is 'auto'; set \"format\" to one of: " + FormatList);
                return null;
            }

            return readFormat;
        }

        JsonString? value = context.ExpectString(property);
        if (value is null)
        {
            return null;
        }

        if (!SchemaVocabulary.TryParseFormat(value.Value, out DataFormat format, out bool isTsv))
        {
            context.Report(SchemaDiagnosticCodes.UnknownFormat, value.Span, value.Value, FormatList);
            return null;
        }

        if (format == DataFormat.Auto)
        {
            context.ReportMessage(
                SchemaDiagnosticCodes.UnknownFormat,
                value.Span,
                "The write format cannot be 'auto': a write needs one format; expected one of: " + FormatList);
            return null;
        }

        if (isTsv && csv.Delimiter != '\t')
        {
            bool csvOptionsInUse = delimiterGiven || readFormat == DataFormat.Csv || readFormat == DataFormat.Auto;
            if (csvOptionsInUse)
            {
                context.Report(
                    SchemaDiagnosticCodes.UnsupportedCsvOption,
                    value.Span,
                    "The write format 'tsv' of " + datasetWhere + " needs a tab delimiter, but writing uses the dataset's csv options, whose delimiter is '"
                    + csv.Delimiter + "'; write format 'csv', or set the dataset's csv delimiter to \"\\t\"");
                return null;
            }

            csv = csv with { Delimiter = '\t' };
        }

        return format;
    }
}
