namespace Typed.S3.Codecs;

/// <summary>
/// A value of a batch being read that cannot be held: its row in the batch (or its entry in a list column's slice),
/// the value as text, and what is wrong; <see cref="Problem"/> is <see langword="null"/> for a null in a required column.
/// </summary>
internal readonly record struct ParquetBadValue(int Row, string? Value, string? Problem);
