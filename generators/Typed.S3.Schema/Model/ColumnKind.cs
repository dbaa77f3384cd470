namespace Typed.S3.Schema.Model;

/// <summary>The column types of the schema descriptor.</summary>
internal enum ColumnKind
{
    Bool,
    Int8,
    Int16,
    Int32,
    Int64,
    UInt8,
    UInt16,
    UInt32,
    UInt64,

    /// <summary><c>float16</c>: IEEE half precision (<c>System.Half</c>).</summary>
    Float16,
    Float32,
    Float64,
    Decimal,
    String,
    Date,
    Time,
    Timestamp,
    TimestampLocal,
    Uuid,
    Binary,

    /// <summary><c>list&lt;T&gt;</c>: <see cref="ColumnType.Element"/> holds T.</summary>
    List,

    /// <summary><c>map&lt;K,V&gt;</c>: keys of a scalar type (<see cref="ColumnType.Key"/>) to values of any type (<see cref="ColumnType.Element"/>).</summary>
    Map,

    /// <summary>A nested record: <see cref="ColumnType.Fields"/> holds its columns.</summary>
    Record,
}
