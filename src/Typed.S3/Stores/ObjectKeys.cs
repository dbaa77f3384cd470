using System;

namespace Typed.S3;

/// <summary>Checks on keys and bucket names shared by the stores, the layout renderer and the resolver.</summary>
internal static class ObjectKeys
{
    /// <summary>
    /// Finds why a key could escape its bucket or blur a path: empty, a leading <c>/</c>, a backslash, a NUL,
    /// an empty (<c>//</c>, trailing <c>/</c>), <c>.</c> or <c>..</c> path segment.
    /// </summary>
    /// <returns>What is wrong, or <see langword="null"/> when the key is safe.</returns>
    public static string? FindProblem(string key)
    {
        if (key.Length == 0)
        {
            return "the key is empty";
        }

        if (key[0] == '/')
        {
            return "a key cannot start with '/'";
        }

        if (key.Contains('\\'))
        {
            return "a key cannot contain '\\'";
        }

        if (key.Contains('\0'))
        {
            return "a key cannot contain a NUL character";
        }

        int start = 0;
        while (start <= key.Length)
        {
            int slash = key.IndexOf('/', start);
            int end = slash < 0 ? key.Length : slash;
            ReadOnlySpan<char> segment = key.AsSpan(start, end - start);
            if (segment.Length == 0)
            {
                return slash < 0 ? "a key cannot end with '/'" : "a key cannot contain an empty path segment ('//')";
            }

            if (segment.SequenceEqual(".") || segment.SequenceEqual(".."))
            {
                return "a key cannot contain a '" + segment.ToString() + "' path segment";
            }

            if (slash < 0)
            {
                break;
            }

            start = slash + 1;
        }

        return null;
    }
}
