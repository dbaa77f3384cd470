using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using Typed.S3.Schema.Diagnostics;
using Typed.S3.Schema.Json;
using Typed.S3.Schema.Model;

namespace Typed.S3.Schema.Parsing;

/// <summary>The state of one schema parse: the file, its line map, the diagnostics so far, and typed property readers.</summary>
internal sealed class ParseContext
{
    /// <summary>Creates a context.</summary>
    /// <param name="filePath">The schema file's path, as diagnostics name it.</param>
    /// <param name="text">The file's line map.</param>
    /// <param name="cancellationToken">Stops parsing.</param>
    public ParseContext(string filePath, SourceTextMap text, CancellationToken cancellationToken)
    {
        FilePath = filePath;
        Text = text;
        CancellationToken = cancellationToken;
    }

    public string FilePath { get; }

    /// <summary>The file's line map.</summary>
    public SourceTextMap Text { get; }

    /// <summary>Stops parsing.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>The diagnostics so far, in the order found.</summary>
    public List<SchemaDiagnostic> Diagnostics { get; } = new();

    /// <summary>Reports <paramref name="code"/> with its message arguments.</summary>
    /// <param name="code">The diagnostic, whose catalog entry gives its id, severity and message format.</param>
    /// <param name="span">Where.</param>
    /// <param name="args">The message arguments.</param>
    public void Report(SchemaDiagnosticCode code, SourceSpan span, params object[] args) =>
        Diagnostics.Add(SchemaDiagnostic.Create(code, FilePath, span, args));

    /// <summary>Reports <paramref name="code"/> with a message of its own (for a variant the catalog's format does not fit).</summary>
    /// <param name="code">The code: its id and severity.</param>
    /// <param name="span">Where.</param>
    /// <param name="message">The whole message.</param>
    public void ReportMessage(SchemaDiagnosticCode code, SourceSpan span, string message) =>
        Diagnostics.Add(new SchemaDiagnostic(code.Id, code.Severity, message, FilePath, span));

    /// <summary>Formats the catalog message of <paramref name="code"/>.</summary>
    /// <param name="code">The diagnostic whose catalog message format is filled in.</param>
    /// <param name="args">The message arguments.</param>
    public static string Format(SchemaDiagnosticCode code, params object[] args) =>
        string.Format(CultureInfo.InvariantCulture, code.MessageFormat, args);

    /// <summary>Whether an error was reported that starts in [<paramref name="start"/>, <paramref name="end"/>).</summary>
    /// <param name="start">The first offset.</param>
    /// <param name="end">The offset after the last.</param>
    /// <returns><see langword="true"/> when there is such an error.</returns>
    public bool HasErrorIn(int start, int end)
    {
        foreach (SchemaDiagnostic diagnostic in Diagnostics)
        {
            if (diagnostic.Severity == SchemaDiagnosticSeverity.Error && diagnostic.Span.Start >= start && diagnostic.Span.Start < end)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reports TS3002 for every property of <paramref name="node"/> not in <paramref name="expected"/>.</summary>
    /// <param name="node">The JSON object whose property names are checked.</param>
    /// <param name="where">What the object is, for the message (<c>dataset 'Customers'</c>).</param>
    /// <param name="expected">The properties it may have.</param>
    public void CheckUnknownProperties(JsonObject node, string where, string[] expected)
    {
        foreach (JsonProperty property in node.Properties)
        {
            if (Array.IndexOf(expected, property.Name) < 0)
            {
                Report(SchemaDiagnosticCodes.UnknownProperty, property.NameSpan, property.Name, where, string.Join(", ", expected));
            }
        }
    }

    /// <summary>Reports TS3003: <paramref name="node"/> lacks the property <paramref name="name"/>.</summary>
    /// <param name="node">The JSON object that lacks the property; the diagnostic points at it.</param>
    /// <param name="where">What the object is (<c>dataset 'Customers'</c>).</param>
    /// <param name="name">The missing property.</param>
    public void ReportMissing(JsonObject node, string where, string name) =>
        Report(SchemaDiagnosticCodes.MissingProperty, node.Span, Capitalize(where), name);

    /// <summary>Reports TS3010: <paramref name="property"/>'s value is not what was expected.</summary>
    /// <param name="property">The property whose value has the wrong form; the diagnostic points at the value.</param>
    /// <param name="expected">What was expected (<c>a string</c>).</param>
    public void ReportInvalid(JsonProperty property, string expected) =>
        Report(SchemaDiagnosticCodes.InvalidValue, property.Value.Span, property.Name, expected, property.Value.Describe());

    /// <summary>The property's value as a string, or <see langword="null"/> after reporting TS3010.</summary>
    /// <returns>The string node.</returns>
    public JsonString? ExpectString(JsonProperty property)
    {
        if (property.Value is JsonString value)
        {
            return value;
        }

        ReportInvalid(property, "a string");
        return null;
    }

    /// <summary>The property's value as a Boolean, or <see langword="null"/> after reporting TS3010.</summary>
    public bool? ExpectBool(JsonProperty property)
    {
        if (property.Value is JsonBoolean value)
        {
            return value.Value;
        }

        ReportInvalid(property, "true or false");
        return null;
    }

    /// <summary>The property's value as a whole number from <paramref name="minimum"/> to <paramref name="maximum"/>, or <see langword="null"/> after reporting TS3010.</summary>
    /// <param name="property">The property to read; the diagnostic, if any, points at its value.</param>
    /// <param name="minimum">The smallest value allowed.</param>
    /// <param name="maximum">The largest value allowed.</param>
    public long? ExpectInteger(JsonProperty property, long minimum, long maximum)
    {
        if (property.Value is JsonNumber number
            && long.TryParse(number.RawText, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out long value)
            && value >= minimum && value <= maximum)
        {
            return value;
        }

        ReportInvalid(property, "a whole number from " + minimum.ToString(System.Globalization.CultureInfo.InvariantCulture) + " to " + maximum.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return null;
    }

    /// <summary>The property's value as an object, or <see langword="null"/> after reporting TS3010.</summary>
    public JsonObject? ExpectObject(JsonProperty property)
    {
        if (property.Value is JsonObject value)
        {
            return value;
        }

        ReportInvalid(property, "an object");
        return null;
    }

    /// <summary>Upper-cases the first character (<c>dataset 'X'</c> to <c>Dataset 'X'</c>).</summary>
    /// <returns>The text, capitalized.</returns>
    public static string Capitalize(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);
}
