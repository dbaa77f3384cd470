using System;

namespace Typed.S3.Codecs;

/// <summary>
/// A slice of a column chunk's definition and repetition levels, one entry per value slot (a row of a flat column, an
/// element, empty list or null of a list), in pooled buffers the size of the slice.
/// </summary>
internal sealed class ParquetLevels
{
    private int[]? _definitions;
    private int[]? _repetitions;

    public int MaxDefinition { get; private set; }

    public int MaxRepetition { get; private set; }

    /// <summary>How many entries the slice holds.</summary>
    public int Count { get; private set; }

    /// <summary>The definition levels (empty when the column has none: every entry is a value).</summary>
    public ReadOnlySpan<int> Definitions => MaxDefinition == 0 ? default : _definitions.AsSpan(0, Count);

    /// <summary>The repetition levels (empty when the column has none: every entry starts a row).</summary>
    public ReadOnlySpan<int> Repetitions => MaxRepetition == 0 ? default : _repetitions.AsSpan(0, Count);

    /// <summary>The definition level buffer itself, for code that hands it on (at least <see cref="Count"/> long).</summary>
    public int[]? DefinitionBuffer => MaxDefinition == 0 ? null : _definitions;

    /// <summary>Starts a chunk whose leaf has these maximum levels.</summary>
    public void Begin(int maxDefinition, int maxRepetition)
    {
        MaxDefinition = maxDefinition;
        MaxRepetition = maxRepetition;
        Count = 0;
    }

    /// <summary>Forgets the entries read so far: a new slice starts.</summary>
    public void Clear() => Count = 0;

    /// <summary>Room for <paramref name="count"/> more entries of the slice: their definition and repetition level spans.</summary>
    public void Add(int count, out Span<int> definitions, out Span<int> repetitions)
    {
        int total = checked(Count + count);
        definitions = default;
        repetitions = default;
        if (MaxDefinition > 0)
        {
            ParquetBuffers.Ensure(ref _definitions, total, Count);
            definitions = _definitions.AsSpan(Count, count);
        }

        if (MaxRepetition > 0)
        {
            ParquetBuffers.Ensure(ref _repetitions, total, Count);
            repetitions = _repetitions.AsSpan(Count, count);
        }

        Count = total;
    }

    /// <summary>How many entries hold a value (are defined to the leaf).</summary>
    public int Present(int start, int count) =>
        MaxDefinition == 0 ? count : _definitions.AsSpan(start, count).Count(MaxDefinition);

    public void Release()
    {
        ParquetBuffers.Return(ref _definitions);
        ParquetBuffers.Return(ref _repetitions);
        Count = 0;
    }
}
