using System.Globalization;
using System.Text;
using Typed.S3.Fuzz;

// dotnet run -c Release --project tests/Typed.S3.Fuzz -- [--formats csv,csv-parallel,jsonl,json,parquet,nested-jsonl,nested-csv] [--count 100000]
//     [--seed 1] [--out artifacts/fuzz] [--no-minimise]
// Prints a table of outcomes per format and writes the minimised input of each distinct failure to --out.
var formats = new List<FuzzFormat> { FuzzFormat.Csv, FuzzFormat.CsvParallel, FuzzFormat.JsonLines, FuzzFormat.Json, FuzzFormat.Parquet, FuzzFormat.NestedJsonLines, FuzzFormat.NestedCsv };
long count = 100_000;
int seed = 1;
string output = Path.Combine("artifacts", "fuzz");
bool minimise = true;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--formats":
            formats = args[++i].Split(',').Select(Formats.Parse).ToList();
            break;
        case "--count":
            count = long.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--seed":
            seed = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--out":
            output = args[++i];
            break;
        case "--no-minimise":
            minimise = false;
            break;
        default:
            Console.Error.WriteLine($"unknown argument '{args[i]}'");
            return 2;
    }
}

var table = new StringBuilder();
table.AppendLine("| format | inputs | records | DatasetFormatException | other exceptions | bad messages | silent changes | slow | hangs | over-allocation | max bytes allocated per input byte | max share of time bound | time |");
table.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
bool clean = true;
foreach (FuzzFormat format in formats)
{
    Console.WriteLine($"{Formats.Name(format)}: {count:N0} inputs, seed {seed}...");
    FuzzReport report = FuzzRun.Execute(format, seed, count, minimise);
    long C(OutcomeKind kind) => report.Counts[kind];
    table.AppendLine(string.Create(CultureInfo.InvariantCulture,
        $"| {Formats.Name(format)} | {report.Inputs:N0} | {C(OutcomeKind.Records):N0} | {C(OutcomeKind.FormatError):N0} | {C(OutcomeKind.OtherException):N0} | {C(OutcomeKind.BadMessage):N0} | {C(OutcomeKind.SilentChange):N0} | {C(OutcomeKind.Slow):N0} | {C(OutcomeKind.Hang):N0} | {C(OutcomeKind.OverAllocation):N0} | {report.MaxAllocationPerByte:F1} | {report.MaxTimeShare:P0} | {report.Elapsed.TotalSeconds:F0} s |"));
    string folder = Path.Combine(output, Formats.Name(format));
    if (Directory.Exists(folder))
    {
        Directory.Delete(folder, recursive: true);
    }

    int n = 0;
    foreach (Finding finding in report.Findings.Values)
    {
        clean = false;
        Directory.CreateDirectory(folder);
        string file = Path.Combine(folder, $"{++n:D2}.{Formats.Extension(format)}");
        File.WriteAllBytes(file, finding.Minimised);
        File.WriteAllText(file + ".txt", $"{finding.Kind}: {finding.Cause}\ninputs: {finding.Count}, first: #{finding.FirstInput} (seed {seed})\n\n{finding.Detail}\n");
        Console.WriteLine($"  {finding.Kind}: {finding.Cause} ({finding.Count} inputs, first #{finding.FirstInput}; minimised to {finding.Minimised.Length} bytes: {file})");
    }
}

Console.WriteLine();
Console.Write(table);
return clean ? 0 : 1;
