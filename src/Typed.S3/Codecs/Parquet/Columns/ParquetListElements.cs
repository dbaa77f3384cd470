using System;
using System.ComponentModel;
using Parquet.Schema;

namespace Typed.S3.Codecs;

/// <summary>
/// The element types of Parquet <c>list&lt;T&gt;</c> columns, for generated codecs. Elements are read from the file
/// columns a scalar column of the same type reads (narrower integers widened, any TIMESTAMP unit, INT96, ...).
/// </summary>
/// <remarks>For generated code only: not a supported API, hidden from IntelliSense, and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ParquetListElements
{
    /// <summary>Elements of <c>list&lt;bool&gt;</c>.</summary>
    public static ParquetListItems<bool?> Bool { get; } = Exact<bool>("bool", BoolValueType.Instance);

    /// <summary>Elements of <c>list&lt;int8&gt;</c>.</summary>
    public static ParquetListItems<sbyte?> Int8 { get; } = Exact<sbyte>("int8", NumberValueType<sbyte>.Instance);

    /// <summary>Elements of <c>list&lt;int16&gt;</c>.</summary>
    public static ParquetListItems<short?> Int16 { get; } = Exact<short>("int16", NumberValueType<short>.Instance);

    /// <summary>Elements of <c>list&lt;int32&gt;</c>.</summary>
    public static ParquetListItems<int?> Int32 { get; } = Exact<int>("int32", NumberValueType<int>.Instance);

    /// <summary>Elements of <c>list&lt;int64&gt;</c>.</summary>
    public static ParquetListItems<long?> Int64 { get; } = Exact<long>("int64", NumberValueType<long>.Instance);

    /// <summary>Elements of <c>list&lt;uint8&gt;</c>.</summary>
    public static ParquetListItems<byte?> UInt8 { get; } = Exact<byte>("uint8", NumberValueType<byte>.Instance);

    /// <summary>Elements of <c>list&lt;uint16&gt;</c>.</summary>
    public static ParquetListItems<ushort?> UInt16 { get; } = Exact<ushort>("uint16", NumberValueType<ushort>.Instance);

    /// <summary>Elements of <c>list&lt;uint32&gt;</c>.</summary>
    public static ParquetListItems<uint?> UInt32 { get; } = Exact<uint>("uint32", NumberValueType<uint>.Instance);

    /// <summary>Elements of <c>list&lt;uint64&gt;</c>.</summary>
    public static ParquetListItems<ulong?> UInt64 { get; } = Exact<ulong>("uint64", NumberValueType<ulong>.Instance);

    /// <summary>Elements of <c>list&lt;float16&gt;</c>: written as FLOAT, read from FLOAT16 or exact FLOAT values.</summary>
    public static ParquetListItems<Half?> Float16 { get; } = new ValueListItems<Half, float, Float16ValueType.HalfAsFloat>("float16", Float16ValueType.Instance);

    /// <summary>Elements of <c>list&lt;float32&gt;</c>.</summary>
    public static ParquetListItems<float?> Float32 { get; } = Exact<float>("float32", NumberValueType<float>.Instance);

    /// <summary>Elements of <c>list&lt;float64&gt;</c>.</summary>
    public static ParquetListItems<double?> Float64 { get; } = Exact<double>("float64", NumberValueType<double>.Instance);

    /// <summary>Elements of <c>list&lt;string&gt;</c> (BYTE_ARRAY, STRING).</summary>
    public static ParquetListItems<string?> String { get; } =
        new ReferenceListItems<string, ReadOnlyMemory<char>, StringMemory>("string", () => new DataField<string>(ListField.ElementName, true), ParquetLeafTypes.IsString);

    /// <summary>Elements of <c>list&lt;binary&gt;</c> (BYTE_ARRAY).</summary>
    public static ParquetListItems<byte[]?> Binary { get; } =
        new ReferenceListItems<byte[], ReadOnlyMemory<byte>, BinaryMemory>("binary", () => new DataField<byte[]>(ListField.ElementName, true), ParquetLeafTypes.IsBinary);

    /// <summary>Elements of <c>list&lt;date&gt;</c> (INT32, DATE).</summary>
    public static ParquetListItems<DateOnly?> Date { get; } = Exact<DateOnly>("date", DateValueType.Instance);

    /// <summary>Elements of <c>list&lt;time&gt;</c> (INT64, TIME(MICROS)).</summary>
    public static ParquetListItems<TimeOnly?> Time { get; } = new ValueListItems<TimeOnly, long, TimeValueType.MicrosTime>(
        "time", TimeValueType.Instance);

    /// <summary>Elements of <c>list&lt;timestamp&gt;</c> (INT64, TIMESTAMP(MICROS) adjusted to UTC; any TIMESTAMP read as UTC).</summary>
    public static ParquetListItems<DateTimeOffset?> Timestamp { get; } = new ValueListItems<DateTimeOffset, DateTime, UtcTimestamp>(
        "timestamp", new TimestampValueType<DateTimeOffset, UtcTimestamp>(adjustedToUtc: true));

    /// <summary>Elements of <c>list&lt;timestamp_local&gt;</c> (INT64, TIMESTAMP(MICROS) not adjusted to UTC).</summary>
    public static ParquetListItems<DateTime?> LocalTimestamp { get; } = new ValueListItems<DateTime, DateTime, LocalTimestamp>(
        "timestamp_local", new TimestampValueType<DateTime, LocalTimestamp>(adjustedToUtc: false));

    /// <summary>Elements of <c>list&lt;uuid&gt;</c> (FIXED_LEN_BYTE_ARRAY(16), UUID).</summary>
    public static ParquetListItems<Guid?> Uuid { get; } = Exact<Guid>("uuid", UuidValueType.Instance);

    /// <summary>Elements of <c>list&lt;decimal(p,s)&gt;</c> (the DECIMAL logical type); a value that does not fit is an error on write.</summary>
    /// <param name="precision">Total digits (1 to 28).</param>
    /// <param name="scale">Digits after the point (0 to <paramref name="precision"/>).</param>
    public static ParquetListItems<decimal?> Decimal(int precision, int scale)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(precision, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(scale);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(scale, precision);
        string typeName = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"decimal({precision},{scale})");
        return Exact<decimal>(typeName, new DecimalValueType(precision, scale));
    }

    private static ValueListItems<T, T, SameValue<T>> Exact<T>(string typeName, ParquetValueType<T> type)
        where T : struct => new(typeName, type);
}
