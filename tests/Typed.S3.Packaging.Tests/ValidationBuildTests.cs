using System.Text.RegularExpressions;

namespace Typed.S3.Packaging.Tests;

/// <summary>
/// The package's MSBuild validation, in real builds of fresh projects: the TypedS3ValidateSchemas target runs before
/// compiling and fails the build with the compiler's file(line,col): error TS3xxx: message lines, checks across schema
/// files, is skipped while no schema file changed, and runs alone with dotnet msbuild -t:TypedS3Validate.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class ValidationBuildTests
{
    private const string SkipMessage = "Skipping target \"TypedS3ValidateSchemas\" because all output files are up-to-date with respect to the input files.";

    // The classic console logger, whose lines the tests read (the terminal logger is off anyway without a terminal).
    private const string LoggerSwitches = "-tl:off";

    private readonly PackageFixture _package;

    public ValidationBuildTests(PackageFixture package) => _package = package;

    [Fact]
    public void EachClassOfSchemaErrorFailsTheBuildOnceAtItsSpotAndSoDoesTypedS3Validate()
    {
        string project = _package.CreateProject("Errors", new Dictionary<string, string>
        {
            ["Program.cs"] = "System.Console.WriteLine(1);\n",
            ["a-orders.s3schema.json"] = """
                {
                  "namespace": "Shop",
                  "datasets": {
                    "Orders": {
                      "location": "s3://shop/orders/*.csv",
                      "columns": [{ "name": "id", "type": "int64" }]
                    }
                  }
                }
                """,
            ["b-more-orders.s3schema.json"] = """
                {
                  "namespace": "Shop",
                  "datasets": {
                    "Returns": {
                      "location": "s3://shop/returns/*.csv",
                      "columns": [{ "name": "id", "type": "int64" }]
                    },
                    "Orders": {
                      "location": "s3://shop/orders-2/*.csv",
                      "columns": [{ "name": "id", "type": "int64" }]
                    }
                  }
                }
                """,
            ["c-broken.s3schema.json"] = """
                {
                  "namespace": "Broken",
                  "datasets": {
                    "Things": {
                      "location": "s3://shop/things/*.csv",,
                """,
            ["d-columns.s3schema.json"] = """
                {
                  "namespace": "Inventory",
                  "colour": "blue",
                  "datasets": {
                    "Items": {
                      "location": "s3://shop/items/*.csv",
                      "columns": [
                        { "name": "sku", "type": "int65" },
                        { "name": "price", "type": "float64" },
                        { "name": "SKU", "type": "string" }
                      ]
                    }
                  }
                }
                """,
            ["e-layouts.s3schema.json"] = """
                {
                  "namespace": "Exports",
                  "datasets": {
                    "Daily": {
                      "location": "s3://shop/daily/*.csv",
                      "columns": [{ "name": "id", "type": "int64" }],
                      "write": { "location": "s3://shop/out/", "layout": "{table_name}/{bogus}.{ext}" }
                    },
                    "Rolling": {
                      "location": "s3://shop/rolling/*.csv",
                      "columns": [{ "name": "id", "type": "int64" }],
                      "write": { "location": "s3://shop/out/", "layout": "{table_name}/{load_id}.{ext}", "max_rows_per_file": 1000 }
                    }
                  }
                }
                """,
        });
        string At(string file) => Path.Combine(project, file);
        string[] expected =
        {
            At("b-more-orders.s3schema.json") + "(8,5): error TS3021: Dataset 'Orders' of namespace 'Shop' is also declared in " + At("a-orders.s3schema.json") + "(4,5); two schema files cannot claim one namespace and dataset",
            At("c-broken.s3schema.json") + "(5,44): error TS3001: Invalid JSON: expected a property name in double quotes, found ','",
            At("d-columns.s3schema.json") + "(3,3): error TS3002: Unknown property 'colour' in the schema root; expected one of: $schema, namespace, datasets",
            At("d-columns.s3schema.json") + "(8,34): error TS3004: Unknown column type 'int65' for column 'sku'; expected one of: ",
            At("d-columns.s3schema.json") + "(10,19): error TS3005: Dataset 'Items' has more than one column named 'SKU' (column names match case-insensitively)",
            At("e-layouts.s3schema.json") + "(7,72): error TS3013: Invalid layout '{table_name}/{bogus}.{ext}': unknown placeholder '{bogus}'; known placeholders: ",
            At("e-layouts.s3schema.json") + "(12,58): error TS3023: The layout '{table_name}/{load_id}.{ext}' of dataset 'Rolling' has no {file_id}, but the write rolls to a new object at 1000 rows (max_rows_per_file): every object of one load would get the same key; add {file_id} to the layout",
        };

        (int buildExit, string buildOutput) = CommandRunner.Run("dotnet", "build -c Release -v:n " + LoggerSwitches, project, PackageFixture.CommandTimeout);

        Assert.True(buildExit != 0, "the build should have failed:\n" + buildOutput);
        foreach (string line in expected)
        {
            AssertOnce(buildOutput, line);
        }

        // TreatWarningsAsErrors made the unknown property (a warning) an error, as it did for the compiler; nothing
        // was compiled, and the schema errors are the task's only.
        Assert.DoesNotContain("warning TS3", buildOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("CoreCompile:", buildOutput, StringComparison.Ordinal);
        Assert.Equal(expected.Length + 1, Regex.Matches(BeforeSummary(buildOutput), @"error TS3\d{3}: ").Count);
        Assert.Single(Regex.Matches(BeforeSummary(buildOutput), @"b-more-orders\.s3schema\.json\(8,5\): error TS3022: The type 'OrdersRecord' \(a record of dataset 'Orders'\)"));

        (int validateExit, string validateOutput) = CommandRunner.Run("dotnet", "msbuild -t:TypedS3Validate -p:Configuration=Release -v:n " + LoggerSwitches, project, PackageFixture.CommandTimeout);

        Assert.True(validateExit != 0, "TypedS3Validate should have failed:\n" + validateOutput);
        foreach (string line in expected)
        {
            AssertOnce(validateOutput, line);
        }

        Assert.DoesNotContain("CoreCompile", validateOutput, StringComparison.Ordinal);

        // A design-time build (what an IDE runs) does not run the task: the generator reports each file's errors and
        // the type name clashes across files itself (not the layout checks, which are the task's).
        (int designExit, string designOutput) = CommandRunner.Run("dotnet", "build -c Release -v:n -p:DesignTimeBuild=true " + LoggerSwitches, project, PackageFixture.CommandTimeout);

        Assert.True(designExit != 0, "the design-time build should have failed:\n" + designOutput);
        Assert.Contains("CoreCompile:", designOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("TypedS3ValidateSchemas", designOutput, StringComparison.Ordinal);
        AssertOnce(designOutput, At("d-columns.s3schema.json") + "(8,34): error TS3004: Unknown column type 'int65' for column 'sku'; expected one of: ");
        AssertOnce(designOutput, expected[0]);
        Assert.DoesNotContain("TS3023", designOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("CS8785", designOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidationRunsAloneThenBuildsSkipItUntilASchemaFileChanges()
    {
        string project = _package.CreateProject(
            "Warnings",
            new Dictionary<string, string>
            {
                ["Program.cs"] = "System.Console.WriteLine(typeof(Shop.Orders).Name);\n",
                ["shop.s3schema.json"] = """
                    {
                      "namespace": "Shop",
                      "datasets": {
                        "Orders": {
                          "location": "s3://shop/orders/*.csv",
                          "colour": "blue",
                          "columns": [{ "name": "id", "type": "int64" }],
                          "write": { "location": "s3://shop/out/", "layout": "{table_name}/{YYYY}-{MM}-{DD}.{file_id}.{ext}" }
                        }
                      }
                    }
                    """,
            },
            treatWarningsAsErrors: false);
        string schema = Path.Combine(project, "shop.s3schema.json");
        string unknownProperty = schema + "(6,7): warning TS3002: Unknown property 'colour' in dataset 'Orders'; expected one of: ";
        string overwrites = schema + "(8,58): warning TS3024: The layout '{table_name}/{YYYY}-{MM}-{DD}.{file_id}.{ext}' of dataset 'Orders' has neither {load_id} nor a timestamp";

        // 1. The CI entry point on a fresh project: the checks, and no compiling.
        (int validateExit, string validateOutput) = CommandRunner.Run("dotnet", "msbuild -restore -t:TypedS3Validate -v:n " + LoggerSwitches, project, PackageFixture.CommandTimeout);

        Assert.True(validateExit == 0, "TypedS3Validate failed:\n" + validateOutput);
        AssertOnce(validateOutput, unknownProperty);
        AssertOnce(validateOutput, overwrites);
        // The target ran to its end, where it writes the stamp that later builds compare the schema files with.
        Assert.Matches(@"Touching "".*TypedS3\.schemas\.validated""", validateOutput);
        Assert.DoesNotContain("CoreCompile", validateOutput, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(project, "Warnings.dll", SearchOption.AllDirectories));

        // 2. A build after it: the schema file has not changed since it passed, so the target is skipped; and the
        // generator, told that the task checks this build's schema files, does not report their warnings again.
        (int buildExit, string buildOutput) = CommandRunner.Run("dotnet", "build -v:n " + LoggerSwitches, project, PackageFixture.CommandTimeout);

        Assert.True(buildExit == 0, "dotnet build failed:\n" + buildOutput);
        Assert.Contains(SkipMessage, buildOutput, StringComparison.Ordinal);
        Assert.Contains("CoreCompile:", buildOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("TS3002", buildOutput, StringComparison.Ordinal);
        Assert.NotEmpty(Directory.GetFiles(project, "Warnings.dll", SearchOption.AllDirectories));

        // 3. A changed schema file: the target runs again, and each warning is printed once (the task's, not also the generator's).
        File.SetLastWriteTimeUtc(schema, DateTime.UtcNow);
        (int rebuildExit, string rebuildOutput) = CommandRunner.Run("dotnet", "build -v:n " + LoggerSwitches, project, PackageFixture.CommandTimeout);

        Assert.True(rebuildExit == 0, "dotnet build failed:\n" + rebuildOutput);
        Assert.DoesNotContain(SkipMessage, rebuildOutput, StringComparison.Ordinal);
        AssertOnce(rebuildOutput, unknownProperty);
        AssertOnce(rebuildOutput, overwrites);
        Assert.Equal(2, Regex.Matches(BeforeSummary(rebuildOutput), @"warning TS3\d{3}: ").Count);
    }

    // MSBuild repeats every error and warning in its summary after "Build succeeded." or "Build FAILED.": the lines
    // are counted before it, where each is logged as it happens.
    private static string BeforeSummary(string output)
    {
        int end = Math.Max(output.LastIndexOf("Build succeeded.", StringComparison.Ordinal), output.LastIndexOf("Build FAILED.", StringComparison.Ordinal));
        return end < 0 ? output : output[..end];
    }

    private static void AssertOnce(string output, string line) =>
        Assert.True(Count(BeforeSummary(output), line) == 1, "expected once before the summary: " + line + "\n" + output);

    private static int Count(string text, string value)
    {
        int count = 0;
        for (int at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
