using System.Security.Cryptography;

namespace Typed.S3.Tests.Streams;

/// <summary>Seekable reads fetch only the ranges they need, and read the same bytes as a plain read.</summary>
public sealed class SeekableObjectStreamTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "typeds3-seek-" + Guid.NewGuid().ToString("N"));
    private readonly IObjectStore _store;
    private readonly byte[] _content = RandomNumberGenerator.GetBytes(100_000);
    private readonly ObjectLocation _location = new("bucket", "data/blob.bin");

    public SeekableObjectStreamTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "bucket", "data"));
        File.WriteAllBytes(Path.Combine(_root, "bucket", "data", "blob.bin"), _content);
        _store = ObjectStore.Open(_root);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task ReadingTheTailFetchesOnlyTheLastBlock()
    {
        await using SeekableObjectStream stream = await SeekableObjectStream.OpenAsync(_store, _location, blockSize: 8192);
        stream.Seek(-8, SeekOrigin.End);
        byte[] tail = new byte[8];

        await stream.ReadExactlyAsync(tail);

        Assert.Equal(_content[^8..], tail);
        Assert.Equal(1, stream.RangeRequests);
        Assert.Equal(100_000 - (100_000 / 8192 * 8192), stream.BytesFetched);
        Assert.Equal(100_000, stream.Length);
    }

    [Fact]
    public async Task RandomSeeksReadTheSameBytesAsTheObject()
    {
        await using SeekableObjectStream stream = await SeekableObjectStream.OpenAsync(_store, _location, blockSize: 4096);
        var random = new Random(7);
        for (int i = 0; i < 200; i++)
        {
            int offset = random.Next(_content.Length);
            int length = Math.Min(random.Next(1, 20_000), _content.Length - offset);
            stream.Position = offset;
            byte[] buffer = new byte[length];
            if (i % 2 == 0)
            {
                await stream.ReadExactlyAsync(buffer);
            }
            else
            {
                stream.ReadExactly(buffer);
            }

            Assert.Equal(_content.AsSpan(offset, length).ToArray(), buffer);
        }
    }

    [Fact]
    public async Task ReadsPastTheEndReturnNothing()
    {
        await using SeekableObjectStream stream = await SeekableObjectStream.OpenAsync(_store, _location);
        stream.Position = 200_000;

        Assert.Equal(0, await stream.ReadAsync(new byte[10]));
        Assert.Equal(0, stream.RangeRequests);
    }

    [Fact]
    public async Task CopyingTheWholeStreamMatchesTheObject()
    {
        await using SeekableObjectStream stream = await SeekableObjectStream.OpenAsync(_store, _location, blockSize: 16_384);
        using var copy = new MemoryStream();

        await stream.CopyToAsync(copy);

        Assert.Equal(_content, copy.ToArray());
        Assert.Equal((100_000 + 16_383) / 16_384, stream.RangeRequests);
    }

    [Fact]
    public async Task AMissingObjectIsNotFound()
    {
        await Assert.ThrowsAsync<ObjectNotFoundException>(() => SeekableObjectStream.OpenAsync(_store, new ObjectLocation("bucket", "nope")));
    }
}
