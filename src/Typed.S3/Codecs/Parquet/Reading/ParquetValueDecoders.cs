using System;

namespace Typed.S3.Codecs;

/// <summary>
/// Holds one file leaf's values a slice at a time (the column's <see cref="ColumnChunkCursor"/> fills them) and
/// converts them into the property type, packed in order. A value that cannot be converted (a timestamp outside .NET's
/// range, a decimal with too many digits) is reported by its index; the caller decides whether to go on.
/// </summary>
internal abstract class ParquetValueDecoder<T>
{
    /// <summary>Where the cursor puts the slice's values.</summary>
    public abstract IChunkValues Values { get; }

    /// <summary>How many non-null values the slice holds.</summary>
    public abstract int Count { get; }

    /// <summary>
    /// Converts the slice's non-null values from <paramref name="start"/> on into <paramref name="target"/> (at the
    /// same indices, <see cref="Count"/> long); the index of the first that does not convert, or -1 when all did.
    /// </summary>
    public abstract int Convert(Span<T> target, int start);

    /// <summary>The value at <paramref name="index"/> as text, and why it does not convert.</summary>
    public abstract string Explain(int index, out string problem);

    public abstract void Release();
}

/// <summary>A conversion from a physical value; a struct, so each call inlines.</summary>
internal interface IParquetReadConversion<TFile, T>
{
    bool TryConvert(TFile value, out T result);

    /// <summary>The value as text, and why it does not convert.</summary>
    string Explain(TFile value, out string problem);
}

/// <summary>A conversion from a byte array or fixed-length byte array value.</summary>
internal interface IParquetBytesConversion<T>
{
    bool TryConvert(ReadOnlySpan<byte> value, out T result);

    string Explain(ReadOnlySpan<byte> value, out string problem);
}

/// <summary>Values of a fixed-width physical type <typeparamref name="TFile"/>, converted one by one.</summary>
internal sealed class FixedDecoder<T, TFile, TConversion> : ParquetValueDecoder<T>
    where TFile : unmanaged
    where TConversion : struct, IParquetReadConversion<TFile, T>
{
    private readonly FixedChunkValues<TFile> _values = new();
    private readonly TConversion _conversion;

    public FixedDecoder(TConversion conversion = default)
    {
        _conversion = conversion;
    }

    public override IChunkValues Values => _values;

    public override int Count => _values.Count;

    public override int Convert(Span<T> target, int start)
    {
        TConversion conversion = _conversion;
        ReadOnlySpan<TFile> values = _values.Values;
        for (int i = start; i < values.Length; i++)
        {
            if (!conversion.TryConvert(values[i], out target[i]))
            {
                return i;
            }
        }

        return -1;
    }

    public override string Explain(int index, out string problem) => _conversion.Explain(_values.Values[index], out problem);

    public override void Release() => _values.Release();
}

/// <summary>Values of a column of the UNKNOWN (always null) type: the cursor lets none through.</summary>
internal sealed class NullDecoder<T> : ParquetValueDecoder<T>
{
    private readonly FixedChunkValues<byte> _values = new();

    public override IChunkValues Values => _values;

    public override int Count => 0;

    public override int Convert(Span<T> target, int start) => -1;

    public override string Explain(int index, out string problem)
    {
        problem = "the column holds only nulls";
        return string.Empty;
    }

    public override void Release() => _values.Release();
}

/// <summary>Values the file holds as the property type itself: copied as they are.</summary>
internal sealed class SameDecoder<T> : ParquetValueDecoder<T>
    where T : unmanaged
{
    private readonly FixedChunkValues<T> _values = new();

    public override IChunkValues Values => _values;

    public override int Count => _values.Count;

    public override int Convert(Span<T> target, int start)
    {
        _values.Values.Slice(start).CopyTo(target.Slice(start));
        return -1;
    }

    public override string Explain(int index, out string problem)
    {
        problem = "the value cannot be read";
        return _values.Values[index].ToString() ?? string.Empty;
    }

    public override void Release() => _values.Release();
}

/// <summary>Values of a BYTE_ARRAY or FIXED_LEN_BYTE_ARRAY column, converted from their bytes.</summary>
internal sealed class BytesDecoder<T, TConversion> : ParquetValueDecoder<T>
    where TConversion : struct, IParquetBytesConversion<T>
{
    private readonly ByteArrayChunkValues _values = new();
    private readonly TConversion _conversion;

    public BytesDecoder(TConversion conversion = default)
    {
        _conversion = conversion;
    }

    public override IChunkValues Values => _values;

    public override int Count => _values.Count;

    public override int Convert(Span<T> target, int start)
    {
        TConversion conversion = _conversion;
        ByteArrayChunkValues values = _values;
        for (int i = start; i < target.Length; i++)
        {
            if (!conversion.TryConvert(values.Value(i), out target[i]))
            {
                return i;
            }
        }

        return -1;
    }

    public override string Explain(int index, out string problem) => _conversion.Explain(_values.Value(index), out problem);

    public override void Release() => _values.Release();
}
