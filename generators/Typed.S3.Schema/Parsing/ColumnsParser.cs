using System;
using System.Collections.Generic;
using Typed.S3.Schema.Diagnostics;
using Typed.S3.Schema.Json;
using Typed.S3.Schema.Model;

namespace Typed.S3.Schema.Parsing;

/// <summary>Reads the <c>columns</c> array of a dataset or of a nested record, and checks their names.</summary>
internal sealed class ColumnsParser
{
    private static readonly string ValidTypes = string.Join(", ", SchemaVocabulary.ColumnTypeNames);

    private readonly ParseContext _context;
    private readonly TypeNameRegistry _typeNames;

    /// <summary>Creates a columns parser.</summary>
    /// <param name="context">Where to report.</param>
    /// <param name="typeNames">Where nested record type names go.</param>
    public ColumnsParser(ParseContext context, TypeNameRegistry typeNames)
    {
        _context = context;
        _typeNames = typeNames;
    }

    /// <summary>Reads the columns of <paramref name="owner"/>.</summary>
    /// <param name="owner">The dataset or record object holding <c>columns</c>.</param>
    /// <param name="where">What the owner is (<c>dataset 'Customers'</c>, <c>record 'AddressRecord'</c>).</param>
    /// <param name="recordName">The C# type the columns become properties of.</param>
    /// <param name="depth">How deep records nest here (0 for a dataset).</param>
    /// <returns>The valid columns (a dataset with an invalid column also gets an error).</returns>
    public EquatableArray<ColumnModel> Parse(JsonObject owner, string where, string recordName, int depth)
    {
        JsonProperty? columnsProperty = owner.Find("columns");
        if (columnsProperty is null)
        {
            _context.ReportMissing(owner, where, "columns");
            return EquatableArray<ColumnModel>.Empty;
        }

        if (columnsProperty.Value is not JsonArray array || array.Items.Count == 0)
        {
            _context.ReportInvalid(columnsProperty, "a non-empty array of column objects");
            return EquatableArray<ColumnModel>.Empty;
        }

        var columns = new List<ColumnModel>();
        var names = new Dictionary<string, ParsedColumn>(StringComparer.OrdinalIgnoreCase);
        var properties = new Dictionary<string, ParsedColumn>(StringComparer.Ordinal);
        for (int i = 0; i < array.Items.Count; i++)
        {
            _context.CancellationToken.ThrowIfCancellationRequested();
            JsonNode item = array.Items[i];
            if (item is not JsonObject columnObject)
            {
                _context.Report(SchemaDiagnosticCodes.InvalidValue, item.Span, "columns[" + i + "]", "a column object", item.Describe());
                continue;
            }

            ParsedColumn? column = ParseColumn(columnObject, i, where, recordName, depth);
            if (column is null)
            {
                continue;
            }

            if (names.ContainsKey(column.Name))
            {
                _context.Report(SchemaDiagnosticCodes.DuplicateColumn, column.NameSpan, ParseContext.Capitalize(where), column.Name);
                continue;
            }

            names.Add(column.Name, column);
            if (column.Model is null)
            {
                continue;
            }

            if (properties.TryGetValue(column.Model.PropertyName, out ParsedColumn? sameProperty))
            {
                _context.Report(SchemaDiagnosticCodes.DuplicateProperty, column.PropertySpan, sameProperty.Name, column.Name, where, column.Model.PropertyName);
                continue;
            }

            properties.Add(column.Model.PropertyName, column);
            columns.Add(column.Model);
        }

        return EquatableArray.From(columns);
    }

