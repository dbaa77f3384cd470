namespace Typed.S3.Tests.Connections;

/// <summary>
/// The eleven shapes in which secrets leaked (issue 12), each as it was found. The data-check tool's output is in
/// Typed.S3.DataCheck.Tests (SecretsInTheToolOutputTests) and its build log in Typed.S3.Packaging.Tests
/// (DataDriftBuildTests); every form and failure shape together is in <see cref="SecretsNeverShownTests"/>.
/// </summary>
public sealed class SecretLeakProbeTests : IDisposable
{
    private const string Key = "AKIAKEYIDEXAMPLE";
    private const string Secret = "SECRETVALUE123";
    private const string Token = "TOKENVALUE456";

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    // 1. s3://KEY:SECRET/bucket (no @region) showed the secret in S3ConnectionString.Mask.
    [Fact]
    public void UserInfoWithoutARegionIsMasked()
    {
        Assert.Equal("s3://AKIA****:****", S3ConnectionString.Mask($"s3://{Key}:{Secret}/bucket"));
        Assert.Equal("s3://AKIA****:****", S3ConnectionString.Mask($"s3://{Key}:{Secret}/bucket?session_token={Token}"));
    }

    // 2. ... and in the ConnectionStringException's message.
    [Fact]
    public void UserInfoWithoutARegionIsRefusedMasked()
    {
        var error = Assert.Throws<ConnectionStringException>(() => S3ConnectionString.Parse($"s3://{Key}:{Secret}/bucket"));
        Assert.Equal(
            "Invalid connection string 's3://AKIA****:****': credentials in the URI are written KEY:SECRET@REGION/BUCKET, and no '@' was found: "
            + "add the region (such as @us-east-1) and percent-encode '/', '@' and ':' in the key and secret; a bucket name cannot hold ':'.",
            error.Message);
        AssertNothingShown(error);
    }

    // 3. A leading space made the text a local folder path, echoed whole (secret and token) in an ObjectStoreException.
    [Fact]
    public void ALeadingSpaceIsStillAnS3ConnectionString()
    {
        var error = Assert.Throws<ConnectionStringException>(() => ObjectStore.Open($" s3://{Key}:{Secret}/bucket?session_token={Token}"));
        AssertNothingShown(error);

        using S3ObjectStore store = Assert.IsType<S3ObjectStore>(ObjectStore.Open($"  s3://{Key}:{Secret}@eu-west-1/bucket?session_token={Token}"));
        Assert.Equal("S3 (region eu-west-1, access key AKIA****, temporary credentials)", store.ToString());
    }

    // 4. So did a line break.
    [Theory]
    [InlineData("\ns3://" + Key + ":" + Secret + "/bucket?session_token=" + Token)]
    [InlineData("\r\n\ts3://?access_key_id=" + Key + "&secret_access_key=" + Secret + "\n&session_token=" + Token)]
    [InlineData("s3://" + Key + ":" + Secret + "@us-east-1/b\n?session_token=" + Token)]
    public void ALineBreakIsNotTakenForAFolder(string connection)
    {
        var error = Assert.Throws<ConnectionStringException>(() => ObjectStore.Open(connection));
        AssertNothingShown(error);
    }

    [Fact]
    public void ALineBreakAroundAValidStringIsIgnored()
    {
        using S3ObjectStore store = Assert.IsType<S3ObjectStore>(ObjectStore.Open($"\ns3://{Key}:{Secret}@us-east-2/my-bucket\r\n"));
        Assert.Equal("S3 (region us-east-2, access key AKIA****, explicit credentials)", store.ToString());
    }

    // 5. So did the typo s3:/ (and s3:, s3:\\).
    [Theory]
    [InlineData("s3:/" + Key + ":" + Secret + "@us-east-1/b?session_token=" + Token)]
    [InlineData("S3:" + Key + ":" + Secret + "@us-east-1/b?session_token=" + Token)]
    [InlineData("s3:\\\\" + Key + ":" + Secret + "@us-east-1/b?session_token=" + Token)]
    [InlineData("s3:bucket?access_key_id=" + Key + "&secret_access_key=" + Secret + "&session_token=" + Token)]
    public void TheS3SlashTypoIsRefusedMasked(string connection)
    {
        var error = Assert.Throws<ConnectionStringException>(() => ObjectStore.Open(connection));
        Assert.EndsWith(
            "an S3 connection string starts with s3:// (two slashes), as in s3://BUCKET/PREFIX, s3://KEY:SECRET@REGION/BUCKET or s3://?access_key_id=...",
            error.Message,
            StringComparison.Ordinal);
        AssertNothingShown(error);
    }

    // 6. TYPEDS3_STORE through the data-check tool's build output: Typed.S3.DataCheck.Tests and Typed.S3.Packaging.Tests.

    // 7. A malformed credentials file put the secret into the inner exception's ToString().
    [Fact]
    public void AMalformedCredentialsFileIsDescribedWithoutItsLines()
    {
        string file = CredentialScripts.WriteFiles(_folder.Path, $"[default]\naws_access_key_id = {Key}\naws_secret_access_key {Secret}\naws_session_token = {Token}\n");
        var error = Assert.Throws<ObjectStoreException>(() => ObjectStore.Open($"s3://b?credentials_file={Uri.EscapeDataString(file)}"));
        Assert.Equal(
            $"The profile 'default' could not be read from '{file}' (and the config file beside it): InvalidDataException: line 3 of '{file}' "
            + "is neither a [section], a name = value property nor a comment (its text is not shown: it may hold a secret).",
            error.Message);
        Assert.Null(error.InnerException);
        AssertNothingShown(error);
    }

