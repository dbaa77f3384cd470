using System.Reflection;
using System.Runtime.Versioning;

namespace Typed.S3.Testing;

/// <summary>
/// These tests run once for each target framework, each on that framework's own runtime: net8.0 (the library's
/// minimum) on .NET 8, restored as a package, even where only a newer runtime is installed (tests/AlsoOnNet8.props).
/// </summary>
public sealed class TargetRuntimeTests
{
    [Fact]
    public void RunsOnTheRuntimeOfItsTargetFramework()
    {
        string targetFramework = typeof(TargetRuntimeTests).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName;
        Assert.Equal(new FrameworkName(targetFramework).Version.Major, Environment.Version.Major);
    }
}
