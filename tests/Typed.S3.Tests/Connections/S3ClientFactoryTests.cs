using Amazon;
using Amazon.Runtime;
using Amazon.S3;

namespace Typed.S3.Tests.Connections;

public sealed class S3ClientFactoryTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void AnEndpointTurnsOnPathStyleAndChecksumsOnlyWhenRequired()
    {
        AmazonS3Config config = S3ClientFactory.CreateConfig(S3ConnectionString.Parse("s3://?endpoint_url=http://127.0.0.1:9000&region=garage"));
        Assert.StartsWith("http://127.0.0.1:9000", config.ServiceURL, StringComparison.Ordinal);
        Assert.True(config.ForcePathStyle);
        Assert.Equal("garage", config.AuthenticationRegion);
        Assert.Equal(RequestChecksumCalculation.WHEN_REQUIRED, config.RequestChecksumCalculation);
        Assert.Equal(ResponseChecksumValidation.WHEN_REQUIRED, config.ResponseChecksumValidation);
    }

    [Fact]
    public void AnEndpointWithoutARegionSignsForUsEast1AndPathStyleCanBeTurnedOff()
    {
        AmazonS3Config config = S3ClientFactory.CreateConfig(S3ConnectionString.Parse("s3://?endpoint_url=https://nyc3.digitaloceanspaces.example&force_path_style=false"));
        Assert.Equal("us-east-1", config.AuthenticationRegion);
        Assert.False(config.ForcePathStyle);
    }

    [Fact]
    public void AwsUsesTheRegionEndpointAndVirtualHostsByDefault()
    {
        AmazonS3Config config = S3ClientFactory.CreateConfig(S3ConnectionString.Parse("s3://my-bucket?region=eu-west-1"));
        Assert.Equal(RegionEndpoint.EUWest1, config.RegionEndpoint);
        Assert.Null(config.ServiceURL);
        Assert.False(config.ForcePathStyle);
        Assert.Null(config.AuthenticationRegion);
        Assert.NotEqual(RequestChecksumCalculation.WHEN_REQUIRED, config.RequestChecksumCalculation);
    }

    [Fact]
    public void TheDefaultRegionIsUsEast1AndPathStyleIsAChoice()
    {
        AmazonS3Config config = S3ClientFactory.CreateConfig(S3ConnectionString.Parse("s3://?force_path_style=true"));
        Assert.Equal(RegionEndpoint.USEast1, config.RegionEndpoint);
        Assert.True(config.ForcePathStyle);
    }

    [Fact]
    public void ExplicitKeysAreBasicCredentials()
    {
        AWSCredentials? credentials = S3ClientFactory.ResolveCredentials(S3ConnectionString.Parse("s3://EXAMPLEKEY1234:SECRET%2FVALUE@us-east-1"));
        BasicAWSCredentials basic = Assert.IsType<BasicAWSCredentials>(credentials);
        ImmutableCredentials values = basic.GetCredentials();
        Assert.Equal("EXAMPLEKEY1234", values.AccessKey);
        Assert.Equal("SECRET/VALUE", values.SecretKey);
        Assert.False(values.UseToken);
    }

    [Fact]
    public void ASessionTokenMakesSessionCredentials()
    {
        AWSCredentials? credentials = S3ClientFactory.ResolveCredentials(
            S3ConnectionString.Parse("s3://?access_key_id=ASIAEXAMPLE&secret_access_key=S&session_token=T%2BT"));
        ImmutableCredentials values = Assert.IsType<SessionAWSCredentials>(credentials).GetCredentials();
        Assert.Equal(("ASIAEXAMPLE", "S", "T+T"), (values.AccessKey, values.SecretKey, values.Token));
    }

    [Fact]
    public void NoCredentialsLeaveTheDefaultChainToTheClient()
    {
        S3StoreOptions options = S3ConnectionString.Parse("s3://");
        Assert.Null(S3ClientFactory.ResolveCredentials(options));
        using AmazonS3Client client = S3ClientFactory.Create(options);
        Assert.Equal(RegionEndpoint.USEast1, client.Config.RegionEndpoint);
    }

    [Fact]
    public void AProfileComesFromTheGivenCredentialsFile()
    {
        string file = WriteCredentials("[default]\naws_access_key_id = KEYIDDEFAULT\naws_secret_access_key = DEFAULTSECRET\n\n[analytics]\naws_access_key_id = KEYIDANALYTICS\naws_secret_access_key = ANALYTICSSECRET\naws_session_token = ANALYTICSTOKEN\n");
        S3StoreOptions options = S3ConnectionString.Parse($"s3://b/p?region=eu-west-1&profile=analytics&credentials_file={Uri.EscapeDataString(file)}");
        ImmutableCredentials values = S3ClientFactory.ResolveCredentials(options)!.GetCredentials();
        Assert.Equal(("KEYIDANALYTICS", "ANALYTICSSECRET", "ANALYTICSTOKEN"), (values.AccessKey, values.SecretKey, values.Token));

        using AmazonS3Client client = S3ClientFactory.Create(options);
        Assert.Equal(RegionEndpoint.EUWest1, client.Config.RegionEndpoint);
    }

    [Fact]
    public void ACredentialsFileWithoutAProfileUsesItsDefaultProfile()
    {
        string file = WriteCredentials("[default]\naws_access_key_id = KEYIDDEFAULT\naws_secret_access_key = DEFAULTSECRET\n");
        ImmutableCredentials values = S3ClientFactory.ResolveCredentials(new S3StoreOptions { CredentialsFile = file })!.GetCredentials();
        Assert.Equal("KEYIDDEFAULT", values.AccessKey);
    }

    [Fact]
    public void AnSsoProfileInTheConfigFileBesideResolvesThroughTheSdk()
    {
        string file = WriteCredentials("[other]\naws_access_key_id = KEYIDOTHER\naws_secret_access_key = OTHERSECRET\n");
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(file)!, "config"), """
            [profile sso-dev]
            sso_session = corp
            sso_account_id = 111122223333
            sso_role_name = DataReader
            region = eu-west-1

            [sso-session corp]
            sso_region = eu-west-1
            sso_start_url = https://corp.awsapps.example/start
            sso_registration_scopes = sso:account:access
            """);

        AWSCredentials? credentials = S3ClientFactory.ResolveCredentials(new S3StoreOptions { Profile = "sso-dev", CredentialsFile = file });
        SSOAWSCredentials sso = Assert.IsType<SSOAWSCredentials>(credentials);
        Assert.Equal("111122223333", sso.AccountId);
        Assert.Equal("DataReader", sso.RoleName);
        Assert.Equal("eu-west-1", sso.Region);
        Assert.Equal("https://corp.awsapps.example/start", sso.StartUrl);
    }

    [Fact]
    public void AMissingProfileIsNamedWithItsFile()
    {
        string file = WriteCredentials("[default]\naws_access_key_id = KEYIDDEFAULT\naws_secret_access_key = DEFAULTSECRET\n");
        var error = Assert.Throws<ObjectStoreException>(() => S3ClientFactory.Create(new S3StoreOptions { Profile = "analytics", CredentialsFile = file }));
        Assert.Equal($"The profile 'analytics' was not found in '{file}' (and the config file beside it).", error.Message);
        Assert.DoesNotContain("DEFAULTSECRET", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingCredentialsFileIsNamed()
    {
        string file = Path.Combine(_folder.Path, "nope", "credentials");
        var error = Assert.Throws<ObjectStoreException>(() => S3ClientFactory.Create(new S3StoreOptions { Profile = "analytics", CredentialsFile = file }));
        Assert.Equal($"The credentials file '{file}' (for the profile 'analytics') does not exist.", error.Message);
    }

    [Fact]
    public void AProfileWithoutCredentialsIsAClearError()
    {
        string file = WriteCredentials("[broken]\naws_access_key_id = KEYIDBROKEN\n");
        var error = Assert.Throws<ObjectStoreException>(() => S3ClientFactory.Create(new S3StoreOptions { Profile = "broken", CredentialsFile = file }));
        Assert.Equal($"The profile 'broken' in '{file}' (and the config file beside it) does not give usable credentials: InvalidDataException: Credential profile [broken] is not valid.  Please ensure the profile contains a valid combination of properties.", error.Message);
        Assert.DoesNotContain("KEYIDBROKEN", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACredentialProcessThatFailsIsDescribedWithoutItsOutputOrCommandLine()
    {
        // The command line holds a secret argument; the shell echoes it when the command is missing.
        string missing = Path.Combine(_folder.Path, "no-such-tool") + " --secret COMMANDLINESECRET";
        string file = CredentialScripts.WriteFiles(_folder.Path, $"[tool]\ncredential_process = {missing}\n");
        using S3ObjectStore store = ObjectStore.OpenS3(new S3StoreOptions { Profile = "tool", CredentialsFile = file, EndpointUrl = "http://127.0.0.1:9" });

        var error = await Assert.ThrowsAsync<ObjectStoreException>(async () => await store.ListAsync("b", string.Empty).ToListAsync());
        Assert.StartsWith($"cannot get credentials from the profile 'tool' in '{file}' (and the config file beside it): ProcessAWSCredentialException: the credential_process command ", error.Message, StringComparison.Ordinal);
        Assert.Null(error.InnerException);
        Assert.DoesNotContain("COMMANDLINESECRET", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"AccessKeyId": "AKIDPROCESSKEY", "SecretAccessKey": "PROCESSSECRET"}""", "the credential_process command printed JSON without \"Version\": 1")]
    [InlineData("""{"Version": 2, "AccessKeyId": "AKIDPROCESSKEY", "SecretAccessKey": "PROCESSSECRET"}""", "the credential_process command failed")]
    [InlineData("""{"Version": 1, "AccessKeyId": "AKIDPROCESSKEY", "SecretAccessKey": "PROCESSSECRET", "Expiration": "PROCESSTOKEN"}""", "the credential_process command printed something that is not the JSON document it must print")]
    public async Task WrongJsonFromACredentialProcessIsNamedWithoutItsValues(string output, string problem)
    {
        string process = CredentialScripts.Write(_folder.Path, output);
        string file = CredentialScripts.WriteFiles(_folder.Path, $"[default]\ncredential_process = {process}\n");
        using S3ObjectStore store = ObjectStore.OpenS3(new S3StoreOptions { CredentialsFile = file, EndpointUrl = "http://127.0.0.1:9" });

        var error = await Assert.ThrowsAsync<ObjectStoreException>(async () => await store.ListAsync("b", string.Empty).ToListAsync());
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        foreach (string secret in new[] { "AKIDPROCESSKEY", "PROCESSSECRET", "PROCESSTOKEN" })
        {
            Assert.DoesNotContain(secret, error.ToString(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("[default]\naws_access_key_id = KEYIDFILE\naws_secret_access_key FILESECRET\n", null, "line 3 of '{credentials}'")]
    [InlineData("[default\naws_access_key_id = KEYIDFILE\naws_secret_access_key = FILESECRET\n", null, "line 1 of '{credentials}'")]
    [InlineData("FILESECRET\n[default]\naws_access_key_id = KEYIDFILE\n", null, "line 1 of '{credentials}'")]
    [InlineData("[default]\naws_access_key_id = KEYIDFILE\naws_secret_access_key = FILESECRET\n", "[profile x]\nsso_start_url FILESECRET\n", "line 2 of '{config}'")]
    public void AMalformedLineIsNamedByItsNumberAndFile(string credentialsText, string? configText, string named)
    {
        string credentials = CredentialScripts.WriteFiles(_folder.Path, credentialsText, configText);
        string config = Path.Combine(Path.GetDirectoryName(credentials)!, "config");
        var error = Assert.Throws<ObjectStoreException>(() => S3ClientFactory.Create(new S3StoreOptions { CredentialsFile = credentials }));
        Assert.Contains(named.Replace("{credentials}", credentials).Replace("{config}", config), error.Message, StringComparison.Ordinal);
        Assert.Contains("is neither a [section], a name = value property nor a comment (its text is not shown: it may hold a secret)", error.Message, StringComparison.Ordinal);
        Assert.Null(error.InnerException);
        Assert.DoesNotContain("FILESECRET", error.ToString(), StringComparison.Ordinal);
    }

    private string WriteCredentials(string text)
    {
        string folder = Path.Combine(_folder.Path, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        string file = Path.Combine(folder, "credentials");
        File.WriteAllText(file, text);
        return file;
    }
}
