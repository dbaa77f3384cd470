using System;
using System.Buffers;
using System.Globalization;
using System.Numerics;
using System.Threading;
using System.Threading.Tasks;
using Parquet;
using Parquet.Schema;

namespace Typed.S3.Codecs;

/// <summary>
/// How a value column's property type maps to Parquet: the field it writes (through Parquet.Net), the file columns it
/// reads, and the decoder that converts their values (Typed.S3's own).
/// </summary>
internal abstract class ParquetValueType<T>
    where T : struct
{
    public abstract DataField CreateField(string name, bool nullable);

    /// <summary>Whether a file's leaf column can be read as this type without loss.</summary>
    public abstract bool Accepts(SchemaElement file);

    /// <summary>The decoder of a file column this type accepts.</summary>
    public abstract ParquetValueDecoder<T> CreateDecoder(SchemaElement file);

    /// <summary>Checks that a value to write fits the column (a decimal's precision and scale); nothing by default.</summary>
    public virtual void Check(ParquetColumn column, long row, T value)
    {
    }

    public virtual Task WriteAsync(ParquetColumn column, ParquetRowGroupWriter rowGroup, DataField field, long firstRow, ReadOnlyMemory<T> values, CancellationToken cancellationToken) =>
        rowGroup.WriteAsync<T>(field, values, null, null, cancellationToken);

    public virtual Task WriteAsync(ParquetColumn column, ParquetRowGroupWriter rowGroup, DataField field, long firstRow, ReadOnlyMemory<T?> values, CancellationToken cancellationToken) =>
        rowGroup.WriteAsync<T>(field, values, null, null, cancellationToken);
}

/// <summary><c>bool</c>: BOOLEAN.</summary>
internal sealed class BoolValueType : ParquetValueType<bool>
{
    public static readonly BoolValueType Instance = new();

    public override DataField CreateField(string name, bool nullable) => new DataField<bool>(name, nullable);

    public override bool Accepts(SchemaElement file) => ParquetLeafTypes.IsBoolean(file);

    public override ParquetValueDecoder<bool> CreateDecoder(SchemaElement file) => new SameDecoder<bool>();
}

/// <summary><c>uuid</c>: FIXED_LEN_BYTE_ARRAY(16) with the UUID logical type, big-endian as the format specifies.</summary>
internal sealed class UuidValueType : ParquetValueType<Guid>
{
    public static readonly UuidValueType Instance = new();

    public override DataField CreateField(string name, bool nullable) => new DataField<Guid>(name, nullable);

    public override bool Accepts(SchemaElement file) => ParquetLeafTypes.IsUuid(file);

    public override ParquetValueDecoder<Guid> CreateDecoder(SchemaElement file) => new BytesDecoder<Guid, UuidBytes>();

    private readonly struct UuidBytes : IParquetBytesConversion<Guid>
    {
        public bool TryConvert(ReadOnlySpan<byte> value, out Guid result)
        {
            result = new Guid(value, bigEndian: true);
            return true;
        }

        public string Explain(ReadOnlySpan<byte> value, out string problem)
        {
            problem = "the value is not a UUID";
            return Convert.ToHexString(value);
        }
    }
}

/// <summary>
/// <c>float16</c>: reads FIXED_LEN_BYTE_ARRAY(2) with the FLOAT16 logical type (little-endian IEEE 754 half precision),
/// and FLOAT whose every value is exactly a half (any other is an error naming its row: rounding would change it).
/// Written as FLOAT, which every engine reads (many, DuckDB among them, have no half type) and which holds every half
/// exactly; Parquet.Net cannot write the FLOAT16 logical type.
/// </summary>
internal sealed class Float16ValueType : ParquetValueType<Half>
{
    public static readonly Float16ValueType Instance = new();

    public override DataField CreateField(string name, bool nullable) => new DataField<float>(name, nullable);

    public override bool Accepts(SchemaElement file) =>
        ParquetLeafTypes.IsFloat16(file) || ParquetLeafTypes.IsFloatingPoint(file, PhysicalType.Float);

    public override ParquetValueDecoder<Half> CreateDecoder(SchemaElement file) =>
        ParquetLeafTypes.IsFloat16(file) ? new BytesDecoder<Half, HalfBytes>() : new FixedDecoder<Half, float, ExactHalf>();

