using System.Reflection;
using Typed.S3.Generators.Emitters;
using Typed.S3.Generators.Model;
using Typed.S3.Schema.Model;
using Typed.S3.Schema.Parsing;

namespace Typed.S3.Generator.Tests.Generation;

/// <summary>
/// The column types table (<see cref="ColumnTypes"/>) is complete: every <see cref="ColumnKind"/> but the composite
/// list and record has one row with every field filled, so a type cannot be half added.
/// </summary>
public sealed class ColumnTypesTableTests
{
    // Kinds by name: the enum is internal, and a public test method cannot take it.
    public static TheoryData<string> Kinds()
    {
        var kinds = new TheoryData<string>();
        foreach (ColumnKind kind in Enum.GetValues<ColumnKind>())
        {
            kinds.Add(kind.ToString());
        }

        return kinds;
    }

    [Fact]
    public void Only_lists_maps_and_records_are_composite()
    {
        Assert.Equal(
            new[] { ColumnKind.List, ColumnKind.Map, ColumnKind.Record },
            Enum.GetValues<ColumnKind>().Where(ColumnTypes.IsComposite).ToArray());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_scalar_kind_has_one_row_with_every_field_filled(string kindName)
    {
        ColumnKind kind = Enum.Parse<ColumnKind>(kindName);
        if (ColumnTypes.IsComposite(kind))
        {
            Assert.False(ColumnTypes.TryGet(kind, out _));
            return;
        }

        ColumnTypeInfo info = ColumnTypes.Of(kind);
        Assert.Equal(kind, info.Kind);
        Assert.Single(ColumnTypes.All, row => row.Kind == kind);
        foreach (PropertyInfo property in typeof(ColumnTypeInfo).GetProperties().Where(p => p.PropertyType == typeof(string)))
        {
            string? value = (string?)property.GetValue(info);
            Assert.False(string.IsNullOrWhiteSpace(value), kind + " has no " + property.Name);
        }
    }

    [Fact]
    public void Rows_are_in_kind_order()
    {
        Assert.Equal(
            Enum.GetValues<ColumnKind>().Where(kind => !ColumnTypes.IsComposite(kind)).ToArray(),
            ColumnTypes.All.Select(row => row.Kind).ToArray());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_scalar_kind_parses_by_its_schema_name_and_displays_as_it(string kindName)
    {
        ColumnKind kind = Enum.Parse<ColumnKind>(kindName);
        if (ColumnTypes.IsComposite(kind))
        {
            return;
        }

        ColumnTypeInfo info = ColumnTypes.Of(kind);
        if (info.HasPrecisionScale)
        {
            Assert.Contains(info.SchemaName + "(p,s)", SchemaVocabulary.ColumnTypeNames);
            Assert.Equal(info.SchemaName + "(18,2)", new ColumnType(kind, 18, 2).DisplayName);
        }
        else
        {
            Assert.Equal(kind, SchemaVocabulary.SimpleTypes[info.SchemaName]);
            Assert.Equal(info.SchemaName, new ColumnType(kind).DisplayName);
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_scalar_kind_and_its_list_map_to_CSharp(string kindName)
    {
        ColumnKind kind = Enum.Parse<ColumnKind>(kindName);
        if (ColumnTypes.IsComposite(kind))
        {
            return;
        }

        ColumnTypeSpec scalar = ColumnTypeSpec.From(new ColumnType(kind, 18, 2), "Shop");
        ColumnTypeSpec list = ColumnTypeSpec.From(new ColumnType(ColumnKind.List, Element: new ColumnType(kind, 18, 2)), "Shop");
        foreach (DataFormat format in Enum.GetValues<DataFormat>())
        {
            Assert.True(ClrTypeMapping.IsSupported(scalar, format));
            Assert.True(ClrTypeMapping.IsSupported(list, format));
        }

        Assert.Equal(ColumnTypes.Of(kind).ClrType, ClrTypeMapping.For(scalar).TypeName);
        Assert.Equal("global::System.Collections.Generic.IReadOnlyList<" + ColumnTypes.Of(kind).ClrType + "?>", ClrTypeMapping.For(list).TypeName);
        Assert.StartsWith(ColumnTypes.Of(kind).ListElement, ClrTypeMapping.ListElementName(scalar), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("int64", "bigint", "bigint", "BIGINT", "BIGINT")]
    [InlineData("decimal(18,2)", "decimal(18,2)", "decimal(18,2)", "DECIMAL(18,2)", "DECIMAL(18,2)")]
    [InlineData("timestamp", "timestamp", "timestamp(6) with time zone", "TIMESTAMP", "TIMESTAMPTZ")]
    [InlineData("timestamp_local", "timestamp", "timestamp(6)", "TIMESTAMP_NTZ", "TIMESTAMP")]
    [InlineData("list<string>", "array<string>", "array(varchar)", "ARRAY<STRING>", "VARCHAR[]")]
    [InlineData("map<date,list<int64>>", "map<date,array<bigint>>", "map(date, array(bigint))", "MAP<DATE, ARRAY<BIGINT>>", "MAP(DATE, BIGINT[])")]
    public void Engine_type_names(string schemaType, string athena, string trino, string spark, string duckDb)
    {
        ColumnType type = ParseType(schemaType);
        Assert.Equal(athena, ColumnTypes.EngineTypeName(type, SqlEngine.Athena));
        Assert.Equal(trino, ColumnTypes.EngineTypeName(type, SqlEngine.Trino));
        Assert.Equal(spark, ColumnTypes.EngineTypeName(type, SqlEngine.Spark));
        Assert.Equal(duckDb, ColumnTypes.EngineTypeName(type, SqlEngine.DuckDb));
    }

    [Fact]
    public void Engine_type_names_of_a_nested_record()
    {
        var fields = EquatableArray.From(new List<ColumnModel>
        {
            new("sku", "Sku", new ColumnType(ColumnKind.String), true, default),
            new("price", "Price", new ColumnType(ColumnKind.Decimal, 10, 2), false, default),
        });
        var items = new ColumnType(ColumnKind.List, Element: new ColumnType(ColumnKind.Record, Fields: fields, RecordName: "Item"));

        Assert.Equal("array<struct<sku:string,price:decimal(10,2)>>", ColumnTypes.EngineTypeName(items, SqlEngine.Athena));
        Assert.Equal("array(row(sku varchar, price decimal(10,2)))", ColumnTypes.EngineTypeName(items, SqlEngine.Trino));
        Assert.Equal("ARRAY<STRUCT<sku: STRING, price: DECIMAL(10,2)>>", ColumnTypes.EngineTypeName(items, SqlEngine.Spark));
        Assert.Equal("STRUCT(sku VARCHAR, price DECIMAL(10,2))[]", ColumnTypes.EngineTypeName(items, SqlEngine.DuckDb));
    }

    private static ColumnType ParseType(string text) =>
        ColumnTypeParser.TryParse(text, out ColumnType? type, out _) ? type! : throw new ArgumentException(text);
}
