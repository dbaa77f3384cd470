namespace Typed.S3.Tests.Connections;

public sealed class S3ConnectionStringTests
{
    [Fact]
    public void TheSchemeAloneMeansTheDefaultChainInUsEast1()
    {
        S3StoreOptions options = S3ConnectionString.Parse("s3://");
        Assert.Null(options.Region);
        Assert.Equal("us-east-1", options.EffectiveRegion);
        Assert.Null(options.AccessKeyId);
        Assert.Null(options.Profile);
        Assert.Null(options.EndpointUrl);
        Assert.Null(options.DefaultLocation);
        Assert.True(options.PayloadSigning);
        Assert.Null(options.ForcePathStyle);
        Assert.Equal("S3 (region us-east-1, default credential chain)", options.ToString());
    }

    [Fact]
    public void QueryFormReadsEveryParameter()
    {
        S3StoreOptions options = S3ConnectionString.Parse(
            "s3://?access_key_id=EXAMPLEKEY1234&secret_access_key=SECRETVALUE123&session_token=TOKENVALUE456&region=eu-central-1"
            + "&endpoint_url=https://localhost:9000&layout={table_name}/{load_id}.{file_id}.{ext}&payload_signing=false&force_path_style=false");
        Assert.Equal("EXAMPLEKEY1234", options.AccessKeyId);
        Assert.Equal("SECRETVALUE123", options.SecretAccessKey);
        Assert.Equal("TOKENVALUE456", options.SessionToken);
        Assert.Equal("eu-central-1", options.Region);
        Assert.Equal("https://localhost:9000", options.EndpointUrl);
        Assert.Equal("{table_name}/{load_id}.{file_id}.{ext}", options.Layout);
        Assert.False(options.PayloadSigning);
        Assert.False(options.ForcePathStyle);
        Assert.Null(options.DefaultLocation);
    }

    [Fact]
    public void QueryFormReadsProfileAndCredentialsFile()
    {
        S3StoreOptions options = S3ConnectionString.Parse("s3://?profile=analytics&credentials_file=/etc/aws/credentials&force_path_style=TRUE&payload_signing=True");
        Assert.Equal("analytics", options.Profile);
        Assert.Equal("/etc/aws/credentials", options.CredentialsFile);
        Assert.True(options.ForcePathStyle);
        Assert.True(options.PayloadSigning);
    }

    [Fact]
    public void UserInfoFormReadsKeySecretRegionAndBucket()
    {
        S3StoreOptions options = S3ConnectionString.Parse("s3://EXAMPLEKEY1234:SECRET%2FVALUE%2B123%3D@us-east-2/my-bucket");
        Assert.Equal("EXAMPLEKEY1234", options.AccessKeyId);
        Assert.Equal("SECRET/VALUE+123=", options.SecretAccessKey);
        Assert.Equal("us-east-2", options.Region);
        Assert.Equal("s3://my-bucket", options.DefaultLocation);
    }

    [Theory]
    [InlineData("s3://K:S@eu-west-1/my-bucket/sales/2024", "s3://my-bucket/sales/2024")]
    [InlineData("s3://K:S@eu-west-1/my-bucket/sales/**/*.csv", "s3://my-bucket/sales/**/*.csv")]
    [InlineData("s3://K:S@eu-west-1/my-bucket/", "s3://my-bucket")]
    [InlineData("s3://K:S@eu-west-1", null)]
    [InlineData("s3://K:S@eu-west-1/", null)]
    public void UserInfoFormTakesAnOptionalBucketAndPrefix(string connection, string? location)
    {
        S3StoreOptions options = S3ConnectionString.Parse(connection);
        Assert.Equal("eu-west-1", options.Region);
        Assert.Equal(location, options.DefaultLocation);
    }

    [Fact]
    public void UserInfoFormTakesQueryParametersToo()
    {
        S3StoreOptions options = S3ConnectionString.Parse("s3://K:S@auto/bucket?endpoint_url=https%3A%2F%2Facct.r2.example.com&payload_signing=false");
        Assert.Equal("auto", options.Region);
        Assert.Equal("https://acct.r2.example.com", options.EndpointUrl);
        Assert.False(options.PayloadSigning);
    }

    [Fact]
    public void BucketFormWithAGlobAndAQuery()
    {
        S3StoreOptions options = S3ConnectionString.Parse("s3://my-bucket/prefix/**/*.csv?region=eu-west-1&profile=analytics");
        Assert.Equal("s3://my-bucket/prefix/**/*.csv", options.DefaultLocation);
        Assert.Equal("eu-west-1", options.Region);
        Assert.Equal("analytics", options.Profile);
        Assert.Null(options.CredentialsFile);
    }

    [Fact]
    public void BucketFormWithCredentialsFile()
    {
        S3StoreOptions options = S3ConnectionString.Parse("s3://my-bucket/prefix?region=eu-west-1&profile=analytics&credentials_file=%2Fhome%2Fme%2Fmy%20creds");
        Assert.Equal("s3://my-bucket/prefix", options.DefaultLocation);
        Assert.Equal("/home/me/my creds", options.CredentialsFile);
    }

