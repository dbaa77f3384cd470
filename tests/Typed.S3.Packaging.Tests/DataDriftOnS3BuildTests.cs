using System.Text;
using Typed.S3.IntegrationTests.Infrastructure;

namespace Typed.S3.Packaging.Tests;

/// <summary>
/// The data check of a real build against a real S3 server (Ceph's RADOS Gateway on 127.0.0.1): matching data
/// passes, drift fails at the schema's column, and the keys in the store's connection string never reach the build
/// output.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class DataDriftOnS3BuildTests : IClassFixture<S3ServerFixture>
{
    private readonly PackageFixture _package;
    private readonly S3ServerFixture _server;

    public DataDriftOnS3BuildTests(PackageFixture package, S3ServerFixture server)
    {
        _package = package;
        _server = server;
    }

    [Fact]
    public async Task DriftOnS3FailsTheBuildWithoutShowingTheKeys()
    {
        string prefix = "drift-" + Guid.NewGuid().ToString("N").Substring(0, 8);
        string location = $"s3://{S3ServerFixture.DatasetBucket}/{prefix}/orders/**/*.csv";
        string project = _package.CreateProject("DriftS3", new Dictionary<string, string>
        {
            ["Program.cs"] = "System.Console.WriteLine(typeof(Shop.Orders).Name);\n",
            ["shop.s3schema.json"] = $$"""
                {
                  "namespace": "Shop",
                  "datasets": {
                    "Orders": {
                      "record": "Order",
                      "location": "{{location}}",
                      "columns": [
                        { "name": "order_id", "type": "int64", "required": true },
                        { "name": "placed_on", "type": "date", "required": true }
                      ]
                    }
                  }
                }
                """,
        });
        string schema = Path.Combine(project, "shop.s3schema.json");
        using S3ObjectStore store = _server.CreateStore();
        await PutAsync(store, $"{prefix}/orders/2024/a.csv", "order_id,placed_on\n1,2024-01-02\n");
        var environment = new Dictionary<string, string>
        {
            ["TYPEDS3_STORE"] = $"s3://?access_key_id={S3ServerFixture.AccessKey}&secret_access_key={S3ServerFixture.SecretKey}&endpoint_url={_server.ServiceUrl}",
        };

        (int okExit, string okOutput) = Build(project, environment);
        Assert.True(okExit == 0, "the build with matching data on S3 failed:\n" + okOutput);
        Assert.Contains("typeds3-datacheck: 1 dataset(s), 1 object(s) checked", okOutput);

        await Task.Delay(1100);
        await PutAsync(store, $"{prefix}/orders/2025/b.csv", "order_id,placed_on\n2,not-a-date\n");
        (int driftExit, string driftOutput) = Build(project, environment);

        Assert.NotEqual(0, driftExit);
        Assert.Contains(schema + "(9,9): error TS3103: column 'placed_on' (date, required): s3://datasets/" + prefix + "/orders/2025/b.csv line 2 has 'not-a-date', which is not a valid date", driftOutput);

        // The key and secret of the connection string (both S3RVER) appear nowhere: the store is shown masked (S3RV****).
        Assert.DoesNotContain(S3ServerFixture.SecretKey, okOutput + driftOutput, StringComparison.Ordinal);
    }

    private static async Task PutAsync(IObjectStore store, string key, string text)
    {
        await using ObjectWriteStream stream = await store.OpenWriteAsync(new ObjectLocation(S3ServerFixture.DatasetBucket, key));
        await stream.WriteAsync(Encoding.UTF8.GetBytes(text));
        await stream.CompleteAsync();
    }

    private static (int ExitCode, string Output) Build(string project, IReadOnlyDictionary<string, string> environment) =>
        CommandRunner.Run("dotnet", "build -v:n -tl:off -p:TypedS3ValidateData=true", project, PackageFixture.CommandTimeout, environment);
}
