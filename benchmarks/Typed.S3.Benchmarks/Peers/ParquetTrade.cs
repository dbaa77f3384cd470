using System.Text.Json.Serialization;
using Parquet.Serialization.Attributes;
using Typed.S3.Benchmarks.Data;

namespace Typed.S3.Benchmarks.Peers;

/// <summary>The POCO a Parquet.Net user writes for <c>ParquetSerializer</c> (its reflection serializer).</summary>
public sealed class ParquetTrade
{
    [JsonPropertyName("id")] public long Id { get; set; }
    [JsonPropertyName("quantity")] public int Quantity { get; set; }
    [JsonPropertyName("price"), ParquetDecimal(18, 4)] public decimal Price { get; set; }
    [JsonPropertyName("trade_date")] public DateOnly TradeDate { get; set; }
    [JsonPropertyName("executed_at"), ParquetTimestamp(ParquetTimestampResolution.Microseconds)] public DateTime ExecutedAt { get; set; }
    [JsonPropertyName("is_buy")] public bool IsBuy { get; set; }
    [JsonPropertyName("fee")] public double? Fee { get; set; }
    [JsonPropertyName("symbol"), ParquetRequired] public string Symbol { get; set; } = "";
    [JsonPropertyName("comment")] public string? Comment { get; set; }

    public Trade ToTrade() => new()
    {
        Id = Id, Quantity = Quantity, Price = Price, TradeDate = TradeDate,
        ExecutedAt = new DateTimeOffset(DateTime.SpecifyKind(ExecutedAt, DateTimeKind.Utc)), IsBuy = IsBuy,
        Fee = Fee, Symbol = Symbol, Comment = Comment,
    };

    public static ParquetTrade From(Trade t) => new()
    {
        Id = t.Id, Quantity = t.Quantity, Price = t.Price, TradeDate = t.TradeDate, ExecutedAt = t.ExecutedAt.UtcDateTime,
        IsBuy = t.IsBuy, Fee = t.Fee, Symbol = t.Symbol, Comment = t.Comment,
    };
}

/// <summary>Two of the columns, for the projection benchmark.</summary>
public sealed class ParquetTradePrice
{
    [JsonPropertyName("id")] public long Id { get; set; }
    [JsonPropertyName("price"), ParquetDecimal(18, 4)] public decimal Price { get; set; }
}
