using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Typed.S3.Schema.Checks;
using Typed.S3.Schema.Diagnostics;
using Typed.S3.Schema.Model;
using Typed.S3.Schema.Parsing;

namespace Typed.S3.Tasks;

/// <summary>
/// Checks a project's <c>*.s3schema.json</c> files with the generator's own parser, then across files
/// (<see cref="ProjectSchemaChecks"/>), and logs every problem with its <c>TS3xxx</c> code, file, line and column,
/// so the build prints <c>sales.s3schema.json(12,7): error TS3004: ...</c> as the compiler would. Fails when any is an error.
/// Info diagnostics (TS3026, a renamed property) are messages, as the compiler logs them, unless <c>WarningsAsErrors</c>
/// names them. Warnings follow the project's compiler switches, as the generator's diagnostics do: <c>NoWarn</c> drops them,
/// <c>TreatWarningsAsErrors</c> and <c>WarningsAsErrors</c> (less <c>WarningsNotAsErrors</c>) make them errors.
/// </summary>
public sealed class ValidateTypedS3Schemas : Task
{
    /// <summary>The schema files (none is fine: there is nothing to check).</summary>
    public ITaskItem[] SchemaFiles { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>The project's <c>$(TreatWarningsAsErrors)</c>.</summary>
    public bool TreatWarningsAsErrors { get; set; }

    /// <summary>The project's <c>$(WarningsAsErrors)</c>: ids separated by <c>;</c> or <c>,</c>.</summary>
    public string? WarningsAsErrors { get; set; }

    /// <summary>The project's <c>$(WarningsNotAsErrors)</c>.</summary>
    public string? WarningsNotAsErrors { get; set; }

    /// <summary>The project's <c>$(NoWarn)</c>.</summary>
    public string? NoWarn { get; set; }

    /// <summary>How many schema files were checked (for logs and tests).</summary>
    [Output]
    public int CheckedCount { get; set; }

    /// <inheritdoc />
    public override bool Execute()
    {
        _noWarn = Ids(NoWarn);
        _asErrors = Ids(WarningsAsErrors);
        _notAsErrors = Ids(WarningsNotAsErrors);
        var documents = new List<SchemaDocument>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (ITaskItem item in SchemaFiles)
        {
            string path = item.GetMetadata("FullPath");
            if (path.Length == 0)
            {
                path = Path.GetFullPath(item.ItemSpec);
            }

            if (!seen.Add(path))
            {
                continue;
            }

            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException)
            {
                Log.LogError(null, null, null, path, 0, 0, 0, 0, "Cannot read the Typed.S3 schema file: {0}", exception.Message);
                continue;
            }

            SchemaDocument document = SchemaParser.Parse(path, text);
            documents.Add(document);
            foreach (SchemaDiagnostic diagnostic in document.Diagnostics)
            {
                LogDiagnostic(diagnostic);
            }
        }

        foreach (SchemaDiagnostic diagnostic in ProjectSchemaChecks.Run(documents))
        {
            LogDiagnostic(diagnostic);
        }

        CheckedCount = documents.Count;
        Log.LogMessage(MessageImportance.Low, "Typed.S3: checked {0} schema file(s).", documents.Count);
        return !Log.HasLoggedErrors;
    }

    private HashSet<string> _noWarn = new(StringComparer.OrdinalIgnoreCase);
    private HashSet<string> _asErrors = new(StringComparer.OrdinalIgnoreCase);
    private HashSet<string> _notAsErrors = new(StringComparer.OrdinalIgnoreCase);

    private static HashSet<string> Ids(string? list)
    {
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (string id in (list ?? string.Empty).Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries))
        {
            if (id.Trim().Length > 0)
            {
                ids.Add(id.Trim());
            }
        }

        return ids;
    }

    // The start line and column only (no end): MSBuild then prints file(line,col), the compiler's form, which IDEs
    // and CI log parsers read. The message goes out as is, never as a format string (layouts hold braces).
    private void LogDiagnostic(SchemaDiagnostic diagnostic)
    {
        SourceSpan span = diagnostic.Span;
        if (diagnostic.Severity == SchemaDiagnosticSeverity.Info)
        {
            // As the compiler treats an info diagnostic: a message (shown at normal verbosity) that TreatWarningsAsErrors
            // leaves alone; NoWarn drops it, and only WarningsAsErrors naming its id makes it an error.
            if (_noWarn.Contains(diagnostic.Id))
            {
                return;
            }

            if (_asErrors.Contains(diagnostic.Id) && !_notAsErrors.Contains(diagnostic.Id))
            {
                Log.LogError(null, diagnostic.Id, null, diagnostic.FilePath, span.StartLine + 1, span.StartColumn + 1, 0, 0, "{0}", diagnostic.Message);
            }
            else
            {
                Log.LogMessage(null, diagnostic.Id, null, diagnostic.FilePath, span.StartLine + 1, span.StartColumn + 1, 0, 0, MessageImportance.Normal, "{0}", diagnostic.Message);
            }

            return;
        }

        bool error = diagnostic.Severity == SchemaDiagnosticSeverity.Error;
        if (!error)
        {
            if (_noWarn.Contains(diagnostic.Id))
            {
                return;
            }

            error = (TreatWarningsAsErrors || _asErrors.Contains(diagnostic.Id)) && !_notAsErrors.Contains(diagnostic.Id);
        }

        if (error)
        {
            Log.LogError(null, diagnostic.Id, null, diagnostic.FilePath, span.StartLine + 1, span.StartColumn + 1, 0, 0, "{0}", diagnostic.Message);
        }
        else
        {
            Log.LogWarning(null, diagnostic.Id, null, diagnostic.FilePath, span.StartLine + 1, span.StartColumn + 1, 0, 0, "{0}", diagnostic.Message);
        }
    }
}
