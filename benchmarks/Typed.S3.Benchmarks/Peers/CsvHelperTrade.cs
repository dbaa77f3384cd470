using CsvHelper;
using Typed.S3.Benchmarks.Data;

namespace Typed.S3.Benchmarks.Peers;

/// <summary>
/// The record a CsvHelper 34 user writes by hand: the same columns as <see cref="Trade"/>, mapped by CsvHelper's own
/// source generator (<see cref="CsvRecordAttribute"/>), so no reflection is involved on its side either.
/// </summary>
[CsvRecord]
public sealed partial class CsvHelperTrade
{
    [CsvColumn("id")] public long Id { get; set; }
    [CsvColumn("quantity")] public int Quantity { get; set; }
    [CsvColumn("price")] public decimal Price { get; set; }
    [CsvColumn("trade_date")] public DateOnly TradeDate { get; set; }
    [CsvColumn("executed_at")] public DateTimeOffset ExecutedAt { get; set; }
    [CsvColumn("is_buy")] public bool IsBuy { get; set; }
    [CsvColumn("fee")] public double? Fee { get; set; }
    [CsvColumn("symbol")] public string Symbol { get; set; } = "";
    [CsvColumn("comment")] public string? Comment { get; set; }

    /// <summary>For the equality check only: CsvHelper reads an empty string field as "", Typed.S3 as null.</summary>
    public Trade ToTrade() => new()
    {
        Id = Id, Quantity = Quantity, Price = Price, TradeDate = TradeDate, ExecutedAt = ExecutedAt, IsBuy = IsBuy,
        Fee = Fee, Symbol = Symbol, Comment = string.IsNullOrEmpty(Comment) ? null : Comment,
    };

    public static CsvHelperTrade From(Trade t) => new()
    {
        Id = t.Id, Quantity = t.Quantity, Price = t.Price, TradeDate = t.TradeDate, ExecutedAt = t.ExecutedAt, IsBuy = t.IsBuy,
        Fee = t.Fee, Symbol = t.Symbol, Comment = t.Comment,
    };
}
