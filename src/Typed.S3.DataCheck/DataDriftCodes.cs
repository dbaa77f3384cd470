using System.Collections.Generic;
using Typed.S3.Schema.Diagnostics;

namespace Typed.S3.DataCheck;

/// <summary>
/// The codes of the data-drift check (<c>typeds3-datacheck</c>, run by the build with <c>-p:TypedS3ValidateData=true</c>):
/// a schema file that no longer matches the data it points at. They are numbered from TS3101, clear of the schema
/// diagnostics (TS30xx). Ids never change meaning once shipped. The check's messages are composed where the problem
/// is found: each format is <c>{0}</c>.
/// </summary>
internal static class DataDriftCodes
{
    public static readonly SchemaDiagnosticCode NoObjects = new(
        "TS3101", "No object matches the dataset's location", "{0}", SchemaDiagnosticSeverity.Error);

    public static readonly SchemaDiagnosticCode MissingColumn = new(
        "TS3102", "A column is missing from the data", "{0}", SchemaDiagnosticSeverity.Error);

    public static readonly SchemaDiagnosticCode InvalidValue = new(
        "TS3103", "A value does not have the column's type", "{0}", SchemaDiagnosticSeverity.Error);

    public static readonly SchemaDiagnosticCode IncompatibleColumnType = new(
        "TS3104", "A Parquet column's type does not match the schema", "{0}", SchemaDiagnosticSeverity.Error);

    public static readonly SchemaDiagnosticCode UnreadableObject = new(
        "TS3105", "An object cannot be read in the dataset's format", "{0}", SchemaDiagnosticSeverity.Error);

    public static readonly SchemaDiagnosticCode StoreFailure = new(
        "TS3106", "The store cannot be opened or listed", "{0}", SchemaDiagnosticSeverity.Error);

    public static readonly SchemaDiagnosticCode SchemaNotChecked = new(
        "TS3107", "The schema file has errors: its data was not checked", "{0}", SchemaDiagnosticSeverity.Error);

    /// <summary>All codes, in id order.</summary>
    public static IReadOnlyList<SchemaDiagnosticCode> All { get; } = new[]
    {
        NoObjects, MissingColumn, InvalidValue, IncompatibleColumnType, UnreadableObject, StoreFailure, SchemaNotChecked,
    };
}