    // 8. A credential_process printing non-JSON put the secret into the inner exception's ToString().
    [Fact]
    public async Task ACredentialProcessPrintingNonJsonIsDescribedWithoutItsOutput()
    {
        string process = CredentialScripts.Write(_folder.Path, $"AccessKeyId={Key} SecretAccessKey={Secret} SessionToken={Token}\n");
        string file = CredentialScripts.WriteFiles(_folder.Path, $"[default]\ncredential_process = {process}\n");
        using S3ObjectStore store = Assert.IsType<S3ObjectStore>(ObjectStore.Open($"s3://b?credentials_file={Uri.EscapeDataString(file)}&endpoint_url=http://127.0.0.1:9"));

        var error = await Assert.ThrowsAsync<ObjectStoreException>(async () => await store.ListAsync("b", string.Empty).ToListAsync());
        Assert.Equal(
            $"cannot get credentials from the profile 'default' in '{file}' (and the config file beside it): ProcessAWSCredentialException: the credential_process "
            + "command printed something that is not the JSON document it must print ({\"Version\": 1, \"AccessKeyId\": ..., \"SecretAccessKey\": ...}); "
            + "its output is not shown: it may hold a secret",
            error.Message);
        Assert.Null(error.InnerException);
        AssertNothingShown(error);
    }

    // 9. ... and the SDK's ProcessAWSCredentialException escaped the store instead of an ObjectStoreException.
    [Fact]
    public async Task ACredentialProcessFailureIsAStoreError()
    {
        string process = CredentialScripts.Write(_folder.Path, $"{Secret}\n", $"{Token}\n", exitCode: 3);
        string file = CredentialScripts.WriteFiles(_folder.Path, $"[reader]\ncredential_process = {process}\n");
        using S3ObjectStore store = Assert.IsType<S3ObjectStore>(ObjectStore.Open($"s3://b?profile=reader&credentials_file={Uri.EscapeDataString(file)}&endpoint_url=http://127.0.0.1:9"));

        Exception error = await Record.ExceptionAsync(async () => await store.ListAsync("b", string.Empty).ToListAsync());
        ObjectStoreException storeError = Assert.IsType<ObjectStoreException>(error);
        Assert.Equal(
            $"cannot get credentials from the profile 'reader' in '{file}' (and the config file beside it): ProcessAWSCredentialException: "
            + "the credential_process command exited with code 3 (its error output is not shown: it may hold a secret)",
            storeError.Message);
        AssertNothingShown(storeError);
    }

    // 10. An unencoded '@' in a secret echoed the part after it (as a region).
    [Theory]
    [InlineData("s3://" + Key + ":SECRET@VALUE123@us-east-1/b", "s3://AKIA****:****@us-east-1/b", "the key and secret before '@' must be percent-encoded ('/' as %2F, '+' as %2B, '@' as %40, ':' as %3A).")]
    [InlineData("s3://" + Key + ":SECRET@VALUE123/b", "s3://AKIA****:****@****/b", "the region after '@' is not a region name in lower case (letters, digits and '-', such as eu-west-1); if the secret holds '@', percent-encode it as %40 (a region of another form goes in the query form's region=).")]
    [InlineData("s3://" + Key + ":SECRET@value123/b", "s3://AKIA****:****@value123/b", "the region after '@' is not an AWS region name (such as us-east-1 or eu-west-1): for an S3-compatible store give endpoint_url; if the secret holds '@', percent-encode it as %40.")]
    [InlineData("s3://" + Key + ":SECRET@VALUE123@/b", "s3://AKIA****:****@/b", "the key and secret before '@' must be percent-encoded ('/' as %2F, '+' as %2B, '@' as %40, ':' as %3A).")]
    public void AnUnencodedAtInTheSecretIsNotEchoed(string connection, string masked, string problem)
    {
        var error = Assert.Throws<ConnectionStringException>(() => S3ConnectionString.Parse(connection));
        Assert.Equal(masked, error.MaskedConnectionString);
        Assert.Equal(problem, error.Problem);
        Assert.DoesNotContain("SECRET", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("VALUE123", error.Problem, StringComparison.OrdinalIgnoreCase);
    }

    // 11. So did an unencoded "&x=" (the unknown parameter's name was quoted, its value shown unmasked).
    [Fact]
    public void AnUnencodedAmpersandPairInTheSecretIsNotEchoed()
    {
        string connection = $"s3://?access_key_id={Key}&secret_access_key=SECRET&x=VALUE123&region=eu-west-1";
        Assert.Equal("s3://?access_key_id=AKIA****&secret_access_key=****&region=eu-west-1", S3ConnectionString.Mask(connection));
        var error = Assert.Throws<ConnectionStringException>(() => S3ConnectionString.Parse(connection));
        Assert.StartsWith("an unknown parameter follows a secret (its name is not shown: if the secret holds '&', it is part of it; percent-encode '&' as %26)", error.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain("VALUE123", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("'x'", error.ToString(), StringComparison.Ordinal);
    }

    private static void AssertNothingShown(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            foreach (string text in new[] { e.Message, e.ToString() })
            {
                Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
                Assert.DoesNotContain(Token, text, StringComparison.Ordinal);
                Assert.DoesNotContain("KEYIDEXAMPLE", text, StringComparison.Ordinal);
            }
        }
    }
}