    public override Task WriteAsync(ParquetColumn column, ParquetRowGroupWriter rowGroup, DataField field, long firstRow, ReadOnlyMemory<Half> values, CancellationToken cancellationToken) =>
        ParquetConversions.WriteAsync<Half, float, HalfAsFloat>(rowGroup, field, values, cancellationToken);

    public override Task WriteAsync(ParquetColumn column, ParquetRowGroupWriter rowGroup, DataField field, long firstRow, ReadOnlyMemory<Half?> values, CancellationToken cancellationToken) =>
        ParquetConversions.WriteAsync<Half, float, HalfAsFloat>(rowGroup, field, values, cancellationToken);

    private readonly struct HalfBytes : IParquetBytesConversion<Half>
    {
        public bool TryConvert(ReadOnlySpan<byte> value, out Half result)
        {
            result = System.Buffers.Binary.BinaryPrimitives.ReadHalfLittleEndian(value);
            return true;
        }

        public string Explain(ReadOnlySpan<byte> value, out string problem)
        {
            problem = "the value is not a half-precision number";
            return Convert.ToHexString(value);
        }
    }

    /// <summary>A half written as the FLOAT that holds it exactly.</summary>
    internal readonly struct HalfAsFloat : IParquetConversion<Half, float>
    {
        public static Half FromFile(float value) => (Half)value;

        public static float ToFile(Half value) => (float)value;
    }

    // A FLOAT value is read only when it is exactly a half (NaN and the infinities included).
    private readonly struct ExactHalf : IParquetReadConversion<float, Half>
    {
        public bool TryConvert(float value, out Half result)
        {
            result = (Half)value;
            return float.IsNaN(value) || (float)result == value;
        }

        public string Explain(float value, out string problem)
        {
            problem = "the FLOAT value is not exactly a float16 (it would be rounded)";
            return value.ToString("R", CultureInfo.InvariantCulture);
        }
    }
}

