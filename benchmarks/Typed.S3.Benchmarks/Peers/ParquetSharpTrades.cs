using ParquetSharp;
using ParquetSharp.IO;
using Typed.S3.Benchmarks.Data;

namespace Typed.S3.Benchmarks.Peers;

/// <summary>
/// What a ParquetSharp (Apache Arrow's C++ reader) user writes to read the trades: its column API, a row group at a
/// time, each column read into an array by its logical reader, then the records built from the arrays.
/// </summary>
internal static class ParquetSharpTrades
{
    public static List<Trade> ReadAll(byte[] parquet)
    {
        using var input = new MemoryStream(parquet, writable: false);
        using var file = new ManagedRandomAccessFile(input);
        using var reader = new ParquetFileReader(file);
        var trades = new List<Trade>((int)reader.FileMetaData.NumRows);
        for (int g = 0; g < reader.FileMetaData.NumRowGroups; g++)
        {
            using RowGroupReader group = reader.RowGroup(g);
            int rows = checked((int)group.MetaData.NumRows);
            long[] ids = Read<long>(group, 0, rows);
            int[] quantities = Read<int>(group, 1, rows);
            decimal[] prices = Read<decimal>(group, 2, rows);
            Date[] dates = Read<Date>(group, 3, rows);
            DateTime[] executed = Read<DateTime>(group, 4, rows);
            bool[] buys = Read<bool>(group, 5, rows);
            double?[] fees = Read<double?>(group, 6, rows);
            string[] symbols = Read<string>(group, 7, rows);
            string?[] comments = Read<string?>(group, 8, rows);
            for (int i = 0; i < rows; i++)
            {
                trades.Add(new Trade
                {
                    Id = ids[i],
                    Quantity = quantities[i],
                    Price = prices[i],
                    TradeDate = DateOnly.FromDateTime(dates[i].DateTime),
                    ExecutedAt = new DateTimeOffset(DateTime.SpecifyKind(executed[i], DateTimeKind.Utc)),
                    IsBuy = buys[i],
                    Fee = fees[i],
                    Symbol = symbols[i],
                    Comment = comments[i],
                });
            }
        }

        return trades;
    }

    public static List<TradePrice> ReadPrices(byte[] parquet)
    {
        using var input = new MemoryStream(parquet, writable: false);
        using var file = new ManagedRandomAccessFile(input);
        using var reader = new ParquetFileReader(file);
        var prices = new List<TradePrice>((int)reader.FileMetaData.NumRows);
        for (int g = 0; g < reader.FileMetaData.NumRowGroups; g++)
        {
            using RowGroupReader group = reader.RowGroup(g);
            int rows = checked((int)group.MetaData.NumRows);
            long[] ids = Read<long>(group, 0, rows);
            decimal[] amounts = Read<decimal>(group, 2, rows);
            for (int i = 0; i < rows; i++)
            {
                prices.Add(new TradePrice { Id = ids[i], Price = amounts[i] });
            }
        }

        return prices;
    }

    private static T[] Read<T>(RowGroupReader group, int column, int rows)
    {
        using LogicalColumnReader<T> reader = group.Column(column).LogicalReader<T>();
        return reader.ReadAll(rows);
    }
}
