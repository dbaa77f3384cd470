namespace Typed.S3.Fuzz;

/// <summary>What reading one input gave.</summary>
public enum OutcomeKind
{
    /// <summary>Every record read.</summary>
    Records,

    /// <summary>A <see cref="DatasetFormatException"/> naming the input.</summary>
    FormatError,

    /// <summary>Any other exception: a bug.</summary>
    OtherException,

    /// <summary>A <see cref="DatasetFormatException"/> whose message leaks a parser's internals or does not name the input.</summary>
    BadMessage,

    /// <summary>Records whose strings hold U+FFFD that the input did not: a replaced character.</summary>
    SilentChange,

    /// <summary>Finished, but after its time bound (or by honouring the cancellation that bound fired).</summary>
    Slow,

    /// <summary>Did not finish long after its time bound, even when cancelled.</summary>
    Hang,

    /// <summary>Allocated more than its bound.</summary>
    OverAllocation,
}

/// <summary>The outcome of one input, with the cause of a failure (exception type and where it was thrown).</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Cause">For failures, a short key naming the distinct cause; else empty.</param>
/// <param name="Detail">The message, for the report.</param>
/// <param name="Records">The records read.</param>
/// <param name="Allocated">Bytes allocated by the read.</param>
/// <param name="Elapsed">How long it took.</param>
public readonly record struct Outcome(OutcomeKind Kind, string Cause, string Detail, int Records, long Allocated, TimeSpan Elapsed)
{
    /// <summary>Whether the outcome is one the readers promise: records, or a well-formed <see cref="DatasetFormatException"/>.</summary>
    public bool IsAllowed => Kind is OutcomeKind.Records or OutcomeKind.FormatError;
}