/// <summary>
/// An integer or floating-point property: written as its own type (with the INT logical type for the narrow and
/// unsigned ones); reads its own type and narrower types it holds without loss (<c>INT32</c> into <c>int64</c>,
/// <c>INT(16, unsigned)</c> into <c>int32</c>, FLOAT into <c>float64</c>). A value outside the range its file column
/// declares (300 in an <c>INT(8, signed)</c> column) is an error, never wrapped.
/// </summary>
internal sealed class NumberValueType<T> : ParquetValueType<T>
    where T : unmanaged, INumber<T>, IMinMaxValue<T>
{
    public static readonly NumberValueType<T> Instance = new();

    public override DataField CreateField(string name, bool nullable) => new DataField<T>(name, nullable);

    public override bool Accepts(SchemaElement file)
    {
        if (typeof(T) == typeof(float))
        {
            return ParquetLeafTypes.IsFloatingPoint(file, PhysicalType.Float);
        }

        if (typeof(T) == typeof(double))
        {
            return ParquetLeafTypes.IsFloatingPoint(file, PhysicalType.Double) || ParquetLeafTypes.IsFloatingPoint(file, PhysicalType.Float);
        }

        if (!ParquetLeafTypes.TryInteger(file, out int bits, out bool signed))
        {
            return false;
        }

        // Every value of the file's integer type must fit T.
        (long min, ulong max) = Range(bits, signed);
        return long.CreateTruncating(T.MinValue) <= min && ulong.CreateSaturating(T.MaxValue) >= max;
    }

    public override ParquetValueDecoder<T> CreateDecoder(SchemaElement file)
    {
        if (typeof(T) == typeof(double) && ParquetLeafTypes.Physical(file) == PhysicalType.Float)
        {
            return new FixedDecoder<T, float, Widen<float>>();
        }

        if (typeof(T) == typeof(float) || typeof(T) == typeof(double))
        {
            return new SameDecoder<T>();
        }

        ParquetLeafTypes.TryInteger(file, out int bits, out bool signed);
        (long min, ulong max) = Range(bits, signed);
        if (ParquetLeafTypes.Physical(file) == PhysicalType.Int64)
        {
            return signed ? (typeof(T) == typeof(long) ? new SameDecoder<T>() : new FixedDecoder<T, long, Integer64>(new Integer64(bits, signed)))
                : new FixedDecoder<T, long, Integer64>(new Integer64(bits, signed));
        }

        return bits == 32 && signed && typeof(T) == typeof(int) ? new SameDecoder<T>() : new FixedDecoder<T, int, Integer32>(new Integer32(min, (long)max, bits, signed));
    }

    private static (long Min, ulong Max) Range(int bits, bool signed) => signed
        ? (bits == 64 ? long.MinValue : -(1L << (bits - 1)), bits == 64 ? long.MaxValue : (ulong)((1L << (bits - 1)) - 1))
        : (0, bits == 64 ? ulong.MaxValue : (1UL << bits) - 1);

    private static string IntegerName(int bits, bool signed) =>
        string.Create(CultureInfo.InvariantCulture, $"INT({bits}, {(signed ? "signed" : "unsigned")})");

    private readonly struct Widen<TFrom> : IParquetReadConversion<TFrom, T>
        where TFrom : INumber<TFrom>
    {
        public bool TryConvert(TFrom value, out T result)
        {
            result = T.CreateTruncating(value);
            return true;
        }

        public string Explain(TFrom value, out string problem)
        {
            problem = "the value cannot be read";
            return value.ToString(null, CultureInfo.InvariantCulture);
        }
    }

    // INT32 physical values: INT(32, unsigned) is the same 32 bits read as unsigned; narrower ones must lie in their range.
    private readonly struct Integer32 : IParquetReadConversion<int, T>
    {
        private readonly long _min;
        private readonly long _max;
        private readonly bool _unsigned32;
        private readonly int _bits;
        private readonly bool _signed;

        public Integer32(long min, long max, int bits, bool signed)
        {
            _min = min;
            _max = max;
            _unsigned32 = bits == 32 && !signed;
            _bits = bits;
            _signed = signed;
        }

        public bool TryConvert(int value, out T result)
        {
            long wide = _unsigned32 ? (uint)value : value;
            if (wide < _min || wide > _max)
            {
                result = default;
                return false;
            }

            result = T.CreateTruncating(wide);
            return true;
        }

        public string Explain(int value, out string problem)
        {
            problem = "the value is outside the range of the file column's type, " + IntegerName(_bits, _signed);
            return value.ToString(CultureInfo.InvariantCulture);
        }
    }

    // INT64 physical values: INT(64, unsigned) is the same 64 bits read as unsigned.
    private readonly struct Integer64 : IParquetReadConversion<long, T>
    {
        private readonly bool _signed;
        private readonly int _bits;

        public Integer64(int bits, bool signed)
        {
            _bits = bits;
            _signed = signed;
        }

        public bool TryConvert(long value, out T result)
        {
            result = _signed ? T.CreateTruncating(value) : T.CreateTruncating((ulong)value);
            return true;
        }

        public string Explain(long value, out string problem)
        {
            problem = "the value cannot be read as " + IntegerName(_bits, _signed);
            return value.ToString(CultureInfo.InvariantCulture);
        }
    }
}

/// <summary>
/// <c>decimal(p,s)</c>: the DECIMAL logical type with the schema's precision and scale (INT32, INT64 or
/// FIXED_LEN_BYTE_ARRAY as Parquet.Net picks by precision); reads any file decimal (INT32, INT64, BYTE_ARRAY or
/// FIXED_LEN_BYTE_ARRAY) whose integer digits and scale fit. A value with more digits than its file column declares,
/// or too large for <see cref="decimal"/>, is an error.
/// </summary>
internal sealed class DecimalValueType : ParquetValueType<decimal>
{
    private readonly int _precision;
    private readonly int _scale;
    private readonly decimal _limit;

    public DecimalValueType(int precision, int scale)
    {
        _precision = precision;
        _scale = scale;
        int integerDigits = precision - scale;
        _limit = integerDigits >= 28 ? decimal.MaxValue : Pow10(integerDigits);
    }

    public override DataField CreateField(string name, bool nullable) =>
        new DecimalDataField(name, _precision, _scale, forceByteArrayEncoding: false, isNullable: nullable);

    public override bool Accepts(SchemaElement file) =>
        ParquetLeafTypes.TryDecimal(file, out int precision, out int scale)
        && scale <= _scale
        && precision - scale <= _precision - _scale;

