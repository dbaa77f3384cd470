using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;

namespace Typed.S3;

/// <summary>
/// Describes what the AWS SDK throws about credentials files, profiles and <c>credential_process</c> without a
/// secret. The SDK quotes a malformed line of a credentials file whole (<c>Line 3:&lt;aws_secret_access_key X&gt; in
/// file ...</c>), puts a <c>credential_process</c>'s output into a <see cref="System.Text.Json.JsonException"/>'s message
/// and its error output into the <see cref="ProcessAWSCredentialException"/>'s, and gathers such messages into the
/// default chain's "Failed to resolve AWS credentials" text. A description keeps the SDK exception's type and what
/// is safe of its message (line numbers, file paths, exit codes, profile names), never a line's text nor a process's
/// output, and no inner exception is kept. The values of secret properties in the files involved, their malformed
/// lines and the <c>AWS_*</c> key variables are then blanked out of what is left, in case a message quotes one in a
/// way not foreseen here.
/// </summary>
internal static partial class CredentialErrors
{
    /// <summary>The shared credentials and config files the SDK reads when no file is named.</summary>
    /// <returns>Their paths: the environment's overrides and the defaults.</returns>
    public static string?[] SharedFiles() =>
    [
        Environment.GetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE"),
        Environment.GetEnvironmentVariable("AWS_CONFIG_FILE"),
        SafePath(() => SharedCredentialsFile.DefaultFilePath),
        SafePath(() => SharedCredentialsFile.DefaultConfigFilePath),
    ];

    /// <summary>The files a profile is read from: the credentials file named and the <c>config</c> file beside it, or the shared files.</summary>
    /// <param name="credentialsFile">The credentials file named, or <see langword="null"/>.</param>
    /// <returns>The paths.</returns>
    public static string?[] FilesOf(string? credentialsFile) => string.IsNullOrEmpty(credentialsFile)
        ? SharedFiles()
        : [credentialsFile, Path.Combine(Path.GetDirectoryName(credentialsFile) ?? ".", "config"), .. SharedFiles()];

    /// <summary>Describes a failure of the SDK's credential code in a sentence that holds no secret.</summary>
    /// <param name="error">What the SDK threw.</param>
    /// <param name="files">The credentials and config files involved, whose secret values are blanked out.</param>
    /// <returns>The description, after the SDK exception's type name (<c>InvalidDataException: line 3 of ...</c>).</returns>
    public static string Describe(Exception error, IEnumerable<string?> files)
    {
        ArgumentNullException.ThrowIfNull(error);
        Exception cause = Unwrap(error);
        string text = cause is ProcessAWSCredentialException ? DescribeProcessFailure(cause.Message) : cause.Message;
        text = MalformedLine().Replace(text, match => string.Create(
            CultureInfo.InvariantCulture,
            $"line {match.Groups["line"].Value} of '{match.Groups["file"].Value.Trim()}' is neither a [section], a name = value property nor a comment (its text is not shown: it may hold a secret)"));
        text = ProcessErrorOutput().Replace(text, " (its error output is not shown: it may hold a secret)");
        text = Redact(text, files);
        return $"{cause.GetType().Name}: {text.Trim().TrimEnd('.')}";
    }

    // The SDK's cause inside the wrappers it arrives in (a type initializer that read the shared files, say).
    private static Exception Unwrap(Exception error)
    {
        Exception cause = error;
        while (cause.InnerException is not null
            && (cause is TypeInitializationException or TargetInvocationException || (cause is AggregateException aggregate && aggregate.InnerExceptions.Count == 1)))
        {
            cause = cause.InnerException;
        }

        return cause;
    }

