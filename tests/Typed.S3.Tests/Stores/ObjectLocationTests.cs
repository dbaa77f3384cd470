namespace Typed.S3.Tests.Stores;

public class ObjectLocationTests
{
    [Theory]
    [InlineData("s3://b/k.csv", "b", "k.csv")]
    [InlineData("S3://bucket/a/b c/d#e.csv", "bucket", "a/b c/d#e.csv")]
    [InlineData("s3://bucket", "bucket", "")]
    public void ParsesAndFormats(string uri, string bucket, string key)
    {
        ObjectLocation location = ObjectLocation.Parse(uri);
        Assert.Equal(bucket, location.Bucket);
        Assert.Equal(key, location.Key);
        Assert.Equal("s3://" + bucket + "/" + key, location.ToString());
    }

    [Theory]
    [InlineData("http://b/k")]
    [InlineData("s3:///k")]
    [InlineData("b/k")]
    public void RejectsOtherText(string uri) => Assert.Throws<FormatException>(() => ObjectLocation.Parse(uri));
}
