using System;
using Typed.S3.Generators.Model;

namespace Typed.S3.Generators.Emitters;

/// <summary>
/// One format's codec emitter. The source it emits extends the dataset's accessor class and, for each name N in
/// <see cref="Formats"/>, declares the two methods the accessor wires into its <c>DatasetCodecs</c>:
/// <code>
/// private static IAsyncEnumerable&lt;TRecord&gt; ReadNObject(Stream stream, string objectName, CancellationToken cancellationToken)
/// private static Task&lt;long&gt; WriteNObject(Stream stream, IAsyncEnumerable&lt;TRecord&gt; rows, CancellationToken cancellationToken)
/// </code>
/// besides the public stream-level methods (<c>ReadNAsync</c>, <c>WriteNAsync</c>). With
/// <see cref="ReadsWithOptions"/>, it also declares the reader that takes the read's options (threads, invalid UTF-8):
/// <code>
/// private static IAsyncEnumerable&lt;TRecord&gt; ReadNObjectWithOptions(Stream stream, string objectName, DatasetReadOptions options, CancellationToken cancellationToken)
/// </code>
/// </summary>
/// <param name="FileSuffix">The hint-name suffix of the emitted file (<c>.Csv</c>).</param>
/// <param name="Formats">The <c>Typed.S3.DatasetFormat</c> names the emitted methods serve (<c>Csv</c>, <c>Tsv</c>).</param>
/// <param name="Emit">Emits the source for one dataset.</param>
/// <param name="ReadsWithOptions">Whether the emitted source declares <c>ReadNObjectWithOptions</c> for each format.</param>
/// <param name="AppliesTo">Which datasets get the codec; every one when <see langword="null"/>.</param>
internal sealed record CodecEmitter(string FileSuffix, string[] Formats, Func<DatasetSpec, string> Emit, bool ReadsWithOptions = false, Func<DatasetSpec, bool>? AppliesTo = null)
{
    /// <summary>Whether the codec is generated for <paramref name="dataset"/> (every codec but Parquet's, for a record with nested columns).</summary>
    public bool Applies(DatasetSpec dataset) => AppliesTo?.Invoke(dataset) ?? true;
}
