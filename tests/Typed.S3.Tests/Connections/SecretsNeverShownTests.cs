using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Typed.S3.Tests.Connections;

/// <summary>
/// Every connection form of the README and every malformed shape found so far, with secrets that hold each character
/// that can break parsing, written raw and percent-encoded (upper and lower hex), through everything that shows
/// text: <see cref="S3ConnectionString.Mask"/>, <see cref="S3ConnectionString.Parse"/> and
/// <see cref="S3ConnectionString.TryParse"/>, <see cref="ObjectStore.Open"/>, the options' and the store's
/// <c>ToString()</c>, every exception's message and full <c>ToString()</c> with its inner exceptions. None may hold
/// the secret or the token, raw, percent-encoded, with '+' for a space or a space for '+', nor any piece of them.
/// </summary>
public sealed class SecretsNeverShownTests : IDisposable
{
    private const string Key = "AKIAKEYIDEXAMPLE";

    // Secrets and tokens are made of alphanumeric pieces, so that a piece cut out of one by a parser that split it at
    // its special character is still found; each piece names its kind.
    private const string SecretHead = "SECRETHEADPIECE";
    private const string SecretTail = "SECRETTAILPIECE";
    private const string TokenHead = "TOKENHEADPIECE";
    private const string TokenTail = "TOKENTAILPIECE";

    // What joins the two pieces: each character that has broken a parser or a mask, and none.
    private static readonly string[] Joints = ["", "@", ":", "/", "&", "=", "?", "#", "%", " ", "+", "&x=", "?region=", "%2", "\\"];

    private readonly TempFolder _folder = new();
    private readonly string _profileFile;
    private readonly string _brokenFile;
    private readonly string _processFile;

    public SecretsNeverShownTests()
    {
        // A credentials file with an [analytics] profile holding the secret, one with the secret on a malformed line,
        // and one whose profile runs a credential_process that prints the secret as non-JSON.
        string secret = SecretHead + "/" + SecretTail;
        string token = TokenHead + "+" + TokenTail;
        _profileFile = CredentialScripts.WriteFiles(_folder.Path, $"[default]\naws_access_key_id = {Key}\naws_secret_access_key = {secret}\n[analytics]\naws_access_key_id = {Key}\naws_secret_access_key = {secret}\naws_session_token = {token}\n");
        _brokenFile = CredentialScripts.WriteFiles(_folder.Path, $"[analytics]\naws_access_key_id = {Key}\n{secret}\naws_session_token {token}\n", $"[profile other]\n{token}\n");
        string process = CredentialScripts.Write(_folder.Path, $"not json: {secret} {token}\n");
        _processFile = CredentialScripts.WriteFiles(_folder.Path, $"[analytics]\ncredential_process = {process}\n");
    }

