using System;
using System.Buffers;
using System.Numerics;
using System.Threading;
using System.Threading.Tasks;
using Parquet;
using Parquet.Schema;

namespace Typed.S3.Codecs;

/// <summary>How a value column's property type maps to a Parquet field, which file columns it reads, and how.</summary>
internal abstract class ParquetValueType<T>
    where T : struct
{
    public abstract DataField CreateField(string name, bool nullable);

    public abstract bool Accepts(DataField file);

    /// <summary>Checks that a value to write fits the column (a decimal's precision and scale); nothing by default.</summary>
    public virtual void Check(ParquetColumn column, long row, T value)
    {
    }

    /// <summary>The reader of a file column this type accepts; by default Parquet.Net decodes it as <typeparamref name="T"/>.</summary>
    public virtual ParquetValueReader<T> CreateReader(DataField file) => new DirectReader<T>(file);

    public virtual Task WriteAsync(ParquetColumn column, ParquetRowGroupWriter rowGroup, DataField field, long firstRow, ReadOnlyMemory<T> values, CancellationToken cancellationToken) =>
        rowGroup.WriteAsync<T>(field, values, null, null, cancellationToken);

    public virtual Task WriteAsync(ParquetColumn column, ParquetRowGroupWriter rowGroup, DataField field, long firstRow, ReadOnlyMemory<T?> values, CancellationToken cancellationToken) =>
        rowGroup.WriteAsync<T>(field, values, null, null, cancellationToken);
}

/// <summary>A property type that Parquet.Net reads and writes as it is (<see cref="bool"/>, <see cref="Guid"/>, <see cref="DateOnly"/>).</summary>
internal sealed class ExactValueType<T> : ParquetValueType<T>
    where T : struct
{
    public static readonly ExactValueType<T> Instance = new();

    public override DataField CreateField(string name, bool nullable) => new DataField<T>(name, nullable);

    public override bool Accepts(DataField file) => file.ClrType == typeof(T);
}

/// <summary>
/// An integer or floating-point property: written as its own type (with the INT logical type for the narrow and
/// unsigned ones); reads its own type and narrower types it holds without loss (<c>INT32</c> into <c>int64</c>).
/// </summary>
internal sealed class NumberValueType<T> : ParquetValueType<T>
    where T : struct, INumber<T>
{
    private readonly Type[] _accepted;

    public NumberValueType(params Type[] widenedFrom)
    {
        _accepted = widenedFrom;
    }

    public override DataField CreateField(string name, bool nullable) => new DataField<T>(name, nullable);

    public override bool Accepts(DataField file) => file.ClrType == typeof(T) || Array.IndexOf(_accepted, file.ClrType) >= 0;

    public override ParquetValueReader<T> CreateReader(DataField file)
    {
        Type type = file.ClrType;
        return type == typeof(T) ? new DirectReader<T>(file)
            : type == typeof(sbyte) ? Widening<sbyte>(file)
            : type == typeof(short) ? Widening<short>(file)
            : type == typeof(int) ? Widening<int>(file)
            : type == typeof(byte) ? Widening<byte>(file)
            : type == typeof(ushort) ? Widening<ushort>(file)
            : type == typeof(uint) ? Widening<uint>(file)
            : type == typeof(float) ? Widening<float>(file)
            : throw new InvalidOperationException("Unexpected file type " + type);
    }

    private static ConvertingReader<T, TFrom, FromFile<T, TFrom, Widen<T, TFrom>>> Widening<TFrom>(DataField file)
        where TFrom : struct, INumber<TFrom> => new(file);

    private readonly struct Widen<TTo, TFrom> : IParquetConversion<TTo, TFrom>
        where TTo : struct, INumber<TTo>
        where TFrom : struct, INumber<TFrom>
    {
        public static TTo FromFile(TFrom value) => TTo.CreateTruncating(value);

        public static TFrom ToFile(TTo value) => TFrom.CreateTruncating(value);
    }
}

