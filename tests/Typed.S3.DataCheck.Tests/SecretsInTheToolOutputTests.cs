using System.Diagnostics;

namespace Typed.S3.DataCheck.Tests;

/// <summary>
/// The tool run as the build runs it (its own process, the store in TYPEDS3_STORE, an environment of its own): a
/// malformed store, a broken shared credentials file and a credential_process printing its secrets never reach
/// its output, and each says what is wrong.
/// </summary>
public sealed class SecretsInTheToolOutputTests : IDisposable
{
    private const string Key = "AKIAKEYIDEXAMPLE";
    private const string Secret = "SECRETVALUE123";
    private const string Token = "TOKENVALUE456";

    private readonly DataCheckFixture _fixture = new();
    private readonly string _home;

    public SecretsInTheToolOutputTests()
    {
        _home = Path.Combine(_fixture.Root, "home");
        Directory.CreateDirectory(Path.Combine(_home, ".aws"));
    }

    public void Dispose() => _fixture.Dispose();

    [Theory]
    [InlineData(" s3://" + Key + ":" + Secret + "/bucket", "invalid connection string: credentials in the URI are written KEY:SECRET@REGION/BUCKET, and no '@' was found")]
    [InlineData(" s3://" + Key + ":" + Secret + "/bucket?session_token=" + Token + "\n", "invalid connection string: credentials in the URI are written KEY:SECRET@REGION/BUCKET, and no '@' was found")]
    [InlineData("s3:/" + Key + ":" + Secret + "@us-east-1/b?session_token=" + Token, "invalid connection string: an S3 connection string starts with s3:// (two slashes)")]
    [InlineData("\nS3:" + Key + ":" + Secret + "@us-east-1/b", "invalid connection string: an S3 connection string starts with s3:// (two slashes)")]
    [InlineData("s3://?access_key_id=" + Key + "&secret_access_key=SECRET&x=VALUE123&session_token=" + Token, "invalid connection string: an unknown parameter follows a secret")]
    [InlineData("s3://" + Key + ":SECRET@VALUE123@us-east-1/b", "invalid connection string: the key and secret before '@' must be percent-encoded")]
    [InlineData("s3://?access_key_id=" + Key + "&secret_access_key=" + Secret + "\n&session_token=" + Token, "invalid connection string: the connection string holds a line break")]
    [InlineData("s3//" + Key + ":" + Secret + "@us-east-1/b", "the store connection text was taken for a local folder path, and no such folder exists; it is not shown")]
    public async Task AMalformedStoreInTheEnvironmentIsAClearErrorWithoutItsSecrets(string store, string problem)
    {
        string schema = _fixture.WriteSchema("customers.s3schema.json", DataCheckFixture.CsvSchema);

        (int exitCode, string output) = await RunToolAsync(["--schema", schema], new() { ["TYPEDS3_STORE"] = store });

        Assert.Equal(1, exitCode);
        Assert.Contains("typeds3-datacheck: error TS3106: cannot open the store '", output, StringComparison.Ordinal);
        Assert.Contains(problem, output, StringComparison.Ordinal);
        AssertNoSecret(output);
    }

    [Fact]
    public async Task ABrokenSharedCredentialsFileIsNamedByLineWithoutItsText()
    {
        string schema = _fixture.WriteSchema("customers.s3schema.json", DataCheckFixture.CsvSchema);
        string credentials = Path.Combine(_home, ".aws", "credentials");
        File.WriteAllText(credentials, $"[default]\naws_access_key_id = {Key}\naws_secret_access_key {Secret}\naws_session_token = {Token}\n");

        (int exitCode, string output) = await RunToolAsync(
            ["--schema", schema, "--store", "s3://?endpoint_url=http://127.0.0.1:9"],
            new() { ["AWS_SHARED_CREDENTIALS_FILE"] = credentials });

        Assert.Equal(1, exitCode);
        Assert.Contains(
            $"cannot open the store 's3://?endpoint_url=http://127.0.0.1:9': The AWS SDK could not read its shared config files: InvalidDataException: line 3 of '{credentials}' "
            + "is neither a [section], a name = value property nor a comment (its text is not shown: it may hold a secret)",
            output,
            StringComparison.Ordinal);
        AssertNoSecret(output);
    }

    [Fact]
    public async Task ACredentialProcessOfTheDefaultProfileThatPrintsItsSecretsAsNonJsonIsNamedWithoutThem()
    {
        string schema = _fixture.WriteSchema("customers.s3schema.json", DataCheckFixture.CsvSchema);
        string script = Path.Combine(_home, OperatingSystem.IsWindows() ? "process.cmd" : "process.sh");
        File.WriteAllText(script, OperatingSystem.IsWindows()
            ? $"@echo AccessKeyId={Key} SecretAccessKey={Secret} SessionToken={Token}\r\n"
            : $"#!/bin/sh\necho 'AccessKeyId={Key} SecretAccessKey={Secret} SessionToken={Token}'\necho '{Secret}' >&2\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        string config = Path.Combine(_home, ".aws", "config");
        File.WriteAllText(config, $"[default]\ncredential_process = {script}\n");

        (int exitCode, string output) = await RunToolAsync(
            ["--schema", schema],
            new() { ["AWS_CONFIG_FILE"] = config, ["TYPEDS3_STORE"] = "s3://?endpoint_url=http://127.0.0.1:9" });

        Assert.Equal(1, exitCode);
        Assert.Contains(
            "cannot get credentials from the AWS default credential chain (environment variables, shared profile, SSO, web identity, container and instance roles): "
            + "ProcessAWSCredentialException: the credential_process command printed something that is not the JSON document it must print",
            output,
            StringComparison.Ordinal);
        AssertNoSecret(output);
    }

    [Theory]
    [InlineData(Key + ":" + Secret + "@us-east-1")]
    [InlineData("s3:/" + Key + ":" + Secret + "@us-east-1")]
    [InlineData("?secret_access_key=" + Secret)]
    public async Task AConnectionStringInTheWrongPlaceOfTheCommandLineIsNotEchoed(string argument)
    {
        (int exitCode, string[] lines) = await _fixture.RunAsync("--schema", "a.json", argument);

        Assert.Equal(2, exitCode);
        Assert.StartsWith("typeds3-datacheck: error: unknown argument ", lines[0], StringComparison.Ordinal);
        AssertNoSecret(string.Join("\n", lines));
    }

    private static void AssertNoSecret(string output)
    {
        foreach (string secret in new[] { Secret, Token, "VALUE123", "KEYIDEXAMPLE" })
        {
            Assert.DoesNotContain(secret, output, StringComparison.Ordinal);
        }
    }

    // Runs the tool's own assembly with dotnet, in an environment without AWS settings of the machine: HOME is the
    // test's folder, instance metadata is off, and the variables given are set.
    private async Task<(int ExitCode, string Output)> RunToolAsync(string[] args, Dictionary<string, string> environment)
    {
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _fixture.Root,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "typeds3-datacheck.dll"));
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (string name in start.Environment.Keys.Where(k => k.StartsWith("AWS_", StringComparison.OrdinalIgnoreCase) || k == "TYPEDS3_STORE").ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["HOME"] = _home;
        start.Environment["USERPROFILE"] = _home;
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        foreach ((string name, string value) in environment)
        {
            start.Environment[name] = value;
        }

        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}
