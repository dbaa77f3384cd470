using System.Text;
using Typed.S3.IntegrationTests.Infrastructure;

namespace Typed.S3.IntegrationTests.DataCheck;

/// <summary>
/// The data-drift check (<c>typeds3-datacheck</c>, run in-process) against the real S3 server, opened from a connection
/// string that carries the keys, as a CI job would pass it: drift is found, and the secret never reaches the output.
/// </summary>
[Collection(S3ServerCollection.Name)]
public sealed class DataCheckS3Tests : IDisposable
{
    private readonly S3ServerFixture _server;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "typeds3-datacheck-s3-" + Guid.NewGuid().ToString("N"));
    private readonly string _prefix = "datacheck-" + Guid.NewGuid().ToString("N");

    public DataCheckS3Tests(S3ServerFixture server)
    {
        _server = server;
        Directory.CreateDirectory(_folder);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task DriftOnTheS3ServerIsReportedWithoutTheSecret()
    {
        // "location" values on lines 5 and 12; the columns of Orders on lines 15 and 16 (column 9).
        string schema = Path.Combine(_folder, "sales.s3schema.json");
        File.WriteAllText(schema, $$"""
            {
              "namespace": "Drift.S3",
              "datasets": {
                "Customers": {
                  "location": "s3://{{S3ServerFixture.BehaviourBucket}}/{{_prefix}}/customers/*.csv",
                  "columns": [
                    { "name": "id", "type": "int64", "required": true },
                    { "name": "email", "type": "string", "required": true }
                  ]
                },
                "Orders": {
                  "location": "s3://{{S3ServerFixture.BehaviourBucket}}/{{_prefix}}/orders/*.csv.gz",
                  "format": "csv",
                  "columns": [
                    { "name": "id", "type": "int64", "required": true },
                    { "name": "total", "type": "decimal(10,2)", "required": true }
                  ]
                },
                "Refunds": {
                  "location": "s3://{{S3ServerFixture.BehaviourBucket}}/{{_prefix}}/refunds/*.csv",
                  "columns": [
                    { "name": "id", "type": "int64", "required": true }
                  ]
                }
              }
            }
            """);
        using (S3ObjectStore store = _server.CreateStore())
        {
            await PutAsync(store, "customers/2026-11-01.csv", Encoding.UTF8.GetBytes("id,email\n1,a@example.com\n"));
            await PutAsync(store, "orders/2026-11-01.csv.gz", Gzip("id,total\n1,10.50\n2,abc\n"));
        }

        string connection = $"s3://{S3ServerFixture.AccessKey}:{S3ServerFixture.SecretKey}@us-east-1?endpoint_url={Uri.EscapeDataString(_server.ServiceUrl)}";
        using var output = new StringWriter();
        int exitCode = await Typed.S3.DataCheck.Program.RunAsync(["--schema", schema, "--store", connection], output);

        string text = output.ToString();
        string[] lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
        string bucket = S3ServerFixture.BehaviourBucket;
        Assert.Equal(1, exitCode);
        Assert.Equal(
            new[]
            {
                schema + $"(16,9): error TS3103: column 'total' (decimal(10,2), required): s3://{bucket}/{_prefix}/orders/2026-11-01.csv.gz line 3 has 'abc', which is not a valid decimal(10,2)",
                schema + $"(20,19): error TS3101: no object matches s3://{bucket}/{_prefix}/refunds/*.csv",
            },
            lines.Where(l => l.StartsWith(schema, StringComparison.Ordinal)).ToArray());
        string summary = Assert.Single(lines, l => l.StartsWith("typeds3-datacheck: ", StringComparison.Ordinal));
        Assert.EndsWith(": 2 error(s), 0 warning(s)", summary, StringComparison.Ordinal);
        Assert.Contains("3 dataset(s), 2 object(s) checked in s3://", summary, StringComparison.Ordinal);
        Assert.Contains(_server.ServiceUrl.Replace("http://", "", StringComparison.Ordinal), Uri.UnescapeDataString(summary), StringComparison.Ordinal);

        // The secret never appears: not after the key (KEY:SECRET@), not anywhere else.
        Assert.DoesNotContain(":" + S3ServerFixture.SecretKey + "@", text, StringComparison.Ordinal);
        Assert.DoesNotContain(S3ServerFixture.SecretKey, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheToolInItsOwnProcessSignsWithTheKeysOfItsEnvironment()
    {
        // As a CI job runs it: its own process, the store in TYPEDS3_STORE without keys, the keys in the AWS
        // variables (the default chain, which the store wraps so that its failures hold no secret).
        string schema = Path.Combine(_folder, "env.s3schema.json");
        File.WriteAllText(schema, $$"""
            {
              "namespace": "Env.S3",
              "datasets": {
                "Customers": {
                  "location": "s3://{{S3ServerFixture.BehaviourBucket}}/{{_prefix}}/env/*.csv",
                  "columns": [ { "name": "id", "type": "int64", "required": true } ]
                }
              }
            }
            """);
        using (S3ObjectStore store = _server.CreateStore())
        {
            await PutAsync(store, "env/a.csv", Encoding.UTF8.GetBytes("id\n1\n"));
        }

        var start = new System.Diagnostics.ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _folder,
        };
        foreach (string argument in new[] { Path.Combine(AppContext.BaseDirectory, "typeds3-datacheck.dll"), "--schema", schema })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (string name in start.Environment.Keys.Where(k => k.StartsWith("AWS_", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["HOME"] = _folder;
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        start.Environment["AWS_ACCESS_KEY_ID"] = S3ServerFixture.AccessKey;
        start.Environment["AWS_SECRET_ACCESS_KEY"] = S3ServerFixture.SecretKey;
        start.Environment["TYPEDS3_STORE"] = "s3://?endpoint_url=" + _server.ServiceUrl;
        using System.Diagnostics.Process tool = System.Diagnostics.Process.Start(start)!;
        Task<string> output = tool.StandardOutput.ReadToEndAsync();
        Task<string> errors = tool.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await tool.WaitForExitAsync(timeout.Token);
        string text = await output + await errors;

        Assert.True(tool.ExitCode == 0, text);
        Assert.Contains("typeds3-datacheck: 1 dataset(s), 1 object(s) checked", text, StringComparison.Ordinal);
        Assert.DoesNotContain(S3ServerFixture.SecretKey, text, StringComparison.Ordinal);
    }

    private async Task PutAsync(S3ObjectStore store, string name, byte[] bytes)
    {
        await using ObjectWriteStream stream = await store.OpenWriteAsync(new ObjectLocation(S3ServerFixture.BehaviourBucket, _prefix + "/" + name));
        await stream.WriteAsync(bytes);
        await stream.CompleteAsync();
    }

    private static byte[] Gzip(string text)
    {
        using var compressed = new MemoryStream();
        using (var zip = new System.IO.Compression.GZipStream(compressed, System.IO.Compression.CompressionLevel.Fastest))
        {
            zip.Write(Encoding.UTF8.GetBytes(text));
        }

        return compressed.ToArray();
    }
}
