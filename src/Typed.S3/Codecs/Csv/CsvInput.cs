using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using CsvHelper;

namespace Typed.S3.Codecs;

/// <summary>
/// The CSV reader as a generated mapper sees it: the fields of the record it is on, as UTF-8 spans. A thin view over
/// the tokenizer, passed by value; the tokenizer itself stays out of Typed.S3's public API.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct CsvInput
{
    internal CsvInput(CsvReader reader) => Reader = reader;

    /// <summary>The tokenizer.</summary>
    internal CsvReader Reader { get; }

    /// <summary>The unescaped bytes of a field of the current record; empty for an empty field or one past the record's end.</summary>
    /// <returns>The field's bytes, valid until the reader moves on.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<byte> GetSpan(int index) => Reader.GetSpan(index);
}
