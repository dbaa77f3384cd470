using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Typed.S3.TestServers;

namespace Typed.S3.Packaging.Tests;

/// <summary>
/// The QuickStart published with NativeAOT: no trim or AOT warning comes from Typed.S3 or its generated code, and
/// the native binary runs the whole sample. The publish runs on a copy of the sources, so that its
/// runtime-specific restore never rewrites the files of the projects other tests are building.
/// NativeAOT links the native binary with a C compiler driver: .NET's ILCompiler takes <c>clang</c> from the PATH,
/// or <c>gcc</c> when there is no clang. When neither is there, the test installs Debian's <c>clang</c> (as root or
/// through <c>sudo -n</c>), and fails with the reason when it cannot: it is never skipped.
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
    public async Task TheQuickStartPublishesWithNativeAotWithoutWarningsFromTypedS3AndRuns()
    {
        string compiler = await NativeCompilerAsync();
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

        // nuget.config names local folders as package sources (artifacts/packages, where a user's own 'dotnet pack'
        // goes). Git keeps that folder only through a .gitkeep, which this copy leaves out, and restore refuses a
        // local source that does not exist (NU1301): the copy gets them empty, since the sample builds from source.
        foreach (string source in RelativeLocalSources(Path.Combine(copy, "nuget.config")))
        {
            Directory.CreateDirectory(Path.Combine(copy, source));
        }

        string output = Path.Combine(_work, "out");
        (int publishExit, string publishLog) = CommandRunner.Run(
            "dotnet",
            $"publish samples/QuickStart -c Release -r linux-x64 -p:PublishAot=true -p:CppCompilerAndLinker=\"{compiler}\" -o \"{output}\" -tl:off",
            copy,
            PackageFixture.CommandTimeout);

        Assert.True(publishExit == 0, $"the NativeAOT publish (linking with {compiler}) failed:\n" + publishLog);
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

    /// <summary>
    /// The full path of the C compiler driver the publish links with: clang, else gcc, from the PATH, as .NET's
    /// ILCompiler looks for them; when there is neither, Debian's clang, installed now.
    /// </summary>
    private static async Task<string> NativeCompilerAsync()
    {
        foreach (string candidate in new[] { "clang", "gcc" })
        {
            if (OnPath(candidate) is string found)
            {
                return found;
            }
        }

        await DebianPackages.EnsureAsync(
            ["clang"],
            ["clang"],
            reason => new InvalidOperationException(
                "the NativeAOT publish links with clang (or gcc), neither is on the PATH, and clang cannot be installed: " + reason));
        return OnPath("clang") ?? DebianPackages.FindOnPath("clang")
            ?? throw new InvalidOperationException("clang was installed but cannot be found");
    }

    private static string? OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists);

    /// <summary>The package sources of a nuget.config that are folders given relative to it.</summary>
    private static IEnumerable<string> RelativeLocalSources(string nugetConfig) =>
        XDocument.Load(nugetConfig)
            .Descendants("packageSources")
            .Elements("add")
            .Select(add => (string?)add.Attribute("value"))
            .OfType<string>()
            .Where(value => !value.Contains("://", StringComparison.Ordinal) && !Path.IsPathRooted(value))
            .ToList();

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
