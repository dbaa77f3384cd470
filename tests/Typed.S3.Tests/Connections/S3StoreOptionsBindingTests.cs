using Microsoft.Extensions.Configuration;

namespace Typed.S3.Tests.Connections;

public sealed class S3StoreOptionsBindingTests
{
    [Fact]
    public void ConfigurationBindingFillsTheOptions()
    {
        IConfiguration configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Sales:S3:Region"] = "eu-west-1",
                ["Sales:S3:Profile"] = "analytics",
                ["Sales:S3:CredentialsFile"] = "/etc/aws/credentials",
                ["Sales:S3:EndpointUrl"] = "https://127.0.0.1:9000",
                ["Sales:S3:ForcePathStyle"] = "false",
                ["Sales:S3:PayloadSigning"] = "false",
                ["Sales:S3:DefaultLocation"] = "s3://my-bucket/sales/**/*.csv",
                ["Sales:S3:Layout"] = "{table_name}/{file_id}.{ext}",
                ["Sales:S3:PartSize"] = "16777216",
                ["Sales:S3:MaxConcurrentParts"] = "2",
                ["Sales:S3:ReadAhead"] = "8",
            })
            .Build();

        S3StoreOptions options = configuration.GetSection("Sales:S3").Get<S3StoreOptions>()!;
        options.Validate();
        Assert.Equal("eu-west-1", options.Region);
        Assert.Equal("analytics", options.Profile);
        Assert.Equal("/etc/aws/credentials", options.CredentialsFile);
        Assert.Equal("https://127.0.0.1:9000", options.EndpointUrl);
        Assert.False(options.ForcePathStyle);
        Assert.False(options.PayloadSigning);
        Assert.Equal("s3://my-bucket/sales/**/*.csv", options.DefaultLocation);
        Assert.Equal("{table_name}/{file_id}.{ext}", options.Layout);
        Assert.Equal(16 * 1024 * 1024, options.PartSize);
        Assert.Equal(2, options.MaxConcurrentParts);
        Assert.Equal(8, options.ReadAhead);
        Assert.Equal("S3 (region eu-west-1, endpoint https://127.0.0.1:9000, profile analytics from /etc/aws/credentials, unsigned payloads)", options.ToString());
    }

    [Fact]
    public void BoundKeysAreNeverShown()
    {
        IConfiguration configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["S3:AccessKeyId"] = "EXAMPLEKEY1234",
                ["S3:SecretAccessKey"] = "SECRETVALUE123",
                ["S3:SessionToken"] = "TOKENVALUE456",
            })
            .Build();

        S3StoreOptions options = configuration.GetSection("S3").Get<S3StoreOptions>()!;
        Assert.Equal("SECRETVALUE123", options.SecretAccessKey);
        Assert.Equal("S3 (region us-east-1, access key EXAM****, temporary credentials)", options.ToString());
    }
}
