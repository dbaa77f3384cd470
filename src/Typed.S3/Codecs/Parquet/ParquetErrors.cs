using System;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Typed.S3.Codecs;

/// <summary>
/// A Parquet file that cannot be read, said in words (<c>a page header is cut short</c>). Thrown by the decoder, which
/// knows neither the object nor the column; the codec turns it into a <see cref="DatasetFormatException"/> that names
/// them, with this as the inner exception.
/// </summary>
internal sealed class ParquetDataException : Exception
{
    public ParquetDataException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}

/// <summary>The throw helpers of the Parquet reader, in one place, so hot loops stay small and messages stay alike.</summary>
internal static class ParquetErrors
{
    /// <summary>The file is corrupt or not what it says: <paramref name="problem"/> says how.</summary>
    [DoesNotReturn]
    public static void Corrupt(string problem) => throw new ParquetDataException(problem);

    /// <summary>As <see cref="Corrupt(string)"/>, for expressions.</summary>
    [DoesNotReturn]
    public static T Corrupt<T>(string problem) => throw new ParquetDataException(problem);

    /// <summary>A third-party decoder failed: its exception stays inside, its words stay out of the message.</summary>
    [DoesNotReturn]
    public static void Corrupt(string problem, Exception inner) => throw new ParquetDataException(problem, inner);

    /// <summary>A part of the format this reader does not implement (LZO, an unknown encoding).</summary>
    [DoesNotReturn]
    public static void Unsupported(string what) => throw new ParquetDataException(what);

    [DoesNotReturn]
    public static void CutShort(string what) => throw new ParquetDataException(what + " is cut short");

    /// <summary>The error for a whole file: not Parquet, encrypted, a bad footer.</summary>
    public static DatasetFormatException File(string objectName, string problem, Exception? inner = null) =>
        new(objectName, 0, 0, null, null, null, problem, inner);

    /// <summary>The error for a column of a row group (0-based here; 1-based in the message, as rows are).</summary>
    public static DatasetFormatException Chunk(string objectName, int rowGroup, string column, string? typeName, string problem, Exception? inner = null) =>
        new(objectName, 0, 0, column, typeName, null,
            string.Create(CultureInfo.InvariantCulture, $"row group {rowGroup + 1}: {problem}"), inner) { RowGroup = rowGroup + 1 };

    /// <summary>
    /// The error for one value: its row in the file (1-based) and its row group (0-based here);
    /// <paramref name="problem"/> names the row group in words.
    /// </summary>
    public static DatasetFormatException Value(string objectName, long row, int rowGroup, string column, string? typeName, string? value, string problem) =>
        new(objectName, 0, row, column, typeName, value, problem) { RowGroup = rowGroup + 1 };
}
