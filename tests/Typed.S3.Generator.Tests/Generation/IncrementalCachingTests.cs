using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Typed.S3.Generator.Tests.Infrastructure;
using Typed.S3.Generators;

namespace Typed.S3.Generator.Tests.Generation;

/// <summary>The pipeline's models are value-equatable: unchanged input leaves every step cached.</summary>
public class IncrementalCachingTests
{
    private static readonly string Schema = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schemas", "sales.s3schema.json"));

    [Fact]
    public void UnchangedSchemaLeavesEveryStepCached()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation("class A { }");
        var original = new InMemoryAdditionalText("/p/sales.s3schema.json", Schema);
        GeneratorDriver driver = GeneratorHarness.CreateDriver(original).RunGenerators(compilation);

        // A new compilation (the user edited C# code) and a new, equal copy of the schema text.
        CSharpCompilation edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class B { }"));
        driver = driver.ReplaceAdditionalText(original, new InMemoryAdditionalText("/p/sales.s3schema.json", Schema));
        driver = driver.RunGenerators(edited);

        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        AssertAllOutputs(result, DatasetGenerator.ParseStep, IncrementalStepRunReason.Unchanged, IncrementalStepRunReason.Cached);
        AssertAllOutputs(result, DatasetGenerator.CheckStep, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        Assert.All(result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(run => run.Outputs),
            output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    [Fact]
    public void ChangedSchemaRegenerates()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation("class A { }");
        var original = new InMemoryAdditionalText("/p/sales.s3schema.json", Schema);
        GeneratorDriver driver = GeneratorHarness.CreateDriver(original).RunGenerators(compilation);

        driver = driver.ReplaceAdditionalText(original, new InMemoryAdditionalText("/p/sales.s3schema.json", Schema.Replace("\"email\"", "\"e_mail\"")));
        driver = driver.RunGenerators(compilation);

        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        AssertAllOutputs(result, DatasetGenerator.ParseStep, IncrementalStepRunReason.Modified);
        Assert.Contains(result.GeneratedSources, s => s.SourceText.ToString().Contains("EMail", StringComparison.Ordinal));
    }

    private static void AssertAllOutputs(GeneratorRunResult result, string step, params IncrementalStepRunReason[] allowed)
    {
        Assert.True(result.TrackedSteps.TryGetValue(step, out var runs), $"step {step} was not tracked");
        var reasons = runs.SelectMany(run => run.Outputs).Select(output => output.Reason).ToList();
        Assert.NotEmpty(reasons);
        Assert.All(reasons, reason => Assert.Contains(reason, allowed));
    }
}
