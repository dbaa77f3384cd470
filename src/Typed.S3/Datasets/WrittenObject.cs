namespace Typed.S3;

/// <summary>One object a write created.</summary>
/// <param name="Location">Where the object was written: its bucket and full key, as the write layout rendered it.</param>
/// <param name="RowCount">How many records it holds.</param>
/// <param name="Size">Its size in bytes, as stored (compressed when compression is on).</param>
public sealed record WrittenObject(ObjectLocation Location, long RowCount, long Size);
