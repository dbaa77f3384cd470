namespace Typed.S3.Tests.Connections;

/// <summary>Credentials files and real <c>credential_process</c> scripts that print what a test asks, for the leak tests.</summary>
internal static class CredentialScripts
{
    /// <summary>Writes a script that prints <paramref name="output"/> and <paramref name="error"/> and exits with <paramref name="exitCode"/>.</summary>
    /// <returns>The command line for <c>credential_process</c>.</returns>
    public static string Write(string folder, string output, string error = "", int exitCode = 0)
    {
        string name = "credential-process-" + Guid.NewGuid().ToString("N").Substring(0, 8);
        string outputFile = Path.Combine(folder, name + ".out");
        string errorFile = Path.Combine(folder, name + ".err");
        File.WriteAllText(outputFile, output);
        File.WriteAllText(errorFile, error);
        if (OperatingSystem.IsWindows())
        {
            string script = Path.Combine(folder, name + ".cmd");
            File.WriteAllText(script, $"@echo off\r\ntype \"{outputFile}\"\r\ntype \"{errorFile}\" 1>&2\r\nexit /b {exitCode}\r\n");
            return script;
        }
        else
        {
            string script = Path.Combine(folder, name + ".sh");
            File.WriteAllText(script, $"#!/bin/sh\ncat '{outputFile}'\ncat '{errorFile}' >&2\nexit {exitCode}\n");
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            return script;
        }
    }

    /// <summary>Writes <c>credentials</c> (and, if given, <c>config</c> beside it) in a folder of its own.</summary>
    /// <returns>The credentials file's path.</returns>
    public static string WriteFiles(string parent, string credentials, string? config = null)
    {
        string folder = Path.Combine(parent, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        string file = Path.Combine(folder, "credentials");
        File.WriteAllText(file, credentials);
        if (config is not null)
        {
            File.WriteAllText(Path.Combine(folder, "config"), config);
        }

        return file;
    }
}