    public override ParquetValueDecoder<decimal> CreateDecoder(SchemaElement file)
    {
        ParquetLeafTypes.TryDecimal(file, out int precision, out int scale);
        var conversion = new UnscaledDecimal((byte)scale, precision);
        return ParquetLeafTypes.Physical(file) switch
        {
            PhysicalType.Int32 => new FixedDecoder<decimal, int, UnscaledDecimal>(conversion),
            PhysicalType.Int64 => new FixedDecoder<decimal, long, UnscaledDecimal>(conversion),
            _ => new BytesDecoder<decimal, UnscaledDecimal>(conversion),
        };
    }

    public override Task WriteAsync(ParquetColumn column, ParquetRowGroupWriter rowGroup, DataField field, long firstRow, ReadOnlyMemory<decimal> values, CancellationToken cancellationToken)
    {
        ReadOnlySpan<decimal> span = values.Span;
        for (int i = 0; i < span.Length; i++)
        {
            Check(column, firstRow + i, span[i]);
        }

        return base.WriteAsync(column, rowGroup, field, firstRow, values, cancellationToken);
    }

    public override Task WriteAsync(ParquetColumn column, ParquetRowGroupWriter rowGroup, DataField field, long firstRow, ReadOnlyMemory<decimal?> values, CancellationToken cancellationToken)
    {
        ReadOnlySpan<decimal?> span = values.Span;
        for (int i = 0; i < span.Length; i++)
        {
            if (span[i] is decimal value)
            {
                Check(column, firstRow + i, value);
            }
        }

        return base.WriteAsync(column, rowGroup, field, firstRow, values, cancellationToken);
    }

    public override void Check(ParquetColumn column, long row, decimal value)
    {
        if (Math.Abs(decimal.Round(value, _scale, MidpointRounding.AwayFromZero)) >= _limit || value.Scale > _scale && decimal.Round(value, _scale) != value)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Row {row + 1}: column '{column.Name}' is {column.TypeName} and cannot hold {value}."),
                "rows");
        }
    }

    private static decimal Pow10(int exponent)
    {
        decimal result = 1m;
        for (int i = 0; i < exponent; i++)
        {
            result *= 10m;
        }

        return result;
    }
}

/// <summary>
/// A decimal from its unscaled integer (INT32, INT64, or big-endian two's complement bytes) and the file column's
/// scale; its digits must fit the file column's precision and <see cref="decimal"/>'s 96 bits.
/// </summary>
internal readonly struct UnscaledDecimal : IParquetReadConversion<long, decimal>, IParquetReadConversion<int, decimal>, IParquetBytesConversion<decimal>
{
    private static readonly UInt128[] s_powers = Powers();
    private readonly byte _scale;
    private readonly int _precision;
    private readonly UInt128 _limit;

    public UnscaledDecimal(byte scale, int precision)
    {
        _scale = scale;
        _precision = precision;
        _limit = precision < s_powers.Length ? s_powers[precision] : UInt128.MaxValue;
    }

    public bool TryConvert(long value, out decimal result)
    {
        ulong magnitude = value < 0 ? unchecked(0UL - (ulong)value) : (ulong)value;
        if (magnitude >= _limit || _scale > 28)
        {
            result = default;
            return false;
        }

        result = new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, value < 0, _scale);
        return true;
    }

    public bool TryConvert(int value, out decimal result) => TryConvert((long)value, out result);

    public bool TryConvert(ReadOnlySpan<byte> value, out decimal result)
    {
        result = default;
        if (value.IsEmpty || _scale > 28)
        {
            return false;
        }

        // Bytes beyond 16 must only extend the sign.
        bool negative = (sbyte)value[0] < 0;
        byte sign = negative ? (byte)0xFF : (byte)0;
        while (value.Length > 16)
        {
            if (value[0] != sign)
            {
                return false;
            }

            value = value.Slice(1);
        }

        UInt128 bits = negative ? UInt128.MaxValue : UInt128.Zero;
        foreach (byte b in value)
        {
            bits = (bits << 8) | b;
        }

        UInt128 magnitude = negative ? unchecked(UInt128.Zero - bits) : bits;
        if (magnitude >= _limit || (magnitude >> 96) != UInt128.Zero)
        {
            return false;
        }

        result = new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), (int)(uint)(magnitude >> 64), negative, _scale);
        return true;
    }

    public string Explain(long value, out string problem)
    {
        problem = Problem();
        return value.ToString(CultureInfo.InvariantCulture) + " (unscaled)";
    }

    public string Explain(int value, out string problem) => Explain((long)value, out problem);

    public string Explain(ReadOnlySpan<byte> value, out string problem)
    {
        problem = Problem();
        return "0x" + Convert.ToHexString(value) + " (unscaled)";
    }

    private string Problem() => _scale > 28
        ? "the file column's scale is more than a decimal holds (28)"
        : string.Create(CultureInfo.InvariantCulture, $"the value has more digits than the file column's DECIMAL({_precision},{_scale}) allows, or than a decimal holds");

    private static UInt128[] Powers()
    {
        var powers = new UInt128[39];
        powers[0] = 1;
        for (int i = 1; i < powers.Length; i++)
        {
            powers[i] = powers[i - 1] * 10;
        }

        return powers;
    }
}

