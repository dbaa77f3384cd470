using Typed.S3.Schema.Model;
using Typed.S3.Schema.Parsing;

namespace Typed.S3.Generator.Tests.Parsing;

/// <summary>The write section's rolling limits and Parquet options.</summary>
public sealed class WriteOptionsTests
{
    private const string File = "w.s3schema.json";

    private static string Schema(string write) =>
        "{\n\"namespace\": \"N\",\n\"datasets\": {\n\"D\": {\n\"location\": \"s3://abc/k.csv\",\n\"columns\": [{\"name\": \"a\", \"type\": \"int32\"}],\n\"write\": {\n\"location\": \"s3://abc/out/\",\n"
        + write + "\n}\n}\n}\n}\n";

    [Fact]
    public void ReadsRollingLimitsAndParquetOptions()
    {
        SchemaDocument document = SchemaParser.Parse(File, Schema(
            "\"format\": \"parquet\", \"max_rows_per_file\": 1000, \"max_bytes_per_file\": 1048576, \"parquet\": { \"row_group_size\": 5000, \"compression\": \"ZSTD\" }"));

        Assert.Empty(document.Diagnostics);
        WriteModel write = document.Datasets.Single().Write!;
        Assert.Equal(DataFormat.Parquet, write.Format);
        Assert.Equal(1000, write.MaxRowsPerFile);
        Assert.Equal(1048576, write.MaxBytesPerFile);
        Assert.Equal(new ParquetOptionsModel(5000, ParquetCompressionKind.Zstd), write.Parquet);
    }

    [Fact]
    public void LeavesOutWhatIsNotGiven()
    {
        WriteModel write = SchemaParser.Parse(File, Schema("\"format\": \"csv\"")).Datasets.Single().Write!;

        Assert.Null(write.MaxRowsPerFile);
        Assert.Null(write.MaxBytesPerFile);
        Assert.Null(write.Parquet);
    }

    [Theory]
    [InlineData("\"max_rows_per_file\": 0", "w.s3schema.json(9,22): error TS3010: Invalid value for 'max_rows_per_file': expected a whole number from 1 to 9223372036854775807, found the number 0")]
    [InlineData("\"max_rows_per_file\": 1.5", "w.s3schema.json(9,22): error TS3010: Invalid value for 'max_rows_per_file': expected a whole number from 1 to 9223372036854775807, found the number 1.5")]
    [InlineData("\"max_bytes_per_file\": 10", "w.s3schema.json(9,23): error TS3010: Invalid value for 'max_bytes_per_file': expected a whole number from 1024 to 9223372036854775807, found the number 10")]
    [InlineData("\"parquet\": { \"compression\": \"lz4\" }", "w.s3schema.json(9,29): error TS3011: Unknown compression 'lz4'; expected one of: snappy, gzip, zstd, none")]
    [InlineData("\"parquet\": { \"row_group_size\": -1 }", "w.s3schema.json(9,32): error TS3010: Invalid value for 'row_group_size': expected a whole number from 1 to 2147483647, found the number -1")]
    [InlineData("\"parquet\": { \"rows\": 5 }", "w.s3schema.json(9,14): warning TS3002: Unknown property 'rows' in the parquet section of the write section of dataset 'D'; expected one of: row_group_size, compression")]
    public void ReportsBadValuesAtTheirSpot(string write, string expected)
    {
        SchemaDocument document = SchemaParser.Parse(File, Schema(write));

        Assert.Equal(new[] { expected }, document.Diagnostics.Select(d => d.ToString()));
    }
}
