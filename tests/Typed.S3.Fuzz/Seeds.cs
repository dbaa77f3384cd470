using System.Text;

namespace Typed.S3.Fuzz;

/// <summary>
/// Small valid objects of every format, the starting points of mutation: a few records written by the generated
/// writers (every column type, nulls, lists, quoting, non-ASCII text), and hand-written objects in the forms other
/// tools write (offsets, CRLF, a BOM, escapes) that the writers do not produce.
/// </summary>
public static class Seeds
{
    private static readonly FuzzRow[] Rows =
    {
        new()
        {
            Id = 1, Big = 9_000_000_000, Amount = 12.34m, Name = "Alice", Day = new DateOnly(2024, 2, 29),
            At = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero), Local = new DateTime(2024, 1, 2, 3, 4, 5, 600),
            Ok = true, Ratio = 0.25, Key = new Guid("0f8fad5b-d9cb-469f-a165-70867728950e"), Tags = new int?[] { 1, null, 3 },
            Words = new[] { "a,b", "say \"hi\"", null },
        },
        new() { Id = -2, Name = "José, \"Pepe\"\nLine two", Amount = -0.5m, Ok = false, Tags = Array.Empty<int?>() },
        new() { Id = 2147483647, Big = long.MinValue, Amount = 99999999.99m, Name = string.Empty, Ratio = double.NaN, Words = new string?[] { "ünï", "日本" } },
    };

    /// <summary>The seeds of one format.</summary>
    /// <param name="format">The format.</param>
    /// <returns>Valid objects.</returns>
    public static IReadOnlyList<byte[]> For(FuzzFormat format) => format switch
    {
        FuzzFormat.Csv or FuzzFormat.CsvParallel => Csv(),
        FuzzFormat.JsonLines => JsonLines(),
        FuzzFormat.Json => Json(),
        FuzzFormat.Parquet => Parquet(),
        FuzzFormat.NestedJsonLines => NestedJsonLines(),
        FuzzFormat.NestedCsv => NestedCsv(),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    private static readonly FuzzNestedRow[] NestedRows =
    {
        new()
        {
            Id = 1,
            Who = new FuzzPerson { Name = "Zoë \"Z\", 東京", Born = new DateOnly(1990, 1, 31), Home = new FuzzPlace { Zip = "02134", At = new double?[] { 42.36, null, -71.05 } } },
            Lines = new FuzzLine?[] { new() { Sku = "a,b", Qty = 2, Price = 9.99m }, null, new() { Sku = string.Empty, Qty = -1 } },
            Grid = new IReadOnlyList<long?>?[] { new long?[] { 1, null, long.MaxValue }, Array.Empty<long?>(), null },
            Labels = new Dictionary<string, IReadOnlyList<string?>?> { ["eu"] = new string?[] { "de", null }, ["none"] = null, [string.Empty] = Array.Empty<string?>() },
            Daily = new Dictionary<DateOnly, decimal?> { [new DateOnly(2024, 2, 29)] = 1.125m, [new DateOnly(2000, 1, 1)] = null },
            ById = new Dictionary<int, IReadOnlyDictionary<Guid, bool?>?> { [7] = new Dictionary<Guid, bool?> { [new Guid("0f8fad5b-d9cb-469f-a165-70867728950e")] = true }, [-1] = null },
        },
        new() { Id = 2, Who = new FuzzPerson { Name = "n" }, Lines = Array.Empty<FuzzLine?>() },
        new() { Id = 3 },
    };

    private static List<byte[]> NestedJsonLines()
    {
        var seeds = new List<byte[]> { Written(s => FuzzNested.WriteJsonLinesAsync(s, NestedRows)) };
        seeds.AddRange(Text(
            "{\"id\":4,\"who\":{\"name\":\"caf\\u00e9\",\"extra\":[1,{\"x\":null}],\"home\":{\"zip\":\"9\",\"at\":[1e3,\"NaN\"]}},\"daily\":{\"1999-12-31\":0.5}}\r\n",
            "{\"grid\":[[1],[2,3]],\"id\":5,\"by_id\":{\"1\":{\"0f8fad5b-d9cb-469f-a165-70867728950e\":false}},\"labels\":{\"k\":[\"v\"]}}"));
        return seeds;
    }

    private static List<byte[]> NestedCsv()
    {
        var seeds = new List<byte[]> { Written(s => FuzzNested.WriteCsvAsync(s, NestedRows)) };
        seeds.AddRange(Text(
            "id,who,grid\r\n1,\"{\"\"name\"\":\"\"a\"\",\"\"home\"\":{\"\"zip\"\":\"\"z\"\"}}\",\"[[1,2],[]]\"\r\n"));
        return seeds;
    }

    private static List<byte[]> Csv()
    {
        var seeds = new List<byte[]> { Written(s => FuzzRows.WriteCsvAsync(s, Rows)) };
        seeds.AddRange(Text(
            "id,name,at,local,amount,tags\r\n1,Bob,2020-01-01T00:00:00+01:00,2020-01-01 10:00:00,1.5,\"[1,2]\"\r\n2,\"x\"\"y\",2020-01-01 00:00:00Z,,\"\",\r\n",
            "\uFEFFname,id,day,ok,ratio,key\n\"multi\nline\",7,1999-12-31,yes,1e3,{0f8fad5b-d9cb-469f-a165-70867728950e}\n",
            "id,at,big,words\n1,2020-06-30T23:59:59.1234567-07:00,-1,\"[\"\"a\"\",null]\"\n3,2020-06-30T23:59:59+0530,,\n"));
        return seeds;
    }

    private static List<byte[]> JsonLines()
    {
        var seeds = new List<byte[]> { Written(s => FuzzRows.WriteJsonLinesAsync(s, Rows)) };
        seeds.AddRange(Text(
            "{\"id\":1,\"name\":\"caf\\u00e9 \\\"q\\\"\",\"at\":\"2020-01-01T00:00:00+01:00\",\"extra\":{\"x\":[1,{\"y\":null}]}}\r\n\r\n{\"id\":2,\"tags\":[],\"words\":[\"\\ud83d\\ude00\"]}\n",
            "{\"amount\":1.50,\"id\":3,\"ratio\":\"NaN\",\"day\":\"2000-02-29\",\"ok\":false,\"local\":\"2000-01-01T12:00:00\"}"));
        return seeds;
    }

    private static List<byte[]> Json()
    {
        var seeds = new List<byte[]> { Written(s => FuzzRows.WriteJsonAsync(s, Rows)) };
        seeds.AddRange(Text(
            "[\n  {\"id\": 1, \"name\": \"caf\\u00e9\", \"tags\": [1, 2, null], \"extra\": [[1], {\"a\": \"b\"}]},\n  {\"id\": 2, \"at\": \"2020-01-01 00:00:00Z\"}\n]\n",
            "[]",
            "\uFEFF[{\"id\":5,\"words\":[\"x\",null,\"\\\"\"],\"big\":-9223372036854775808,\"amount\":-0.01}]"));
        return seeds;
    }

    private static List<byte[]> Parquet() => new()
    {
        Written(s => FuzzRows.WriteParquetAsync(s, Rows)),
        Written(s => FuzzRows.WriteParquetAsync(s, Rows.Take(1))),
    };

    private static byte[] Written(Func<Stream, Task<long>> write)
    {
        using var stream = new MemoryStream();
        write(stream).GetAwaiter().GetResult();
        return stream.ToArray();
    }

    private static IEnumerable<byte[]> Text(params string[] texts) => texts.Select(Encoding.UTF8.GetBytes);
}