/// <summary>
/// <c>decimal(p,s)</c>: the DECIMAL logical type with the schema's precision and scale (INT32, INT64 or
/// FIXED_LEN_BYTE_ARRAY as Parquet.Net picks by precision); reads any file decimal whose integer digits and scale fit.
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

    public override bool Accepts(DataField file) =>
        file is DecimalDataField decimalField
        && file.ClrType == typeof(decimal)
        && decimalField.Scale <= _scale
        && decimalField.Precision - decimalField.Scale <= _precision - _scale;

    public override ParquetValueReader<decimal> CreateReader(DataField file)
    {
        // INT32 and INT64 decimals are read as their unscaled integers and built here in one step: Parquet.Net
        // multiplies each by a power of ten as a decimal, for the same value and scale. Byte-array decimals stay with it.
        Parquet.Meta.SchemaElement? element = file.SchemaElement;
        int scale = element?.Scale ?? 0;
        if (scale is >= 0 and <= 28)
        {
            if (element?.Type == Parquet.Meta.Type.INT64 && ParquetReadFields.Physical<long>(file) is { } int64)
            {
                return new ConvertingReader<decimal, long, UnscaledDecimal>(int64, new UnscaledDecimal((byte)scale));
            }

            if (element?.Type == Parquet.Meta.Type.INT32 && ParquetReadFields.Physical<int>(file) is { } int32)
            {
                return new ConvertingReader<decimal, int, UnscaledDecimal>(int32, new UnscaledDecimal((byte)scale));
            }
        }

        return new DirectReader<decimal>(file);
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

    private static decimal Pow10(int exponent)
    {
        decimal result = 1m;
        for (int i = 0; i < exponent; i++)
        {
            result *= 10m;
        }

        return result;
    }

    public override void Check(ParquetColumn column, long row, decimal value)
    {
        if (Math.Abs(decimal.Round(value, _scale, MidpointRounding.AwayFromZero)) >= _limit || value.Scale > _scale && decimal.Round(value, _scale) != value)
        {
            throw new ArgumentException(
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Row {row + 1}: column '{column.Name}' is {column.TypeName} and cannot hold {value}."),
                "rows");
        }
    }
}

/// <summary>A decimal from its unscaled integer and the file column's scale.</summary>
internal readonly struct UnscaledDecimal : IParquetReadConversion<long, decimal>, IParquetReadConversion<int, decimal>
{
    private readonly byte _scale;

    public UnscaledDecimal(byte scale)
    {
        _scale = scale;
    }

    public decimal Convert(long value)
    {
        ulong magnitude = value < 0 ? unchecked(0UL - (ulong)value) : (ulong)value;
        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, value < 0, _scale);
    }

    public decimal Convert(int value) => Convert((long)value);
}

/// <summary><c>date</c>: the DATE logical type (INT32 days since 1970-01-01), read as the integers it holds.</summary>
internal sealed class DateValueType : ParquetValueType<DateOnly>
{
    public static readonly DateValueType Instance = new();

    public override DataField CreateField(string name, bool nullable) => new DataField<DateOnly>(name, nullable);

    public override bool Accepts(DataField file) => file.ClrType == typeof(DateOnly);

    public override ParquetValueReader<DateOnly> CreateReader(DataField file) =>
        file.SchemaElement?.Type == Parquet.Meta.Type.INT32 && ParquetReadFields.Physical<int>(file) is { } physical
            ? new ConvertingReader<DateOnly, int, UnixDays>(physical)
            : new DirectReader<DateOnly>(file);

    private readonly struct UnixDays : IParquetReadConversion<int, DateOnly>
    {
        private const int UnixEpochDayNumber = 719_162;

        public DateOnly Convert(int value) => DateOnly.FromDayNumber(checked(UnixEpochDayNumber + value));
    }
}

/// <summary><c>time</c>: the TIME logical type (micros, not adjusted to UTC); reads TIME millis, micros and nanos.</summary>
internal sealed class TimeValueType : ParquetValueType<TimeOnly>
{
    public static readonly TimeValueType Instance = new();

    public override DataField CreateField(string name, bool nullable) =>
        new TimeDataField(name, TimeUnitPrecision.Micros, nullable) { IsAdjustedToUtc = false };

    public override bool Accepts(DataField file) =>
        file is TimeDataField time && (time.Precision == TimeUnitPrecision.Millis ? file.ClrType == typeof(int) : file.ClrType == typeof(long));

    public override ParquetValueReader<TimeOnly> CreateReader(DataField file) =>
        ((TimeDataField)file).Precision switch
        {
            TimeUnitPrecision.Millis => new ConvertingReader<TimeOnly, int, FromFile<TimeOnly, int, MillisTime>>(file),
            TimeUnitPrecision.Nanos => new ConvertingReader<TimeOnly, long, FromFile<TimeOnly, long, NanosTime>>(file),
            _ => new ConvertingReader<TimeOnly, long, FromFile<TimeOnly, long, MicrosTime>>(file),
        };

    public override Task WriteAsync(ParquetColumn column, ParquetRowGroupWriter rowGroup, DataField field, long firstRow, ReadOnlyMemory<TimeOnly> values, CancellationToken cancellationToken) =>
        ParquetConversions.WriteAsync<TimeOnly, long, MicrosTime>(rowGroup, field, values, cancellationToken);

    public override Task WriteAsync(ParquetColumn column, ParquetRowGroupWriter rowGroup, DataField field, long firstRow, ReadOnlyMemory<TimeOnly?> values, CancellationToken cancellationToken) =>
        ParquetConversions.WriteAsync<TimeOnly, long, MicrosTime>(rowGroup, field, values, cancellationToken);

