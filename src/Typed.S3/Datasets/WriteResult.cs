using System.Collections.Generic;

namespace Typed.S3;

/// <summary>What a dataset write created: each object with its row count, and the load they share.</summary>
public sealed class WriteResult
{
    /// <summary>Creates a result.</summary>
    /// <param name="loadId">The load's id (<c>{load_id}</c>).</param>
    /// <param name="objects">The objects written, in the order they were written.</param>
    public WriteResult(string loadId, IReadOnlyList<WrittenObject> objects)
    {
        LoadId = loadId;
        Objects = objects;
        long rows = 0;
        foreach (WrittenObject written in objects)
        {
            rows += written.RowCount;
        }

        RowCount = rows;
    }

    /// <summary>The load's id, shared by every object of the write.</summary>
    public string LoadId { get; }

    /// <summary>The objects written; empty when there were no records.</summary>
    public IReadOnlyList<WrittenObject> Objects { get; }

    /// <summary>The number of records written, over all objects.</summary>
    public long RowCount { get; }

    /// <summary>A summary such as <c>3 rows in 1 object (load 1712345678.123456)</c>.</summary>
    /// <returns>The summary.</returns>
    public override string ToString() =>
        RowCount + (RowCount == 1 ? " row in " : " rows in ") + Objects.Count + (Objects.Count == 1 ? " object" : " objects") + " (load " + LoadId + ")";
}
