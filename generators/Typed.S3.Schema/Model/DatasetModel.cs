namespace Typed.S3.Schema.Model;

/// <summary>One dataset of a schema file, as the emitters need it.</summary>
/// <param name="Name">The dataset's key in <c>datasets</c>, which is also the accessor class name.</param>
/// <param name="RecordName">The record type's name.</param>
/// <param name="Location">Where the dataset is read from: <c>s3://bucket/key-glob</c>.</param>
/// <param name="Format">The format of the objects read.</param>
/// <param name="Csv">The CSV options (defaults when the section is absent).</param>
/// <param name="Compression">The compression of the objects read.</param>
/// <param name="Columns">The columns, in schema order.</param>
/// <param name="Write">The write section, or <see langword="null"/> when the dataset is read-only.</param>
/// <param name="Span">Where the dataset's object is in the schema file.</param>
internal sealed record DatasetModel(
    string Name,
    string RecordName,
    string Location,
    DataFormat Format,
    CsvOptionsModel Csv,
    CompressionKind Compression,
    EquatableArray<ColumnModel> Columns,
    WriteModel? Write,
    SourceSpan Span);
