using System.Runtime.CompilerServices;

namespace Typed.S3.Generator.Tests.Infrastructure;

/// <summary>
/// Golden files for generated code: each generated source is compared with the committed
/// <c>Snapshots/&lt;name&gt;.verified.cs</c>. A difference fails the test and writes <c>.received.cs</c> beside it;
/// with <c>TYPEDS3_ACCEPT_SNAPSHOTS=1</c> in the environment the received output becomes the verified file.
/// </summary>
internal static class Snapshot
{
    public const string AcceptVariable = "TYPEDS3_ACCEPT_SNAPSHOTS";

    public static void Verify(string name, string actual, [CallerFilePath] string callerPath = "")
    {
        string directory = Path.Combine(ProjectDirectory(callerPath), "Snapshots");
        string verifiedPath = Path.Combine(directory, name + ".verified.cs");
        string receivedPath = Path.Combine(directory, name + ".received.cs");
        actual = actual.Replace("\r\n", "\n");
        bool accept = Environment.GetEnvironmentVariable(AcceptVariable) == "1";
        string? expected = File.Exists(verifiedPath) ? File.ReadAllText(verifiedPath).Replace("\r\n", "\n") : null;
        if (expected == actual)
        {
            File.Delete(receivedPath);
            return;
        }

        Directory.CreateDirectory(directory);
        if (accept)
        {
            File.WriteAllText(verifiedPath, actual);
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, actual);
        Assert.Fail(expected is null
            ? $"No golden file {verifiedPath}. Review {receivedPath} and run the tests with {AcceptVariable}=1 to accept it."
            : $"Generated code differs from {verifiedPath}; see {receivedPath}. Run the tests with {AcceptVariable}=1 to accept the new output.");
    }

    // Snapshots live in the source tree, next to the tests, not in bin/.
    private static string ProjectDirectory(string callerPath)
    {
        string? directory = Path.GetDirectoryName(callerPath);
        while (directory is not null && !File.Exists(Path.Combine(directory, "Typed.S3.Generator.Tests.csproj")))
        {
            directory = Path.GetDirectoryName(directory);
        }

        return directory ?? throw new InvalidOperationException("Cannot find the test project directory from " + callerPath);
    }
}
