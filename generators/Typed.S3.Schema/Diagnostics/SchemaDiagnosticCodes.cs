using System.Collections.Generic;

namespace Typed.S3.Schema.Diagnostics;

/// <summary>Every schema diagnostic, in one place. Ids never change meaning once shipped.</summary>
internal static class SchemaDiagnosticCodes
{
    public static readonly SchemaDiagnosticCode InvalidJson = new(
        "TS3001", "Schema file is not valid JSON", "Invalid JSON: {0}", SchemaDiagnosticSeverity.Error);

    public static readonly SchemaDiagnosticCode UnknownProperty = new(
        "TS3002", "Unknown schema property", "Unknown property '{0}' in {1}; expected one of: {2}", SchemaDiagnosticSeverity.Warning);

    public static readonly SchemaDiagnosticCode MissingProperty = new(
        "TS3003", "Required schema property is missing", "{0} is missing the required property '{1}'", SchemaDiagnosticSeverity.Error);

    public static readonly SchemaDiagnosticCode UnknownColumnType = new(
        "TS3004", "Unknown column type", "Unknown column type '{0}' for column '{1}'; expected one of: {2}", SchemaDiagnosticSeverity.Error);

    public static readonly SchemaDiagnosticCode DuplicateColumn = new(
        "TS3005", "Duplicate column", "{0} has more than one column named '{1}' (column names match case-insensitively)", SchemaDiagnosticSeverity.Error);

    public static readonly SchemaDiagnosticCode DuplicateProperty = new(
        "TS3006", "Duplicate property name", "Columns '{0}' and '{1}' of {2} both map to the C# property '{3}'; set \"property\" on one of them", SchemaDiagnosticSeverity.Error);

    public static readonly SchemaDiagnosticCode InvalidIdentifier = new(
        "TS3007", "Invalid C# identifier", "'{0}' (from {1}) is not a valid C# identifier", SchemaDiagnosticSeverity.Error);

    public static readonly SchemaDiagnosticCode UnknownFormat = new(
        "TS3008", "Unknown format", "Unknown format '{0}'; expected one of: {1}", SchemaDiagnosticSeverity.Error);

    public static readonly SchemaDiagnosticCode MissingLocation = new(
        "TS3009", "Missing location", "{0} has no location: set \"location\" to s3://bucket/key-or-glob", SchemaDiagnosticSeverity.Error);

    public static readonly SchemaDiagnosticCode InvalidValue = new(
        "TS3010", "Invalid value", "Invalid value for '{0}': expected {1}, found {2}", SchemaDiagnosticSeverity.Error);

    public static readonly SchemaDiagnosticCode UnknownCompression = new(
        "TS3011", "Unknown compression", "Unknown compression '{0}'; expected one of: {1}", SchemaDiagnosticSeverity.Error);

    public static readonly SchemaDiagnosticCode InvalidLocation = new(
        "TS3012", "Invalid location", "Invalid location '{0}': {1}", SchemaDiagnosticSeverity.Error);

    public static readonly SchemaDiagnosticCode InvalidLayout = new(
        "TS3013", "Invalid layout", "Invalid layout '{0}': {1}", SchemaDiagnosticSeverity.Error);

    public static readonly SchemaDiagnosticCode DuplicateTypeName = new(
        "TS3014", "Duplicate type name", "The name '{0}' is used by more than one generated type in namespace '{1}'", SchemaDiagnosticSeverity.Error);

    public static readonly SchemaDiagnosticCode InvalidDecimal = new(
        "TS3015", "Invalid decimal precision or scale", "Invalid type '{0}' for column '{1}': write decimal(p,s) with a precision p of 1 to 28 and a scale s of 0 to p", SchemaDiagnosticSeverity.Error);

    public static readonly SchemaDiagnosticCode UnsupportedColumnType = new(
        "TS3016", "Column type not supported by the generated codecs yet", "Column '{0}' has type '{1}', which the generated codecs of this version cannot read or write yet", SchemaDiagnosticSeverity.Error);

    public static readonly SchemaDiagnosticCode GeneratorFailure = new(
        "TS3017", "Typed.S3 generator failed", "The Typed.S3 generator failed on this file: {0}", SchemaDiagnosticSeverity.Error);

    public static readonly SchemaDiagnosticCode NoDatasets = new(
        "TS3018", "No datasets", "The schema file declares no datasets", SchemaDiagnosticSeverity.Warning);

    public static readonly SchemaDiagnosticCode UnsupportedCsvOption = new(
        "TS3019", "Unsupported CSV option", "{0}", SchemaDiagnosticSeverity.Error);

    public static readonly SchemaDiagnosticCode DuplicateJsonProperty = new(
        "TS3020", "Duplicate JSON property", "Property '{0}' appears more than once in this object (first at line {1}, column {2})", SchemaDiagnosticSeverity.Error);

    /// <summary>All codes, in id order.</summary>
    public static IReadOnlyList<SchemaDiagnosticCode> All { get; } = new[]
    {
        InvalidJson, UnknownProperty, MissingProperty, UnknownColumnType, DuplicateColumn, DuplicateProperty,
        InvalidIdentifier, UnknownFormat, MissingLocation, InvalidValue, UnknownCompression, InvalidLocation,
        InvalidLayout, DuplicateTypeName, InvalidDecimal, UnsupportedColumnType, GeneratorFailure, NoDatasets,
        UnsupportedCsvOption, DuplicateJsonProperty,
    };
}
