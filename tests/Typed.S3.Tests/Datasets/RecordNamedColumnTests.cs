using System.Text;
using Typed.S3.Tests.Data;
using static Typed.S3.Tests.Csv.CsvTestData;

namespace Typed.S3.Tests.Datasets;

/// <summary>
/// A column named like its record ('gauge' in the record Gauge, Schemas/record-names.s3schema.json) is the property
/// Gauge_ (an info diagnostic, TS3026, not a build error): every codec reads and writes it under the column's name.
/// </summary>
public sealed class RecordNamedColumnTests
{
    private static readonly Gauge[] Rows =
    [
        new Gauge { Id = 1, Gauge_ = 2.5, Unit = "bar" },
        new Gauge { Id = 2, Gauge_ = null, Unit = "psi" },
        new Gauge { Id = 3, Gauge_ = -0.125, Unit = "kPa" },
    ];

    [Fact]
    public async Task TheRenamedPropertyReadsTheColumnsValuesFromCsvAndJson()
    {
        List<Gauge> csv = await CollectAsync(Gauges.ReadCsvAsync(Stream("id,gauge,unit\n1,2.5,bar\n2,,psi\n")));
        List<Gauge> json = await CollectAsync(Gauges.ReadJsonAsync(Stream("[{\"id\":1,\"gauge\":2.5,\"unit\":\"bar\"},{\"unit\":\"psi\",\"id\":2}]")));

        Assert.Equal(new double?[] { 2.5, null }, csv.Select(g => g.Gauge_).ToArray());
        Assert.Equal(csv, json);
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("json")]
    [InlineData("jsonl")]
    [InlineData("parquet")]
    public async Task EveryFormatWritesTheColumnNameAndReadsItBack(string format)
    {
        using var stream = new MemoryStream();
        Task<long> write = format switch
        {
            "csv" => Gauges.WriteCsvAsync(stream, Rows),
            "json" => Gauges.WriteJsonAsync(stream, Rows),
            "jsonl" => Gauges.WriteJsonLinesAsync(stream, Rows),
            _ => Gauges.WriteParquetAsync(stream, Rows),
        };
        Assert.Equal(Rows.Length, await write);
        stream.Position = 0;

        List<Gauge> read = await CollectAsync(format switch
        {
            "csv" => Gauges.ReadCsvAsync(stream),
            "json" => Gauges.ReadJsonAsync(stream),
            "jsonl" => Gauges.ReadJsonLinesAsync(stream),
            _ => Gauges.ReadParquetAsync(stream),
        });

        Assert.Equal(Rows, read);
        if (format != "parquet")
        {
            string text = Encoding.UTF8.GetString(stream.ToArray());
            Assert.Contains(format == "csv" ? "id,gauge,unit" : "\"gauge\":2.5", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Gauge_", text, StringComparison.Ordinal);
        }
    }

    private static MemoryStream Stream(string text) => new(Encoding.UTF8.GetBytes(text));
}
