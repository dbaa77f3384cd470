using System.IO.Compression;
using System.Reflection;

namespace Typed.S3.Packaging.Tests;

/// <summary>
/// The one NuGet package, as users consume it: packed into a temporary feed, referenced by version from a
/// fresh console project holding only a schema file and a Program.cs, built, and run against CSV files in a
/// local store.
/// </summary>
public sealed class PackageTests : IDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(8);
    private readonly string _work = Path.Combine(Path.GetTempPath(), "typeds3-package-" + Guid.NewGuid().ToString("N"));
    private readonly string _version = "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff");

    public PackageTests() => Directory.CreateDirectory(_work);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file; the temporary folder is the OS's to clean.
        }
    }

    [Fact]
    public void PackedPackageBuildsAndRunsAFreshProject()
    {
        string feed = Pack();

        string package = Path.Combine(feed, $"Typed.S3.{_version}.nupkg");
        Assert.True(File.Exists(package), $"expected {package}");
        using (ZipArchive archive = ZipFile.OpenRead(package))
        {
            var entries = archive.Entries.Select(e => e.FullName).ToHashSet();
            Assert.Contains("lib/net8.0/Typed.S3.dll", entries);
            Assert.Contains("lib/net8.0/Typed.S3.xml", entries);
            Assert.Contains("analyzers/dotnet/cs/Typed.S3.Generators.dll", entries);
            Assert.Contains("build/Typed.S3.props", entries);
            Assert.Contains("build/Typed.S3.targets", entries);
            Assert.Contains("buildTransitive/Typed.S3.targets", entries);
            Assert.Contains("schemas/s3schema.schema.json", entries);
            Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal) && e.EndsWith("Generators.dll", StringComparison.Ordinal));
        }

        string project = CreateConsumerProject(feed);
        string store = Path.Combine(_work, "store");
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
        string feed = Pack();
        string project = CreateConsumerProject(feed);
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

        (int buildExit, string buildOutput) = CommandRunner.Run("dotnet", "build -c Release", project, CommandTimeout);

        Assert.NotEqual(0, buildExit);
        Assert.True(
            System.Text.RegularExpressions.Regex.IsMatch(buildOutput, @"shop\.s3schema\.json\(8,39\): error TS3004: Unknown column type 'int65'"),
            "expected the schema error at shop.s3schema.json(8,39):\n" + buildOutput);
    }

    private string Pack()
    {
        string repository = typeof(PackageTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "RepositoryRoot").Value!;
        string feed = Path.Combine(_work, "feed");
        (int exitCode, string output) = CommandRunner.Run(
            "dotnet",
            $"pack \"{Path.Combine(repository, "src", "Typed.S3", "Typed.S3.csproj")}\" -c Release -o \"{feed}\" -p:Version={_version}",
            repository,
            CommandTimeout);
        Assert.True(exitCode == 0, "dotnet pack failed:\n" + output);
        return feed;
    }

    private string CreateConsumerProject(string feed)
    {
        string project = Path.Combine(_work, "Consumer");
        Directory.CreateDirectory(project);
        File.WriteAllText(Path.Combine(project, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="typed-s3-test-feed" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(project, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Typed.S3" Version="{_version}" />
              </ItemGroup>
            </Project>
            """);
        // Keep the repository's Directory.Build.props and central package versions out of the fresh project.
        File.WriteAllText(Path.Combine(project, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(project, "Directory.Packages.props"), "<Project><PropertyGroup><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup></Project>");
        File.WriteAllText(Path.Combine(project, "shop.s3schema.json"), """
            {
              "namespace": "Shop",
              "datasets": {
                "Orders": {
                  "record": "Order",
                  "location": "s3://shop/orders/**/*.csv",
                  "format": "csv",
                  "columns": [
                    { "name": "order_id", "type": "int64", "required": true },
                    { "name": "amount", "type": "decimal(12,2)" },
                    { "name": "placed_on", "type": "date", "required": true }
                  ],
                  "write": { "location": "s3://shop/exports/" }
                }
              }
            }
            """);
        File.WriteAllText(Path.Combine(project, "Program.cs"), """
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
            """);
        return project;
    }
}
