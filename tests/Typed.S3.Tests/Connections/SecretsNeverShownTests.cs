namespace Typed.S3.Tests.Connections;

/// <summary>Parses every connection form, good and bad, with distinctive secrets, and looks for them in all the text shown.</summary>
public sealed class SecretsNeverShownTests : IDisposable
{
    private const string Key = "KEYIDEXAMPLE1234";
    private const string Secret = "SECRETVALUE123";
    private const string Token = "TOKENVALUE456";

    // Pieces of the secrets (and of their encoded forms) that must never appear.
    // Stands for the path of a credentials file with an [analytics] profile, written by the test.
    private const string CredentialsFile = "{credentials-file}";

    private readonly TempFolder _folder = new();

    private static readonly string[] Forbidden = ["EXAMPLE1234", "SECRETVALUE", "VALUE123", "TOKENVALUE", "VALUE456", "SECRET%2F", "VAL%2BUE"];

    public static TheoryData<string> Good() => new()
    {
        $"s3://?access_key_id={Key}&secret_access_key={Secret}",
        $"s3://?access_key_id={Key}&secret_access_key={Secret}&session_token={Token}&region=eu-west-1&endpoint_url=http://127.0.0.1:9000&layout=x/{{file_id}}.{{ext}}",
        $"s3://?aws_access_key_id={Key}&aws_secret_access_key={Secret}&aws_session_token={Token}&region_name=auto&endpoint=https://r2.example.com&payload_signing=false",
        $"s3://{Key}:{Secret}@us-east-2/my-bucket",
        $"s3://{Key}:SECRET%2FVAL%2BUE123@us-east-2/my-bucket/prefix/**/*.csv",
        $"s3://{Key}:{Secret}@auto/b?endpoint_url=http://localhost:9000&force_path_style=true",
        $"s3://my-bucket/prefix/**/*.csv?region=eu-west-1&profile=analytics&credentials_file={CredentialsFile}",
        $"s3://my-bucket/prefix?region=eu-west-1&credentials_file={CredentialsFile}",
        $"s3://{Key}:SECRET?VALUE123@us-east-1/b",
        "s3://",
    };

    public static TheoryData<string> Bad() => new()
    {
        $"s3://?access_key_id={Key}",
        $"s3://?secret_access_key={Secret}",
        $"s3://?session_token={Token}",
        $"s3://?access_key_id={Key}&session_token={Token}",
        $"s3://?access_key_id={Key}&secret_access_key={Secret}&session_token={Token}&colour=blue",
        $"s3://?access_key_id={Key}&secret_access_key={Secret}&secret_access_key={Secret}",
        $"s3://?access_key_id={Key}&secret_access_key={Secret}&payload_signing=maybe",
        $"s3://?access_key_id={Key}&secret_access_key={Secret}&profile=analytics",
        $"s3://?access_key_id={Key}&secret_access_key={Secret}&endpoint_url=http://minio:{Secret}@localhost:9000",
        $"s3://?access_key_id={Key}&secret_access_key={Secret}&session_token={Token}&region=",
        $"s3://?access_key_id={Key}&secret_access_key=SECRET&VALUE123&region=x",
        $"s3://?secret_access_key={Secret}&&access_key_id={Key}",
        $"s3://{Key}@us-east-1/b",
        $"s3://{Key}:@us-east-1/b",
        $"s3://:{Secret}@us-east-1/b",
        $"s3://{Key}:SECRET/VALUE123@us-east-1/b",
        $"s3://{Key}:SECRETVALUE123@/b",
        $"s3://{Key}:{Secret}@us east/b",
        $"s3://{Key}:{Secret}@us-east-1/b?region=eu-west-1",
        $"s3://{Key}:{Secret}@us-east-1/b?secret_access_key={Secret}",
        $"s3://{Key}:{Secret}@us-east-1/b?credentials_file=/tmp/c",
        $"s3://{Key}:{Secret}@us-east-1/b?regoin=x",
        $"s3://{Key}:{Secret}@us-east-1/my-*-bucket",
        $"S4://{Key}:{Secret}@us-east-1/b",
    };

    [Theory]
    [MemberData(nameof(Good))]
    public void ParsedOptionsNeverShowASecret(string connection)
    {
        string credentials = Path.Combine(_folder.Path, "credentials");
        File.WriteAllText(credentials, $"[default]\naws_access_key_id = {Key}\naws_secret_access_key = {Secret}\n[analytics]\naws_access_key_id = {Key}\naws_secret_access_key = {Secret}\naws_session_token = {Token}\n");
        connection = connection.Replace(CredentialsFile, Uri.EscapeDataString(credentials), StringComparison.Ordinal);
        S3StoreOptions options = S3ConnectionString.Parse(connection);
        AssertNoSecret(options.ToString());
        AssertNoSecret(S3ConnectionString.Mask(connection));
        Assert.True(S3ConnectionString.TryParse(connection, out _));

        using IDisposable store = (IDisposable)ObjectStore.Open(connection);
        AssertNoSecret(store.ToString()!);
    }

    [Theory]
    [MemberData(nameof(Bad))]
    public void ErrorsNeverShowASecret(string connection)
    {
        var error = Assert.Throws<ConnectionStringException>(() => S3ConnectionString.Parse(connection));
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            AssertNoSecret(e.Message);
            AssertNoSecret(e.ToString());
        }

        AssertNoSecret(error.MaskedConnectionString);
        Assert.False(S3ConnectionString.TryParse(connection, out _));
    }

    [Theory]
    [MemberData(nameof(Bad))]
    public void OpeningAStoreNeverShowsASecret(string connection)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => ObjectStore.Open(connection));
        AssertNoSecret(error.ToString());
    }

    [Fact]
    public void TheSecretsAreReallyThere()
    {
        // The checks above would pass on text that never held the secrets: make sure the inputs do.
        S3StoreOptions options = S3ConnectionString.Parse($"s3://{Key}:SECRET%2FVAL%2BUE123@us-east-2/b");
        Assert.Equal("SECRET/VAL+UE123", options.SecretAccessKey);
        Assert.Equal(Key, options.AccessKeyId);
        Assert.Contains(Forbidden, f => $"s3://?access_key_id={Key}".Contains(f, StringComparison.Ordinal));
    }

    public void Dispose() => _folder.Dispose();

    private static void AssertNoSecret(string text)
    {
        foreach (string secret in Forbidden)
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
    }
}
