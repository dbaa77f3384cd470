using System;
using System.Collections.Generic;
using System.Globalization;

namespace Typed.S3.Schema.Model;

/// <summary>The SQL engines whose type names <see cref="ColumnTypes.EngineTypeName"/> gives.</summary>
internal enum SqlEngine
{
    /// <summary>Athena DDL and the Glue Data Catalog (Hive type names).</summary>
    Athena,

    /// <summary>Trino.</summary>
    Trino,

    /// <summary>Spark SQL.</summary>
    Spark,

    /// <summary>DuckDB.</summary>
    DuckDb,
}

/// <summary>
/// The one home of the scalar column types: for each <see cref="ColumnKind"/> but the composite <see cref="ColumnKind.List"/>,
/// <see cref="ColumnKind.Map"/> and <see cref="ColumnKind.Record"/>, a <see cref="ColumnTypeInfo"/> row. The emitters take every per-type decision from
/// here; docs/architecture.md says how to add a type.
/// </summary>
internal static class ColumnTypes
{
    // Engine names checked against each engine's type reference: Athena "Data types in Amazon Athena" (DDL column),
    // Trino "Data types", Spark SQL "Data Types", DuckDB "General-Purpose Data Types". An engine without a type
    // (unsigned integers, half floats, time of day, UUID) gets the narrowest type that holds every value.
    private static readonly ColumnTypeInfo[] s_rows =
    {
        new(ColumnKind.Bool, "bool", "bool", true, false, CsvFieldShape.Parsed, "TryParseBoolean", "Write", "ReadBoolean", "Write", "Bool", "ParquetValueColumn<{0}>", "BOOLEAN",
            "boolean", "boolean", "BOOLEAN", "BOOLEAN"),
        new(ColumnKind.Int8, "int8", "sbyte", true, false, CsvFieldShape.Parsed, "TryParseSByte", "WriteNumber", "ReadSByte", "Write", "Int8", "ParquetValueColumn<{0}>", "INT32, INT(8, signed)",
            "tinyint", "tinyint", "TINYINT", "TINYINT"),
        new(ColumnKind.Int16, "int16", "short", true, false, CsvFieldShape.Parsed, "TryParseInt16", "WriteNumber", "ReadInt16", "Write", "Int16", "ParquetValueColumn<{0}>", "INT32, INT(16, signed)",
            "smallint", "smallint", "SMALLINT", "SMALLINT"),
        new(ColumnKind.Int32, "int32", "int", true, false, CsvFieldShape.Parsed, "TryParseInt32", "WriteNumber", "ReadInt32", "Write", "Int32", "ParquetValueColumn<{0}>", "INT32",
            "int", "integer", "INT", "INTEGER"),
        new(ColumnKind.Int64, "int64", "long", true, false, CsvFieldShape.Parsed, "TryParseInt64", "WriteNumber", "ReadInt64", "Write", "Int64", "ParquetValueColumn<{0}>", "INT64",
            "bigint", "bigint", "BIGINT", "BIGINT"),
        new(ColumnKind.UInt8, "uint8", "byte", true, false, CsvFieldShape.Parsed, "TryParseByte", "WriteNumber", "ReadByte", "Write", "UInt8", "ParquetValueColumn<{0}>", "INT32, INT(8, unsigned)",
            "smallint", "smallint", "SMALLINT", "UTINYINT"),
        new(ColumnKind.UInt16, "uint16", "ushort", true, false, CsvFieldShape.Parsed, "TryParseUInt16", "WriteNumber", "ReadUInt16", "Write", "UInt16", "ParquetValueColumn<{0}>", "INT32, INT(16, unsigned)",
            "int", "integer", "INT", "USMALLINT"),
        new(ColumnKind.UInt32, "uint32", "uint", true, false, CsvFieldShape.Parsed, "TryParseUInt32", "WriteNumber", "ReadUInt32", "Write", "UInt32", "ParquetValueColumn<{0}>", "INT32, INT(32, unsigned)",
            "bigint", "bigint", "BIGINT", "UINTEGER"),
        new(ColumnKind.UInt64, "uint64", "ulong", true, false, CsvFieldShape.Parsed, "TryParseUInt64", "WriteNumber", "ReadUInt64", "Write", "UInt64", "ParquetValueColumn<{0}>", "INT64, INT(64, unsigned)",
            "decimal(20,0)", "decimal(20,0)", "DECIMAL(20,0)", "UBIGINT"),
        new(ColumnKind.Float16, "float16", "global::System.Half", true, false, CsvFieldShape.Parsed, "TryParseHalf", "WriteNumber", "ReadHalf", "Write", "Float16", "ParquetValueColumn<{0}>", "FLOAT",
            "float", "real", "FLOAT", "FLOAT"),
        new(ColumnKind.Float32, "float32", "float", true, false, CsvFieldShape.Parsed, "TryParseSingle", "WriteNumber", "ReadSingle", "Write", "Float32", "ParquetValueColumn<{0}>", "FLOAT",
            "float", "real", "FLOAT", "FLOAT"),
        new(ColumnKind.Float64, "float64", "double", true, false, CsvFieldShape.Parsed, "TryParseDouble", "WriteNumber", "ReadDouble", "Write", "Float64", "ParquetValueColumn<{0}>", "DOUBLE",
            "double", "double", "DOUBLE", "DOUBLE"),
        new(ColumnKind.Decimal, "decimal", "decimal", true, true, CsvFieldShape.Parsed, "TryParseDecimal", "WriteNumber", "ReadDecimal", "Write", "Decimal", "ParquetValueColumn<{0}>", "INT32, INT64 or FIXED_LEN_BYTE_ARRAY by precision, DECIMAL(p, s)",
            "decimal({0},{1})", "decimal({0},{1})", "DECIMAL({0},{1})", "DECIMAL({0},{1})"),
        new(ColumnKind.String, "string", "string", false, false, CsvFieldShape.Text, "GetString", "Write", "ReadString", "Write", "String", "ParquetStringColumn", "BYTE_ARRAY, STRING",
            "string", "varchar", "STRING", "VARCHAR"),
        new(ColumnKind.Date, "date", "global::System.DateOnly", true, false, CsvFieldShape.Parsed, "TryParseDate", "Write", "ReadDate", "Write", "Date", "ParquetValueColumn<{0}>", "INT32, DATE",
            "date", "date", "DATE", "DATE"),
        new(ColumnKind.Time, "time", "global::System.TimeOnly", true, false, CsvFieldShape.Parsed, "TryParseTime", "Write", "ReadTime", "Write", "Time", "ParquetValueColumn<{0}>", "INT64, TIME(MICROS, not adjusted to UTC)",
            "string", "time(6)", "STRING", "TIME"),
        new(ColumnKind.Timestamp, "timestamp", "global::System.DateTimeOffset", true, false, CsvFieldShape.Parsed, "TryParseTimestamp", "Write", "ReadTimestamp", "Write", "Timestamp", "ParquetValueColumn<{0}>", "INT64, TIMESTAMP(MICROS, adjusted to UTC)",
            "timestamp", "timestamp(6) with time zone", "TIMESTAMP", "TIMESTAMPTZ"),
        new(ColumnKind.TimestampLocal, "timestamp_local", "global::System.DateTime", true, false, CsvFieldShape.Parsed, "TryParseLocalTimestamp", "Write", "ReadLocalTimestamp", "Write", "LocalTimestamp", "ParquetValueColumn<{0}>", "INT64, TIMESTAMP(MICROS, not adjusted to UTC)",
            "timestamp", "timestamp(6)", "TIMESTAMP_NTZ", "TIMESTAMP"),
        new(ColumnKind.Uuid, "uuid", "global::System.Guid", true, false, CsvFieldShape.Parsed, "TryParseGuid", "WriteNumber", "ReadGuid", "Write", "Uuid", "ParquetValueColumn<{0}>", "FIXED_LEN_BYTE_ARRAY(16), UUID",
            "string", "uuid", "STRING", "UUID"),
        new(ColumnKind.Binary, "binary", "byte[]", false, false, CsvFieldShape.Bytes, "TryParseBase64", "Write", "ReadBinary", "Write", "Binary", "ParquetBinaryColumn", "BYTE_ARRAY",
            "binary", "varbinary", "BINARY", "BLOB"),
    };

