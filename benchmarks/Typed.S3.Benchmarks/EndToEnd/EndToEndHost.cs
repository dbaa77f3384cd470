using System.Diagnostics;
using Typed.S3.TestServers;

namespace Typed.S3.Benchmarks.EndToEnd;

/// <summary>
/// The host process's part in the end-to-end suites: when the run selects any, it starts one RADOS Gateway for the
/// whole run (a one-node Ceph cluster keeping objects in memory, from <see cref="RadosGateway"/>), uploads the data
/// sets, publishes the endpoint to the benchmark processes (<see cref="S3Endpoint"/>), and stops the cluster when the
/// run ends. Should the host die first, the gateway's watchdog stops the daemons.
/// </summary>
public sealed class EndToEndHost : IAsyncDisposable
{
    /// <summary>
    /// How much the in-memory OSD may hold. A limit rather than an allocation: the full run stores about 250 MB (the
    /// 206 MB object and 200 small ones); the headroom is for a larger <see cref="EndToEndLargeObjectBenchmarks.RowsVariable"/>.
    /// </summary>
    public const long GatewayMemoryBytes = 6L << 30;

    private readonly RadosGateway? _gateway;

    private EndToEndHost(RadosGateway? gateway)
    {
        _gateway = gateway;
    }

    /// <summary>The gateway's base URL, or <see langword="null"/> when the run needs none.</summary>
    public string? ServiceUrl => _gateway?.ServiceUrl;

    /// <summary>
    /// Starts the gateway and uploads the data sets if <paramref name="args"/> select end-to-end benchmarks. When
    /// they leave the choice to BenchmarkDotNet's prompt, it starts the gateway anyway (the benchmark processes could
    /// not start one), uploads nothing (each benchmark process uploads what it misses), and carries on without it
    /// if it cannot start, so that a run that picks no end-to-end suite does not need Ceph.
    /// </summary>
    /// <param name="args">The program's arguments.</param>
    /// <returns>The host; dispose it when the run ends.</returns>
    public static async Task<EndToEndHost> StartAsync(string[] args)
    {
        IReadOnlyList<EndToEndSetup>? dataSets = EndToEndSetup.DataSetsSelectedBy(args);
        if (dataSets is { Count: 0 })
        {
            return new EndToEndHost(null);
        }

        Console.WriteLine("// Starting the S3 test server (Ceph RADOS Gateway) for the end-to-end benchmarks.");
        var started = Stopwatch.StartNew();
        RadosGateway gateway;
        try
        {
            gateway = await RadosGateway.StartAsync(Fail, [EndToEndSetup.BucketName], GatewayMemoryBytes);
        }
        catch (InvalidOperationException exception) when (dataSets is null)
        {
            Console.WriteLine($"// {exception.Message}\n// End-to-end benchmarks picked at the prompt will fail.");
            return new EndToEndHost(null);
        }

        var host = new EndToEndHost(gateway);
        try
        {
            Console.WriteLine($"// The S3 test server answers on {gateway.ServiceUrl} after {started.Elapsed.TotalSeconds:0.0} s.");
            S3Endpoint.Publish(gateway);
            foreach (EndToEndSetup dataSet in dataSets ?? [])
            {
                dataSet.UploadForRun();
            }

            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>Withdraws the endpoint and stops the gateway (its objects go with it).</summary>
    /// <returns>A task that completes when the daemons are gone.</returns>
    public async ValueTask DisposeAsync()
    {
        if (_gateway is not null)
        {
            S3Endpoint.Publish(null);
            await _gateway.DisposeAsync();
        }
    }

    private static InvalidOperationException Fail(string reason) =>
        new($"The S3 test server (Ceph RADOS Gateway) for the end-to-end benchmarks could not be started: {reason}");
}
