namespace Typed.S3.Schema.Model;

/// <summary>A parsed column type, such as <c>int64</c>, <c>decimal(18,2)</c>, <c>list&lt;string&gt;</c> or <c>map&lt;string,int64&gt;</c>.</summary>
/// <param name="Kind">Which type: a scalar, a list, a map or a nested record; the other parameters apply only to some kinds.</param>
/// <param name="Precision">Total digits, for <see cref="ColumnKind.Decimal"/>; 0 otherwise.</param>
/// <param name="Scale">Digits after the point, for <see cref="ColumnKind.Decimal"/>; 0 otherwise.</param>
/// <param name="Element">The element type of a <see cref="ColumnKind.List"/>, the value type of a <see cref="ColumnKind.Map"/>.</param>
/// <param name="Fields">The columns of a nested record, for <see cref="ColumnKind.Record"/>.</param>
/// <param name="RecordName">The C# name of a nested record's type, for <see cref="ColumnKind.Record"/>.</param>
/// <param name="Key">The key type of a <see cref="ColumnKind.Map"/>: a scalar.</param>
internal sealed record ColumnType(
    ColumnKind Kind,
    int Precision = 0,
    int Scale = 0,
    ColumnType? Element = null,
    EquatableArray<ColumnModel> Fields = default,
    string? RecordName = null,
    ColumnType? Key = null)
{
    /// <summary>The type as the schema file spells it (<c>decimal(18,2)</c>, <c>map&lt;string,int64&gt;</c>), for messages and generated code.</summary>
    public string DisplayName => Kind switch
    {
        ColumnKind.List => "list<" + Element?.DisplayName + ">",
        ColumnKind.Map => "map<" + Key?.DisplayName + "," + Element?.DisplayName + ">",
        ColumnKind.Record => "record",
        _ when ColumnTypes.Of(Kind) is { HasPrecisionScale: true } info => info.SchemaName + "(" + Precision + "," + Scale + ")",
        _ => ColumnTypes.Of(Kind).SchemaName,
    };
}