    private ParsedColumn? ParseColumn(JsonObject node, int index, string ownerWhere, string ownerRecordName, int depth)
    {
        JsonProperty? nameProperty = node.Find("name");
        JsonString? nameNode = null;
        if (nameProperty is null)
        {
            _context.ReportMissing(node, "column " + (index + 1) + " of " + ownerWhere, "name");
        }
        else if ((nameNode = _context.ExpectString(nameProperty)) is not null && nameNode.Value.Length == 0)
        {
            _context.ReportInvalid(nameProperty, "a non-empty string");
            nameNode = null;
        }

        string where = nameNode is null ? "column " + (index + 1) + " of " + ownerWhere : "column '" + nameNode.Value + "' of " + ownerWhere;

        ColumnType? type = null;
        JsonProperty? typeProperty = node.Find("type");
        if (typeProperty is null)
        {
            _context.ReportMissing(node, where, "type");
        }
        else if (_context.ExpectString(typeProperty) is JsonString typeNode)
        {
            type = ReadType(typeNode, nameNode?.Value ?? where);
        }

        bool recordLike = type is not null && ColumnTypeParser.IsRecordLike(type);
        _context.CheckUnknownProperties(node, where, recordLike ? SchemaVocabulary.RecordColumnProperties : SchemaVocabulary.ColumnProperties);

        bool required = false;
        if (node.Find("required") is JsonProperty requiredProperty)
        {
            required = _context.ExpectBool(requiredProperty) ?? false;
        }

        bool absentAsNull = ReadWhenAbsent(node, required, where);
        string? propertyName = ReadPropertyName(node, nameNode, where, ownerRecordName, out string? unrenamedName);
        if (recordLike && type is not null)
        {
            type = ReadNestedRecord(node, type, unrenamedName, where, depth);
        }

        if (nameNode is null)
        {
            return null;
        }

        JsonProperty? overrideProperty = node.Find("property");
        SourceSpan propertySpan = overrideProperty?.Value.Span ?? nameNode.Span;
        ColumnModel? model = type is null || propertyName is null ? null : new ColumnModel(nameNode.Value, propertyName, type, required, node.Span, absentAsNull);
        return new ParsedColumn(nameNode.Value, nameNode.Span, propertySpan, model);
    }

    // "when_absent": "error" (the default) or "null"; a required column can never be read as null.
    private bool ReadWhenAbsent(JsonObject node, bool required, string where)
    {
        if (node.Find("when_absent") is not JsonProperty property || _context.ExpectString(property) is not JsonString value)
        {
            return false;
        }

        if (value.Value == "error")
        {
            return false;
        }

        if (value.Value != "null")
        {
            _context.ReportInvalid(property, "\"error\" or \"null\"");
            return false;
        }

        if (required)
        {
            _context.Report(SchemaDiagnosticCodes.AbsentRequiredColumn, property.Value.Span, where);
            return false;
        }

        return true;
    }

    private ColumnType? ReadType(JsonString typeNode, string columnName)
    {
        if (ColumnTypeParser.TryParse(typeNode.Value, out ColumnType? type, out ColumnTypeError error))
        {
            return type;
        }

        if (error == ColumnTypeError.Decimal)
        {
            _context.Report(SchemaDiagnosticCodes.InvalidDecimal, typeNode.Span, typeNode.Value, columnName);
        }
        else if (error == ColumnTypeError.MapKey)
        {
            _context.ReportMessage(
                SchemaDiagnosticCodes.UnknownColumnType,
                typeNode.Span,
                ParseContext.Format(SchemaDiagnosticCodes.UnknownColumnType, typeNode.Value, columnName, ValidTypes) + "; a map's key must be a scalar type other than binary, not a list, map or record");
        }
        else
        {
            _context.Report(SchemaDiagnosticCodes.UnknownColumnType, typeNode.Span, typeNode.Value, columnName, ValidTypes);
        }

        return null;
    }

