using Typed.S3.Schema.Model;

namespace Typed.S3.Generators.Model;

/// <summary>A dataset's write section, as the emitters need it (a <see cref="WriteModel"/> without its spans).</summary>
/// <param name="Location">Where objects are written.</param>
/// <param name="Format">The format written.</param>
/// <param name="Compression">The compression written.</param>
/// <param name="Layout">The layout template of each object's key below <paramref name="Location"/>.</param>
/// <param name="MaxRowsPerFile">The most records one object holds; <see langword="null"/> for no limit.</param>
/// <param name="MaxBytesPerFile">The most bytes one object holds (about); <see langword="null"/> for no limit.</param>
/// <param name="Parquet">How Parquet is written; <see langword="null"/> for <see cref="ParquetOptionsModel.Default"/>.</param>
internal sealed record WriteSpec(
    string Location,
    DataFormat Format,
    CompressionKind Compression,
    string Layout,
    long? MaxRowsPerFile,
    long? MaxBytesPerFile,
    ParquetOptionsModel? Parquet)
{
    /// <summary>The model of a parsed write section.</summary>
    /// <param name="write">The parsed section.</param>
    /// <returns>The section without spans.</returns>
    public static WriteSpec From(WriteModel write) =>
        new(write.Location, write.Format, write.Compression, write.Layout, write.MaxRowsPerFile, write.MaxBytesPerFile, write.Parquet);
}
