using System.Text;
using Typed.S3.IntegrationTests.Infrastructure;

namespace Typed.S3.IntegrationTests.Connections;

/// <summary>Every <c>s3://</c> connection form opens a store that writes and reads on a real S3 server.</summary>
[Collection(S3ServerCollection.Name)]
public sealed class ConnectionFormTests : IDisposable
{
    private const string Secret = S3ServerFixture.SecretKey;

    private readonly S3ServerFixture _server;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "typeds3-connections-" + Guid.NewGuid().ToString("N"));

    public ConnectionFormTests(S3ServerFixture server)
    {
        _server = server;
        Directory.CreateDirectory(_folder);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public Task KeysInTheQuery() => WriteAndReadBackAsync(
        $"s3://?access_key_id={S3ServerFixture.AccessKey}&secret_access_key={Secret}&endpoint_url={Uri.EscapeDataString(_server.ServiceUrl)}");

    [Fact]
    public Task AliasesAndASessionlessRegion() => WriteAndReadBackAsync(
        $"s3://?aws_access_key_id={S3ServerFixture.AccessKey}&aws_secret_access_key={Secret}&endpoint={_server.ServiceUrl}&region_name=garage&force_path_style=true");

    [Fact]
    public Task KeysBeforeTheRegion() => WriteAndReadBackAsync(
        $"s3://{S3ServerFixture.AccessKey}:{Secret}@us-east-1/{S3ServerFixture.BehaviourBucket}/connections?endpoint_url={_server.ServiceUrl}");

    [Fact]
    public void UnsignedPayloadsNeedHttps()
    {
        // The SDK sends unsigned payloads over HTTPS only (as R2 is reached); the server here speaks HTTP.
        var error = Assert.Throws<ConnectionStringException>(() => ObjectStore.Open($"s3://{S3ServerFixture.AccessKey}:{Secret}@auto?endpoint_url={_server.ServiceUrl}&payload_signing=false"));
        Assert.EndsWith("Unsigned payloads (payload signing off) are sent over https:// only; the endpoint URL is http://.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(":" + Secret + "@", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public Task AProfileFromACredentialsFile()
    {
        string credentials = Path.Combine(_folder, "credentials");
        File.WriteAllText(credentials, $"[default]\naws_access_key_id = WRONG\naws_secret_access_key = WRONG\n\n[analytics]\naws_access_key_id = {S3ServerFixture.AccessKey}\naws_secret_access_key = {Secret}\n");
        return WriteAndReadBackAsync(
            $"s3://{S3ServerFixture.BehaviourBucket}/connections/**/*.csv?region=eu-west-1&profile=analytics&credentials_file={Uri.EscapeDataString(credentials)}&endpoint_url={_server.ServiceUrl}");
    }

    [Fact]
    public Task AProfileWhoseCredentialProcessPrintsTheKeys()
    {
        // A real credential_process (a script printing the documented JSON): the server verifies the requests it signs.
        string output = Path.Combine(_folder, "process.json");
        File.WriteAllText(output, $$"""{"Version": 1, "AccessKeyId": "{{S3ServerFixture.AccessKey}}", "SecretAccessKey": "{{Secret}}"}""");
        string script = Path.Combine(_folder, "credential-process.sh");
        File.WriteAllText(script, $"#!/bin/sh\ncat '{output}'\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        string credentials = Path.Combine(_folder, "credentials");
        File.WriteAllText(credentials, $"[tool]\ncredential_process = {script}\n");
        return WriteAndReadBackAsync(
            $"s3://{S3ServerFixture.BehaviourBucket}/connections?profile=tool&credentials_file={Uri.EscapeDataString(credentials)}&endpoint_url={_server.ServiceUrl}");
    }

    [Fact]
    public async Task ALayoutInTheConnectionStringReplacesTheSchemasLayout()
    {
        string prefix = "layout-" + Guid.NewGuid().ToString("N");
        using var store = (S3ObjectStore)ObjectStore.Open(
            $"s3://{S3ServerFixture.AccessKey}:{Secret}@us-east-1?endpoint_url={_server.ServiceUrl}&layout={Uri.EscapeDataString("custom/{table_name}/{YYYY}/{file_id}.{ext}")}");
        var rows = new[] { new Typed.S3.IntegrationTests.Data.Reading { Sensor = "s1", Seq = 1, Value = 2.5m } };

        WriteResult result = await Typed.S3.IntegrationTests.Data.Readings.WriteAsync(store, $"s3://{S3ServerFixture.DatasetBucket}/{prefix}/", rows);

        WrittenObject written = Assert.Single(result.Objects);
        Assert.Equal($"{prefix}/custom/readings/{DateTime.UtcNow.Year}/00000.csv", written.Location.Key);
        var readBack = new List<Typed.S3.IntegrationTests.Data.Reading>();
        await foreach (var reading in Typed.S3.IntegrationTests.Data.Readings.ReadAsync(store, written.Location.ToString()))
        {
            readBack.Add(reading);
        }

        Assert.Equal(rows, readBack);
    }

    [Fact]
    public void AnInvalidLayoutInTheConnectionStringIsRefusedWhenOpening()
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => ObjectStore.Open($"s3://?endpoint_url={_server.ServiceUrl}&layout={Uri.EscapeDataString("{nope}/{file_id}")}"));

        Assert.Contains("unknown placeholder '{nope}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongKeysAreDeniedWithoutShowingThem()
    {
        // An unknown key id is refused with 403 (InvalidAccessKeyId); a wrong secret for a real key too (SignatureDoesNotMatch).
        const string WrongSecret = "WRONGSECRETVALUE123";
        using (var signed = (S3ObjectStore)ObjectStore.Open($"s3://{S3ServerFixture.AccessKey}:{WrongSecret}@us-east-1?endpoint_url={_server.ServiceUrl}"))
        {
            var mismatch = await Assert.ThrowsAsync<ObjectStoreAccessDeniedException>(
                async () => await signed.ListAsync(S3ServerFixture.BehaviourBucket, "connections/").ToListAsync());
            Assert.Contains("SignatureDoesNotMatch", mismatch.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(WrongSecret, mismatch.ToString(), StringComparison.Ordinal);
        }

        using var store = (S3ObjectStore)ObjectStore.Open($"s3://WRONGKEYID999:{WrongSecret}@us-east-1?endpoint_url={_server.ServiceUrl}");
        var listing = await Assert.ThrowsAsync<ObjectStoreAccessDeniedException>(
            async () => await store.ListAsync(S3ServerFixture.BehaviourBucket, "connections/").ToListAsync());
        Assert.DoesNotContain(WrongSecret, listing.ToString(), StringComparison.Ordinal);

        // (A refused write is tested with connections of its own in S3ObjectStoreTests: the gateway may misread the
        // next request on a connection whose PUT it refused, and this store's connections are the SDK's shared ones.)
        Assert.DoesNotContain("WRONGKEYID999", listing.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(WrongSecret, store.ToString(), StringComparison.Ordinal);
    }

    private async Task WriteAndReadBackAsync(string connection)
    {
        using var store = (S3ObjectStore)ObjectStore.Open(connection);
        Assert.DoesNotContain(Secret + "&", store.ToString() + "&", StringComparison.Ordinal);
        var location = new ObjectLocation(S3ServerFixture.BehaviourBucket, $"connections/{Guid.NewGuid():N}/a b+ü.csv");
        byte[] data = Encoding.UTF8.GetBytes("id,name\n1,Ada\n2,\"Grace, Hopper\"\n");
        await using (ObjectWriteStream stream = await store.OpenWriteAsync(location))
        {
            await stream.WriteAsync(data);
            await stream.CompleteAsync();
        }

        await using Stream read = await store.OpenReadAsync(location);
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        Assert.Equal(data, copy.ToArray());
    }
}