    // The C# property: "property", else the column name in PascalCase, with '_' appended when that is the name of the
    // record type (TS3026, protobuf's C# rule); null when invalid (reported). unrenamedName is the name before that
    // '_' (what a nested record's default type name is built from), null when the property is.
    private string? ReadPropertyName(JsonObject node, JsonString? nameNode, string where, string ownerRecordName, out string? unrenamedName)
    {
        unrenamedName = null;
        string name;
        SourceSpan span;
        string hint;
        JsonProperty? overrideProperty = node.Find("property");
        if (overrideProperty is not null)
        {
            JsonString? overrideNode = _context.ExpectString(overrideProperty);
            if (overrideNode is null)
            {
                return null;
            }

            name = overrideNode.Value;
            span = overrideNode.Span;
            hint = string.Empty;
        }
        else if (nameNode is not null)
        {
            name = CSharpNames.ToPascalCase(nameNode.Value);
            span = nameNode.Span;
            hint = "; set \"property\" to a valid name";
        }
        else
        {
            return null;
        }

        string? reason = CSharpNames.WhyInvalid(name, false);
        if (reason is not null)
        {
            _context.ReportMessage(
                SchemaDiagnosticCodes.InvalidIdentifier,
                span,
                ParseContext.Format(SchemaDiagnosticCodes.InvalidIdentifier, name, "the property of " + where) + ": " + reason + hint);
            return null;
        }

        if (CSharpNames.IsRecordMember(name))
        {
            _context.ReportMessage(
                SchemaDiagnosticCodes.DuplicateProperty,
                span,
                ParseContext.Capitalize(where) + " maps to the C# property '" + name + "', which every C# record already has as a member: set \"property\"");
            return null;
        }

        unrenamedName = name;
        if (string.Equals(name, ownerRecordName, StringComparison.Ordinal))
        {
            if (overrideProperty is not null)
            {
                // Asked for by name: renaming it would not be what the schema says.
                _context.ReportMessage(
                    SchemaDiagnosticCodes.DuplicateProperty,
                    span,
                    ParseContext.Capitalize(where) + " maps to the C# property '" + name + "', the name of its record type; C# does not allow a member named like its type: choose another \"property\"");
                unrenamedName = null;
                return null;
            }

            // A PascalCase name never ends with '_', so the renamed property can only meet an explicit "property" of
            // another column, which the caller reports as TS3006 naming both columns.
            string renamed = name + "_";
            _context.Report(SchemaDiagnosticCodes.PropertyRenamedAfterRecord, span, ParseContext.Capitalize(where), name, renamed);
            return renamed;
        }

        return name;
    }

    // baseName: the column's property name before a TS3026 rename, so a column 'reading' of record 'Reading' holds a
    // 'ReadingRecord' by default (its property is 'Reading_').
    private ColumnType? ReadNestedRecord(JsonObject node, ColumnType type, string? baseName, string where, int depth)
    {
        string? recordName = baseName is null ? null : baseName + "Record";
        SourceSpan recordSpan = node.Find("name")?.Value.Span ?? node.Span;
        if (node.Find("record") is JsonProperty recordProperty)
        {
            recordName = null;
            if (_context.ExpectString(recordProperty) is JsonString recordNode)
            {
                recordSpan = recordNode.Span;
                string? reason = CSharpNames.WhyInvalid(recordNode.Value, true);
                if (reason is null)
                {
                    recordName = recordNode.Value;
                }
                else
                {
                    _context.ReportMessage(
                        SchemaDiagnosticCodes.InvalidIdentifier,
                        recordNode.Span,
                        ParseContext.Format(SchemaDiagnosticCodes.InvalidIdentifier, recordNode.Value, "the record of " + where) + ": " + reason);
                }
            }
        }

        if (recordName is not null)
        {
            _typeNames.Add(recordName, recordSpan);
        }

        if (depth + 1 > SchemaParser.MaxRecordDepth)
        {
            _context.ReportMessage(
                SchemaDiagnosticCodes.InvalidValue,
                node.Span,
                ParseContext.Capitalize(where) + " nests records more than " + SchemaParser.MaxRecordDepth + " deep");
            return null;
        }

        if (node.Find("columns") is null)
        {
            _context.ReportMissing(node, where, "columns");
            return null;
        }

        EquatableArray<ColumnModel> fields = Parse(node, recordName is null ? where : "record '" + recordName + "'", recordName ?? string.Empty, depth + 1);
        return recordName is null ? null : ColumnTypeParser.WithRecord(type, fields, recordName);
    }

    private sealed class ParsedColumn
    {
        public ParsedColumn(string name, SourceSpan nameSpan, SourceSpan propertySpan, ColumnModel? model)
        {
            Name = name;
            NameSpan = nameSpan;
            PropertySpan = propertySpan;
            Model = model;
        }

        public string Name { get; }

        public SourceSpan NameSpan { get; }

        public SourceSpan PropertySpan { get; }

        public ColumnModel? Model { get; }
    }
}
