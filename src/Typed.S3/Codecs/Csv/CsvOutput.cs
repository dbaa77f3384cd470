using System.ComponentModel;
using CsvHelper;

namespace Typed.S3.Codecs;

/// <summary>
/// The CSV writer as a generated record writer sees it: <see cref="CsvFieldWriter"/> and
/// <see cref="CsvRecordWriterBase{T}.WriteColumnName"/> write fields to it. A thin view over the writer, passed by
/// value; the writer itself stays out of Typed.S3's public API.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct CsvOutput
{
    internal CsvOutput(CsvWriter writer) => Writer = writer;

    /// <summary>The CsvHelper writer the fields go to; the codec owns and flushes it.</summary>
    internal CsvWriter Writer { get; }
}
