namespace Typed.S3.Tests.Globbing;

public class DatasetLocationTests
{
    [Fact]
    public void ParsesABucketAndAGlob()
    {
        DatasetLocation location = DatasetLocation.Parse("s3://my-bucket/data/sales/**/*.csv");
        Assert.Equal("my-bucket", location.Bucket);
        Assert.Equal("data/sales/**/*.csv", location.Glob.Pattern);
        Assert.Equal("data/sales/", location.Glob.LiteralPrefix);
        Assert.True(location.Glob.HasWildcards);
        Assert.Equal("s3://my-bucket/data/sales/**/*.csv", location.ToString());
        Assert.Equal(location, DatasetLocation.Parse("s3://my-bucket/data/sales/**/*.csv"));
    }

    [Fact]
    public void ParsesOneKey()
    {
        DatasetLocation location = DatasetLocation.Parse("S3://b/a b/c#d.csv");
        Assert.Equal("b", location.Bucket);
        Assert.False(location.Glob.HasWildcards);
        Assert.Equal("a b/c#d.csv", location.Glob.LiteralPrefix);
    }

    [Theory]
    [InlineData("https://b/k.csv", "not a dataset location")]
    [InlineData("b/k.csv", "not a dataset location")]
    [InlineData("s3:///k.csv", "names no bucket")]
    [InlineData("s3://", "names no bucket")]
    [InlineData("s3://bucket", "names no key or pattern")]
    [InlineData("s3://bucket/", "names no key or pattern")]
    [InlineData("s3://b*/k", "invalid bucket name")]
    [InlineData("s3://b/[k", "'[' without a matching ']'")]
    public void RejectsInvalidLocations(string text, string problem)
    {
        var error = Assert.Throws<FormatException>(() => DatasetLocation.Parse(text));
        Assert.Contains(text, error.Message);
        Assert.Contains(problem, error.Message);
    }
}
