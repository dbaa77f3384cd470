using Microsoft.CodeAnalysis;
using Typed.S3.Generators;

namespace Typed.S3.Generator.Tests.Infrastructure;

/// <summary>
/// Assertions on the generator's incremental steps, after NetEscapades.EnumGenerators' test helper: a second run
/// of the same inputs leaves every tracked step cached (or unchanged, when it ran and gave an equal value) and
/// runs no output, and the models that flow through the pipeline hold no compiler objects, and in the source
/// path no spans either.
/// </summary>
internal static class IncrementalAssert
{
    /// <summary>Every tracked step of the generator.</summary>
    public static readonly string[] AllSteps =
    {
        DatasetGenerator.ParseStep, DatasetGenerator.CheckStep, DatasetGenerator.DiagnosticsStep, DatasetGenerator.ValidatedStep,
        DatasetGenerator.TypeClashesStep, DatasetGenerator.DiagnosticsInputStep, DatasetGenerator.LeftOutStep, DatasetGenerator.SpecsStep,
        DatasetGenerator.DatasetStep, DatasetGenerator.DatasetInputStep, DatasetGenerator.EmitStep,
    };

    /// <summary>The steps of the source path, from the parsed files to the source output: their models may hold no span.</summary>
    public static readonly string[] SourceSteps =
    {
        DatasetGenerator.LeftOutStep, DatasetGenerator.SpecsStep, DatasetGenerator.DatasetStep, DatasetGenerator.DatasetInputStep, DatasetGenerator.EmitStep,
    };

    /// <summary>Whether a step's output is one the driver did not have to act on.</summary>
    public static bool IsCachedOrUnchanged(IncrementalStepRunReason reason) =>
        reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged;

