using System.Reflection;

namespace Typed.S3.Packaging.Tests;

/// <summary>
/// Packs Typed.S3 once into a temporary feed, for every test of the <see cref="PackageCollection"/>: packing takes a
/// minute on a small machine, and each test builds its own consumer projects against the same package.
/// </summary>
public sealed class PackageFixture : IDisposable
{
    public static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(8);

    public PackageFixture()
    {
        Work = Path.Combine(Path.GetTempPath(), "typeds3-package-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Work);
        Version = "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff");
        string repository = typeof(PackageFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "RepositoryRoot").Value!;
        Feed = Path.Combine(Work, "feed");
        (PackExitCode, PackOutput) = CommandRunner.Run(
            "dotnet",
            $"pack \"{Path.Combine(repository, "src", "Typed.S3", "Typed.S3.csproj")}\" -c Release -o \"{Feed}\" -p:Version={Version}",
            repository,
            CommandTimeout);
    }

    /// <summary>The temporary folder holding the feed and the consumer projects.</summary>
    public string Work { get; }

    /// <summary>The package version packed.</summary>
    public string Version { get; }

    /// <summary>The folder feed holding the package.</summary>
    public string Feed { get; }

    public int PackExitCode { get; }

    public string PackOutput { get; }

    /// <summary>The packed package's path, after asserting that packing worked.</summary>
    public string Package
    {
        get
        {
            Assert.True(PackExitCode == 0, "dotnet pack failed:\n" + PackOutput);
            return Path.Combine(Feed, $"Typed.S3.{Version}.nupkg");
        }
    }

    /// <summary>
    /// Creates a fresh project referencing the package by version, with a nuget.config adding the feed to the
    /// machine's sources, and files of its own (relative path to text).
    /// </summary>
    public string CreateProject(string name, IReadOnlyDictionary<string, string> files, bool treatWarningsAsErrors = true)
    {
        Assert.True(File.Exists(Package), "expected " + Package);
        string project = Path.Combine(Work, name);
        Directory.CreateDirectory(project);
        File.WriteAllText(Path.Combine(project, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="typed-s3-test-feed" value="{Feed}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(project, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>{(treatWarningsAsErrors ? "true" : "false")}</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Typed.S3" Version="{Version}" />
              </ItemGroup>
            </Project>
            """);
        // Keep the repository's Directory.Build.props/targets and central package versions out of the fresh project.
        File.WriteAllText(Path.Combine(project, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(project, "Directory.Build.targets"), "<Project />");
        File.WriteAllText(Path.Combine(project, "Directory.Packages.props"), "<Project><PropertyGroup><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup></Project>");
        foreach (KeyValuePair<string, string> file in files)
        {
            string path = Path.Combine(project, file.Key);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file.Value);
        }

        return project;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Work, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file; the temporary folder is the OS's to clean.
        }
    }
}

/// <summary>The tests that share one packed package; they run one after the other, each building its own projects.</summary>
[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFixture>
{
    public const string Name = "Packed Typed.S3";
}
