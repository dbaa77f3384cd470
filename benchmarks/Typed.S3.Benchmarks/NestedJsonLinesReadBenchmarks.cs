using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Typed.S3.Benchmarks.Data;
using Typed.S3.Benchmarks.Peers;

namespace Typed.S3.Benchmarks;

/// <summary>
/// Reading nested records from JSON Lines (<see cref="OrderData"/>, written by Typed.S3: a customer record holding an
/// address record, a list of line-item records each with a list of tags, a map of attributes): the generated reader
/// against System.Text.Json with the source-generated <see cref="BenchJsonContext"/>, both line by line
/// (<c>JsonSerializer.Deserialize</c> per line with the <c>JsonTypeInfo</c>) and as a stream of top-level values
/// (<c>DeserializeAsyncEnumerable</c> with <c>topLevelValues: true</c>).
/// </summary>
/// <remarks>
/// The setup checks that every side read the orders it was given by writing what each read with Typed.S3's writer and
/// comparing the bytes with the input: records compare their lists and maps by reference, so <c>SequenceEqual</c> on
/// them would fail on equal data.
/// </remarks>
[MemoryDiagnoser]
public class NestedJsonLinesReadBenchmarks
{
    private byte[] _jsonl = [];

    [ParamsSource(typeof(BenchSizes), nameof(BenchSizes.Rows))]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _jsonl = OrderData.WriteJsonLines(OrderData.Records(Rows));

        byte[] typed = OrderData.WriteJsonLines(TypedS3().GetAwaiter().GetResult());
        byte[] perLine = OrderData.WriteJsonLines(StjPerLine().Select(o => o.ToOrder()));
        byte[] topLevel = OrderData.WriteJsonLines(StjTopLevelValues().GetAwaiter().GetResult().Select(o => o.ToOrder()));
        if (!typed.AsSpan().SequenceEqual(_jsonl) || !perLine.AsSpan().SequenceEqual(_jsonl) || !topLevel.AsSpan().SequenceEqual(_jsonl))
        {
            throw new InvalidOperationException("Typed.S3 and System.Text.Json read different orders.");
        }
    }

    [Benchmark(Baseline = true)]
    public async Task<List<Order>> TypedS3()
    {
        var orders = new List<Order>(Rows);
        using var stream = new MemoryStream(_jsonl, writable: false);
        await foreach (Order order in Orders.ReadJsonLinesAsync(stream))
        {
            orders.Add(order);
        }

        return orders;
    }

    /// <summary>The loop a user writes: split the UTF-8 bytes at line feeds, deserialize each line.</summary>
    [Benchmark]
    public List<JsonOrder> StjPerLine()
    {
        var orders = new List<JsonOrder>(Rows);
        ReadOnlySpan<byte> rest = _jsonl;
        while (!rest.IsEmpty)
        {
            int end = rest.IndexOf((byte)'\n');
            ReadOnlySpan<byte> line = end < 0 ? rest : rest[..end];
            rest = end < 0 ? default : rest[(end + 1)..];
            if (!line.Trim((byte)'\r').IsEmpty)
            {
                orders.Add(JsonSerializer.Deserialize(line, BenchJsonContext.Default.JsonOrder)!);
            }
        }

        return orders;
    }

    [Benchmark]
    public async Task<List<JsonOrder>> StjTopLevelValues()
    {
        var orders = new List<JsonOrder>(Rows);
        using var stream = new MemoryStream(_jsonl, writable: false);
        await foreach (JsonOrder? order in JsonSerializer.DeserializeAsyncEnumerable(stream, BenchJsonContext.Default.JsonOrder, topLevelValues: true))
        {
            orders.Add(order!);
        }

        return orders;
    }
}
