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
                ["Sales:S3:ReadRetries"] = "9",
                ["Sales:S3:ReadRetryDelay"] = "00:00:01.5",
                ["Sales:S3:ReadTimeout"] = "00:02:00",
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
        Assert.Equal(9, options.ReadRetries);
        Assert.Equal(TimeSpan.FromSeconds(1.5), options.ReadRetryDelay);
        Assert.Equal(TimeSpan.FromMinutes(2), options.ReadTimeout);
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

    [Theory]
    [InlineData(-1, 200, 30_000)]
    [InlineData(5, -1, 30_000)]
    [InlineData(5, 200, 0)]
    [InlineData(5, 200, -5)]
    public void ReadRetrySettingsOutOfRangeAreRefused(int retries, int delayMilliseconds, int timeoutMilliseconds)
    {
        var options = new S3StoreOptions
        {
            ReadRetries = retries,
            ReadRetryDelay = TimeSpan.FromMilliseconds(delayMilliseconds),
            ReadTimeout = TimeSpan.FromMilliseconds(timeoutMilliseconds),
        };

        Assert.Throws<ArgumentException>(options.Validate);
    }

    [Fact]
    public void ResumingCanBeTurnedOffAndTheTimeoutMadeInfinite()
    {
        var options = new S3StoreOptions { ReadRetries = 0, ReadRetryDelay = TimeSpan.Zero, ReadTimeout = Timeout.InfiniteTimeSpan };
        options.Validate();
        Assert.Equal(5, new S3StoreOptions().ReadRetries);
        Assert.Equal(TimeSpan.FromMilliseconds(200), new S3StoreOptions().ReadRetryDelay);
        Assert.Equal(TimeSpan.FromSeconds(30), new S3StoreOptions().ReadTimeout);
    }
}
