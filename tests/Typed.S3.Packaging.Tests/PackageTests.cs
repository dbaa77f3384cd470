using System.IO.Compression;

namespace Typed.S3.Packaging.Tests;

/// <summary>
/// The one NuGet package, as users consume it: packed into a temporary feed, referenced by version from a
/// fresh console project holding only a schema file and a Program.cs, built, and run against CSV files in a
/// local store. The package is packed once for all tests of the collection (<see cref="PackageFixture"/>).
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class PackageTests
{
    private static readonly TimeSpan CommandTimeout = PackageFixture.CommandTimeout;
    private readonly PackageFixture _package;

    public PackageTests(PackageFixture package) => _package = package;

    [Fact]
    public void PackedPackageBuildsAndRunsAFreshProject()
    {
        string package = _package.Package;
        using (ZipArchive archive = ZipFile.OpenRead(package))
        {
            var entries = archive.Entries.Select(e => e.FullName).ToHashSet();
            Assert.Contains("lib/net8.0/Typed.S3.dll", entries);
            Assert.Contains("lib/net8.0/Typed.S3.xml", entries);
            Assert.Contains("analyzers/dotnet/cs/Typed.S3.Generators.dll", entries);
            Assert.Contains("tasks/netstandard2.0/Typed.S3.Tasks.dll", entries);
            // The schema language sits next to each assembly that loads it, and is no package dependency.
            Assert.Contains("analyzers/dotnet/cs/Typed.S3.Schema.dll", entries);
            Assert.Contains("tasks/netstandard2.0/Typed.S3.Schema.dll", entries);
            Assert.Contains("lib/net8.0/Typed.S3.Schema.dll", entries);
            Assert.Contains("build/Typed.S3.props", entries);
            Assert.Contains("build/Typed.S3.targets", entries);
            Assert.Contains("buildTransitive/Typed.S3.targets", entries);
            Assert.Contains("schemas/s3schema.schema.json", entries);
            Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal) && e.EndsWith("Generators.dll", StringComparison.Ordinal));
            Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal) && e.EndsWith("Tasks.dll", StringComparison.Ordinal));
            // The task loads MSBuild's own assemblies: none is packed, and the package depends on neither the tasks nor MSBuild.
            Assert.DoesNotContain(entries, e => e.Contains("Microsoft.Build", StringComparison.OrdinalIgnoreCase));
            AssertTaskAssemblyLoadsInAnyMSBuild(archive.GetEntry("tasks/netstandard2.0/Typed.S3.Tasks.dll")!);
            ZipArchiveEntry nuspec = archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
            using var reader = new StreamReader(nuspec.Open());
            string manifest = reader.ReadToEnd();
            Assert.DoesNotContain("Microsoft.Build", manifest, StringComparison.Ordinal);
            Assert.DoesNotContain("Typed.S3.Tasks", manifest, StringComparison.Ordinal);
            Assert.DoesNotContain("Typed.S3.Schema", manifest, StringComparison.Ordinal);
        }

        string project = CreateConsumerProject("Consumer");
        string store = Path.Combine(_package.Work, "store");
        Directory.CreateDirectory(Path.Combine(store, "shop", "orders", "2024"));
        File.WriteAllText(Path.Combine(store, "shop", "orders", "2024", "a.csv"), "order_id,amount,placed_on\n1,10.50,2024-01-02\n2,1000.00,2024-01-03\n");
        File.WriteAllText(Path.Combine(store, "shop", "orders", "2024", "b.csv"), "placed_on,order_id\n2024-02-01,3\n");

        (int buildExit, string buildOutput) = CommandRunner.Run("dotnet", "build -c Release", project, CommandTimeout);
        Assert.True(buildExit == 0, "dotnet build failed:\n" + buildOutput);
        Assert.DoesNotContain("warning TS3", buildOutput);

        (int runExit, string runOutput) = CommandRunner.Run("dotnet", $"run -c Release --no-build -- \"{store}\"", project, CommandTimeout);
        Assert.True(runExit == 0, "the consumer failed:\n" + runOutput);
        Assert.Contains("3 orders, total 1010.50", runOutput);
        Assert.Contains("wrote 3 rows", runOutput);
        Assert.Contains("read back 3 orders", runOutput);
    }

    [Fact]
    public void SchemaErrorsFailTheConsumerBuildWithFileLineAndColumn()
    {
        string project = CreateConsumerProject("BrokenConsumer");
        File.WriteAllText(Path.Combine(project, "shop.s3schema.json"), """
            {
              "namespace": "Shop",
              "datasets": {
                "Orders": {
                  "location": "s3://shop/orders/**/*.csv",
                  "format": "csv",
                  "columns": [
                    { "name": "order_id", "type": "int65" }
                  ]
                }
              }
            }
            """);
        File.WriteAllText(Path.Combine(project, "Program.cs"), "System.Console.WriteLine(1);\n");

        const string error = @"shop\.s3schema\.json\(8,39\): error TS3004: Unknown column type 'int65'";

        // With the MSBuild validation switched off (as in an IDE's design-time build), the generator reports the error.
        (int generatorExit, string generatorOutput) = CommandRunner.Run("dotnet", "build -c Release -v:n -tl:off -p:TypedS3ValidateSchemas=false", project, CommandTimeout);

        Assert.NotEqual(0, generatorExit);
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(generatorOutput, error), "expected the schema error at shop.s3schema.json(8,39):\n" + generatorOutput);
        Assert.Contains("CoreCompile:", generatorOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("TypedS3ValidateSchemas", generatorOutput, StringComparison.Ordinal);

        // By default the task reports it before compiling, and the compiler never runs.
        (int buildExit, string buildOutput) = CommandRunner.Run("dotnet", "build -c Release -v:n -tl:off", project, CommandTimeout);

        Assert.NotEqual(0, buildExit);
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(buildOutput, error), "expected the schema error at shop.s3schema.json(8,39):\n" + buildOutput);
        Assert.Contains("(TypedS3ValidateSchemas target) ->", buildOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("CoreCompile:", buildOutput, StringComparison.Ordinal);
    }

    // The task assembly references only netstandard, MSBuild's own assemblies, at the assembly version every MSBuild
    // since 15 has kept (15.1.0.0), so .NET Framework MSBuild (Visual Studio) binds it as dotnet build does, and the
    // schema language, which the package puts next to it.
    private static void AssertTaskAssemblyLoadsInAnyMSBuild(ZipArchiveEntry entry)
    {
        using var bytes = new MemoryStream();
        using (Stream stream = entry.Open())
        {
            stream.CopyTo(bytes);
        }

        bytes.Position = 0;
        using var pe = new System.Reflection.PortableExecutable.PEReader(bytes);
        System.Reflection.Metadata.MetadataReader metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
        var references = metadata.AssemblyReferences
            .Select(h => metadata.GetAssemblyReference(h))
            .Select(r => metadata.GetString(r.Name) + " " + r.Version)
            .OrderBy(r => r, StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(new[] { "Microsoft.Build.Framework 15.1.0.0", "Microsoft.Build.Utilities.Core 15.1.0.0", "Typed.S3.Schema 0.1.0.0", "netstandard 2.0.0.0" }, references);
        System.Reflection.Metadata.AssemblyDefinition definition = metadata.GetAssemblyDefinition();
        Assert.Equal("Typed.S3.Tasks", metadata.GetString(definition.Name));
    }

    private string CreateConsumerProject(string name) =>
        _package.CreateProject(name, new Dictionary<string, string>
        {
            ["shop.s3schema.json"] = """
                {
                  "namespace": "Shop",
                  "datasets": {
                    "Orders": {
                      "record": "Order",
                      "location": "s3://shop/orders/**/*.csv",
                      "format": "csv",
                      "columns": [
                        { "name": "order_id", "type": "int64", "required": true },
                        { "name": "amount", "type": "decimal(12,2)", "when_absent": "null" },
                        { "name": "placed_on", "type": "date", "required": true }
                      ],
                      "write": { "location": "s3://shop/exports/" }
                    }
                  }
                }
                """,
            ["Program.cs"] = """
                using Shop;
                using Typed.S3;

                IObjectStore store = ObjectStore.Open(args[0]);
                var orders = new List<Order>();
                await foreach (Order order in Orders.ReadAsync(store))
                {
                    orders.Add(order);
                }

                Console.WriteLine($"{orders.Count} orders, total {orders.Sum(o => o.Amount ?? 0):0.00}");
                WriteResult result = await Orders.WriteAsync(store, orders);
                Console.WriteLine($"wrote {result.RowCount} rows to {result.Objects[0].Location}");
                int count = 0;
                await foreach (Order order in Orders.ReadAsync(store, result.Objects[0].Location.ToString()))
                {
                    if (order != orders[count++]) { Console.WriteLine("mismatch"); return 1; }
                }

                Console.WriteLine($"read back {count} orders");
                return 0;
                """,
        });
}
