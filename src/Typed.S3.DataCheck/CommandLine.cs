using System;
using System.Collections.Generic;
using System.Globalization;

namespace Typed.S3.DataCheck;

/// <summary>The parsed command line of <c>typeds3-datacheck</c>.</summary>
internal sealed class CommandLine
{
    /// <summary>The usage text, printed with a bad command line.</summary>
    public const string Usage =
        "usage: typeds3-datacheck --schema <file> [--schema <file>...] [--store <uri>] [--sample <N, default 3>] [--rows <K, default 100>] [--warnings]";

    private CommandLine(IReadOnlyList<string> schemas, string? store, int sample, int rows, bool warnings)
    {
        Schemas = schemas;
        Store = store;
        Sample = sample;
        Rows = rows;
        Warnings = warnings;
    }

    /// <summary>The schema files, in the order given.</summary>
    public IReadOnlyList<string> Schemas { get; }

    /// <summary>The store's connection text from <c>--store</c>, or <see langword="null"/>.</summary>
    public string? Store { get; }

    /// <summary>How many of the newest objects of each dataset are checked.</summary>
    public int Sample { get; }

    /// <summary>How many rows (records) of each object are checked.</summary>
    public int Rows { get; }

    /// <summary>Whether drift is reported as warnings instead of errors.</summary>
    public bool Warnings { get; }

    /// <summary>Parses the arguments; <see langword="null"/> with <paramref name="problem"/> set when they are not valid.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="problem">What is wrong.</param>
    /// <returns>The command line, or <see langword="null"/>.</returns>
    public static CommandLine? Parse(IReadOnlyList<string> args, out string? problem)
    {
        var schemas = new List<string>();
        string? store = null;
        int sample = 3;
        int rows = 100;
        bool warnings = false;
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            switch (arg)
            {
                case "--warnings":
                    warnings = true;
                    continue;
                case "--schema":
                case "--store":
                case "--sample":
                case "--rows":
                    break;
                default:
                    problem = "unknown argument " + Quote(arg);
                    return null;
            }

            if (i + 1 >= args.Count || string.IsNullOrEmpty(args[i + 1]))
            {
                problem = arg + " needs a value";
                return null;
            }

            string value = args[++i];
            switch (arg)
            {
                case "--schema":
                    schemas.Add(value);
                    break;
                case "--store":
                    if (store is not null)
                    {
                        problem = "--store is given more than once";
                        return null;
                    }

                    store = value;
                    break;
                case "--sample":
                    if (!TryParseCount(value, out sample))
                    {
                        problem = "--sample needs a whole number of at least 1, not " + Quote(value);
                        return null;
                    }

                    break;
                default:
                    if (!TryParseCount(value, out rows))
                    {
                        problem = "--rows needs a whole number of at least 1, not " + Quote(value);
                        return null;
                    }

                    break;
            }
        }

        if (schemas.Count == 0)
        {
            problem = "give at least one --schema <file>";
            return null;
        }

        problem = null;
        return new CommandLine(schemas, store, sample, rows, warnings);
    }

    private static bool TryParseCount(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= 1;

    // An argument could be a connection string given in the wrong place: never echo it whole. One the mask changes is
    // shown masked; one that holds ':', '@' or '=' the mask does not understand is not shown at all.
    private static string Quote(string text)
    {
        string masked = S3ConnectionString.Mask(text);
        if (!string.Equals(masked, text, StringComparison.Ordinal))
        {
            return "'" + masked + "'";
        }

        if (text.AsSpan().IndexOfAny(":@=") >= 0)
        {
            return "(not shown: it may hold a credential)";
        }

        return "'" + (text.Length <= 40 ? text : text.Substring(0, 40) + "...") + "'";
    }
}
