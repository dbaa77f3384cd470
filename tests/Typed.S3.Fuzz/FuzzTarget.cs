using System.Diagnostics;
using System.Text;

namespace Typed.S3.Fuzz;

/// <summary>
/// Reads one input through a generated reader and classifies what happened, against a time bound and an
/// allocation bound that grow with the input's size.
/// </summary>
public static class FuzzTarget
{
    /// <summary>The name inputs are read under; every error message must name it.</summary>
    public const string InputName = "fuzz-input";

    private static readonly DatasetReadOptions TwoThreads = new() { MaxDegreeOfParallelism = 2 };

    /// <summary>How long an input may take: a fixed allowance (a GC pause, a first call) plus 20 µs a byte.</summary>
    /// <param name="size">The input's size in bytes.</param>
    /// <returns>The bound.</returns>
    public static TimeSpan TimeBound(int size) => TimeSpan.FromMilliseconds(250) + TimeSpan.FromMicroseconds(20.0 * size);

    /// <summary>
    /// How much an input may allocate: the readers' fixed buffers (a CSV or JSON window, Parquet's footer and page
    /// buffers) plus 64 bytes for each byte of input (records, strings, lists).
    /// </summary>
    /// <param name="size">The input's size in bytes.</param>
    /// <returns>The bound in bytes.</returns>
    public static long AllocationBound(int size) => (1024L * 1024) + (64L * size);

    /// <summary>Reads <paramref name="input"/> as <paramref name="format"/> on a pool thread; a read still running long after its bound is a hang.</summary>
    /// <param name="format">The reader.</param>
    /// <param name="input">The bytes.</param>
    /// <param name="timeScale">
    /// Multiplies the time bound: 1 for the harness; more where other work shares the machine (the unit tests run in
    /// parallel with other tests, in a Debug build), where the bound is about hangs rather than speed.
    /// </param>
    /// <returns>The outcome.</returns>
    public static Outcome Run(FuzzFormat format, byte[] input, double timeScale = 1)
    {
        TimeSpan bound = TimeBound(input.Length) * timeScale;
        Task<Outcome> read = Task.Run(() => Read(format, input, bound));
        if (!read.Wait(bound * 20 + TimeSpan.FromSeconds(2)))
        {
            // Left running: a reader that ignores cancellation cannot be stopped from outside.
            return new Outcome(OutcomeKind.Hang, "hang (ignores cancellation)", string.Empty, 0, 0, bound * 20);
        }

        return read.Result;
    }

    /// <summary>Reads <paramref name="input"/> on the calling thread.</summary>
    /// <param name="format">The reader.</param>
    /// <param name="input">The bytes.</param>
    /// <param name="bound">The time bound, from the start of the read: a cancellation fires then.</param>
    /// <returns>The outcome.</returns>
    public static Outcome Read(FuzzFormat format, byte[] input, TimeSpan bound)
    {
        using var cancellation = new CancellationTokenSource(bound);
        CancellationToken cancellationToken = cancellation.Token;
        bool otherThreads = format == FuzzFormat.CsvParallel;
        long before = otherThreads ? GC.GetTotalAllocatedBytes(true) : GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        int records = 0;
        bool replaced = false;
        OutcomeKind kind;
        string cause = string.Empty;
        string detail = string.Empty;
        try
        {
            using var stream = new MemoryStream(input, writable: false);
            IAsyncEnumerator<object> rows = Open(format, stream, cancellationToken).GetAsyncEnumerator(cancellationToken);
            try
            {
                while (Wait(rows.MoveNextAsync()))
                {
                    records++;
                    replaced |= HasReplacement(rows.Current);
                }
            }
            finally
            {
                Wait(rows.DisposeAsync());
            }

            kind = replaced && !MayHoldReplacement(input) ? OutcomeKind.SilentChange : OutcomeKind.Records;
            if (kind == OutcomeKind.SilentChange)
            {
                cause = "U+FFFD in a string the input did not hold";
            }
        }
        catch (DatasetFormatException exception)
        {
            (kind, cause) = Judge(exception);
            detail = exception.Message;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            kind = OutcomeKind.Slow;
            cause = "cancelled at the time bound";
        }
        catch (Exception exception)
        {
            kind = OutcomeKind.OtherException;
            cause = CauseOf(exception);
            detail = exception.ToString();
        }

        watch.Stop();
        long allocated = (otherThreads ? GC.GetTotalAllocatedBytes(true) : GC.GetAllocatedBytesForCurrentThread()) - before;
        if (kind is OutcomeKind.Records or OutcomeKind.FormatError)
        {
            if (watch.Elapsed > bound)
            {
                kind = OutcomeKind.Slow;
                cause = "over the time bound";
            }
            else if (!otherThreads && allocated > AllocationBound(input.Length))
            {
                kind = OutcomeKind.OverAllocation;
                cause = "over the allocation bound";
            }
        }

        return new Outcome(kind, cause, detail, records, allocated, watch.Elapsed);
    }