    private static readonly Dictionary<ColumnKind, ColumnTypeInfo> s_byKind = Index(s_rows);

    /// <summary>Every row, in <see cref="ColumnKind"/> order.</summary>
    public static IReadOnlyList<ColumnTypeInfo> All => s_rows;

    /// <summary>Whether the kind is composite (a list, a map or a nested record): built from other types, it has no row.</summary>
    /// <returns>Whether it is <see cref="ColumnKind.List"/>, <see cref="ColumnKind.Map"/> or <see cref="ColumnKind.Record"/>.</returns>
    public static bool IsComposite(ColumnKind kind) => kind is ColumnKind.List or ColumnKind.Map or ColumnKind.Record;

    /// <summary>The row of a scalar kind.</summary>
    /// <param name="kind">The kind, not composite.</param>
    /// <returns>Its row.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The kind is composite.</exception>
    public static ColumnTypeInfo Of(ColumnKind kind) =>
        s_byKind.TryGetValue(kind, out ColumnTypeInfo? info) ? info : throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a scalar column type.");

    /// <summary>The row of a scalar kind, if it has one.</summary>
    /// <param name="kind">Any kind; lists and records have no row.</param>
    /// <param name="info">Its row.</param>
    /// <returns>Whether the kind has a row (is scalar).</returns>
    public static bool TryGet(ColumnKind kind, out ColumnTypeInfo info)
    {
        bool found = s_byKind.TryGetValue(kind, out ColumnTypeInfo? row);
        info = row!;
        return found;
    }

