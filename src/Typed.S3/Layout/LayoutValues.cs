using System;

namespace Typed.S3;

/// <summary>The values a <see cref="KeyLayout"/> fills its placeholders with, for one file of one load.</summary>
internal sealed record LayoutValues
{
    /// <summary>The schema's name: <c>{schema_name}</c>.</summary>
    public required string SchemaName { get; init; }

    /// <summary>The table's (dataset's) name: <c>{table_name}</c>.</summary>
    public required string TableName { get; init; }

    /// <summary>The load's id, the same for every file of a load: <c>{load_id}</c> (see <see cref="LoadClock.LoadId"/>).</summary>
    public required string LoadId { get; init; }

    /// <summary>The file's id within its load: <c>{file_id}</c> (see <see cref="LoadClock.NextFileId"/>).</summary>
    public required string FileId { get; init; }

    /// <summary>The full extension without the leading dot (<c>csv</c>, <c>csv.gz</c>): <c>{ext}</c>.</summary>
    public required string Extension { get; init; }

    /// <summary>The load's one clock instant, which every date and time placeholder reads (in UTC).</summary>
    public required DateTimeOffset LoadTimestamp { get; init; }

    /// <summary>The source partition, for <c>{partition}</c>; a template using it fails without it.</summary>
    public int? Partition { get; init; }

    /// <summary>The source offset, for <c>{offset}</c>; a template using it fails without it.</summary>
    public long? Offset { get; init; }
}