    /// <summary>The forms: {K} is the key id, {S} the secret, {T} the token, {F} a credentials file.</summary>
    public static readonly string[] Forms =
    [
        // README: keys in the query.
        "s3://?access_key_id={K}&secret_access_key={S}&region=eu-west-1",
        "s3://?access_key_id={K}&secret_access_key={S}&session_token={T}&region=eu-west-1",
        "s3://?access_key_id={K}&secret_access_key={S}&endpoint_url=http://localhost:9000&layout={table_name}/{file_id}.{ext}",
        // README: keys before the region.
        "s3://{K}:{S}@us-east-2/my-bucket",
        "s3://{K}:{S}@eu-west-1/my-bucket/exports/2024",
        "s3://{K}:{S}@us-east-2/my-bucket/prefix/**/*.csv?session_token={T}",
        // README: a location with a profile; the default chain.
        "s3://my-bucket/prefix/**/*.csv?region=eu-west-1&profile=analytics",
        "s3://my-bucket/prefix?region=eu-west-1&profile=analytics&credentials_file={F}",
        "s3://my-bucket/prefix?credentials_file={F}",
        "s3://",
        "s3://my-bucket/data?region=eu-west-1",
        // README: S3-compatible stores.
        "s3://?access_key_id={K}&secret_access_key={S}&endpoint_url=http://localhost:9000",
        "s3://?access_key_id={K}&secret_access_key={S}&endpoint_url=https://acct.r2.cloudflarestorage.com&region=auto&payload_signing=false",
        "s3://?access_key_id={K}&secret_access_key={S}&endpoint_url=https://nyc3.digitaloceanspaces.com&region=nyc3",
        "s3://?access_key_id={K}&secret_access_key={S}&endpoint_url=https://rgw.example.internal:7480",
        "s3://{K}:{S}@auto/b?endpoint_url=http://localhost:9000&force_path_style=true",
        // Every alias, any case.
        "s3://?aws_access_key_id={K}&aws_secret_access_key={S}&aws_session_token={T}&region_name=auto&endpoint=https://r2.example.com",
        "s3://?AWS_ACCESS_KEY_ID={K}&AWS_SECRET_ACCESS_KEY={S}&AWS_SESSION_TOKEN={T}&AWS_REGION=eu-west-1&AWS_ENDPOINT_URL=https://r2.example.com",
        "s3://b?profile_name=analytics&shared_credentials_file={F}",
        "s3://b?aws_profile=analytics&credentials_file={F}",
        // Whitespace and line breaks around and inside.
        " s3://{K}:{S}@us-east-1/b?session_token={T}",
        "s3://{K}:{S}@us-east-1/b?session_token={T} ",
        "\ns3://?access_key_id={K}&secret_access_key={S}&session_token={T}\r\n",
        "\t s3://{K}:{S}/bucket?session_token={T}",
        "s3://?access_key_id={K}&secret_access_key={S}\n&session_token={T}",
        "s3://{K}:{S}\n@us-east-1/b",
        "s3:// {K}:{S}@us-east-1/b",
        // Scheme typos.
        "s3:/{K}:{S}@us-east-1/b?session_token={T}",
        "S3:///{K}:{S}@us-east-1?session_token={T}",
        "s3:{K}:{S}@us-east-1/b",
        "s3:bucket?secret_access_key={S}&session_token={T}",
        "S3:\\\\{K}:{S}@us-east-1/b",
        "s3:////?access_key_id={K}&secret_access_key={S}",
        // User info that stops part way.
        "s3://{K}:{S}/bucket",
        "S3://{K}:{S}",
        "s3://{K}:{S}/bucket?session_token={T}&region=eu-west-1",
        "s3://{K}:{S}@/b",
        "s3://{K}:{S}@us east/b",
        "s3://:{S}@us-east-1/b",
        "s3://{K}:@us-east-1/b?session_token={T}",
        "s3://{K}:{S}@us-east-1/b?region=eu-west-1",
        "s3://{K}:{S}@us-east-1/b?secret_access_key={S}",
        "s3://{K}:{S}@us-east-1/b?regoin=x&session_token={T}",
        "s3://{K}:{S}@us-east-1/my-*-bucket",
        "s3://{K}:{S}@us-east-1/b?credentials_file={F}",
        // Query problems around a secret.
        "s3://?secret_access_key={S}",
        "s3://?session_token={T}",
        "s3://?access_key_id={K}&session_token={T}",
        "s3://?access_key_id={K}&secret_access_key={S}&session_token={T}&colour=blue",
        "s3://?access_key_id={K}&secret_access_key={S}&secret_access_key={S}",
        "s3://?secret_access_key={S}&&access_key_id={K}",
        "s3://?access_key_id={K}&secret_access_key={S}&payload_signing=maybe",
        "s3://?access_key_id={K}&secret_access_key={S}&profile=analytics",
        "s3://?access_key_id={K}&secret_access_key={S}&region=",
        "s3://?access_key_id={K}&secret_access_key={S}&session_token={T}&region=eu?west",
        "s3://?access_key_id={K}&secret_access_key={S}&endpoint_url=http://minio:{S}@localhost:9000",
        "s3://?access_key_id={K}&secret_access_key={S}&endpoint_url=http://localhost:9000/?token={T}",
        "s3://?region=eu-west-1&secret access key={S}&session token={T}",
        "s3://?access_key_id={K}&secret_access_key={S}&session_token={T}#fragment",
        "s3://bucket/prefix?secret_access_key={S}&x=1",
        // Other schemes.
        "S4://{K}:{S}@us-east-1/b?session_token={T}",
        " https://{K}:{S}@host/b?session_token={T}",
        "file://{K}:{S}@host/b",
        "file://{K}:{S}/b",
        "file://{K}:{S}",
        "https://{K}:{S}/b?session_token={T}",
        "s3//{K}:{S}@us-east-1/b?session_token={T}",
    ];

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void NoFormOrFailureShapeShowsASecret()
    {
        var leaks = new List<string>();
        int cases = 0;
        foreach (string form in Forms)
        {
            foreach (string joint in Joints)
            {
                foreach (Func<string, string> encode in Encodings)
                {
                    string secret = SecretHead + joint + SecretTail;
                    string token = TokenHead + joint + TokenTail;
                    foreach (string file in new[] { _profileFile, _brokenFile, _processFile })
                    {
                        if (file != _profileFile && !form.Contains("{F}", StringComparison.Ordinal))
                        {
                            continue;
                        }

                        string connection = form
                            .Replace("{K}", Key, StringComparison.Ordinal)
                            .Replace("{S}", encode(secret), StringComparison.Ordinal)
                            .Replace("{T}", encode(token), StringComparison.Ordinal)
                            .Replace("{F}", Uri.EscapeDataString(file), StringComparison.Ordinal);
                        cases++;
                        foreach ((string what, string text) in Shown(connection, request: file == _processFile))
                        {
                            foreach (string forbidden in Forbidden(secret, token))
                            {
                                if (text.Contains(forbidden, StringComparison.Ordinal))
                                {
                                    leaks.Add($"{what} of {Visible(connection)} shows '{forbidden}': {Visible(text)}");
                                    break;
                                }
                            }
                        }
                    }
                }
            }
        }

        Assert.True(cases > 2000, $"only {cases} cases");
        Assert.True(leaks.Count == 0, $"{leaks.Count} leaks:\n" + string.Join("\n", leaks.Take(40)));
    }

