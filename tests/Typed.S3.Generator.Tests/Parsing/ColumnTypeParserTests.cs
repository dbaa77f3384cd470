using Typed.S3.Schema.Model;
using Typed.S3.Schema.Parsing;

namespace Typed.S3.Generator.Tests.Parsing;

/// <summary>Column type strings: scalars, decimals, lists and maps at any depth, records, and what is refused.</summary>
public class ColumnTypeParserTests
{
    [Theory]
    [InlineData("map<string,int64>", "map<string,int64>")]
    [InlineData(" MAP < String , Long > ", "map<string,int64>")]
    [InlineData("map<date,list<string>>", "map<date,list<string>>")]
    [InlineData("map<int32,map<string,decimal(10,2)>>", "map<int32,map<string,decimal(10,2)>>")]
    [InlineData("list<map<uuid,record>>", "list<map<uuid,record>>")]
    [InlineData("map<decimal(5,1),list<list<bool>>>", "map<decimal(5,1),list<list<bool>>>")]
    [InlineData("list < list < int32 > >", "list<list<int32>>")]
    public void MapsAndListsNestAndReadBackAsTheyAreSpelt(string text, string displayName)
    {
        Assert.True(ColumnTypeParser.TryParse(text, out ColumnType? type, out ColumnTypeError error), text);
        Assert.Equal(ColumnTypeError.None, error);
        Assert.Equal(displayName, type!.DisplayName);
    }

    [Fact]
    public void AMapHoldsItsKeyAndValueTypes()
    {
        Assert.True(ColumnTypeParser.TryParse("map<date,list<int64>>", out ColumnType? type, out _));

        Assert.Equal(ColumnKind.Map, type!.Kind);
        Assert.Equal(new ColumnType(ColumnKind.Date), type.Key);
        Assert.Equal(new ColumnType(ColumnKind.List, Element: new ColumnType(ColumnKind.Int64)), type.Element);
    }

    [Theory]
    [InlineData("map<list<int32>,string>")]
    [InlineData("map<map<string,string>,string>")]
    [InlineData("map<record,string>")]
    [InlineData("map<binary,string>")]
    [InlineData("map<bytes,int32>")]
    public void AMapKeyMustBeAScalarOtherThanBinary(string text)
    {
        Assert.False(ColumnTypeParser.TryParse(text, out _, out ColumnTypeError error));
        Assert.Equal(ColumnTypeError.MapKey, error);
    }

    [Theory]
    [InlineData("map<string>")]
    [InlineData("map<string,>")]
    [InlineData("map<,int32>")]
    [InlineData("map<string,int32")]
    [InlineData("map<string,int32>>")]
    [InlineData("map string,int32")]
    [InlineData("list<>")]
    [InlineData("list<int32,int64>")]
    [InlineData("map<string,integer>")]
    public void MalformedMapsAndListsAreUnknownTypes(string text)
    {
        Assert.False(ColumnTypeParser.TryParse(text, out _, out ColumnTypeError error));
        Assert.Equal(ColumnTypeError.Unknown, error);
    }

    [Fact]
    public void NestingIsBoundedAcrossListsAndMaps()
    {
        string deepest = string.Concat(Enumerable.Repeat("map<string,", 8)) + string.Concat(Enumerable.Repeat("list<", 8)) + "int32"
            + new string('>', 16);
        Assert.True(ColumnTypeParser.TryParse(deepest, out _, out _));
        Assert.False(ColumnTypeParser.TryParse("list<" + deepest + ">", out _, out ColumnTypeError error));
        Assert.Equal(ColumnTypeError.Unknown, error);
    }

    [Fact]
    public void RecordsAreFoundInsideListsAndMaps()
    {
        Assert.True(ColumnTypeParser.TryParse("map<string,list<record>>", out ColumnType? type, out _));
        Assert.True(ColumnTypeParser.IsRecordLike(type!));

        ColumnType filled = ColumnTypeParser.WithRecord(type!, default, "Store");
        Assert.Equal("Store", filled.Element!.Element!.RecordName);
    }
}
