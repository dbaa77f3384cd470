using Typed.S3.Layout;
using Typed.S3.Tests.Data;

namespace Typed.S3.Tests.Stores;

/// <summary>A layout given when a store is opened replaces the schema's for writes, on the local-folder store as on S3.</summary>
public sealed class WriteLayoutOverrideTests : IDisposable
{
    private const string Layout = "custom/{table_name}/{YYYY}/{file_id}.{ext}";
    private readonly TempFolder _root = new();

    public WriteLayoutOverrideTests() => _root.CreateBucket("test-bucket");

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task ALayoutInAFileUriDecidesWhereADatasetWriteGoes()
    {
        await using IObjectStore store = ObjectStore.Open(new Uri(_root.Path).AbsoluteUri + "?layout=" + Uri.EscapeDataString(Layout));

        WriteResult result = await People.WriteAsync(store, [new Person { Id = 1, Name = "a" }, new Person { Id = 2, Name = "b" }]);

        string key = $"out/custom/people/{DateTime.UtcNow.Year}/00000.csv";
        Assert.Equal(new ObjectLocation("test-bucket", key), Assert.Single(result.Objects).Location);
        Assert.True(File.Exists(Path.Combine(_root.Path, "test-bucket", key.Replace('/', Path.DirectorySeparatorChar))));
        var read = new List<long>();
        await foreach (Person person in People.ReadAsync(store, "s3://test-bucket/out/**/*.csv"))
        {
            read.Add(person.Id);
        }

        Assert.Equal([1L, 2L], read);
    }

    [Fact]
    public async Task ALayoutGivenToTheLocalFolderStoreDecidesWhereASinkWrites()
    {
        await using var store = new LocalFolderStore(_root.Path, "{table_name}/p{partition}/{offset}.{ext}");
        await using (DatasetSink<Person> sink = People.CreateSink(store, new DatasetSinkOptions { Partition = 7 }))
        {
            await sink.WriteAsync(new Person { Id = 1, Name = "a" });
        }

        Assert.True(File.Exists(Path.Combine(_root.Path, "test-bucket", "out", "people", "p7", "0.csv")));
    }

    [Fact]
    public async Task WithoutALayoutTheSchemasIsKept()
    {
        await using IObjectStore store = ObjectStore.Open(new Uri(_root.Path).AbsoluteUri);

        WriteResult result = await People.WriteAsync(store, [new Person { Id = 1, Name = "a" }]);

        Assert.Null(((LocalFolderStore)store).WriteLayout);
        Assert.Matches(@"^out/people/[^/]+\.00000\.csv$", Assert.Single(result.Objects).Location.Key);
    }

    [Theory]
    [InlineData("?layout=")]
    [InlineData("?layout=%7Bnope%7D%2F%7Bfile_id%7D")]
    public void AnEmptyOrInvalidLayoutIsRefusedWhenOpening(string query)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => ObjectStore.Open(new Uri(_root.Path).AbsoluteUri + query));

        Assert.Contains(query.Length == "?layout=".Length ? "empty layout" : "unknown placeholder '{nope}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OtherParametersOfAFileUriAreStillRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => ObjectStore.Open(new Uri(_root.Path).AbsoluteUri + "?layout=" + Uri.EscapeDataString(Layout) + "&token=SECRETVALUE123"));

        Assert.Contains("has a query or fragment", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRETVALUE123", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnS3StoreStillTakesItsLayoutFromTheConnectionString()
    {
        using var store = (S3ObjectStore)ObjectStore.Open("s3://my-bucket?region=eu-west-1&layout=" + Uri.EscapeDataString(Layout));

        KeyLayout? layout = ((IWriteLayoutOverride)store).WriteLayout;

        Assert.Equal(Layout, layout?.Template);
    }
}
