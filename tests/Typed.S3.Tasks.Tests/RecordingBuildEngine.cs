using System.Collections;
using Microsoft.Build.Framework;

namespace Typed.S3.Tasks.Tests;

/// <summary>A build engine that keeps what a task logs, and prints errors and warnings as MSBuild's console logger does.</summary>
internal sealed class RecordingBuildEngine : IBuildEngine
{
    public List<BuildErrorEventArgs> Errors { get; } = new();

    public List<BuildWarningEventArgs> Warnings { get; } = new();

    public List<BuildMessageEventArgs> Messages { get; } = new();

    /// <summary>Errors and warnings in logged order, as <c>file(line,col): error CODE: message</c>.</summary>
    public List<string> Lines { get; } = new();

    public bool ContinueOnError => false;

    public int LineNumberOfTaskNode => 0;

    public int ColumnNumberOfTaskNode => 0;

    public string ProjectFileOfTaskNode => "test.csproj";

    public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) =>
        throw new NotSupportedException();

    public void LogCustomEvent(CustomBuildEventArgs e)
    {
    }

    public void LogErrorEvent(BuildErrorEventArgs e)
    {
        Errors.Add(e);
        Lines.Add(Format(e.File, e.LineNumber, e.ColumnNumber, e.EndLineNumber, e.EndColumnNumber, "error", e.Code, e.Message));
    }

    public void LogMessageEvent(BuildMessageEventArgs e) => Messages.Add(e);

    public void LogWarningEvent(BuildWarningEventArgs e)
    {
        Warnings.Add(e);
        Lines.Add(Format(e.File, e.LineNumber, e.ColumnNumber, e.EndLineNumber, e.EndColumnNumber, "warning", e.Code, e.Message));
    }

    // MSBuild's form: the end position is printed only when given, so (line,col) when it is 0.
    private static string Format(string? file, int line, int column, int endLine, int endColumn, string kind, string? code, string? message)
    {
        string position = line == 0 ? string.Empty
            : endLine == 0 && endColumn == 0 ? "(" + line + "," + column + ")"
            : "(" + line + "," + column + "," + endLine + "," + endColumn + ")";
        return file + position + ": " + kind + (code is null ? string.Empty : " " + code) + ": " + message;
    }
}
