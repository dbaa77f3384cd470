using System.Text.Json.Serialization;

namespace Typed.S3.Benchmarks.Peers;

/// <summary>
/// The System.Text.Json source-generated metadata of every JSON peer: the flat <see cref="JsonTrade"/> and the nested
/// <see cref="JsonOrder"/> (whose customer, address, line item, list and dictionary types it reaches from there).
/// </summary>
[JsonSourceGenerationOptions(WriteIndented = false)]
[JsonSerializable(typeof(JsonTrade))]
[JsonSerializable(typeof(JsonOrder))]
public sealed partial class BenchJsonContext : JsonSerializerContext;