    /// <summary>
    /// The type's name in an engine's DDL: <c>bigint</c>, <c>decimal(18,2)</c>, <c>array&lt;string&gt;</c> (Athena),
    /// <c>array(varchar)</c> (Trino), <c>ARRAY&lt;STRING&gt;</c> (Spark), <c>VARCHAR[]</c> (DuckDB); maps and nested records
    /// as each engine spells them (<c>map&lt;string,bigint&gt;</c>, <c>struct&lt;sku:string,price:decimal(10,2)&gt;</c> in
    /// Athena; <c>map(varchar, bigint)</c>, <c>row(sku varchar, price decimal(10,2))</c> in Trino; <c>MAP&lt;STRING, BIGINT&gt;</c>,
    /// <c>STRUCT&lt;sku: STRING, price: DECIMAL(10,2)&gt;</c> in Spark; <c>MAP(VARCHAR, BIGINT)</c>,
    /// <c>STRUCT(sku VARCHAR, price DECIMAL(10,2))</c> in DuckDB). Field names are written as they are: quoting them is
    /// the DDL writer's part.
    /// </summary>
    /// <param name="type">Any column type.</param>
    /// <param name="engine">The engine whose DDL spelling is wanted.</param>
    public static string EngineTypeName(ColumnType type, SqlEngine engine)
    {
        if (type.Kind == ColumnKind.List && type.Element is { } element)
        {
            string inner = EngineTypeName(element, engine);
            return engine switch
            {
                SqlEngine.Athena => "array<" + inner + ">",
                SqlEngine.Trino => "array(" + inner + ")",
                SqlEngine.Spark => "ARRAY<" + inner + ">",
                _ => inner + "[]",
            };
        }

        if (type.Kind == ColumnKind.Map && type.Key is { } key && type.Element is { } value)
        {
            string k = EngineTypeName(key, engine);
            string v = EngineTypeName(value, engine);
            return engine switch
            {
                SqlEngine.Athena => "map<" + k + "," + v + ">",
                SqlEngine.Trino => "map(" + k + ", " + v + ")",
                SqlEngine.Spark => "MAP<" + k + ", " + v + ">",
                _ => "MAP(" + k + ", " + v + ")",
            };
        }

        if (type.Kind == ColumnKind.Record)
        {
            var fields = new List<string>(type.Fields.Count);
            foreach (ColumnModel field in type.Fields)
            {
                string fieldType = EngineTypeName(field.Type, engine);
                fields.Add(engine switch
                {
                    SqlEngine.Athena => field.Name + ":" + fieldType,
                    SqlEngine.Spark => field.Name + ": " + fieldType,
                    _ => field.Name + " " + fieldType,
                });
            }

            string list = string.Join(engine == SqlEngine.Athena ? "," : ", ", fields);
            return engine switch
            {
                SqlEngine.Athena => "struct<" + list + ">",
                SqlEngine.Trino => "row(" + list + ")",
                SqlEngine.Spark => "STRUCT<" + list + ">",
                _ => "STRUCT(" + list + ")",
            };
        }

        ColumnTypeInfo info = Of(type.Kind);
        string name = engine switch
        {
            SqlEngine.Athena => info.Athena,
            SqlEngine.Trino => info.Trino,
            SqlEngine.Spark => info.Spark,
            _ => info.DuckDb,
        };
        return info.HasPrecisionScale ? string.Format(CultureInfo.InvariantCulture, name, type.Precision, type.Scale) : name;
    }

    private static Dictionary<ColumnKind, ColumnTypeInfo> Index(ColumnTypeInfo[] rows)
    {
        var index = new Dictionary<ColumnKind, ColumnTypeInfo>(rows.Length);
        foreach (ColumnTypeInfo row in rows)
        {
            index.Add(row.Kind, row);
        }

        return index;
    }
}