    [Fact]
    public void TheSecretsAreReallyThere()
    {
        // The search above would pass on text that never held the secrets: make sure the inputs do.
        S3StoreOptions options = S3ConnectionString.Parse($"s3://{Key}:{Uri.EscapeDataString(SecretHead + "/" + SecretTail)}@us-east-2/b?session_token={TokenHead}%2B{TokenTail}");
        Assert.Equal(SecretHead + "/" + SecretTail, options.SecretAccessKey);
        Assert.Equal(TokenHead + "+" + TokenTail, options.SessionToken);
        Assert.Equal(Key, options.AccessKeyId);
        Assert.Contains(SecretHead, File.ReadAllText(_profileFile), StringComparison.Ordinal);
        Assert.Contains(SecretHead, File.ReadAllText(_brokenFile), StringComparison.Ordinal);
        Assert.Contains(TokenTail, File.ReadAllText(Path.Combine(Path.GetDirectoryName(_brokenFile)!, "config")), StringComparison.Ordinal);
        Assert.Contains(SecretTail, string.Concat(Shown("\n" + SecretTail, request: false).Select(s => s.Text)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(" s3://b", "s3://b")]
    [InlineData("s3://b/p\r\n", "s3://b/p")]
    [InlineData("\tS3://b/p ", "s3://b/p")]
    public void WhitespaceAroundAConnectionStringIsIgnored(string connection, string location)
    {
        Assert.Equal(location, S3ConnectionString.Parse(connection).DefaultLocation);
        Assert.True(S3ConnectionString.TryParse(connection, out _));
    }

    [Theory]
    [InlineData("s3:/bucket")]
    [InlineData(" S3:bucket")]
    [InlineData("s3:")]
    [InlineData("s3:\\\\bucket")]
    [InlineData("\ns3:/")]
    public void AStringThatStartsWithS3IsNeverAFolder(string connection)
    {
        Assert.Throws<ConnectionStringException>(() => ObjectStore.Open(connection));
        Assert.False(S3ConnectionString.TryParse(connection, out _));
    }

    [Fact]
    public void AFolderThatLooksLikeAMistypedConnectionStringIsNotShown()
    {
        var error = Assert.Throws<ObjectStoreException>(() => ObjectStore.Open($"s3//{Key}:{SecretHead}@us-east-1/b"));
        Assert.Equal(
            "the store connection text was taken for a local folder path, and no such folder exists; it is not shown, since it looks like a mistyped "
            + "connection string that may hold credentials (it has '@', ':' or a secret parameter): S3 connection strings start with s3://",
            error.Message);
        Assert.Null(error.InnerException);

        // An ordinary missing folder is still named.
        string missing = Path.Combine(_folder.Path, "no-such-folder");
        Assert.Contains(missing, Assert.Throws<ObjectStoreException>(() => ObjectStore.Open(missing)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OptionsNeverShowASecretEvenUnvalidated()
    {
        var options = new S3StoreOptions
        {
            AccessKeyId = Key,
            SecretAccessKey = SecretHead,
            SessionToken = TokenHead,
            EndpointUrl = $"http://minio:{SecretHead}@localhost:9000/?token={TokenHead}",
        };
        Assert.Equal("S3 (region us-east-1, endpoint http://mini****:****@localhost:9000/?token=****, access key AKIA****, temporary credentials, path-style)", options.ToString());
        Assert.Equal("S3 (region us-east-1, profile default from /etc/aws/credentials)", new S3StoreOptions { CredentialsFile = "/etc/aws/credentials" }.ToString());
    }

    // Raw, percent-encoded with upper-case hex, and with lower-case hex.
    private static readonly Func<string, string>[] Encodings =
    [
        s => s,
        Uri.EscapeDataString,
        s => Regex.Replace(Uri.EscapeDataString(s), "%[0-9A-F]{2}", m => m.Value.ToLowerInvariant()),
    ];

    // Every text shown for a connection string, named by where it came from; with request, after a first request too,
    // which makes the SDK resolve the credentials (a credential_process runs).
    private static List<(string What, string Text)> Shown(string connection, bool request)
    {
        var shown = new List<(string, string)> { ("Mask", S3ConnectionString.Mask(connection)) };
        try
        {
            shown.Add(("Parse's options", S3ConnectionString.Parse(connection).ToString()));
        }
        catch (Exception error)
        {
            AddChain(shown, "Parse", error);
        }

        if (S3ConnectionString.TryParse(connection, out S3StoreOptions? options))
        {
            shown.Add(("TryParse's options", options.ToString()));
        }

        IObjectStore store;
        try
        {
            store = ObjectStore.Open(connection);
        }
        catch (Exception error)
        {
            AddChain(shown, "Open", error);
            return shown;
        }

        using (store as IDisposable)
        {
            if (connection.TrimStart().StartsWith("s3:", StringComparison.OrdinalIgnoreCase) && store is not S3ObjectStore)
            {
                shown.Add(("Open", "TAKEN FOR A LOCAL FOLDER: " + SecretHead));
            }

            shown.Add(("the store", store.ToString()!));
            if (request && store is S3ObjectStore s3)
            {
                Exception? failure = Record.Exception(() => s3.ListAsync("b", string.Empty).GetAsyncEnumerator().MoveNextAsync().AsTask().Wait(TimeSpan.FromSeconds(30)));
                Assert.NotNull(failure);
                AddChain(shown, "a request", failure);
            }
        }

        return shown;
    }

    private static void AddChain(List<(string, string)> shown, string what, Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            shown.Add((what + " " + e.GetType().Name + ".Message", e.Message));
            shown.Add((what + " " + e.GetType().Name + ".ToString()", e.ToString()));
            if (e is ConnectionStringException invalid)
            {
                shown.Add((what + " MaskedConnectionString", invalid.MaskedConnectionString));
                shown.Add((what + " Problem", invalid.Problem));
            }

            if (e is AggregateException aggregate)
            {
                foreach (Exception inner in aggregate.InnerExceptions)
                {
                    AddChain(shown, what, inner);
                }
            }
        }
    }

    private static IEnumerable<string> Forbidden(string secret, string token)
    {
        yield return SecretHead;
        yield return SecretTail;
        yield return TokenHead;
        yield return TokenTail;
        yield return "KEYIDEXAMPLE";
        foreach (string value in new[] { secret, token })
        {
            yield return value;
            yield return Uri.EscapeDataString(value);
            yield return Regex.Replace(Uri.EscapeDataString(value), "%[0-9A-F]{2}", m => m.Value.ToLowerInvariant());
            yield return WebUtility.UrlEncode(value);
            yield return value.Replace(' ', '+');
            yield return value.Replace('+', ' ');
        }
    }

    private static string Visible(string text) => new StringBuilder(text).Replace("\r", "\\r").Replace("\n", "\\n").Replace("\t", "\\t").ToString();
}