    /// <summary>
    /// Asserts that <paramref name="second"/>, a run of the same inputs after <paramref name="first"/>, did no work that
    /// shows: every tracked step gives equal values and is cached or unchanged, no output ran, and the generated sources
    /// and diagnostics are the same.
    /// </summary>
    public static void SecondRunIsCached(GeneratorDriverRunResult first, GeneratorDriverRunResult second)
    {
        GeneratorRunResult before = first.Results.Single();
        GeneratorRunResult after = second.Results.Single();
        foreach (KeyValuePair<string, System.Collections.Immutable.ImmutableArray<IncrementalGeneratorRunStep>> step in before.TrackedSteps)
        {
            // The outputs are checked below; a run in which no step ran at all tracks nothing.
            if (IsOutput(step.Key) || after.TrackedSteps.IsEmpty)
            {
                continue;
            }

            Assert.True(after.TrackedSteps.TryGetValue(step.Key, out System.Collections.Immutable.ImmutableArray<IncrementalGeneratorRunStep> again), $"the second run has no step {step.Key}");
            var outputsBefore = step.Value.SelectMany(run => run.Outputs).ToList();
            var outputsAfter = again.SelectMany(run => run.Outputs).ToList();
            Assert.True(outputsBefore.Count == outputsAfter.Count, $"step {step.Key}: {outputsBefore.Count} outputs, then {outputsAfter.Count}");
            for (int i = 0; i < outputsAfter.Count; i++)
            {
                Assert.True(Equals(outputsBefore[i].Value, outputsAfter[i].Value), $"step {step.Key}: output {i} is not equal to the first run's");
                Assert.True(IsCachedOrUnchanged(outputsAfter[i].Reason), $"step {step.Key}: output {i} is {outputsAfter[i].Reason} in a run of the same inputs");
            }
        }

        foreach (IncrementalGeneratorRunStep run in after.TrackedOutputSteps.SelectMany(step => step.Value))
        {
            Assert.All(run.Outputs, output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
        }

        Assert.Equal(
            before.GeneratedSources.Select(s => s.HintName + "\n" + s.SourceText).OrderBy(s => s, StringComparer.Ordinal),
            after.GeneratedSources.Select(s => s.HintName + "\n" + s.SourceText).OrderBy(s => s, StringComparer.Ordinal));
        Assert.Equal(before.Diagnostics.Select(GeneratorRunOutcome.Format), after.Diagnostics.Select(GeneratorRunOutcome.Format));
    }

    /// <summary>
    /// Asserts that no model of any tracked step holds a compiler object (symbol, syntax, location, compilation, text),
    /// and that no model of the source path holds a span, a location or a diagnostic.
    /// </summary>
    public static void ModelsAreClean(GeneratorDriverRunResult run)
    {
        GeneratorRunResult result = run.Results.Single();
        foreach (KeyValuePair<string, System.Collections.Immutable.ImmutableArray<IncrementalGeneratorRunStep>> step in result.TrackedSteps)
        {
            if (IsOutput(step.Key) || IsDriverInput(step.Key))
            {
                continue;
            }

            Assert.Contains(step.Key, AllSteps);
            bool sourcePath = SourceSteps.Contains(step.Key);
            foreach ((object value, IncrementalStepRunReason _) in step.Value.SelectMany(r => r.Outputs))
            {
                List<string> found = ModelGraph.FindValues(value, ModelGraph.CompilerObjects);
                Assert.True(found.Count == 0, $"step {step.Key} holds compiler objects:\n" + string.Join("\n", found));
                if (sourcePath)
                {
                    found = ModelGraph.FindValues(value, ModelGraph.SpansAndLocations);
                    Assert.True(found.Count == 0, $"step {step.Key} of the source path holds spans:\n" + string.Join("\n", found));
                }
            }
        }
    }

    /// <summary>Whether a tracked step is an output (whose values are the generated sources and diagnostics, not models).</summary>
    public static bool IsOutput(string step) =>
        step is WellKnownGeneratorOutputs.SourceOutput or WellKnownGeneratorOutputs.ImplementationSourceOutput;

    /// <summary>Whether a tracked step is one of the driver's inputs (the additional files themselves, the compilation...), not a model.</summary>
    public static bool IsDriverInput(string step) =>
        step is WellKnownGeneratorInputs.AdditionalTexts or WellKnownGeneratorInputs.Compilation or WellKnownGeneratorInputs.ParseOptions
            or WellKnownGeneratorInputs.AnalyzerConfigOptions or WellKnownGeneratorInputs.MetadataReferences;

    /// <summary>Asserts that every output of a tracked step has one of the <paramref name="allowed"/> reasons (and that there is one).</summary>
    public static void StepOutputs(GeneratorRunResult result, string step, params IncrementalStepRunReason[] allowed)
    {
        Assert.True(result.TrackedSteps.TryGetValue(step, out System.Collections.Immutable.ImmutableArray<IncrementalGeneratorRunStep> runs), $"step {step} was not tracked");
        var reasons = runs.SelectMany(run => run.Outputs).Select(output => output.Reason).ToList();
        Assert.NotEmpty(reasons);
        Assert.All(reasons, reason => Assert.Contains(reason, allowed));
    }

    /// <summary>The runs of the source output that <paramref name="inputStep"/> feeds (<see cref="DatasetGenerator.EmitStep"/>: sources; <see cref="DatasetGenerator.DiagnosticsInputStep"/>: diagnostics).</summary>
    public static List<IncrementalGeneratorRunStep> OutputRuns(GeneratorRunResult result, string inputStep) =>
        result.TrackedOutputSteps.SelectMany(step => step.Value)
            .Where(run => run.Inputs.Any(input => input.Source.Name == inputStep))
            .ToList();

    /// <summary>The reasons of the source output runs that emitted (or kept) the dataset <paramref name="dataset"/>.</summary>
    public static List<IncrementalStepRunReason> EmitReasons(GeneratorRunResult result, string dataset) =>
        OutputRuns(result, DatasetGenerator.EmitStep)
            .Where(run => run.Inputs.Any(input => input.Source.Outputs[input.OutputIndex].Value is Typed.S3.Generators.Model.DatasetSpec spec && spec.Name == dataset))
            .SelectMany(run => run.Outputs)
            .Select(output => output.Reason)
            .ToList();
}
