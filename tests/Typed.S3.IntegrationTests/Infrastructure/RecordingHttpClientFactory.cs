using System.Collections.Concurrent;
using Amazon.Runtime;

namespace Typed.S3.IntegrationTests.Infrastructure;

/// <summary>Gives the SDK HTTP clients that record every request they send to the real server and its answer.</summary>
public sealed class RecordingHttpClientFactory : HttpClientFactory
{
    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public override HttpClient CreateHttpClient(IClientConfig clientConfig) =>
        new(new RecordingHandler(this, new SocketsHttpHandler()));

    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => false;

    private sealed class RecordingHandler(RecordingHttpClientFactory owner, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            string contentEncoding = request.Content is null ? "" : string.Join(",", request.Content.Headers.ContentEncoding);
            string payloadHash = request.Headers.TryGetValues("x-amz-content-sha256", out var values) ? string.Join(",", values) : "";
            string range = request.Headers.Range?.ToString() ?? "";
            HttpResponseMessage response = await base.SendAsync(request, cancellationToken);
            owner.Requests.Enqueue(new RecordedRequest(request.Method.Method, request.RequestUri!, contentEncoding, payloadHash, (int)response.StatusCode, range));
            return response;
        }
    }
}

/// <summary>One request sent to the server.</summary>
public sealed record RecordedRequest(string Method, Uri Uri, string ContentEncoding, string PayloadHash, int Status, string Range = "");
