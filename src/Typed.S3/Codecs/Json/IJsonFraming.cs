namespace Typed.S3.Codecs;

/// <summary>
/// How one JSON format finds its records in the read window (one array of objects, or one object a line), one step
/// at a time; <see cref="JsonRead"/> runs the steps. Implemented by structs that hold the format's own state between
/// steps: the read loop is compiled for each struct (its code is never shared with another's), and calls the step
/// directly, with no virtual or delegate call per record.
/// </summary>
internal interface IJsonFraming
{
    /// <summary>The error message for a stream that ends while a step still needs more of it.</summary>
    string EndsTooEarly { get; }

    /// <summary>One step over the window: a record, something else consumed, a request for more data, or the end.</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="input">The window.</param>
    /// <param name="context">The read's position and error context.</param>
    /// <param name="recordReader">The generated record reader.</param>
    /// <param name="skipping">Whether bad records are skipped rather than failing the read.</param>
    /// <param name="record">The record, when the step is <see cref="JsonInput.Step.Record"/>.</param>
    /// <param name="bad">When skipping, the error of a bad record that was consumed whole (with a <see cref="JsonInput.Step.Continue"/> step).</param>
    /// <returns>What the step did.</returns>
    JsonInput.Step Next<T>(JsonInputBuffer input, JsonReadContext context, JsonRecordReader<T> recordReader, bool skipping, out T record, out DatasetFormatException? bad);
}
