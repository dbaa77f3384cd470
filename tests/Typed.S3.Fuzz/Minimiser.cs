namespace Typed.S3.Fuzz;

/// <summary>Shrinks an input while it keeps failing the same way: removes spans, halving their size, then single bytes.</summary>
public static class Minimiser
{
    /// <summary>The smallest input found that still satisfies <paramref name="fails"/>.</summary>
    /// <param name="input">A failing input.</param>
    /// <param name="fails">Whether a candidate fails the same way.</param>
    /// <param name="maxAttempts">How many candidates to try at most.</param>
    /// <returns>The shrunk input.</returns>
    public static byte[] Shrink(byte[] input, Func<byte[], bool> fails, int maxAttempts = 3000)
    {
        byte[] current = input;
        int attempts = 0;
        for (int span = Math.Max(1, current.Length / 2); span >= 1 && attempts < maxAttempts; span /= 2)
        {
            bool removed = true;
            while (removed && attempts < maxAttempts)
            {
                removed = false;
                for (int start = 0; start + span <= current.Length && attempts < maxAttempts; start += span)
                {
                    byte[] candidate = new byte[current.Length - span];
                    current.AsSpan(0, start).CopyTo(candidate);
                    current.AsSpan(start + span).CopyTo(candidate.AsSpan(start));
                    attempts++;
                    if (fails(candidate))
                    {
                        current = candidate;
                        removed = true;
                        start -= span;
                    }
                }
            }
        }

        return current;
    }
}
