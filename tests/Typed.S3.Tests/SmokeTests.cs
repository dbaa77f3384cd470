namespace Typed.S3.Tests;

public class SmokeTests
{
    [Fact]
    public void ObjectLocationFormats() => Assert.Equal("s3://b/k.csv", ObjectLocation.Parse("s3://b/k.csv").ToString());
}
