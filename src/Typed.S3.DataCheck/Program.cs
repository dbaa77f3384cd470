using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Typed.S3.Schema.Diagnostics;
using Typed.S3.Schema.Json;
using Typed.S3.Schema.Model;
using Typed.S3.Schema.Parsing;

namespace Typed.S3.DataCheck;

/// <summary>
/// <c>typeds3-datacheck</c>: checks that the data a set of schema files points at still matches them (issue 5, the
/// data-drift check). For each dataset it lists the location, takes the newest objects and checks their columns and
/// first rows, writing each mismatch as an MSBuild canonical message at the schema file's line.
/// </summary>
public static class Program
{
    /// <summary>The tool's name, the origin of messages that belong to no schema file.</summary>
    public const string ToolName = "typeds3-datacheck";

    /// <summary>The environment variable naming the store when <c>--store</c> is not given.</summary>
    public const string StoreVariable = "TYPEDS3_STORE";

    /// <summary>Runs the check with the console as output.</summary>
    /// <param name="args">The command line.</param>
    /// <returns>0 when no error was found, 1 on errors, 2 on a bad command line.</returns>
    public static Task<int> Main(string[] args) => RunAsync(args, Console.Out);

    /// <summary>Runs the check.</summary>
    /// <param name="args">
    /// <c>--schema &lt;file&gt;</c> (repeatable), <c>--store &lt;uri&gt;</c> (else <c>TYPEDS3_STORE</c>, else <c>s3://</c>),
    /// <c>--sample &lt;N&gt;</c> (default 3), <c>--rows &lt;K&gt;</c> (default 100), <c>--warnings</c>.
    /// </param>
    /// <param name="output">Where the messages go, one a line.</param>
    /// <returns>0 when no error was found (warnings allowed), 1 on errors, 2 on a bad command line.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        CommandLine? options = CommandLine.Parse(args, out string? problem);
        if (options is null)
        {
            output.WriteLine(ToolName + ": error: " + problem);
            output.WriteLine(CommandLine.Usage);
            return 2;
        }

        var report = new DriftReport(output, options.Warnings);
        var schemas = new List<(string Path, SchemaDocument Document, JsonParseResult Json)>();
        foreach (string path in options.Schemas)
        {
            string text;
            try
            {
                text = await File.ReadAllTextAsync(path).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                report.Error(path, SourceSpan.FileStart, DataDriftCodes.SchemaNotChecked, "cannot read the schema file: " + exception.Message);
                continue;
            }

            SchemaDocument document = SchemaParser.Parse(path, text);
            if (document.HasErrors)
            {
                ReportSchemaErrors(report, path, document);
                continue;
            }

            schemas.Add((path, document, JsonReader.Parse(path, text)));
        }

        string? fromEnvironment = Environment.GetEnvironmentVariable(StoreVariable);
        string connection = options.Store ?? (string.IsNullOrWhiteSpace(fromEnvironment) ? "s3://" : fromEnvironment);
        string masked = S3ConnectionString.Mask(connection);
        if (schemas.Count == 0)
        {
            report.Info("no schema file to check");
            return report.Errors > 0 ? 1 : 0;
        }

        IObjectStore store;
        try
        {
            store = ObjectStore.Open(connection);
        }
        catch (Exception exception)
        {
            // Messages of the store's exceptions quote the connection text with its secrets masked, if at all; an
            // invalid connection string is quoted once, masked, with what is wrong with it.
            string why = exception is ConnectionStringException invalid ? "invalid connection string: " + invalid.Problem : exception.Message;
            report.ToolError(DataDriftCodes.StoreFailure, "cannot open the store '" + masked + "': " + why);
            return 1;
        }

        int datasets = 0;
        int objects = 0;
        try
        {
            foreach ((string path, SchemaDocument document, JsonParseResult json) in schemas)
            {
                foreach (DatasetModel dataset in document.Datasets)
                {
                    var checker = new DatasetChecker(store, report, path, dataset, LocationSpan(json, dataset), options.Rows);
                    await checker.CheckAsync(options.Sample, CancellationToken.None).ConfigureAwait(false);
                    datasets++;
                    objects += checker.ObjectsChecked;
                }
            }
        }
        finally
        {
            if (store is IAsyncDisposable asyncDisposable)
            {
                await asyncDisposable.DisposeAsync().ConfigureAwait(false);
            }
            else if (store is IDisposable disposable)
            {
                disposable.Dispose();
            }
        }

        report.Info(string.Create(CultureInfo.InvariantCulture,
            $"{datasets} dataset(s), {objects} object(s) checked in {masked}: {report.Errors} error(s), {report.Warnings} warning(s)"));
        return report.Errors > 0 ? 1 : 0;
    }

    // The schema's own diagnostics are the validation task's to report: one line says why the data was not checked.
    private static void ReportSchemaErrors(DriftReport report, string path, SchemaDocument document)
    {
        int errors = 0;
        SchemaDiagnostic? first = null;
        foreach (SchemaDiagnostic diagnostic in document.Diagnostics)
        {
            if (diagnostic.Severity == SchemaDiagnosticSeverity.Error)
            {
                errors++;
                first ??= diagnostic;
            }
        }

        report.Error(path, first!.Span, DataDriftCodes.SchemaNotChecked, string.Create(CultureInfo.InvariantCulture,
            $"the schema file has {errors} error(s) (the first: {first.Id} {first.Message}); its data was not checked"));
    }

    // The dataset's "location" value, where a problem of the whole dataset is reported; the dataset itself when not found.
    private static SourceSpan LocationSpan(JsonParseResult json, DatasetModel dataset)
    {
        if (json.Root is JsonObject root
            && root.Find("datasets")?.Value is JsonObject datasets
            && datasets.Find(dataset.Name)?.Value is JsonObject node
            && node.Find("location")?.Value is JsonNode location)
        {
            return location.Span;
        }

        return dataset.Span;
    }
}
