using System.ComponentModel;

namespace Typed.S3.Codecs;

/// <summary>
/// The generated codecs of a record type, one per format, so one record type moves between formats and a
/// dataset of format <c>auto</c> reads each object with the codec its extension names.
/// </summary>
/// <typeparam name="T">The record type.</typeparam>
/// <remarks>For generated code only: not a supported API, hidden from IntelliSense, and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class DatasetCodecs<T>
{
    /// <summary>The CSV codec, in the dataset's dialect.</summary>
    public DatasetCodec<T>? Csv { get; init; }

    /// <summary>The TSV codec: the dataset's dialect with a tab.</summary>
    public DatasetCodec<T>? Tsv { get; init; }

    /// <summary>The JSON (array of objects) codec.</summary>
    public DatasetCodec<T>? Json { get; init; }

    /// <summary>The JSON Lines codec.</summary>
    public DatasetCodec<T>? JsonLines { get; init; }

    /// <summary>The Parquet codec.</summary>
    public DatasetCodec<T>? Parquet { get; init; }

    /// <summary>Why a codec was not generated, for the error of a read or write that needs it.</summary>
    public string? Unavailable { get; init; }

    /// <summary>The codec generated for <paramref name="format"/>.</summary>
    /// <exception cref="System.NotSupportedException">No codec of that format was generated.</exception>
    public DatasetCodec<T> For(DatasetFormat format) => format switch
    {
        DatasetFormat.Csv => Csv,
        DatasetFormat.Tsv => Tsv,
        DatasetFormat.Json => Json,
        DatasetFormat.JsonLines => JsonLines,
        DatasetFormat.Parquet => Parquet,
        _ => null,
    } ?? throw new System.NotSupportedException(Unavailable is null
        ? $"No {format} codec was generated for {typeof(T).Name}."
        : $"No {format} codec was generated for {typeof(T).Name}: {Unavailable}.");
}