/// <summary><c>date</c>: the DATE logical type (INT32 days since 1970-01-01).</summary>
internal sealed class DateValueType : ParquetValueType<DateOnly>
{
    public static readonly DateValueType Instance = new();

    public override DataField CreateField(string name, bool nullable) => new DataField<DateOnly>(name, nullable);

    public override bool Accepts(SchemaElement file) => ParquetLeafTypes.IsDate(file);

    public override ParquetValueDecoder<DateOnly> CreateDecoder(SchemaElement file) => new FixedDecoder<DateOnly, int, UnixDays>();

    private readonly struct UnixDays : IParquetReadConversion<int, DateOnly>
    {
        private const int UnixEpochDayNumber = 719_162;
        private static readonly int s_maxDayNumber = DateOnly.MaxValue.DayNumber;

        public bool TryConvert(int value, out DateOnly result)
        {
            long day = (long)UnixEpochDayNumber + value;
            if ((ulong)day > (ulong)s_maxDayNumber)
            {
                result = default;
                return false;
            }

            result = DateOnly.FromDayNumber((int)day);
            return true;
        }

        public string Explain(int value, out string problem)
        {
            problem = "the date is outside the range .NET can represent (years 1 to 9999)";
            return value.ToString(CultureInfo.InvariantCulture) + " days from 1970-01-01";
        }
    }
}

/// <summary><c>time</c>: the TIME logical type (micros, not adjusted to UTC); reads TIME millis, micros and nanos.</summary>
internal sealed class TimeValueType : ParquetValueType<TimeOnly>
{
    public static readonly TimeValueType Instance = new();

    public override DataField CreateField(string name, bool nullable) =>
        new TimeDataField(name, TimeUnitPrecision.Micros, nullable) { IsAdjustedToUtc = false };

    public override bool Accepts(SchemaElement file) => ParquetLeafTypes.TryTime(file, out _);

    public override ParquetValueDecoder<TimeOnly> CreateDecoder(SchemaElement file)
    {
        ParquetLeafTypes.TryTime(file, out TimeUnit unit);
        return unit == TimeUnit.Millis
            ? new FixedDecoder<TimeOnly, int, TimeOfDay>(new TimeOfDay(unit))
            : new FixedDecoder<TimeOnly, long, TimeOfDay>(new TimeOfDay(unit));
    }

    public override Task WriteAsync(ParquetColumn column, ParquetRowGroupWriter rowGroup, DataField field, long firstRow, ReadOnlyMemory<TimeOnly> values, CancellationToken cancellationToken) =>
        ParquetConversions.WriteAsync<TimeOnly, long, MicrosTime>(rowGroup, field, values, cancellationToken);

    public override Task WriteAsync(ParquetColumn column, ParquetRowGroupWriter rowGroup, DataField field, long firstRow, ReadOnlyMemory<TimeOnly?> values, CancellationToken cancellationToken) =>
        ParquetConversions.WriteAsync<TimeOnly, long, MicrosTime>(rowGroup, field, values, cancellationToken);

    internal readonly struct MicrosTime : IParquetConversion<TimeOnly, long>
    {
        public static TimeOnly FromFile(long value) => new(value * TimeSpan.TicksPerMicrosecond);

        public static long ToFile(TimeOnly value) => value.Ticks / TimeSpan.TicksPerMicrosecond;
    }