    [Theory]
    [InlineData("s3://my-bucket", "s3://my-bucket")]
    [InlineData("s3://my-bucket/", "s3://my-bucket")]
    [InlineData("s3://my-bucket/sales/", "s3://my-bucket/sales/")]
    [InlineData("S3://my-bucket/Sales/2024.csv", "s3://my-bucket/Sales/2024.csv")]
    [InlineData("s3://my-bucket/with%20percent", "s3://my-bucket/with%20percent")]
    [InlineData("s3://my-bucket/user@example.com/a:b.csv", "s3://my-bucket/user@example.com/a:b.csv")]
    public void BucketFormWithoutAQuery(string connection, string location) =>
        Assert.Equal(location, S3ConnectionString.Parse(connection).DefaultLocation);

    [Theory]
    // '?' that is not followed by a known "name=" is the one-character wildcard.
    [InlineData("s3://b/data/part-?.csv?region=eu-west-1", "s3://b/data/part-?.csv")]
    [InlineData("s3://b/data/part-??.csv", "s3://b/data/part-??.csv")]
    [InlineData("s3://b/table/?ear=2024/*.csv?profile=analytics", "s3://b/table/?ear=2024/*.csv")]
    [InlineData("s3://b/x?=1.csv?region=eu-west-1", "s3://b/x?=1.csv")]
    [InlineData("s3://b/a?/b?region=eu-west-1", "s3://b/a?/b")]
    [InlineData("s3://b/[!/]egion=x/*.csv", "s3://b/[!/]egion=x/*.csv")]
    public void TheQueryStartsAtTheFirstQuestionMarkBeforeAKnownParameter(string connection, string location)
    {
        S3StoreOptions options = S3ConnectionString.Parse(connection);
        Assert.Equal(location, options.DefaultLocation);
    }

    [Fact]
    public void AGlobQuestionMarkBeforeTheQueryLeavesTheQueryWhole()
    {
        S3StoreOptions options = S3ConnectionString.Parse("s3://b/x?.csv?region=eu-west-1&profile=p");
        Assert.Equal("s3://b/x?.csv", options.DefaultLocation);
        Assert.Equal("eu-west-1", options.Region);
        Assert.Equal("p", options.Profile);
    }

    [Theory]
    [InlineData("s3://?aws_access_key_id=K&aws_secret_access_key=S&aws_session_token=T")]
    [InlineData("s3://?ACCESS_KEY_ID=K&Secret_Access_Key=S&SESSION_TOKEN=T")]
    public void KeyAliasesAndAnyCase(string connection)
    {
        S3StoreOptions options = S3ConnectionString.Parse(connection);
        Assert.Equal(("K", "S", "T"), (options.AccessKeyId, options.SecretAccessKey, options.SessionToken));
    }

    [Theory]
    [InlineData("region_name")]
    [InlineData("aws_region")]
    [InlineData("REGION")]
    public void RegionAliases(string name) => Assert.Equal("ap-south-1", S3ConnectionString.Parse($"s3://?{name}=ap-south-1").Region);

    [Theory]
    [InlineData("endpoint")]
    [InlineData("aws_endpoint_url")]
    public void EndpointAliases(string name) => Assert.Equal("http://127.0.0.1:9000", S3ConnectionString.Parse($"s3://?{name}=http://127.0.0.1:9000").EndpointUrl);

    [Theory]
    [InlineData("profile_name")]
    [InlineData("aws_profile")]
    public void ProfileAliases(string name) => Assert.Equal("dev", S3ConnectionString.Parse($"s3://?{name}=dev").Profile);

    [Fact]
    public void CredentialsFileAlias() =>
        Assert.Equal("/tmp/c", S3ConnectionString.Parse("s3://?shared_credentials_file=/tmp/c&profile=x").CredentialsFile);

    [Fact]
    public void ValuesArePercentDecodedAndAPlusStaysAPlus()
    {
        S3StoreOptions options = S3ConnectionString.Parse("s3://?access_key_id=AK%49A&secret_access_key=a%2Bb+c%26d%3De%2Ff&layout=%7Btable_name%7D%2F%7Bfile_id%7D.%7Bext%7D");
        Assert.Equal("AKIA", options.AccessKeyId);
        Assert.Equal("a+b+c&d=e/f", options.SecretAccessKey);
        Assert.Equal("{table_name}/{file_id}.{ext}", options.Layout);
    }

    [Fact]
    public void TryParseGivesTheOptions()
    {
        Assert.True(S3ConnectionString.TryParse("s3://b/p?region=eu-west-1", out S3StoreOptions? options));
        Assert.Equal("eu-west-1", options.Region);
        Assert.Equal("s3://b/p", options.DefaultLocation);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("/data/folder")]
    [InlineData("s3://b?colour=blue")]
    [InlineData("s3://?access_key_id=K")]
    [InlineData("s3://?payload_signing=maybe")]
    [InlineData("s3://?endpoint_url=ftp://host")]
    public void TryParseRefusesWhatParseRefuses(string? connection)
    {
        Assert.False(S3ConnectionString.TryParse(connection, out S3StoreOptions? options));
        Assert.Null(options);
        if (connection is not null)
        {
            Assert.Throws<ConnectionStringException>(() => S3ConnectionString.Parse(connection));
        }
    }
}
