using System.Reflection;
using System.Text.RegularExpressions;

namespace Typed.S3.Packaging.Tests;

/// <summary>
/// The QuickStart published with NativeAOT: no trim or AOT warning comes from Typed.S3 or its generated code, and
/// the native binary runs the whole sample. The publish runs on a copy of the sources, so that its
/// runtime-specific restore never rewrites the files of the projects other tests are building.
/// </summary>
public sealed class NativeAotTests : IDisposable
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "typeds3-aot-" + Guid.NewGuid().ToString("N"));

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
    public void TheQuickStartPublishesWithNativeAotWithoutWarningsFromTypedS3AndRuns()
    {
        string repository = typeof(NativeAotTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;
        string copy = Path.Combine(_work, "repo");
        foreach (string file in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "nuget.config" })
        {
            Directory.CreateDirectory(copy);
            File.Copy(Path.Combine(repository, file), Path.Combine(copy, file));
        }

        foreach (string folder in new[] { "src", "generators", Path.Combine("samples", "QuickStart") })
        {
            CopyFolder(Path.Combine(repository, folder), Path.Combine(copy, folder));
        }

        string output = Path.Combine(_work, "out");
        (int publishExit, string publishLog) = CommandRunner.Run(
            "dotnet",
            $"publish samples/QuickStart -c Release -r linux-x64 -p:PublishAot=true -o \"{output}\" -tl:off",
            copy,
            PackageFixture.CommandTimeout);

        Assert.True(publishExit == 0, "the NativeAOT publish failed:\n" + publishLog);
        var warnings = Regex.Matches(publishLog, @"^.*warning (IL\d{4}|CS\d{4}|TS\d{4}).*$", RegexOptions.Multiline)
            .Select(m => m.Value)
            .Distinct()
            .ToList();

        // Parquet.Net carries no trim annotations and reports its own assembly (IL2104/IL3053); anything else,
        // from Typed.S3, its generated code or the sample, fails the test.
        var ours = warnings.Where(w => !Regex.IsMatch(w, @"Parquet\.dll : warning IL(2104|3053): Assembly 'Parquet' produced")).ToList();
        Assert.True(ours.Count == 0, "trim/AOT warnings:\n" + string.Join("\n", ours));

        string binary = Path.Combine(output, "QuickStart");
        Assert.True(File.Exists(binary), "no native binary at " + binary);
        (int runExit, string runLog) = CommandRunner.Run(binary, $"\"{Path.Combine(_work, "store")}\"", output, PackageFixture.CommandTimeout);
        Assert.True(runExit == 0, "the native QuickStart failed:\n" + runLog);
        Assert.Contains("7 customers, 5 active, lifetime value 6296.45", runLog);
        Assert.Contains("identical.", runLog);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (string file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(from, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "node_modules"))
            {
                continue;
            }

            string target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
