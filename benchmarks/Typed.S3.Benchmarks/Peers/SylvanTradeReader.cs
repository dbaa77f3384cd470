using System.Collections;
using System.Collections.ObjectModel;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Typed.S3.Benchmarks.Data;

namespace Typed.S3.Benchmarks.Peers;

/// <summary>
/// The <see cref="DbDataReader"/> a Sylvan.Data.Csv user writes by hand to feed <c>CsvDataWriter</c> from a list of
/// records (the package that would adapt objects, Sylvan.Data, is not available). <c>CsvDataWriter</c> (1.4.4) asks
/// once for <see cref="GetColumnSchema"/>, <see cref="GetFieldType"/> and <see cref="GetName"/>, then per row
/// <see cref="IsDBNull"/> on the columns whose schema allows null (<c>fee</c>, <c>comment</c>) and one typed getter
/// per field: <see cref="GetInt64"/>, <see cref="GetInt32"/>, <see cref="GetDecimal"/>,
/// <see cref="GetFieldValue{T}"/> of <see cref="DateOnly"/>, <see cref="GetDateTime"/>, <see cref="GetBoolean"/>,
/// <see cref="GetDouble"/>, <see cref="GetString"/>; none of them boxes. <c>trade_date</c> is a <see cref="DateOnly"/>
/// (Sylvan writes <c>yyyy-MM-dd</c>) and <c>executed_at</c> the instant as a <see cref="DateTime"/> of kind UTC, as the
/// schema's <c>timestamp</c> is (Sylvan writes ISO 8601 with <c>Z</c>, and no fraction when it is zero).
/// </summary>
public sealed class SylvanTradeReader(List<Trade> trades) : DbDataReader, IDbColumnSchemaGenerator
{
    private const int Id = 0, Quantity = 1, Price = 2, TradeDate = 3, ExecutedAt = 4, IsBuy = 5, Fee = 6, Symbol = 7, Comment = 8;

    private static readonly string[] Names = ["id", "quantity", "price", "trade_date", "executed_at", "is_buy", "fee", "symbol", "comment"];

    private static readonly Type[] Types =
    [
        typeof(long), typeof(int), typeof(decimal), typeof(DateOnly), typeof(DateTime), typeof(bool), typeof(double), typeof(string),
        typeof(string),
    ];

    private static readonly ReadOnlyCollection<DbColumn> Schema = new(
        Enumerable.Range(0, Names.Length).Select(i => (DbColumn)new Column(i, i is Fee or Comment)).ToArray());

    private int _row = -1;
    private Trade _current = null!;
    private bool _closed;

    public override int FieldCount => Names.Length;
    public override int Depth => 0;
    public override bool HasRows => trades.Count > 0;
    public override bool IsClosed => _closed;
    public override int RecordsAffected => -1;

    public override bool Read()
    {
        if (++_row < trades.Count)
        {
            _current = trades[_row];
            return true;
        }

        _row = trades.Count;
        return false;
    }

    public override bool NextResult() => false;

    public override void Close() => _closed = true;

    public override string GetName(int ordinal) => Names[ordinal];

    public override Type GetFieldType(int ordinal) => Types[ordinal];

    public override string GetDataTypeName(int ordinal) => Types[ordinal].Name;

    public override int GetOrdinal(string name)
    {
        int ordinal = Array.IndexOf(Names, name);
        return ordinal >= 0 ? ordinal : throw new IndexOutOfRangeException($"No column named '{name}'.");
    }

    public ReadOnlyCollection<DbColumn> GetColumnSchema() => Schema;

    public override bool IsDBNull(int ordinal) => ordinal switch
    {
        Fee => _current.Fee is null,
        Comment => _current.Comment is null,
        _ => false,
    };

    public override long GetInt64(int ordinal) => ordinal == Id ? _current.Id : throw WrongType(ordinal, typeof(long));

    public override int GetInt32(int ordinal) => ordinal == Quantity ? _current.Quantity : throw WrongType(ordinal, typeof(int));

    public override decimal GetDecimal(int ordinal) => ordinal == Price ? _current.Price : throw WrongType(ordinal, typeof(decimal));

    public override bool GetBoolean(int ordinal) => ordinal == IsBuy ? _current.IsBuy : throw WrongType(ordinal, typeof(bool));

    public override double GetDouble(int ordinal) => ordinal == Fee
        ? _current.Fee ?? throw new InvalidCastException("fee is null in this row.")
        : throw WrongType(ordinal, typeof(double));

    public override DateTime GetDateTime(int ordinal) => ordinal == ExecutedAt ? _current.ExecutedAt.UtcDateTime : throw WrongType(ordinal, typeof(DateTime));

    public DateOnly GetDate(int ordinal) => ordinal == TradeDate ? _current.TradeDate : throw WrongType(ordinal, typeof(DateOnly));

    public override string GetString(int ordinal) => ordinal switch
    {
        Symbol => _current.Symbol,
        Comment => _current.Comment ?? throw new InvalidCastException("comment is null in this row."),
        _ => throw WrongType(ordinal, typeof(string)),
    };

    /// <summary>The typed path for <see cref="DateOnly"/>, which <see cref="DbDataReader"/> has no getter for (no boxing).</summary>
    public override T GetFieldValue<T>(int ordinal)
    {
        if (typeof(T) == typeof(DateOnly))
        {
            DateOnly date = GetDate(ordinal);
            return Unsafe.As<DateOnly, T>(ref date);
        }

        return base.GetFieldValue<T>(ordinal);
    }

    public override object GetValue(int ordinal) => ordinal switch
    {
        Id => _current.Id,
        Quantity => _current.Quantity,
        Price => _current.Price,
        TradeDate => _current.TradeDate,
        ExecutedAt => _current.ExecutedAt.UtcDateTime,
        IsBuy => _current.IsBuy,
        Fee => (object?)_current.Fee ?? DBNull.Value,
        Symbol => _current.Symbol,
        Comment => (object?)_current.Comment ?? DBNull.Value,
        _ => throw new IndexOutOfRangeException($"No column {ordinal}."),
    };

    public override int GetValues(object[] values)
    {
        int count = Math.Min(values.Length, FieldCount);
        for (int i = 0; i < count; i++)
        {
            values[i] = GetValue(i);
        }

        return count;
    }

    public override object this[int ordinal] => GetValue(ordinal);
    public override object this[string name] => GetValue(GetOrdinal(name));

    public override IEnumerator GetEnumerator() => new DbEnumerator(this, closeReader: false);

    // No column has these types.
    public override byte GetByte(int ordinal) => throw WrongType(ordinal, typeof(byte));
    public override short GetInt16(int ordinal) => throw WrongType(ordinal, typeof(short));
    public override float GetFloat(int ordinal) => throw WrongType(ordinal, typeof(float));
    public override char GetChar(int ordinal) => throw WrongType(ordinal, typeof(char));
    public override Guid GetGuid(int ordinal) => throw WrongType(ordinal, typeof(Guid));

    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) =>
        throw WrongType(ordinal, typeof(byte[]));

    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) =>
        throw WrongType(ordinal, typeof(char[]));

    private static InvalidCastException WrongType(int ordinal, Type requested) =>
        new($"Column '{Names[ordinal]}' is {Types[ordinal].Name}, not {requested.Name}.");

    private sealed class Column : DbColumn
    {
        public Column(int ordinal, bool allowNull)
        {
            ColumnName = Names[ordinal];
            ColumnOrdinal = ordinal;
            DataType = Types[ordinal];
            DataTypeName = Types[ordinal].Name;
            AllowDBNull = allowNull;
        }
    }
}