    private readonly struct MillisTime : IParquetConversion<TimeOnly, int>
    {
        public static TimeOnly FromFile(int value) => new(value * TimeSpan.TicksPerMillisecond);

        public static int ToFile(TimeOnly value) => (int)(value.Ticks / TimeSpan.TicksPerMillisecond);
    }

    internal readonly struct MicrosTime : IParquetConversion<TimeOnly, long>
    {
        public static TimeOnly FromFile(long value) => new(value * TimeSpan.TicksPerMicrosecond);

        public static long ToFile(TimeOnly value) => value.Ticks / TimeSpan.TicksPerMicrosecond;
    }

    private readonly struct NanosTime : IParquetConversion<TimeOnly, long>
    {
        public static TimeOnly FromFile(long value) => new(value / 100);

        public static long ToFile(TimeOnly value) => value.Ticks * 100;
    }
}

/// <summary>
/// A property read from and written as a Parquet.Net <see cref="DateTime"/> timestamp through a conversion:
/// <c>timestamp</c> (<see cref="DateTimeOffset"/>, UTC-adjusted TIMESTAMP micros) and <c>timestamp_local</c>
/// (<see cref="DateTime"/>, TIMESTAMP micros not adjusted to UTC). Both read any TIMESTAMP (millis, micros,
/// nanos, adjusted to UTC or not) and INT96.
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

    public override bool Accepts(DataField file) =>
        file is DateTimeDataField dateTime && dateTime.DateTimeFormat != DateTimeFormat.Date && file.ClrType == typeof(DateTime);

    public override ParquetValueReader<T> CreateReader(DataField file)
    {
        // INT64 timestamps are read as the integers they are and converted here: Parquet.Net's conversion to DateTime
        // (through AddMilliseconds and AddTicks per value) costs more than the decoding. INT96 stays with Parquet.Net.
        Parquet.Meta.SchemaElement? element = file.SchemaElement;
        if (element?.Type == Parquet.Meta.Type.INT64 && ParquetReadFields.Physical<long>(file) is { } physical)
        {
            Parquet.Meta.TimeUnit? unit = element.LogicalType?.TIMESTAMP?.Unit;
            bool micros = unit is null ? element.ConvertedType == Parquet.Meta.ConvertedType.TIMESTAMP_MICROS : unit.MICROS is not null;
            return micros ? new ConvertingReader<T, long, UnixTimestamp<T, TConversion, MicrosTicks>>(physical)
                : unit?.NANOS is not null ? new ConvertingReader<T, long, UnixTimestamp<T, TConversion, NanosTicks>>(physical)
                : new ConvertingReader<T, long, UnixTimestamp<T, TConversion, MillisTicks>>(physical);
        }

        return new ConvertingReader<T, DateTime, FromFile<T, DateTime, TConversion>>(file);
    }

    public override Task WriteAsync(ParquetColumn column, ParquetRowGroupWriter rowGroup, DataField field, long firstRow, ReadOnlyMemory<T> values, CancellationToken cancellationToken) =>
        ParquetConversions.WriteAsync<T, DateTime, TConversion>(rowGroup, field, values, cancellationToken);

    public override Task WriteAsync(ParquetColumn column, ParquetRowGroupWriter rowGroup, DataField field, long firstRow, ReadOnlyMemory<T?> values, CancellationToken cancellationToken) =>
        ParquetConversions.WriteAsync<T, DateTime, TConversion>(rowGroup, field, values, cancellationToken);
}

/// <summary>An INT64 timestamp's unit: how many ticks one unit is.</summary>
internal interface ITimestampUnit
{
    static abstract long Ticks(long value);
}

internal readonly struct MillisTicks : ITimestampUnit
{
    public static long Ticks(long value) => checked(value * TimeSpan.TicksPerMillisecond);
}

internal readonly struct MicrosTicks : ITimestampUnit
{
    public static long Ticks(long value) => checked(value * TimeSpan.TicksPerMicrosecond);
}

internal readonly struct NanosTicks : ITimestampUnit
{
    // Truncated toward zero, as Parquet.Net does.
    public static long Ticks(long value) => value / 100;
}

/// <summary>An INT64 timestamp (units since 1970-01-01) as the property type, through the <see cref="DateTime"/> conversion of the column.</summary>
internal readonly struct UnixTimestamp<T, TConversion, TUnit> : IParquetReadConversion<long, T>
    where TConversion : IParquetConversion<T, DateTime>
    where TUnit : ITimestampUnit
{
    private const long UnixEpochTicks = 621_355_968_000_000_000;

    public T Convert(long value) => TConversion.FromFile(new DateTime(checked(UnixEpochTicks + TUnit.Ticks(value)), DateTimeKind.Utc));
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

/// <summary>A conversion between a property type and the type Parquet.Net reads and writes.</summary>
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
