namespace Typed.S3.Packaging.Tests;

/// <summary>
/// The package's data check in real builds of a fresh project: with -p:TypedS3ValidateData=true the build samples
/// the objects each dataset's location names and fails at the schema's column when the data no longer matches it.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class DataDriftBuildTests
{
    private const string Schema = """
        {
          "namespace": "Shop",
          "datasets": {
            "Orders": {
              "record": "Order",
              "location": "s3://shop/orders/**/*.csv",
              "columns": [
                { "name": "order_id", "type": "int64", "required": true },
                { "name": "amount", "type": "decimal(12,2)" },
                { "name": "placed_on", "type": "date", "required": true }
              ]
            }
          }
        }
        """;

    private readonly PackageFixture _package;

    public DataDriftBuildTests(PackageFixture package) => _package = package;

    [Fact]
    public void MatchingDataPassesAndDriftFailsTheBuildAtTheColumn()
    {
        string project = _package.CreateProject("Drift", new Dictionary<string, string>
        {
            ["Program.cs"] = "System.Console.WriteLine(typeof(Shop.Orders).Name);\n",
            ["shop.s3schema.json"] = Schema,
        });
        string store = Path.Combine(project, "store");
        string orders = Path.Combine(store, "shop", "orders", "2024");
        Directory.CreateDirectory(orders);
        File.WriteAllText(Path.Combine(orders, "a.csv"), "order_id,amount,placed_on\n1,10.50,2024-01-02\n");
        string schema = Path.Combine(project, "shop.s3schema.json");

        // Matching data: the build passes, and the check ran (its summary is in the detailed log).
        (int okExit, string okOutput) = Build(project, $"-p:TypedS3ValidateData=true \"-p:TypedS3Store={store}\"");
        Assert.True(okExit == 0, "the build with matching data failed:\n" + okOutput);
        Assert.Contains("typeds3-datacheck: 1 dataset(s), 1 object(s) checked", okOutput);

        // A newer object that lost a required column and has a bad value: the build fails at the column's line.
        File.WriteAllText(Path.Combine(orders, "b.csv"), "order_id,amount\n2,abc\n");
        File.SetLastWriteTimeUtc(Path.Combine(orders, "b.csv"), DateTime.UtcNow.AddMinutes(1));
        (int driftExit, string driftOutput) = Build(project, $"-p:TypedS3ValidateData=true \"-p:TypedS3Store={store}\"");
        Assert.NotEqual(0, driftExit);
        Assert.Contains(schema + "(10,9): error TS3102: column 'placed_on' (date, required) is missing from the header of s3://shop/orders/2024/b.csv (order_id, amount)", driftOutput);

        // As warnings, the same drift lets the build pass.
        (int warningExit, string warningOutput) = Build(project, $"-p:TypedS3ValidateData=true -p:TypedS3DriftAsWarnings=true \"-p:TypedS3Store={store}\"");
        Assert.True(warningExit == 0, "the build with drift as warnings failed:\n" + warningOutput);
        Assert.Contains(schema + "(10,9): warning TS3102:", warningOutput);

        // Without the switch, no data is checked.
        (int offExit, string offOutput) = Build(project, string.Empty);
        Assert.True(offExit == 0, "the build without the data check failed:\n" + offOutput);
        Assert.DoesNotContain("typeds3-datacheck", offOutput);
    }

    [Fact]
    public void TheStoreComesFromTheEnvironmentAndNoObjectIsAnErrorOfTypedS3Validate()
    {
        string project = _package.CreateProject("NoData", new Dictionary<string, string>
        {
            ["Program.cs"] = "System.Console.WriteLine(1);\n",
            ["shop.s3schema.json"] = Schema,
        });
        string store = Path.Combine(project, "empty-store");
        Directory.CreateDirectory(Path.Combine(store, "shop"));
        string schema = Path.Combine(project, "shop.s3schema.json");

        (int exit, string output) = CommandRunner.Run(
            "dotnet",
            "msbuild -restore -t:TypedS3Validate -p:TypedS3ValidateData=true -tl:off",
            project,
            PackageFixture.CommandTimeout,
            new Dictionary<string, string> { ["TYPEDS3_STORE"] = store });

        Assert.NotEqual(0, exit);
        Assert.Contains(schema + "(6,19): error TS3101: no object matches s3://shop/orders/**/*.csv", output);
        Assert.DoesNotContain("CoreCompile", output);
    }

    [Fact]
    public void AMalformedStoreInTheEnvironmentFailsClearlyAndTheLogNeverShowsItsSecrets()
    {
        // A leading space and no @REGION: once taken for a local folder and echoed whole, secret and token included.
        const string Secret = "SECRETVALUE123";
        const string Token = "TOKENVALUE456";
        string project = _package.CreateProject("MalformedStore", new Dictionary<string, string>
        {
            ["Program.cs"] = "System.Console.WriteLine(1);\n",
            ["shop.s3schema.json"] = Schema,
        });

        (int exit, string output) = CommandRunner.Run(
            "dotnet",
            "build -v:d -tl:off -p:TypedS3ValidateData=true",
            project,
            PackageFixture.CommandTimeout,
            new Dictionary<string, string> { ["TYPEDS3_STORE"] = $" s3://AKIAKEYIDEXAMPLE:{Secret}/bucket?session_token={Token}" });

        Assert.NotEqual(0, exit);
        string expected = "error TS3106: cannot open the store ' s3://AKIA****:****': invalid connection string: credentials in the URI are written "
            + "KEY:SECRET@REGION/BUCKET, and no '@' was found: add the region (such as @us-east-1) and percent-encode '/', '@' and ':' in the key and secret";
        Assert.True(output.Contains(expected, StringComparison.Ordinal), "the build output lacks the store's error:\n" + output);
        foreach (string secret in new[] { Secret, Token, "KEYIDEXAMPLE" })
        {
            Assert.DoesNotContain(secret, output, StringComparison.Ordinal);
        }
    }

    private static (int ExitCode, string Output) Build(string project, string properties) =>
        CommandRunner.Run("dotnet", $"build -v:n -tl:off {properties}", project, PackageFixture.CommandTimeout);
}
