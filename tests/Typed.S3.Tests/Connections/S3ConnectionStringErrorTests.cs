namespace Typed.S3.Tests.Connections;

public sealed class S3ConnectionStringErrorTests
{
    private const string Known = "access_key_id, secret_access_key, session_token, region, endpoint_url, layout, profile, credentials_file, payload_signing, force_path_style";

    [Theory]
    [InlineData("http://bucket/x", "http://bucket/x", "an S3 connection string starts with s3://.")]
    [InlineData("my-bucket/x", "my-bucket/x", "an S3 connection string starts with s3://.")]
    // Unknown, misspelt, duplicated, empty, malformed parameters.
    [InlineData("s3://bucket?region=eu-west-1&colour=blue", "s3://bucket?region=eu-west-1&colour=blue", "unknown parameter 'colour' (known: " + Known + ").")]
    [InlineData("s3://bucket/prefix?regoin=eu-west-1", "s3://bucket/prefix?regoin=eu-west-1", "unknown parameter 'regoin' (known: " + Known + "); to match one character before 'regoin=' in a glob, write [!/] instead of '?'.")]
    [InlineData("s3://?region=eu-west-1&a b=c", "s3://?region=eu-west-1&a b=c", "a malformed parameter name (known: " + Known + "; percent-encode '&' in values as %26).")]
    [InlineData("s3://?region=eu-west-1&region_name=us-east-2", "s3://?region=eu-west-1&region_name=us-east-2", "the parameter 'region' is given twice (as 'region' and as 'region_name').")]
    [InlineData("s3://?profile=a&PROFILE=b", "s3://?profile=a&PROFILE=b", "the parameter 'profile' is given twice (as 'profile' and as 'PROFILE').")]
    [InlineData("s3://EXAMPLEKEY1234:SECRETVALUE123@us-east-1/b?region=eu-west-1", "s3://EXAM****:****@us-east-1/b?region=eu-west-1", "the parameter 'region' is given twice (as the host part and as 'region').")]
    [InlineData("s3://EXAMPLEKEY1234:SECRETVALUE123@us-east-1/b?secret_access_key=SECRETVALUE123", "s3://EXAM****:****@us-east-1/b?secret_access_key=****", "the parameter 'secret_access_key' is given twice (as the user info and as 'secret_access_key').")]
    [InlineData("s3://?region=", "s3://?region=", "the parameter 'region' has no value.")]
    [InlineData("s3://?region=eu-west-1&&profile=p", "s3://?region=eu-west-1&&profile=p", "an empty parameter (two '&' in a row, or a trailing '&' or '?').")]
    [InlineData("s3://?region=eu-west-1&", "s3://?region=eu-west-1&", "an empty parameter (two '&' in a row, or a trailing '&' or '?').")]
    [InlineData("s3://?region=eu-west-1&verbose", "s3://?region=eu-west-1&verbose", "a parameter without '=' (write name=value; percent-encode '&' in values as %26).")]
    // Invalid values.
    [InlineData("s3://?payload_signing=maybe", "s3://?payload_signing=maybe", "the parameter 'payload_signing' must be true or false, not 'maybe'.")]
    [InlineData("s3://?force_path_style=1", "s3://?force_path_style=1", "the parameter 'force_path_style' must be true or false, not '1'.")]
    [InlineData("s3://?region=eu_west_1", "s3://?region=eu_west_1", "the region 'eu_west_1' is not a region name (letters, digits and '-', such as eu-west-1).")]
    [InlineData("s3://?endpoint_url=localhost:9000", "s3://?endpoint_url=localhost:9000", "The endpoint URL must be an absolute http:// or https:// URI without credentials, query or fragment in it.")]
    [InlineData("s3://?endpoint_url=http://minio:SECRETVALUE123@localhost:9000", "s3://?endpoint_url=http://mini****:****@localhost:9000", "The endpoint URL must be an absolute http:// or https:// URI without credentials, query or fragment in it.")]
    [InlineData("s3://?endpoint_url=http://localhost:9000/?token=TOKENVALUE456", "s3://?endpoint_url=http://localhost:9000/?token=****", "The endpoint URL must be an absolute http:// or https:// URI without credentials, query or fragment in it.")]
    [InlineData("s3://?endpoint_url=http://localhost:9000&payload_signing=false", "s3://?endpoint_url=http://localhost:9000&payload_signing=false", "Unsigned payloads (payload signing off) are sent over https:// only; the endpoint URL is http://.")]
    // Malformed locations.
    [InlineData("s3:///prefix", "s3:///prefix", "no bucket name before the prefix (write s3://BUCKET/PREFIX).")]
    [InlineData("s3://my-*-bucket/x", "s3://my-*-bucket/x", "the bucket name 'my-*-bucket' holds a wildcard or a space: globs are for the prefix only.")]
    // A ':' before the first '/' starts user info; with no '@', nothing tells where a secret would end: all is masked.
    [InlineData("s3://bucket:9000/x", "s3://buck****:****", "credentials in the URI are written KEY:SECRET@REGION/BUCKET, and no '@' was found: add the region (such as @us-east-1) and percent-encode '/', '@' and ':' in the key and secret; a bucket name cannot hold ':'.")]
    [InlineData("s3://EXAMPLEKEY1234:SECRETVALUE123@/b", "s3://EXAM****:****@/b", "no region after '@' (write KEY:SECRET@REGION/BUCKET, such as @us-east-1/my-bucket).")]
    [InlineData("s3://EXAMPLEKEY1234:SECRETVALUE123@us east/b", "s3://EXAM****:****@****/b", "the region after '@' is not a region name in lower case (letters, digits and '-', such as eu-west-1); if the secret holds '@', percent-encode it as %40 (a region of another form goes in the query form's region=).")]
    [InlineData("s3://EXAMPLEKEY1234:SECRETVALUE123@EU-WEST-1/b", "s3://EXAM****:****@****/b", "the region after '@' is not a region name in lower case (letters, digits and '-', such as eu-west-1); if the secret holds '@', percent-encode it as %40 (a region of another form goes in the query form's region=).")]
    [InlineData("s3://EXAMPLEKEY1234:SECRETVALUE123@garage/b", "s3://EXAM****:****@garage/b", "the region after '@' is not an AWS region name (such as us-east-1 or eu-west-1): for an S3-compatible store give endpoint_url; if the secret holds '@', percent-encode it as %40.")]
    [InlineData("s3://?region=us east", "s3://?region=us east", "the region 'us east' is not a region name (letters, digits and '-', such as eu-west-1).")]
    [InlineData("s3://?region=eu?secret_access_key=SECRETVALUE123", "s3://?region=eu?secret_access_key=****", "the region is not a region name (letters, digits and '-', such as eu-west-1).")]
    [InlineData("s3://?payload_signing=SECRET%2FVALUE", "s3://?payload_signing=SECRET%2FVALUE", "the parameter 'payload_signing' must be true or false.")]
    [InlineData("s3://EXAMPLEKEY1234:SECRET/VALUE123@us-east-1/b", "s3://EXAM****:****@us-east-1/b", "the key and secret before '@' must be percent-encoded ('/' as %2F, '+' as %2B, '@' as %40, ':' as %3A).")]
    // Half-given credentials.
    [InlineData("s3://?access_key_id=EXAMPLEKEY1234", "s3://?access_key_id=EXAM****", "An access key id was given without its secret access key.")]
    [InlineData("s3://?secret_access_key=SECRETVALUE123", "s3://?secret_access_key=****", "A secret access key was given without its access key id.")]
    [InlineData("s3://?session_token=TOKENVALUE456", "s3://?session_token=****", "A session token was given without an access key id and secret access key.")]
    [InlineData("s3://?aws_session_token=TOKENVALUE456&region=eu-west-1", "s3://?aws_session_token=****&region=eu-west-1", "A session token was given without an access key id and secret access key.")]
    [InlineData("s3://EXAMPLEKEY1234@us-east-1/b", "s3://EXAM****@us-east-1/b", "the user info before '@' has an access key id but no secret access key (write KEY:SECRET@REGION).")]
    [InlineData("s3://EXAMPLEKEY1234:@us-east-1/b", "s3://EXAM****:****@us-east-1/b", "the user info before '@' has an access key id but no secret access key (write KEY:SECRET@REGION).")]
    [InlineData("s3://:SECRETVALUE123@us-east-1/b", "s3://:****@us-east-1/b", "the user info before '@' has a secret but no access key id (write KEY:SECRET@REGION).")]
    // Credentials given two ways.
    [InlineData("s3://?access_key_id=EXAMPLEKEY1234&secret_access_key=SECRETVALUE123&profile=analytics", "s3://?access_key_id=EXAM****&secret_access_key=****&profile=analytics", "Both explicit keys and the profile 'analytics' were given: use one or the other.")]
    [InlineData("s3://EXAMPLEKEY1234:SECRETVALUE123@us-east-1/b?credentials_file=/tmp/c", "s3://EXAM****:****@us-east-1/b?credentials_file=/tmp/c", "explicit keys and a credentials_file were both given: use one or the other.")]
    public void ErrorsQuoteTheMaskedConnectionString(string connection, string masked, string problem)
    {
        var error = Assert.Throws<ConnectionStringException>(() => S3ConnectionString.Parse(connection));
        Assert.Equal($"Invalid connection string '{masked}': {problem}", error.Message);
        Assert.Equal(masked, error.MaskedConnectionString);
        Assert.Equal(problem, error.Problem);
        Assert.IsAssignableFrom<ArgumentException>(error);
        Assert.Null(error.ParamName);
    }

    [Fact]
    public void NullIsAnArgumentNullException() => Assert.Throws<ArgumentNullException>(() => S3ConnectionString.Parse(null!));

    [Fact]
    public void AValidationErrorKeepsItsCause()
    {
        var error = Assert.Throws<ConnectionStringException>(() => S3ConnectionString.Parse("s3://?access_key_id=EXAMPLEKEY1234"));
        Assert.IsType<ArgumentException>(error.InnerException);
        Assert.Equal("An access key id was given without its secret access key.", error.InnerException!.Message);
    }
}
