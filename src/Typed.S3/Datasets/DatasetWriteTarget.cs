using System;
using Typed.S3.Layout;

namespace Typed.S3.Codecs;

/// <summary>
/// Where and how a dataset is written: the write location, the key layout, the names layouts use, the file
/// extension and the compression. Generated accessors build one from the schema's <c>write</c> section.
/// </summary>
public sealed class DatasetWriteTarget
{
    /// <summary>Creates a target.</summary>
    /// <param name="location">The prefix written below (<c>s3://bucket/prefix/</c>), or <see langword="null"/> when the schema has none (callers then pass one).</param>
    /// <param name="layout">The key layout template, such as <c>{table_name}/{load_id}.{file_id}.{ext}</c>.</param>
    /// <param name="schemaName">The <c>{schema_name}</c>.</param>
    /// <param name="tableName">The <c>{table_name}</c>.</param>
    /// <param name="extension">The <c>{ext}</c>, with the compression's (<c>csv.gz</c>).</param>
    /// <param name="compression">The compression written.</param>
    /// <exception cref="FormatException">The layout is invalid.</exception>
    public DatasetWriteTarget(string? location, string layout, string schemaName, string tableName, string extension, ObjectCompression compression)
        : this(location, KeyLayout.Parse(layout), schemaName, tableName, extension, compression)
    {
    }

    private DatasetWriteTarget(string? location, KeyLayout layout, string schemaName, string tableName, string extension, ObjectCompression compression)
    {
        Location = location;
        Layout = layout;
        SchemaName = schemaName;
        TableName = tableName;
        Extension = extension;
        Compression = compression;
    }

    /// <summary>The prefix written below, or <see langword="null"/>.</summary>
    public string? Location { get; }

    /// <summary>The key layout.</summary>
    public KeyLayout Layout { get; }

    /// <summary>The <c>{schema_name}</c>.</summary>
    public string SchemaName { get; }

    /// <summary>The <c>{table_name}</c>.</summary>
    public string TableName { get; }

    /// <summary>The <c>{ext}</c>.</summary>
    public string Extension { get; }

    /// <summary>The compression written.</summary>
    public ObjectCompression Compression { get; }

    /// <summary>The same target below another prefix.</summary>
    /// <param name="location">The prefix (<c>s3://bucket/prefix/</c>).</param>
    /// <returns>The new target.</returns>
    public DatasetWriteTarget WithLocation(string location)
    {
        ArgumentException.ThrowIfNullOrEmpty(location);
        return new DatasetWriteTarget(location, Layout, SchemaName, TableName, Extension, Compression);
    }
}
