using Typed.S3.Schema.Diagnostics;
using Typed.S3.Schema.Json;
using Typed.S3.Schema.Model;

namespace Typed.S3.Schema.Parsing;

/// <summary>Reads one entry of <c>datasets</c>: its names, location, format, CSV options, compression, columns and write section.</summary>
internal sealed class DatasetParser
{
    private static readonly string FormatList = string.Join(", ", SchemaVocabulary.FormatNames);
    private static readonly string CompressionList = string.Join(", ", SchemaVocabulary.CompressionNames);

    private readonly ParseContext _context;
    private readonly TypeNameRegistry _typeNames;
    private readonly ColumnsParser _columns;

    /// <summary>Creates a dataset parser.</summary>
    /// <param name="context">Where to report.</param>
    /// <param name="typeNames">Where generated type names go.</param>
    public DatasetParser(ParseContext context, TypeNameRegistry typeNames)
    {
        _context = context;
        _typeNames = typeNames;
        _columns = new ColumnsParser(context, typeNames);
    }

    /// <summary>Reads a dataset.</summary>
    /// <param name="property">The dataset's entry: its name is the accessor class name.</param>
    /// <returns>The dataset, or <see langword="null"/> when too broken to build one (errors reported).</returns>
    public DatasetModel? Parse(JsonProperty property)
    {
        string name = property.Name;
        string where = "dataset '" + name + "'";
        string? nameProblem = CSharpNames.WhyInvalid(name, true);
        _typeNames.CurrentDataset = name;
        if (nameProblem is null)
        {
            _typeNames.Add(name, property.NameSpan, isAccessor: true);
        }
        else
        {
            _context.ReportMessage(
                SchemaDiagnosticCodes.InvalidIdentifier,
                property.NameSpan,
                ParseContext.Format(SchemaDiagnosticCodes.InvalidIdentifier, name, "the name of " + where) + ": " + nameProblem);
        }

        JsonObject? node = _context.ExpectObject(property);
        if (node is null)
        {
            return null;
        }

        _context.CheckUnknownProperties(node, where, SchemaVocabulary.DatasetProperties);
        string? recordName = ReadRecordName(node, property, where, nameProblem is null);
        string? location = ReadLocation(node, where);
        DataFormat? format = ReadFormat(node, where, location, out bool isTsv);
        CsvOptionsModel csv = CsvOptionsParser.Parse(_context, node.Find("csv"), where, isTsv, out bool delimiterGiven);
        CompressionKind compression = ReadCompression(node);
        EquatableArray<ColumnModel> columns = _columns.Parse(node, where, recordName ?? string.Empty, 0);

        WriteModel? write = null;
        if (node.Find("write") is JsonProperty writeProperty)
        {
            write = WriteSectionParser.Parse(_context, writeProperty, where, format, ref csv, delimiterGiven);
        }

        if (recordName is null || location is null || format is null)
        {
            return null;
        }

        return new DatasetModel(name, recordName, location, format.Value, csv, compression, columns, write, node.Span);
    }

    private string? ReadRecordName(JsonObject node, JsonProperty datasetProperty, string where, bool nameValid)
    {
        JsonProperty? property = node.Find("record");
        if (property is null)
        {
            if (!nameValid)
            {
                return null;
            }

            string defaultName = datasetProperty.Name + "Record";
            _typeNames.Add(defaultName, datasetProperty.NameSpan);
            return defaultName;
        }

        JsonString? value = _context.ExpectString(property);
        if (value is null)
        {
            return null;
        }

        string? problem = CSharpNames.WhyInvalid(value.Value, true);
        if (problem is not null)
        {
            _context.ReportMessage(
                SchemaDiagnosticCodes.InvalidIdentifier,
                value.Span,
                ParseContext.Format(SchemaDiagnosticCodes.InvalidIdentifier, value.Value, "the record of " + where) + ": " + problem);
            return null;
        }

        _typeNames.Add(value.Value, value.Span);
        return value.Value;
    }

    private string? ReadLocation(JsonObject node, string where)
    {
        JsonProperty? property = node.Find("location");
        if (property is null)
        {
            _context.Report(SchemaDiagnosticCodes.MissingLocation, node.Span, ParseContext.Capitalize(where));
            return null;
        }

        JsonString? value = _context.ExpectString(property);
        if (value is null)
        {
            return null;
        }

        string? problem = S3Locations.Check(value.Value, false);
        if (problem is not null)
        {
            _context.Report(SchemaDiagnosticCodes.InvalidLocation, value.Span, value.Value, problem);
            return null;
        }

        return value.Value;
    }

    private DataFormat? ReadFormat(JsonObject node, string where, string? location, out bool isTsv)
    {
        isTsv = false;
        JsonProperty? property = node.Find("format");
        if (property is not null)
        {
            JsonString? value = _context.ExpectString(property);
            if (value is null)
            {
                return null;
            }

            if (SchemaVocabulary.TryParseFormat(value.Value, out DataFormat format, out isTsv))
            {
                return format;
            }

            _context.Report(SchemaDiagnosticCodes.UnknownFormat, value.Span, value.Value, FormatList);
            return null;
        }

        if (location is null)
        {
            return null;
        }

        string? inferred = S3Locations.InferFormatName(location);
        if (inferred is not null && SchemaVocabulary.TryParseFormat(inferred, out DataFormat inferredFormat, out isTsv))
        {
            return inferredFormat;
        }

        _context.ReportMessage(
            SchemaDiagnosticCodes.UnknownFormat,
            node.Span,
            ParseContext.Capitalize(where) + " has no \"format\" and its location '" + location + "' does not show one; set \"format\" to one of: " + FormatList);
        return null;
    }

    private CompressionKind ReadCompression(JsonObject node)
    {
        JsonProperty? property = node.Find("compression");
        if (property is null || _context.ExpectString(property) is not JsonString value)
        {
            return CompressionKind.Auto;
        }

        if (SchemaVocabulary.TryParseCompression(value.Value, out CompressionKind compression))
        {
            return compression;
        }

        _context.Report(SchemaDiagnosticCodes.UnknownCompression, value.Span, value.Value, CompressionList);
        return CompressionKind.Auto;
    }
}
