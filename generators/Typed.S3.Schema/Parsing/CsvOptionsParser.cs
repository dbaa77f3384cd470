using Typed.S3.Schema.Diagnostics;
using Typed.S3.Schema.Json;
using Typed.S3.Schema.Model;

namespace Typed.S3.Schema.Parsing;

/// <summary>
/// Reads a dataset's <c>csv</c> section: <c>delimiter</c> (one ASCII character, not CR, LF or <c>"</c>; default
/// <c>,</c>, or a tab for <c>tsv</c>), <c>header</c> (default <see langword="true"/>) and <c>quote</c> (only
/// <c>"</c> in this version: the writer always quotes with it).
/// </summary>
internal static class CsvOptionsParser
{
    /// <summary>Reads the section, or gives the defaults when it is absent.</summary>
    /// <param name="context">Where to report.</param>
    /// <param name="property">The <c>csv</c> property, or <see langword="null"/>.</param>
    /// <param name="datasetWhere">The dataset, for messages (<c>dataset 'Customers'</c>).</param>
    /// <param name="isTsv">Whether the format is <c>tsv</c>: the default delimiter is then a tab.</param>
    /// <param name="delimiterGiven">Whether the section sets <c>delimiter</c>.</param>
    public static CsvOptionsModel Parse(ParseContext context, JsonProperty? property, string datasetWhere, bool isTsv, out bool delimiterGiven)
    {
        delimiterGiven = false;
        char delimiter = isTsv ? '\t' : ',';
        bool header = true;
        if (property is null || context.ExpectObject(property) is not JsonObject node)
        {
            return new CsvOptionsModel(delimiter, header, '"');
        }

        context.CheckUnknownProperties(node, "the csv section of " + datasetWhere, SchemaVocabulary.CsvProperties);
        if (node.Find("delimiter") is JsonProperty delimiterProperty && context.ExpectString(delimiterProperty) is JsonString delimiterValue)
        {
            string text = delimiterValue.Value;
            if (text.Length == 1 && text[0] <= '\u007e' && (text[0] >= ' ' || text[0] == '\t') && text[0] != '"')
            {
                delimiter = text[0];
                delimiterGiven = true;
            }
            else
            {
                context.ReportInvalid(delimiterProperty, "exactly one printable ASCII character or a tab (\"\\t\"), not '\"'");
            }
        }

        if (node.Find("header") is JsonProperty headerProperty)
        {
            header = context.ExpectBool(headerProperty) ?? true;
        }

        if (node.Find("quote") is JsonProperty quoteProperty
            && context.ExpectString(quoteProperty) is JsonString quoteValue
            && quoteValue.Value != "\"")
        {
            context.Report(
                SchemaDiagnosticCodes.UnsupportedCsvOption,
                quoteValue.Span,
                "The quote character '" + quoteValue.Value + "' of " + datasetWhere + " is not supported: this version reads and writes CSV quoted with '\"' only; remove \"quote\" or set it to \"\\\"\"");
        }

        return new CsvOptionsModel(delimiter, header, '"');
    }
}
