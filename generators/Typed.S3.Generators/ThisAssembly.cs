namespace Typed.S3.Generators;

/// <summary>The generator's version, stamped into generated code.</summary>
internal static class ThisAssembly
{
    // The version of the generated-code contract, not of the package: golden files change only when the
    // shape of generated code does.
    public const string Version = "1.0";
}
