namespace Typed.S3.Schema.Model;

/// <summary>One column of a dataset.</summary>
/// <param name="Name">The column's name in the data (CSV header, JSON property, Parquet field).</param>
/// <param name="PropertyName">The C# property name: from <c>"property"</c>, else the name in PascalCase.</param>
/// <param name="Type">The parsed type, which says whether it is a scalar, a list or a nested record.</param>
/// <param name="Required">Whether the column is required: non-nullable and must be present.</param>
/// <param name="Span">Where the column's object is in the schema file.</param>
/// <param name="AbsentAsNull">
/// Whether an object that lacks the column altogether (a CSV header or Parquet schema without it) reads it as null
/// (<c>"when_absent": "null"</c>); otherwise such an object is an error.
/// </param>
internal sealed record ColumnModel(string Name, string PropertyName, ColumnType Type, bool Required, SourceSpan Span, bool AbsentAsNull = false);