    private readonly struct TimeOfDay : IParquetReadConversion<long, TimeOnly>, IParquetReadConversion<int, TimeOnly>
    {
        private readonly TimeUnit _unit;

        public TimeOfDay(TimeUnit unit)
        {
            _unit = unit;
        }

        public bool TryConvert(long value, out TimeOnly result)
        {
            long ticks = _unit switch
            {
                TimeUnit.Millis => value is >= 0 and < TimeSpan.TicksPerDay ? value * TimeSpan.TicksPerMillisecond : -1,
                TimeUnit.Micros => value is >= 0 and < TimeSpan.TicksPerDay ? value * TimeSpan.TicksPerMicrosecond : -1,
                _ => value / 100,
            };
            if (ticks is < 0 or >= TimeSpan.TicksPerDay)
            {
                result = default;
                return false;
            }

            result = new TimeOnly(ticks);
            return true;
        }

        public bool TryConvert(int value, out TimeOnly result) => TryConvert((long)value, out result);

        public string Explain(long value, out string problem)
        {
            problem = "the time of day is not within a day (00:00 to 24:00)";
            return value.ToString(CultureInfo.InvariantCulture) + " " + (_unit == TimeUnit.Millis ? "milliseconds" : _unit == TimeUnit.Micros ? "microseconds" : "nanoseconds");
        }

        public string Explain(int value, out string problem) => Explain((long)value, out problem);
    }
}

/// <summary>
/// A timestamp property: <c>timestamp</c> (<see cref="DateTimeOffset"/>, written as UTC-adjusted TIMESTAMP micros) and
/// <c>timestamp_local</c> (<see cref="DateTime"/>, TIMESTAMP micros not adjusted to UTC). Both read any TIMESTAMP
/// (millis, micros, nanos, adjusted to UTC or not) and INT96; a value outside .NET's range (years 1 to 9999) is an error.
/// </summary>
internal sealed class TimestampValueType<T, TConversion> : ParquetValueType<T>
    where T : struct
    where TConversion : IParquetConversion<T, DateTime>
{
    private readonly bool _adjustedToUtc;

    public TimestampValueType(bool adjustedToUtc)
    {
        _adjustedToUtc = adjustedToUtc;
    }

    public override DataField CreateField(string name, bool nullable) =>
        new DateTimeDataField(name, DateTimeFormat.Timestamp, _adjustedToUtc, DateTimeTimeUnit.Micros, nullable);

    public override bool Accepts(SchemaElement file) => ParquetLeafTypes.TryTimestamp(file, out _, out _);

    public override ParquetValueDecoder<T> CreateDecoder(SchemaElement file)
    {
        ParquetLeafTypes.TryTimestamp(file, out TimeUnit unit, out bool int96);
        return int96
            ? new FixedDecoder<T, Int96, Timestamp96>()
            : new FixedDecoder<T, long, UnixTimestamp>(new UnixTimestamp(unit));
    }

    public override Task WriteAsync(ParquetColumn column, ParquetRowGroupWriter rowGroup, DataField field, long firstRow, ReadOnlyMemory<T> values, CancellationToken cancellationToken) =>
        ParquetConversions.WriteAsync<T, DateTime, TConversion>(rowGroup, field, values, cancellationToken);

    public override Task WriteAsync(ParquetColumn column, ParquetRowGroupWriter rowGroup, DataField field, long firstRow, ReadOnlyMemory<T?> values, CancellationToken cancellationToken) =>
        ParquetConversions.WriteAsync<T, DateTime, TConversion>(rowGroup, field, values, cancellationToken);

    private const long UnixEpochTicks = 621_355_968_000_000_000;
    private const string OutOfRange = "the timestamp is outside the range .NET can represent (years 1 to 9999)";

    private static bool FromTicks(long ticksSinceEpoch, out T result)
    {
        if (ticksSinceEpoch < -UnixEpochTicks || ticksSinceEpoch > DateTime.MaxValue.Ticks - UnixEpochTicks)
        {
            result = default;
            return false;
        }

        result = TConversion.FromFile(new DateTime(UnixEpochTicks + ticksSinceEpoch, DateTimeKind.Utc));
        return true;
    }

    // INT64 units since 1970-01-01; nanoseconds are cut to .NET's 100 ns ticks, toward zero.
    private readonly struct UnixTimestamp : IParquetReadConversion<long, T>
    {
        private readonly TimeUnit _unit;

        public UnixTimestamp(TimeUnit unit)
        {
            _unit = unit;
        }

        public bool TryConvert(long value, out T result)
        {
            long perUnit = _unit == TimeUnit.Millis ? TimeSpan.TicksPerMillisecond : TimeSpan.TicksPerMicrosecond;
            if (_unit == TimeUnit.Nanos)
            {
                return FromTicks(value / 100, out result);
            }

            if (value > long.MaxValue / perUnit || value < long.MinValue / perUnit)
            {
                result = default;
                return false;
            }

            return FromTicks(value * perUnit, out result);
        }

        public string Explain(long value, out string problem)
        {
            problem = OutOfRange;
            return value.ToString(CultureInfo.InvariantCulture) + " " + (_unit == TimeUnit.Millis ? "milliseconds" : _unit == TimeUnit.Micros ? "microseconds" : "nanoseconds") + " from 1970-01-01";
        }
    }

    // INT96: nanoseconds of the day and a Julian day number (2440588 is 1970-01-01).
    private readonly struct Timestamp96 : IParquetReadConversion<Int96, T>
    {
        private const long UnixJulianDay = 2_440_588;

        public bool TryConvert(Int96 value, out T result)
        {
            long days = value.JulianDay - UnixJulianDay;
            if (days is < -800_000 or > 3_000_000 || value.Nanos is < 0 or >= 86_400_000_000_000)
            {
                result = default;
                return false;
            }

            return FromTicks((days * TimeSpan.TicksPerDay) + (value.Nanos / 100), out result);
        }

        public string Explain(Int96 value, out string problem)
        {
            problem = OutOfRange;
            return string.Create(CultureInfo.InvariantCulture, $"Julian day {value.JulianDay}, {value.Nanos} ns");
        }
    }
}