    /// <summary>The key of an exception's cause: its type and the method that threw it.</summary>
    /// <param name="exception">The exception.</param>
    /// <returns>The key.</returns>
    public static string CauseOf(Exception exception)
    {
        string? trace = exception.StackTrace;
        string frame = "?";
        if (trace is not null)
        {
            string first = trace.Split('\n')[0].Trim();
            int paren = first.IndexOf('(');
            frame = (first.StartsWith("at ", StringComparison.Ordinal) ? first[3..] : first)[..Math.Max(0, paren < 0 ? first.Length - 3 : paren - 3)];
        }

        return exception.GetType().Name + " at " + frame;
    }

    private static IAsyncEnumerable<object> Open(FuzzFormat format, Stream stream, CancellationToken cancellationToken) => format switch
    {
        FuzzFormat.Csv => FuzzRows.ReadCsvAsync(stream, InputName, cancellationToken),
        FuzzFormat.CsvParallel => FuzzRows.ReadCsvAsync(stream, InputName, TwoThreads, cancellationToken),
        FuzzFormat.JsonLines => FuzzRows.ReadJsonLinesAsync(stream, InputName, cancellationToken),
        FuzzFormat.Json => FuzzRows.ReadJsonAsync(stream, InputName, cancellationToken),
        FuzzFormat.Parquet => FuzzRows.ReadParquetAsync(stream, InputName, cancellationToken),
        FuzzFormat.NestedJsonLines => FuzzNested.ReadJsonLinesAsync(stream, InputName, cancellationToken),
        FuzzFormat.NestedCsv => FuzzNested.ReadCsvAsync(stream, InputName, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    // A DatasetFormatException must name the input and keep a parser's internals out of its message.
    private static (OutcomeKind Kind, string Cause) Judge(DatasetFormatException exception)
    {
        string message = exception.Message;
        if (exception.ObjectName != InputName || !message.StartsWith(InputName, StringComparison.Ordinal))
        {
            return (OutcomeKind.BadMessage, "does not name the input");
        }

        foreach (string leak in new[] { "LineNumber:", "BytePositionInLine", "Path: $", "CsvHelper", "Parquet.Net", "System." })
        {
            if (message.Contains(leak, StringComparison.Ordinal))
            {
                // One cause per kind of problem, not per value: the problem up to its first parenthesis.
                string problem = exception.Problem.Split(" (")[0];
                return (OutcomeKind.BadMessage, "message leaks '" + leak + "': " + problem[..Math.Min(problem.Length, 50)]);
            }
        }

        return (OutcomeKind.FormatError, string.Empty);
    }

    private static bool HasReplacement(object row) => row switch
    {
        FuzzRow flat => HasReplacement(flat),
        FuzzNestedRow nested => HasReplacement(nested),
        _ => throw new ArgumentOutOfRangeException(nameof(row)),
    };

    // Every string of a nested row, at any depth: names, zips, SKUs, map keys and list elements.
    private static bool HasReplacement(FuzzNestedRow row)
    {
        static bool Replaced(string? text) => text?.Contains('\uFFFD', StringComparison.Ordinal) == true;

        if (Replaced(row.Who?.Name) || Replaced(row.Who?.Home?.Zip))
        {
            return true;
        }

        if (row.Lines?.Any(line => Replaced(line?.Sku)) == true)
        {
            return true;
        }

        return row.Labels?.Any(label => Replaced(label.Key) || label.Value?.Any(Replaced) == true) == true;
    }

    private static bool HasReplacement(FuzzRow row)
    {
        if (row.Name?.Contains('\uFFFD') == true)
        {
            return true;
        }

        if (row.Words is { } words)
        {
            foreach (string? word in words)
            {
                if (word?.Contains('\uFFFD') == true)
                {
                    return true;
                }
            }
        }

        return false;
    }

    // U+FFFD written in the input itself: its UTF-8 bytes, a JSON escape of it, or its UTF-16 form.
    private static bool MayHoldReplacement(byte[] input)
    {
        if (input.Length >= 2 && ((input[0] == 0xFF && input[1] == 0xFE) || (input[0] == 0xFE && input[1] == 0xFF)))
        {
            try
            {
                return new UnicodeEncoding(input[0] == 0xFE, false, true).GetString(input, 2, input.Length - 2).Contains('\uFFFD');
            }
            catch (DecoderFallbackException)
            {
                return false;
            }
        }

        return input.AsSpan().IndexOf("\uFFFD"u8) >= 0
            || Encoding.Latin1.GetString(input).Contains("\\ufffd", StringComparison.OrdinalIgnoreCase);
    }

    private static bool Wait(ValueTask<bool> task) => task.IsCompletedSuccessfully ? task.Result : task.AsTask().GetAwaiter().GetResult();

    private static void Wait(ValueTask task)
    {
        if (!task.IsCompletedSuccessfully)
        {
            task.AsTask().GetAwaiter().GetResult();
        }
    }
}
