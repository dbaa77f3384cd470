namespace Typed.S3.Tests.Connections;

public sealed class ConnectionStringMaskTests
{
    [Theory]
    [InlineData("s3://", "s3://")]
    [InlineData("", "")]
    [InlineData("/data/folder", "/data/folder")]
    [InlineData("file:///data/folder", "file:///data/folder")]
    [InlineData("s3://bucket/a?b.csv?region=eu-west-1&profile=p", "s3://bucket/a?b.csv?region=eu-west-1&profile=p")]
    [InlineData("s3://EXAMPLEKEY1234:SECRETVALUE123@us-east-2/my-bucket", "s3://EXAM****:****@us-east-2/my-bucket")]
    [InlineData("s3://EXAMPLEKEY1234:SECRET%2FVALUE123@us-east-2/my-bucket?region=x", "s3://EXAM****:****@us-east-2/my-bucket?region=x")]
    [InlineData("s3://EXAMPLEKEY1234:SECRET/VAL@UE123@us-east-2/b", "s3://EXAM****:****@us-east-2/b")]
    [InlineData("s3://EXAMPLEKEY1234:SECRET?VALUE123@us-east-2/b?region=x", "s3://EXAM****:****@us-east-2/b?region=x")]
    [InlineData("s3://AKI:SECRETVALUE123@us-east-2", "s3://****:****@us-east-2")]
    [InlineData("s3://EXAMPLEKEY1234@us-east-2", "s3://EXAM****@us-east-2")]
    [InlineData("s3://?access_key_id=EXAMPLEKEY1234&secret_access_key=SECRETVALUE123&session_token=TOKENVALUE456&region=eu-west-1",
        "s3://?access_key_id=EXAM****&secret_access_key=****&session_token=****&region=eu-west-1")]
    [InlineData("s3://?AWS_ACCESS_KEY_ID=EXAMPLEKEY1234&AWS_SECRET_ACCESS_KEY=SECRETVALUE123&AWS_SESSION_TOKEN=TOKENVALUE456",
        "s3://?AWS_ACCESS_KEY_ID=EXAM****&AWS_SECRET_ACCESS_KEY=****&AWS_SESSION_TOKEN=****")]
    [InlineData("s3://?secret_access_key=SECRET&VALUE123&region=x", "s3://?secret_access_key=****&region=x")]
    [InlineData("s3://?password=PASSWORDVALUE&api_key=APIKEYVALUE&x-amz-signature=SIGVALUE&client_secret=CS&private_key=PK&credential=CRED&credentials_file=/tmp/c",
        "s3://?password=****&api_key=****&x-amz-signature=****&client_secret=****&private_key=****&credential=****&credentials_file=/tmp/c")]
    [InlineData("s3://?endpoint_url=http%3A%2F%2Fminio%3ASECRETVALUE123%40localhost%3A9000&region=x", "s3://?endpoint_url=http://mini****:****@localhost:9000&region=x")]
    [InlineData("s3://?secret_access_key=&region=x", "s3://?secret_access_key=&region=x")]
    [InlineData("https://user:PASSWORDVALUE@host/path?token=TOKENVALUE456", "https://****:****@host/path?token=****")]
    // Issue 12: user info without '@', scheme typos, whitespace, unencoded characters in secrets, mistyped schemes.
    [InlineData("s3://EXAMPLEKEY1234:SECRETVALUE123/bucket?region=x", "s3://EXAM****:****")]
    [InlineData("s3:/EXAMPLEKEY1234:SECRETVALUE123@us-east-1/b", "s3:/EXAM****:****@us-east-1/b")]
    [InlineData("S3:EXAMPLEKEY1234:SECRETVALUE123@us-east-1/b", "S3:EXAM****:****@us-east-1/b")]
    [InlineData("s3:///EXAMPLEKEY1234:SECRETVALUE123@us-east-1", "s3:///EXAM****:****@us-east-1")]
    [InlineData(" \ns3://EXAMPLEKEY1234:SECRETVALUE123@us-east-1/b\r\n", " \ns3://EXAM****:****@us-east-1/b\r\n")]
    [InlineData("s3://EXAMPLEKEY1234:SECRET@VALUE123/b", "s3://EXAM****:****@****/b")]
    [InlineData("s3://EXAMPLEKEY1234:SECRET?region=VALUE123@us-east-1/b", "s3://EXAM****:****")]
    [InlineData("s3://?secret_access_key=SECRET&x=VALUE123&region=eu-west-1", "s3://?secret_access_key=****&region=eu-west-1")]
    [InlineData("s3://?secret_access_key=SECRET&x=VALUE123&session_token=TOKEN&y=VALUE456", "s3://?secret_access_key=****&session_token=****")]
    [InlineData("s3://?region=eu&secret access key=SECRETVALUE123", "s3://?region=eu&secret access key=****")]
    [InlineData("s3://?region=eu?secret_access_key=SECRETVALUE123", "s3://?region=eu?secret_access_key=****")]
    [InlineData("s3://?endpoint_url=http://minio:SECRET&VALUE123@localhost:9000&region=x", "s3://?endpoint_url=http://mini****:****@localhost:9000&region=x")]
    [InlineData("s3://?endpoint_url=http://localhost:9000/?token=TOKEN@VALUE456", "s3://?endpoint_url=http://loca****:****")]
    [InlineData("s3://?endpoint_url=http://localhost:9000/?token=TOKENVALUE456", "s3://?endpoint_url=http://localhost:9000/?token=****")]
    [InlineData("s3//EXAMPLEKEY1234:SECRETVALUE123@us-east-1/b", "****@us-east-1/b")]
    [InlineData("bucket:SECRETVALUE123/x", "bucket:****")]
    [InlineData("C:\\data\\store", "C:\\data\\store")]
    [InlineData("http://127.0.0.1:9000/x", "http://127.0.0.1:9000/x")]
    [InlineData("http://[::1]:9000/x", "http://[::1]:9000/x")]
    [InlineData("https://someuser:PASSWORDVALUE/x", "https://some****:****")]
    [InlineData("file://someuser:PASSWORDVALUE", "file://some****:****")]
    [InlineData("https://someuser:PASSWORD@VALUE/x", "https://some****:****@****/x")]
    [InlineData("https://someuser:PASSWORDVALUE@minio.local:9000/x", "https://some****:****@minio.local:9000/x")]
    public void MasksSecretsAndShortensKeys(string connection, string masked) => Assert.Equal(masked, S3ConnectionString.Mask(connection));

    [Fact]
    public void NullMasksToEmpty() => Assert.Equal(string.Empty, S3ConnectionString.Mask(null));
}
