using System;
using System.Text.Json;

namespace Typed.S3.Codecs;

/// <summary>What the JSON readers share: reader options, whitespace, and the outcome of one step over the window.</summary>
internal static class JsonInput
{
    /// <summary>Strict JSON: no comments, no trailing commas.</summary>
    public static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false };

    /// <summary>The bytes JSON counts as whitespace.</summary>
    public static ReadOnlySpan<byte> Whitespace => " \t\r\n"u8;

    public enum Step
    {
        /// <summary>A record was read.</summary>
        Record,

        /// <summary>The window ends before the next token or record does: fill it and try again.</summary>
        NeedMore,

        /// <summary>Something other than a record was consumed: step again.</summary>
        Continue,

        /// <summary>The data has ended.</summary>
        Done,
    }
}
