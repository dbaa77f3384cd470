using System.Buffers;
using System.Collections.Generic;

namespace Typed.S3.Codecs;

/// <summary>
/// One column chunk read ahead (<see cref="ChunkReadAhead"/>): its bytes, from pool, and the pages already
/// decompressed, each keyed by where its compressed part starts in the chunk.
/// </summary>
internal sealed class ReadAheadChunk
{
    public ReadAheadChunk(int leafIndex, int codec, long start, int length)
    {
        LeafIndex = leafIndex;
        Codec = codec;
        Start = start;
        Length = length;
    }

    public int LeafIndex { get; }

    public int Codec { get; }

    /// <summary>Where the chunk starts in the file.</summary>
    public long Start { get; }

    public int Length { get; }

    /// <summary>The chunk's bytes (the first <see cref="Length"/>): whole once <see cref="Fetched"/>.</summary>
    public byte[]? Bytes { get; set; }

    /// <summary>Whether the chunk's bytes were read whole and nobody has taken them yet.</summary>
    public bool Fetched { get; set; }

    /// <summary>The chunk's pages decompressed, in order: the first ones, or all of them.</summary>
    public List<DecompressedPage> Pages { get; } = [];

    /// <summary>Returns the chunk's bytes and pages to the pool.</summary>
    public void Release()
    {
        foreach (DecompressedPage page in Pages)
        {
            ArrayPool<byte>.Shared.Return(page.Buffer);
        }

        Pages.Clear();
        if (Bytes is not null)
        {
            ArrayPool<byte>.Shared.Return(Bytes);
            Bytes = null;
        }
    }
}

/// <summary>A page decompressed ahead: the chunk offset of its compressed part, and its bytes (the first <c>Length</c> of <c>Buffer</c>).</summary>
internal readonly record struct DecompressedPage(int CompressedStart, byte[] Buffer, int Length);
