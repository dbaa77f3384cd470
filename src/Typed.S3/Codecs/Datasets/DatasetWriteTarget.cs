using System;
using System.ComponentModel;

namespace Typed.S3.Codecs;

/// <summary>
/// Where and how a dataset is written: the write location, the key layout, the names layouts use, the format,
/// the compression and when to roll over to the next object. Generated accessors build one from the schema's
/// <c>write</c> section.
/// </summary>
/// <remarks>For generated code only: not a supported API, hidden from IntelliSense, and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed record DatasetWriteTarget
{
    /// <summary>Creates a target.</summary>
    /// <param name="location">The prefix written below (<c>s3://bucket/prefix/</c>), or <see langword="null"/> when the schema has none (callers then pass one).</param>
    /// <param name="layout">The key layout template, such as <c>{table_name}/{load_id}.{file_id}.{ext}</c>.</param>
    /// <param name="schemaName">What <c>{schema_name}</c> renders as in keys.</param>
    /// <param name="tableName">What <c>{table_name}</c> renders as in keys.</param>
    /// <param name="format">The format written.</param>
    /// <param name="compression">The compression written (text formats only; Parquet compresses inside the file).</param>
    /// <exception cref="FormatException">The layout is invalid.</exception>
    public DatasetWriteTarget(string? location, string layout, string schemaName, string tableName, DatasetFormat format, ObjectCompression compression)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(schemaName);
        ArgumentNullException.ThrowIfNull(tableName);
        Location = location;
        Layout = KeyLayout.Parse(layout);
        SchemaName = schemaName;
        TableName = tableName;
        Format = format;
        Compression = DatasetFormats.IsCompressible(format) ? compression : ObjectCompression.None;
    }

    /// <summary>The prefix written below, or <see langword="null"/>.</summary>
    public string? Location { get; init; }

    /// <summary>The parsed key layout each written object's key is rendered from.</summary>
    public KeyLayout Layout { get; init; }

    /// <summary>What <c>{schema_name}</c> renders as in keys.</summary>
    public string SchemaName { get; init; }

    /// <summary>What <c>{table_name}</c> renders as in keys.</summary>
    public string TableName { get; init; }

    /// <summary>The format written.</summary>
    public DatasetFormat Format { get; init; }

    /// <summary>The compression written: <see cref="ObjectCompression.Gzip"/> or none.</summary>
    public ObjectCompression Compression { get; init; }

    /// <summary>The <c>{ext}</c>: the format's extension with the compression's (<c>csv.gz</c>).</summary>
    public string Extension => DatasetFormats.Extension(Format, Compression);

    /// <summary>The most records an object holds before the write rolls over to the next; <see langword="null"/> for no limit.</summary>
    public long? MaxRowsPerFile { get; init; }

    /// <summary>
    /// About the most bytes an object holds before the write rolls over to the next (checked between records
    /// against what has reached the store, so an object can exceed it by the codec's buffer); <see langword="null"/> for no limit.
    /// </summary>
    public long? MaxBytesPerFile { get; init; }

    /// <summary>The same target below another prefix.</summary>
    /// <param name="location">The prefix (<c>s3://bucket/prefix/</c>).</param>
    public DatasetWriteTarget WithLocation(string location)
    {
        ArgumentException.ThrowIfNullOrEmpty(location);
        return this with { Location = location };
    }
}