    // The ProcessAWSCredentialException's messages, from the SDK's ProcessAWSCredentials; any other is not shown.
    private static string DescribeProcessFailure(string message)
    {
        Match exit = ProcessExitCode().Match(message);
        if (exit.Success)
        {
            return $"the credential_process command exited with code {exit.Groups["code"].Value} (its error output is not shown: it may hold a secret)";
        }

        if (message.Contains("malformed JSON", StringComparison.OrdinalIgnoreCase))
        {
            return "the credential_process command printed something that is not the JSON document it must print "
                + "({\"Version\": 1, \"AccessKeyId\": ..., \"SecretAccessKey\": ...}); its output is not shown: it may hold a secret";
        }

        if (message.Contains("Version in JSON Payload", StringComparison.Ordinal))
        {
            return "the credential_process command printed JSON without \"Version\": 1";
        }

        if (message.StartsWith("Unsupported credential version", StringComparison.Ordinal))
        {
            return "the credential_process command printed a \"Version\" other than 1";
        }

        Match failed = ProcessFailed().Match(message);
        return failed.Success
            ? $"the credential_process command failed ({failed.Groups["type"].Value}; its output is not shown: it may hold a secret)"
            : "the credential_process command failed (the SDK's message is not shown: it may quote the command's output)";
    }

    // Blanks out every secret value, and every malformed line, of the files, and the AWS_* key variables.
    private static string Redact(string text, IEnumerable<string?> files)
    {
        var secrets = new HashSet<string>(StringComparer.Ordinal);
        foreach (string? file in files.Distinct(StringComparer.Ordinal))
        {
            foreach (string line in ReadLines(file))
            {
                string trimmed = line.Trim();
                if (trimmed.Length == 0 || trimmed[0] is '#' or ';' || (trimmed[0] == '[' && trimmed[^1] == ']'))
                {
                    continue;
                }

                int equals = trimmed.IndexOf('=');
                if (equals < 0)
                {
                    AddWithWords(secrets, trimmed);
                }
                else
                {
                    string name = trimmed.Substring(0, equals).Trim();
                    if (S3ConnectionParameter.IsSecret(name) || S3ConnectionParameter.IsAccessKeyId(name))
                    {
                        AddWithWords(secrets, trimmed.Substring(equals + 1).Trim());
                    }
                }
            }
        }

        foreach (string variable in (string[])["AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_ACCESS_KEY_ID"])
        {
            AddWithWords(secrets, Environment.GetEnvironmentVariable(variable));
        }

        foreach (string secret in secrets.OrderByDescending(s => s.Length))
        {
            text = text.Replace(secret, SecretMask.Masked, StringComparison.Ordinal);
        }

        return text;
    }

    // A value and each of its words; pieces shorter than four characters would blank out ordinary words.
    private static void AddWithWords(HashSet<string> secrets, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        foreach (string piece in value.Split((char[])[' ', '\t', '"', '\''], StringSplitOptions.RemoveEmptyEntries).Append(value.Trim()))
        {
            if (piece.Length >= 4)
            {
                secrets.Add(piece);
            }
        }
    }

    private static IEnumerable<string> ReadLines(string? file)
    {
        if (string.IsNullOrEmpty(file))
        {
            return [];
        }

        try
        {
            var info = new FileInfo(file);
            return info.Exists && info.Length <= 1024 * 1024 ? File.ReadAllLines(file) : [];
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return [];
        }
    }

    private static string? SafePath(Func<string> path)
    {
        try
        {
            return path();
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            return null;
        }
    }

    // "Line 3:<the line>\n in file /path does not contain a section, property or comment." (ProfileIniFile).
    [GeneratedRegex(@"Line (?<line>\d+):<.*?>\s*in file (?<file>.*?) does not contain a section, property or comment\.?", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex MalformedLine();

    // "Command returned non-zero exit value 1 with the error - <stderr>" (ProcessAWSCredentials).
    [GeneratedRegex(@"non-zero exit value (?<code>-?\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex ProcessExitCode();

    [GeneratedRegex(@"\s*with the error - .*", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex ProcessErrorOutput();

    // "AWS credential process terminated with System.ComponentModel.Win32Exception": a type name only (the process could
    // not be started, or the SDK failed on its output: a FormatException for a "Version" other than 1).
    [GeneratedRegex(@"^AWS credential process terminated with (?<type>[\w.`+]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex ProcessFailed();
}