/// <summary>
/// <c>timestamp</c>: an instant. A file timestamp not adjusted to UTC (and INT96) is taken as UTC, as the CSV
/// reader takes a timestamp without an offset.
/// </summary>
internal readonly struct UtcTimestamp : IParquetConversion<DateTimeOffset, DateTime>
{
    public static DateTimeOffset FromFile(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    public static DateTime ToFile(DateTimeOffset value) => value.UtcDateTime;
}

/// <summary><c>timestamp_local</c>: a wall-clock time, <see cref="DateTimeKind.Unspecified"/>, never shifted by a time zone.</summary>
internal readonly struct LocalTimestamp : IParquetConversion<DateTime, DateTime>
{
    public static DateTime FromFile(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Unspecified);

    public static DateTime ToFile(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Unspecified);
}

/// <summary>A conversion between a property type and the type Parquet.Net writes.</summary>
internal interface IParquetConversion<T, TFile>
{
    static abstract T FromFile(TFile value);

    static abstract TFile ToFile(T value);
}

/// <summary>Writes through a pooled array of the file's type and a conversion.</summary>
internal static class ParquetConversions
{
    public static async Task WriteAsync<T, TFile, TConversion>(ParquetRowGroupWriter rowGroup, DataField field, ReadOnlyMemory<T> values, CancellationToken cancellationToken)
        where T : struct
        where TFile : struct
        where TConversion : IParquetConversion<T, TFile>
    {
        TFile[] buffer = ArrayPool<TFile>.Shared.Rent(values.Length);
        try
        {
            ReadOnlySpan<T> source = values.Span;
            for (int i = 0; i < source.Length; i++)
            {
                buffer[i] = TConversion.ToFile(source[i]);
            }

            await rowGroup.WriteAsync<TFile>(field, buffer.AsMemory(0, values.Length), null, null, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<TFile>.Shared.Return(buffer);
        }
    }

    public static async Task WriteAsync<T, TFile, TConversion>(ParquetRowGroupWriter rowGroup, DataField field, ReadOnlyMemory<T?> values, CancellationToken cancellationToken)
        where T : struct
        where TFile : struct
        where TConversion : IParquetConversion<T, TFile>
    {
        TFile?[] buffer = ArrayPool<TFile?>.Shared.Rent(values.Length);
        try
        {
            ReadOnlySpan<T?> source = values.Span;
            for (int i = 0; i < source.Length; i++)
            {
                buffer[i] = source[i] is T value ? TConversion.ToFile(value) : null;
            }

            await rowGroup.WriteAsync<TFile>(field, (ReadOnlyMemory<TFile?>)buffer.AsMemory(0, values.Length), null, null, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<TFile?>.Shared.Return(buffer);
        }
    }
}
