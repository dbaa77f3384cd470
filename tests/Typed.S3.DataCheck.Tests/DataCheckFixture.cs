using System.IO.Compression;
using System.Text;
using Parquet;
using Parquet.Schema;

namespace Typed.S3.DataCheck.Tests;

/// <summary>A temporary local store (bucket <c>data</c>) and schema files, and the checker run in-process.</summary>
internal sealed class DataCheckFixture : IDisposable
{
    // The CSV dataset: "location" on line 5 (value at column 19), columns id, email, score on lines 8, 9, 10 (column 9).
    public const string CsvSchema = """
        {
          "namespace": "Drift.Tests",
          "datasets": {
            "Customers": {
              "location": "s3://data/customers/*.csv",
              "format": "csv",
              "columns": [
                { "name": "id", "type": "int64", "required": true },
                { "name": "email", "type": "string", "required": true },
                { "name": "score", "type": "decimal(10,2)", "when_absent": "null" }
              ]
            }
          }
        }
        """;

    // The Parquet dataset: the same lines.
    public const string ParquetSchema = """
        {
          "namespace": "Drift.Tests",
          "datasets": {
            "Orders": {
              "location": "s3://data/orders/*.parquet",
              "format": "parquet",
              "columns": [
                { "name": "id", "type": "int64", "required": true },
                { "name": "email", "type": "string", "required": true },
                { "name": "total", "type": "decimal(10,2)", "when_absent": "null" }
              ]
            }
          }
        }
        """;

    // JSON Lines (with format auto) and JSON: the same lines.
    public const string JsonSchema = """
        {
          "namespace": "Drift.Tests",
          "datasets": {
            "Events": {
              "location": "s3://data/events/**",
              "format": "auto",
              "columns": [
                { "name": "id", "type": "int64", "required": true },
                { "name": "kind", "type": "string", "required": true },
                { "name": "tags", "type": "list<string>" }
              ]
            }
          }
        }
        """;

    public DataCheckFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "typeds3-datacheck-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(Root, "data"));
    }

    public string Root { get; }

    public string WriteSchema(string name, string text)
    {
        string path = Path.Combine(Root, name);
        File.WriteAllText(path, text);
        return path;
    }

    public void WriteObject(string key, string text, DateTime? lastModifiedUtc = null, bool gzip = false)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        if (gzip)
        {
            using var compressed = new MemoryStream();
            using (var zip = new GZipStream(compressed, CompressionLevel.Fastest))
            {
                zip.Write(bytes);
            }

            bytes = compressed.ToArray();
        }

        WriteObject(key, bytes, lastModifiedUtc);
    }

    public void WriteObject(string key, byte[] bytes, DateTime? lastModifiedUtc = null)
    {
        string path = Path.Combine(Root, "data", key.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        if (lastModifiedUtc is DateTime time)
        {
            File.SetLastWriteTimeUtc(path, time);
        }
    }

    /// <summary>A Parquet file with columns id and email, id of the given Parquet type.</summary>
    public static async Task<byte[]> ParquetAsync(bool idAsString)
    {
        DataField id = idAsString ? new DataField<string>("id") : new DataField<long>("id");
        var email = new DataField<string>("email");
        using var stream = new MemoryStream();
        await using (ParquetWriter writer = await ParquetWriter.CreateAsync(new ParquetSchema(id, email), stream))
        {
            using ParquetRowGroupWriter rowGroup = writer.CreateRowGroup();
            if (idAsString)
            {
                await rowGroup.WriteAsync(id, new string?[] { "1", "2" }, null);
            }
            else
            {
                await rowGroup.WriteAsync<long>(id, new long[] { 1, 2 }.AsMemory());
            }

            await rowGroup.WriteAsync(email, new string?[] { "a@example.com", "b@example.com" }, null);
        }

        return stream.ToArray();
    }

    public async Task<(int ExitCode, string[] Lines)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        int exitCode = await Program.RunAsync(args, output);
        string[] lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
        return (exitCode, lines);
    }

    /// <summary>The lines that report a problem at a schema file (those that start with the schema's path).</summary>
    public string[] ProblemLines(string[] lines) => lines.Where(l => l.StartsWith(Root, StringComparison.Ordinal)).ToArray();

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a failed test: the temp folder is cleaned by the OS.
        }
    }
}
