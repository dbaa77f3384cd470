using System;
using System.Buffers;
using System.Diagnostics.CodeAnalysis;

namespace Typed.S3.Codecs;

/// <summary>Pooled arrays: a batch of a column's values or levels, a column chunk's bytes, a row group being written.</summary>
internal static class ParquetBuffers
{
    /// <summary>Makes <paramref name="array"/> hold at least <paramref name="length"/> items, keeping the first <paramref name="keep"/>.</summary>
    public static void Ensure<T>([NotNull] ref T[]? array, int length, int keep)
    {
        if (array is not null && array.Length >= length)
        {
            return;
        }

        T[] larger = ArrayPool<T>.Shared.Rent(Math.Max(length, array is null ? 0 : array.Length * 2));
        if (array is not null)
        {
            Array.Copy(array, larger, Math.Min(keep, array.Length));
            Return(ref array);
        }

        array = larger;
    }

    /// <summary>Returns an array to its pool (cleared when it holds references) and forgets it.</summary>
    public static void Return<T>(ref T[]? array)
    {
        if (array is not null)
        {
            ArrayPool<T>.Shared.Return(array, clearArray: System.Runtime.CompilerServices.RuntimeHelpers.IsReferenceOrContainsReferences<T>());
            array = null;
        }
    }
}
