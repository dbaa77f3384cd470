namespace Typed.S3.Schema.Model;

/// <summary>A parsed column type, such as <c>int64</c>, <c>decimal(18,2)</c> or <c>list&lt;string&gt;</c>.</summary>
/// <param name="Kind">Which type: a scalar, a list or a nested record; the other parameters apply only to some kinds.</param>
/// <param name="Precision">Total digits, for <see cref="ColumnKind.Decimal"/>; 0 otherwise.</param>
/// <param name="Scale">Digits after the point, for <see cref="ColumnKind.Decimal"/>; 0 otherwise.</param>
/// <param name="Element">The element type, for <see cref="ColumnKind.List"/>.</param>
/// <param name="Fields">The columns of a nested record, for <see cref="ColumnKind.Record"/>.</param>
/// <param name="RecordName">The C# name of a nested record's type, for <see cref="ColumnKind.Record"/>.</param>
internal sealed record ColumnType(
    ColumnKind Kind,
    int Precision = 0,
    int Scale = 0,
    ColumnType? Element = null,
    EquatableArray<ColumnModel> Fields = default,
    string? RecordName = null)
{
    /// <summary>The type as the schema file spells it (<c>decimal(18,2)</c>), for messages and generated code.</summary>
    public string DisplayName => Kind switch
    {
        ColumnKind.List => "list<" + Element?.DisplayName + ">",
        ColumnKind.Record => "record",
        _ when ColumnTypes.Of(Kind) is { HasPrecisionScale: true } info => info.SchemaName + "(" + Precision + "," + Scale + ")",
        _ => ColumnTypes.Of(Kind).SchemaName,
    };
}
