using System.Text.Json.Serialization;
using Typed.S3.Benchmarks.Data;

namespace Typed.S3.Benchmarks.Peers;

/// <summary>The POCO a System.Text.Json user writes for the same columns, with source-generated metadata.</summary>
public sealed class JsonTrade
{
    [JsonPropertyName("id")] public long Id { get; set; }
    [JsonPropertyName("quantity")] public int Quantity { get; set; }
    [JsonPropertyName("price")] public decimal Price { get; set; }
    [JsonPropertyName("trade_date")] public DateOnly TradeDate { get; set; }
    [JsonPropertyName("executed_at")] public DateTimeOffset ExecutedAt { get; set; }
    [JsonPropertyName("is_buy")] public bool IsBuy { get; set; }
    [JsonPropertyName("fee")] public double? Fee { get; set; }
    [JsonPropertyName("symbol")] public string Symbol { get; set; } = "";
    [JsonPropertyName("comment")] public string? Comment { get; set; }

    public Trade ToTrade() => new()
    {
        Id = Id, Quantity = Quantity, Price = Price, TradeDate = TradeDate, ExecutedAt = ExecutedAt, IsBuy = IsBuy,
        Fee = Fee, Symbol = Symbol, Comment = Comment,
    };

    public static JsonTrade From(Trade t) => new()
    {
        Id = t.Id, Quantity = t.Quantity, Price = t.Price, TradeDate = t.TradeDate, ExecutedAt = t.ExecutedAt, IsBuy = t.IsBuy,
        Fee = t.Fee, Symbol = t.Symbol, Comment = t.Comment,
    };
}
