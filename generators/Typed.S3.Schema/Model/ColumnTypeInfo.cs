namespace Typed.S3.Schema.Model;

/// <summary>
/// Everything about one scalar column type that the generator, the runtime's codecs and the DDL output need, as data:
/// one row of <see cref="ColumnTypes"/>. Method and type names are the runtime's (in <c>Typed.S3.Codecs</c>), without
/// a namespace; the emitters add it. Engine type names of a type with precision and scale hold <c>{0}</c> (precision)
/// and <c>{1}</c> (scale).
/// </summary>
/// <param name="Kind">The scalar kind this row describes (its key in the table).</param>
/// <param name="SchemaName">The type as the schema file spells it (<c>int64</c>; <c>decimal</c> for <c>decimal(p,s)</c>).</param>
/// <param name="ClrType">The C# type, fully qualified where it is not a keyword, without <c>?</c>.</param>
/// <param name="IsValueType">Whether <see cref="ClrType"/> is a struct (its nullable form is <c>Nullable&lt;T&gt;</c>).</param>
/// <param name="HasPrecisionScale">Whether the type takes a precision and a scale (<c>decimal(p,s)</c>): every parser and factory below is then called with them.</param>
/// <param name="CsvShape">How the generated CSV reader takes a field of the type.</param>
/// <param name="CsvParse">
/// The <c>Utf8ValueParser</c> method that parses a CSV field (UTF-8 text) into the type. A <see cref="CsvFieldShape.Text"/>
/// field is decoded by the reader's base class instead (<c>ReadString</c>, which refuses invalid UTF-8).
/// </param>
/// <param name="CsvWrite">The <c>CsvFieldWriter</c> method that writes a value as a CSV field.</param>
/// <param name="JsonRead">The <c>JsonRecordReader&lt;T&gt;</c> method that reads a JSON property's value.</param>
/// <param name="JsonWrite">The <c>JsonFieldWriter</c> method that writes a value as a JSON property.</param>
/// <param name="ParquetFactory">The <c>ParquetColumns</c> factory of the column (also the element's name in <c>ListElements</c> and <c>ParquetListElements</c>).</param>
/// <param name="ParquetColumnType">The type <see cref="ParquetFactory"/> returns; <c>{0}</c> stands for <see cref="ClrType"/>.</param>
/// <param name="ParquetType">The Parquet physical and logical type the column is written as (documentation, and the DDL output's reference).</param>
/// <param name="Athena">
/// The type in Athena DDL (Hive names, as the Glue Data Catalog stores them). The engine names are those of Parquet data
/// written by the generated codecs; over CSV or JSON, a binary value is base64 text (a string type).
/// </param>
/// <param name="Trino">The type in Trino.</param>
/// <param name="Spark">The type in Spark SQL.</param>
/// <param name="DuckDb">The type in DuckDB.</param>
internal sealed record ColumnTypeInfo(
    ColumnKind Kind,
    string SchemaName,
    string ClrType,
    bool IsValueType,
    bool HasPrecisionScale,
    CsvFieldShape CsvShape,
    string CsvParse,
    string CsvWrite,
    string JsonRead,
    string JsonWrite,
    string ParquetFactory,
    string ParquetColumnType,
    string ParquetType,
    string Athena,
    string Trino,
    string Spark,
    string DuckDb)
{
    /// <summary>The name of the list element descriptor in <c>ListElements</c> and <c>ParquetListElements</c> (the same as <see cref="ParquetFactory"/>).</summary>
    public string ListElement => ParquetFactory;
}

/// <summary>How the generated CSV reader takes a field of a type (the emitter's template, and the data check's empty fields).</summary>
internal enum CsvFieldShape
{
    /// <summary>Parsed by <see cref="ColumnTypeInfo.CsvParse"/>; an empty field is null (missing when required).</summary>
    Parsed,

    /// <summary>Decoded as UTF-8 text; an empty field is the empty string when the column is required.</summary>
    Text,

    /// <summary>Parsed by <see cref="ColumnTypeInfo.CsvParse"/>; a quoted empty field (<c>""</c>) is an empty value, an unquoted one is null.</summary>
    Bytes,
}
