using System;
using System.ComponentModel;

namespace Typed.S3.Codecs;

/// <summary>Creates the columns of generated Parquet codecs, one factory per schema column type.</summary>
/// <remarks>For generated code only: not a supported API, hidden from IntelliSense, and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ParquetColumns
{
    private static readonly NumberValueType<sbyte> s_int8 = NumberValueType<sbyte>.Instance;
    private static readonly NumberValueType<short> s_int16 = NumberValueType<short>.Instance;
    private static readonly NumberValueType<int> s_int32 = NumberValueType<int>.Instance;
    private static readonly NumberValueType<long> s_int64 = NumberValueType<long>.Instance;
    private static readonly NumberValueType<byte> s_uint8 = NumberValueType<byte>.Instance;
    private static readonly NumberValueType<ushort> s_uint16 = NumberValueType<ushort>.Instance;
    private static readonly NumberValueType<uint> s_uint32 = NumberValueType<uint>.Instance;
    private static readonly NumberValueType<ulong> s_uint64 = NumberValueType<ulong>.Instance;
    private static readonly NumberValueType<float> s_float32 = NumberValueType<float>.Instance;
    private static readonly NumberValueType<double> s_float64 = NumberValueType<double>.Instance;
    private static readonly TimestampValueType<DateTimeOffset, UtcTimestamp> s_timestamp = new(adjustedToUtc: true);
    private static readonly TimestampValueType<DateTime, LocalTimestamp> s_localTimestamp = new(adjustedToUtc: false);

    /// <summary>A <c>bool</c> column (BOOLEAN).</summary>
    /// <param name="name">The column's name.</param>
    /// <param name="required">Whether the column is required.</param>
    public static ParquetValueColumn<bool> Bool(string name, bool required) => new(name, "bool", required, BoolValueType.Instance);

    /// <summary>An <c>int8</c> column (INT32, INT(8, signed)).</summary>
    /// <param name="name">The column's name.</param>
    /// <param name="required">Whether the column is required.</param>
    public static ParquetValueColumn<sbyte> Int8(string name, bool required) => new(name, "int8", required, s_int8);

    /// <summary>An <c>int16</c> column (INT32, INT(16, signed)); reads narrower integers too.</summary>
    /// <param name="name">The column's name.</param>
    /// <param name="required">Whether the column is required.</param>
    public static ParquetValueColumn<short> Int16(string name, bool required) => new(name, "int16", required, s_int16);

    /// <summary>An <c>int32</c> column (INT32); reads narrower integers too.</summary>
    /// <param name="name">The column's name.</param>
    /// <param name="required">Whether the column is required.</param>
    public static ParquetValueColumn<int> Int32(string name, bool required) => new(name, "int32", required, s_int32);

    /// <summary>An <c>int64</c> column (INT64); reads narrower integers too.</summary>
    /// <param name="name">The column's name.</param>
    /// <param name="required">Whether the column is required.</param>
    public static ParquetValueColumn<long> Int64(string name, bool required) => new(name, "int64", required, s_int64);

    /// <summary>A <c>uint8</c> column (INT32, INT(8, unsigned)).</summary>
    /// <param name="name">The column's name.</param>
    /// <param name="required">Whether the column is required.</param>
    public static ParquetValueColumn<byte> UInt8(string name, bool required) => new(name, "uint8", required, s_uint8);

    /// <summary>A <c>uint16</c> column (INT32, INT(16, unsigned)); reads narrower unsigned integers too.</summary>
    /// <param name="name">The column's name.</param>
    /// <param name="required">Whether the column is required.</param>
    public static ParquetValueColumn<ushort> UInt16(string name, bool required) => new(name, "uint16", required, s_uint16);

    /// <summary>A <c>uint32</c> column (INT32, INT(32, unsigned)); reads narrower unsigned integers too.</summary>
    /// <param name="name">The column's name.</param>
    /// <param name="required">Whether the column is required.</param>
    public static ParquetValueColumn<uint> UInt32(string name, bool required) => new(name, "uint32", required, s_uint32);

    /// <summary>A <c>uint64</c> column (INT64, INT(64, unsigned)); reads narrower unsigned integers too.</summary>
    /// <param name="name">The column's name.</param>
    /// <param name="required">Whether the column is required.</param>
    public static ParquetValueColumn<ulong> UInt64(string name, bool required) => new(name, "uint64", required, s_uint64);

    /// <summary>A <c>float16</c> column: written as FLOAT; reads FLOAT16 (FIXED_LEN_BYTE_ARRAY(2)) and FLOAT values that are exactly halves.</summary>
    /// <param name="name">The column's name.</param>
    /// <param name="required">Whether the column is required.</param>
    public static ParquetValueColumn<Half> Float16(string name, bool required) => new(name, "float16", required, Float16ValueType.Instance);

    /// <summary>A <c>float32</c> column (FLOAT).</summary>
    /// <param name="name">The column's name.</param>
    /// <param name="required">Whether the column is required.</param>
    public static ParquetValueColumn<float> Float32(string name, bool required) => new(name, "float32", required, s_float32);

    /// <summary>A <c>float64</c> column (DOUBLE); reads FLOAT too.</summary>
    /// <param name="name">The column's name.</param>
    /// <param name="required">Whether the column is required.</param>
    public static ParquetValueColumn<double> Float64(string name, bool required) => new(name, "float64", required, s_float64);

    /// <summary>A <c>decimal(p,s)</c> column (the DECIMAL logical type with that precision and scale).</summary>
    /// <param name="name">The column's name.</param>
    /// <param name="precision">Total digits (1 to 28).</param>
    /// <param name="scale">Digits after the point (0 to <paramref name="precision"/>).</param>
    /// <param name="required">Whether the column is required.</param>
    public static ParquetValueColumn<decimal> Decimal(string name, int precision, int scale, bool required)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(precision, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(scale);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(scale, precision);
        string typeName = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"decimal({precision},{scale})");
        return new(name, typeName, required, new DecimalValueType(precision, scale));
    }

    /// <summary>A <c>string</c> column (BYTE_ARRAY, STRING).</summary>
    /// <param name="name">The column's name.</param>
    /// <param name="required">Whether the column is required.</param>
    public static ParquetStringColumn String(string name, bool required) => new(name, required);

    /// <summary>A <c>binary</c> column (BYTE_ARRAY).</summary>
    /// <param name="name">The column's name.</param>
    /// <param name="required">Whether the column is required.</param>
    public static ParquetBinaryColumn Binary(string name, bool required) => new(name, required);

    /// <summary>A <c>date</c> column (INT32, DATE).</summary>
    /// <param name="name">The column's name.</param>
    /// <param name="required">Whether the column is required.</param>
    public static ParquetValueColumn<DateOnly> Date(string name, bool required) => new(name, "date", required, DateValueType.Instance);

    /// <summary>A <c>time</c> column (INT64, TIME(MICROS) not adjusted to UTC); reads TIME millis and nanos too.</summary>
    /// <param name="name">The column's name.</param>
    /// <param name="required">Whether the column is required.</param>
    public static ParquetValueColumn<TimeOnly> Time(string name, bool required) => new(name, "time", required, TimeValueType.Instance);

    /// <summary>
    /// A <c>timestamp</c> column (INT64, TIMESTAMP(MICROS) adjusted to UTC); reads any TIMESTAMP and INT96, taking
    /// one not adjusted to UTC as UTC.
    /// </summary>
    /// <param name="name">The column's name.</param>
    /// <param name="required">Whether the column is required.</param>
    public static ParquetValueColumn<DateTimeOffset> Timestamp(string name, bool required) => new(name, "timestamp", required, s_timestamp);

    /// <summary>
    /// A <c>timestamp_local</c> column (INT64, TIMESTAMP(MICROS) not adjusted to UTC); reads any TIMESTAMP and INT96
    /// as the wall-clock time it holds, <see cref="DateTimeKind.Unspecified"/>.
    /// </summary>
    /// <param name="name">The column's name.</param>
    /// <param name="required">Whether the column is required.</param>
    public static ParquetValueColumn<DateTime> LocalTimestamp(string name, bool required) => new(name, "timestamp_local", required, s_localTimestamp);

    /// <summary>A <c>uuid</c> column (FIXED_LEN_BYTE_ARRAY(16), UUID, big-endian as the format specifies).</summary>
    /// <param name="name">The column's name.</param>
    /// <param name="required">Whether the column is required.</param>
    public static ParquetValueColumn<Guid> Uuid(string name, bool required) => new(name, "uuid", required, UuidValueType.Instance);

    /// <summary>Makes a column read as null from files that lack it (the schema's <c>"when_absent": "null"</c>).</summary>
    /// <typeparam name="TColumn">The column's type.</typeparam>
    /// <param name="column">The column, optional.</param>
    /// <returns>The same column.</returns>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public static TColumn WhenAbsentNull<TColumn>(this TColumn column)
        where TColumn : ParquetColumn
    {
        ArgumentNullException.ThrowIfNull(column);
        if (column.Required)
        {
            throw new ArgumentException("A required column cannot be read as null from files that lack it.", nameof(column));
        }

        column.AbsentAsNull = true;
        return column;
    }

    /// <summary>A <c>list&lt;T&gt;</c> column (the three-level LIST logical type).</summary>
    /// <typeparam name="TItem">The element type, nullable.</typeparam>
    /// <param name="name">The column's name.</param>
    /// <param name="items">The element type, from <see cref="ParquetListElements"/>.</param>
    /// <param name="required">Whether the column is required (its lists are never null; elements may be).</param>
    public static ParquetListColumn<TItem> List<TItem>(string name, ParquetListItems<TItem> items, bool required)
    {
        ArgumentNullException.ThrowIfNull(items);
        return new(name, required, items);
    }
}
