using Microsoft.CodeAnalysis;

namespace Typed.S3.Generators;

/// <summary>Generates record types and codecs from <c>*.s3schema.json</c> files.</summary>
[Generator(LanguageNames.CSharp)]
public sealed class DatasetGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
    }
}
