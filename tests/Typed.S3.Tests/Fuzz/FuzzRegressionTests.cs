using Typed.S3.Fuzz;

namespace Typed.S3.Tests.Fuzz;

/// <summary>
/// The fuzz harness's findings as regressions, and a seeded subset of its inputs as a normal test: every reader
/// must give records or a well-formed <see cref="DatasetFormatException"/>, in time, within its allocation bound.
/// </summary>
public sealed class FuzzRegressionTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "TestData", "Fuzz");

    public static TheoryData<string, string> Findings()
    {
        var data = new TheoryData<string, string>();
        foreach (string file in Directory.EnumerateFiles(Folder).Where(f => !f.EndsWith(".md", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            string extension = Path.GetExtension(file).TrimStart('.');
            foreach (FuzzFormat format in Enum.GetValues<FuzzFormat>().Where(f => Formats.Extension(f) == extension))
            {
                data.Add(Path.GetFileName(file), Formats.Name(format));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Findings))]
    public void FindingsReadToRecordsOrADatasetFormatException(string file, string format)
    {
        byte[] input = File.ReadAllBytes(Path.Combine(Folder, file));

        Outcome outcome = FuzzTarget.Run(Formats.Parse(format), input, timeScale: 10);

        Assert.True(outcome.IsAllowed, $"{outcome.Kind}: {outcome.Cause}\n{outcome.Detail}");
    }

    // A few thousand inputs of a fixed seed per format (the harness runs 10^5 and more: see the README's Fuzzing).
    [Theory]
    [InlineData("parquet")]
    [InlineData("csv")]
    [InlineData("csv-parallel")]
    [InlineData("jsonl")]
    [InlineData("json")]
    [InlineData("nested-jsonl")]
    [InlineData("nested-csv")]
    public void ASeededSubsetOfMutatedInputsReadsHonestly(string format)
    {
        FuzzReport report = FuzzRun.Execute(Formats.Parse(format), seed: 13, count: 3_000, minimise: false, timeScale: 10);

        Assert.True(report.Clean, string.Join("\n", report.Findings.Values.Select(f => $"{f.Kind}: {f.Cause} (input #{f.FirstInput})\n{f.Detail}")));
        Assert.Equal(3_000, report.Inputs);
    }
}
