using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Amazon.S3.Model;
using CsvHelper;
using Typed.S3.Benchmarks.Data;
using Typed.S3.Benchmarks.Peers;

namespace Typed.S3.Benchmarks.EndToEnd;

/// <summary>
/// The large-object memory target as a service sees it: a process of its own that streams the object once (with
/// Typed.S3, or with the hand-written AWS SDK + CsvHelper loop) and nothing else, started fresh each time, reporting
/// its peak working set over its whole life: runtime, SDK, HTTP stack, loaded code and reading together. The
/// BenchmarkDotNet processes carry BenchmarkDotNet and every suite's code besides (85 MB before reading a byte), so
/// their peak says what reading adds rather than what a process that reads needs.
/// </summary>
public static class StreamingMemoryProbe
{
    /// <summary>The argument that makes the benchmark program run one probe and exit.</summary>
    public const string Argument = "--probe-streaming-memory";

    private const string TypedS3Side = "TypedS3";
    private const string PeerSide = "AwsSdkCsvHelper";
    private const int Runs = 3;

    /// <summary>One side's figures: the median of <see cref="Runs"/> fresh processes.</summary>
    /// <param name="Side">The benchmark it mirrors.</param>
    /// <param name="Rows">The object's rows.</param>
    /// <param name="PeakBytes">The process's peak working set (Linux VmHWM), start to exit.</param>
    /// <param name="StartBytes">Its working set after start-up, before opening the store or client.</param>
    public sealed record Result(string Side, int Rows, long PeakBytes, long StartBytes);

    /// <summary>In the probe process: streams the object and prints the figures.</summary>
    /// <param name="args">The side, the server's URL and the object's row count, after <see cref="Argument"/>.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(string[] args)
    {
        string side = args[1];
        string serviceUrl = args[2];
        int rows = int.Parse(args[3], CultureInfo.InvariantCulture);
        long start = (ProcessFigures.ReadStatusKilobytes("VmRSS:") ?? 0) * 1024;
        var tally = new RecordTally();
        string key = EndToEndLargeObjectBenchmarks.KeyOf(rows);
        var endpoint = new S3Endpoint(serviceUrl, clusterFolder: null);
        if (side == TypedS3Side)
        {
            S3ObjectStore store = endpoint.OpenStore();
            await foreach (Trade trade in Trades.ReadAsync(store, $"s3://{EndToEndSetup.BucketName}/{key}"))
            {
                tally.Count(trade.Id);
            }
        }
        else
        {
            using var client = endpoint.CreateClient();
            using GetObjectResponse response = await client.GetObjectAsync(EndToEndSetup.BucketName, key);
            using CsvReader csv = CsvReader.Create(response.ResponseStream, CsvReaderOptions.Default with { Separator = ',' });
            foreach (CsvHelperTrade trade in csv.GetRecords<CsvHelperTrade>())
            {
                tally.Count(trade.Id);
            }
        }

        if (tally.Records != rows)
        {
            await Console.Error.WriteLineAsync($"Read {tally.Records} records, expected {rows}.");
            return 1;
        }

        long peak = (ProcessFigures.ReadStatusKilobytes("VmHWM:") ?? 0) * 1024;
        Console.WriteLine(FormattableString.Invariant($"probe peak={peak} start={start} records={tally.Records}"));
        return 0;
    }

    /// <summary>
    /// In the host, after the run: probes each large object the run uploaded, each side <see cref="Runs"/> times, on
    /// the run's gateway, which still holds them. Linux only (VmHWM); elsewhere nothing.
    /// </summary>
    /// <param name="serviceUrl">The run's gateway (<see cref="EndToEndHost.ServiceUrl"/>).</param>
    /// <param name="rowCounts">The row counts of the large objects the run measured.</param>
    /// <returns>The figures.</returns>
    public static async Task<IReadOnlyList<Result>> MeasureAsync(string serviceUrl, IReadOnlyList<int> rowCounts)
    {
        var results = new List<Result>();
        if (!OperatingSystem.IsLinux() || rowCounts.Count == 0)
        {
            return results;
        }

        foreach (int rows in rowCounts)
        {
            foreach (string side in new[] { TypedS3Side, PeerSide })
            {
                var peaks = new List<(long Peak, long Start)>();
                for (int run = 0; run < Runs; run++)
                {
                    peaks.Add(await ProbeAsync(side, serviceUrl, rows));
                }

                peaks.Sort();
                results.Add(new Result(side, rows, peaks[Runs / 2].Peak, peaks[Runs / 2].Start));
                Console.WriteLine(FormattableString.Invariant($"// Streaming memory probe: {side}, {rows:N0} rows, peak {ProcessFigures.FormatBytes(peaks[Runs / 2].Peak)}"));
            }
        }

        return results;
    }

    private static async Task<(long Peak, long Start)> ProbeAsync(string side, string serviceUrl, int rows)
    {
        // The host runs as its apphost (dotnet run) or under dotnet: start the probe the same way.
        string program = Environment.ProcessPath ?? throw new InvalidOperationException("The host's executable is unknown.");
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (string.Equals(Path.GetFileNameWithoutExtension(program), "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }

        foreach (string argument in new[] { Argument, side, serviceUrl, rows.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException("The probe did not start.");
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        string line = output.Split('\n').FirstOrDefault(l => l.StartsWith("probe ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"The {side} probe failed (exit code {process.ExitCode}): {output} {await error}");
        Dictionary<string, string> fields = line["probe ".Length..].Trim().Split(' ').Select(f => f.Split('=')).ToDictionary(f => f[0], f => f[1]);
        return (long.Parse(fields["peak"], CultureInfo.InvariantCulture), long.Parse(fields["start"], CultureInfo.InvariantCulture));
    }
}
