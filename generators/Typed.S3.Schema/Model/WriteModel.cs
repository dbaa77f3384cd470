namespace Typed.S3.Schema.Model;

/// <summary>The <c>write</c> section of a dataset.</summary>
/// <param name="Location">Where objects are written: <c>s3://bucket/prefix/</c>.</param>
/// <param name="Format">The format written.</param>
/// <param name="Compression">The compression written (<see cref="CompressionKind.Auto"/> means none).</param>
/// <param name="Layout">The layout template of each object's key below <paramref name="Location"/>.</param>
/// <param name="Span">Where the section is in the schema file.</param>
/// <param name="MaxRowsPerFile">The most records one object holds before the write rolls to the next; <see langword="null"/> for no limit.</param>
/// <param name="MaxBytesPerFile">The most bytes one object holds (about: checked between records) before the write rolls over; <see langword="null"/> for no limit.</param>
/// <param name="LayoutSpan">Where the <c>layout</c> value is in the schema file; <see langword="null"/> when the default layout applies.</param>
/// <param name="Parquet">How Parquet is written (also by the stream-level Parquet writer); <see langword="null"/> for <see cref="ParquetOptionsModel.Default"/>.</param>
internal sealed record WriteModel(
    string Location,
    DataFormat Format,
    CompressionKind Compression,
    string Layout,
    SourceSpan Span,
    long? MaxRowsPerFile = null,
    long? MaxBytesPerFile = null,
    ParquetOptionsModel? Parquet = null,
    SourceSpan? LayoutSpan = null)
{
    /// <summary>The layout used when the schema gives none (as dlt's filesystem destination).</summary>
    public const string DefaultLayout = "{table_name}/{load_id}.{file_id}.{ext}";
}
