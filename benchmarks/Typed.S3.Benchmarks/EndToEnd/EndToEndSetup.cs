using Amazon.S3;
using Amazon.S3.Model;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.ConsoleArguments;
using BenchmarkDotNet.ConsoleArguments.ListBenchmarks;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Parameters;
using BenchmarkDotNet.Running;
using CsvHelper;
using Typed.S3.Benchmarks.Data;

namespace Typed.S3.Benchmarks.EndToEnd;

/// <summary>
/// What the end-to-end suites share: the RADOS Gateway that the host started (<see cref="S3Endpoint"/>), a Typed.S3
/// store and a plain AWS SDK client on it, and the data, uploaded once per run. The host (<see cref="EndToEndHost"/>)
/// uploads the data sets of the benchmarks the run selects before any benchmark process starts, so no measured
/// process carries what uploading loaded; a marker object, written last, says a set is complete. The objects live in
/// the gateway's memory and go when the host stops it at the end of the run.
/// </summary>
public abstract class EndToEndSetup : IDisposable
{
    /// <summary>The bucket of the benchmark data.</summary>
    public const string BucketName = "bench";

    /// <summary>The bucket of the benchmark data.</summary>
    protected const string Bucket = BucketName;

    /// <summary>CsvHelper's options in the hand-written peers (the data is comma-separated with a header).</summary>
    protected static readonly CsvReaderOptions CsvOptions = CsvReaderOptions.Default with { Separator = ',' };

    private S3Endpoint? _endpoint;

    /// <summary>The gateway this process reads from.</summary>
    protected S3Endpoint Endpoint => _endpoint ?? throw new InvalidOperationException("Not connected to the S3 server.");

    /// <summary>The Typed.S3 store on the server, opened as a user opens one for an S3-compatible endpoint.</summary>
    protected S3ObjectStore Store { get; private set; } = null!;

    /// <summary>The AWS SDK client of the hand-written peers, configured as a user configures one for the same endpoint.</summary>
    protected AmazonS3Client Client { get; private set; } = null!;

    /// <summary>Whether the benchmarks fold a hash of every record into their tally (the setup's check only).</summary>
    protected bool Checking { get; private set; }

    /// <summary>Opens the store and the client on the gateway the host published.</summary>
    /// <param name="configure">Changes to the store's options, or <see langword="null"/>.</param>
    protected void Connect(Action<S3StoreOptions>? configure = null)
    {
        _endpoint = S3Endpoint.FromEnvironment();
        Store = _endpoint.OpenStore(configure);
        Client = _endpoint.CreateClient();
    }

    /// <summary>
    /// The suites' <c>GlobalSetup</c>: connects to the server, makes sure the data set is there, runs the suite's
    /// check, then starts measuring. BenchmarkDotNet does not run <c>GlobalCleanup</c> after a failed setup, so a
    /// failure closes the store and client here.
    /// </summary>
    /// <param name="check">Checks that all sides read the same records (<see cref="CheckSameRecords"/>).</param>
    protected void SetUp(Action check)
    {
        try
        {
            Connect();
            EnsureData();
            check();
            ProcessFigures.StartMeasuring(Endpoint);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The suites' <c>GlobalCleanup</c>: reports the process figures, then closes the store and the client.</summary>
    protected void CleanUp()
    {
        ProcessFigures.Report();
        Dispose();
    }

    /// <summary>The data set's name, unique for its content (its marker object's key).</summary>
    protected abstract string DataSetName { get; }

    private string MarkerKey => "markers/" + DataSetName;

    /// <summary>
    /// Uploads the suite's data set here if the host did not (the benchmarks were picked at BenchmarkDotNet's prompt,
    /// after the host had to decide what to upload).
    /// </summary>
    protected void EnsureData()
    {
        if (!HasData())
        {
            Console.WriteLine("// Uploading the data set in the benchmark process (the host did not): its figures include what uploading loaded.");
            UploadAllAsync().GetAwaiter().GetResult();
        }
    }

    /// <summary>Uploads the data set's objects (not its marker).</summary>
    /// <returns>A task that completes when they are stored.</returns>
    protected abstract Task UploadDataAsync();

    /// <summary>
    /// The end-to-end suites that BenchmarkDotNet will run with <paramref name="args"/> (its own parser and filters
    /// decide which), one per data set, with their parameters set. Without a <c>--filter</c> BenchmarkDotNet asks which
    /// benchmarks to run, so nobody knows yet: then <see langword="null"/>. Arguments it cannot parse, or that only
    /// list benchmarks, select none.
    /// </summary>
    /// <param name="args">The program's arguments.</param>
    /// <returns>The suites, or <see langword="null"/> when the choice is left to BenchmarkDotNet's prompt.</returns>
    public static IReadOnlyList<EndToEndSetup>? DataSetsSelectedBy(string[] args)
    {
        (bool parsed, IConfig config, CommandLineOptions options) = ConfigParser.Parse(args, NullLogger.Instance);
        if (!parsed || options.ListBenchmarkCaseMode != ListBenchmarkCaseMode.Disabled)
        {
            return [];
        }

        if (!options.Filters.Any())
        {
            return null;
        }

        var suites = new List<EndToEndSetup>();
        var names = new HashSet<string>();
        foreach (Type type in typeof(EndToEndSetup).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(EndToEndSetup)) && !t.IsAbstract))
        {
            foreach (BenchmarkCase benchmark in BenchmarkConverter.TypeToBenchmarks(type, config).BenchmarksCases)
            {
                var suite = (EndToEndSetup)Activator.CreateInstance(type)!;
                foreach (ParameterInstance parameter in benchmark.Parameters.Items)
                {
                    type.GetProperty(parameter.Name)!.SetValue(suite, parameter.Value);
                }

                if (names.Add(suite.DataSetName))
                {
                    suites.Add(suite);
                }
            }
        }

        return suites;
    }

    /// <summary>In the host: uploads this suite's data set to the published gateway unless it is there already.</summary>
    public void UploadForRun()
    {
        try
        {
            Connect();
            if (!HasData())
            {
                Console.WriteLine($"// Uploading the end-to-end data set {DataSetName} to the S3 test server.");
                UploadAllAsync().GetAwaiter().GetResult();
            }
        }
        finally
        {
            Dispose();
        }
    }

    private bool HasData() => Store.GetInfoAsync(new ObjectLocation(Bucket, MarkerKey)).GetAwaiter().GetResult() is not null;

    private async Task UploadAllAsync()
    {
        await UploadDataAsync();
        await Put(MarkerKey, []);
    }

    // The data goes up through the plain SDK, not Typed.S3's writer: its part buffers come from the shared ArrayPool,
    // which would keep tens of megabytes resident should a benchmark process upload (see EnsureData).

    /// <summary>Uploads one object in one request.</summary>
    /// <param name="key">The key in <see cref="Bucket"/>.</param>
    /// <param name="content">The bytes.</param>
    /// <returns>A task that completes when the object is stored.</returns>
    protected async Task Put(string key, byte[] content)
    {
        await Client.PutObjectAsync(new PutObjectRequest
        {
            BucketName = Bucket,
            Key = key,
            InputStream = new MemoryStream(content, writable: false),

            // S3-compatible stores refuse or mangle aws-chunked uploads.
            UseChunkEncoding = false,
        });
    }

    /// <summary>Uploads one large object as a multipart upload of 8 MiB parts sent one after another, as <paramref name="write"/> writes it.</summary>
    /// <param name="key">The key in <see cref="Bucket"/>.</param>
    /// <param name="write">Writes the object's bytes.</param>
    /// <returns>A task that completes when the object is stored.</returns>
    protected async Task PutMultipart(string key, Func<Stream, Task> write)
    {
        string uploadId = (await Client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = Bucket, Key = key })).UploadId;
        try
        {
            var parts = new MultipartParts(Client, Bucket, key, uploadId);
            await write(parts);
            await parts.FlushAsync();
            await Client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
            {
                BucketName = Bucket,
                Key = key,
                UploadId = uploadId,
                PartETags = parts.ETags,
            });
        }
        catch
        {
            await Client.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = Bucket, Key = key, UploadId = uploadId });
            throw;
        }
    }

    /// <summary>
    /// Runs every side once with record hashing on and fails unless all read the same records in the same order.
    /// </summary>
    /// <param name="expectedRecords">How many records each must read.</param>
    /// <param name="typedS3">The Typed.S3 benchmark.</param>
    /// <param name="handWritten">The hand-written peers.</param>
    protected void CheckSameRecords(long expectedRecords, Func<Task<RecordTally>> typedS3, params Func<Task<RecordTally>>[] handWritten)
    {
        Checking = true;
        try
        {
            RecordTally typed = typedS3().GetAwaiter().GetResult();
            if (typed.Records != expectedRecords)
            {
                throw new InvalidOperationException($"Typed.S3 read {typed.Records} records, {expectedRecords} expected.");
            }

            foreach (Func<Task<RecordTally>> peer in handWritten)
            {
                RecordTally read = peer().GetAwaiter().GetResult();
                if (read != typed)
                {
                    throw new InvalidOperationException($"Typed.S3 and the hand-written AWS SDK + CsvHelper loop ({peer.Method.Name}) read different records: {typed} vs {read}.");
                }
            }
        }
        finally
        {
            Checking = false;
        }
    }

    /// <summary>Disposes the store and the client (the server is the host's).</summary>
    public void Dispose()
    {
        Store?.Dispose();
        Client?.Dispose();
        Store = null!;
        Client = null!;
        _endpoint = null;
        GC.SuppressFinalize(this);
    }

    /// <summary>The suites' configuration: the columns of <see cref="ProcessFigures"/>.</summary>
    public sealed class Config : ManualConfig
    {
        /// <summary>Adds the columns.</summary>
        public Config()
        {
            AddColumn(ProcessFigureColumn.All);
        }
    }
}

/// <summary>A write-only stream that sends what is written as the parts of a multipart upload, one 8 MiB buffer at a time.</summary>
internal sealed class MultipartParts(AmazonS3Client client, string bucket, string key, string uploadId) : Stream
{
    private readonly byte[] _buffer = new byte[8 * 1024 * 1024];
    private int _filled;

    /// <summary>The parts sent so far.</summary>
    public List<PartETag> ETags { get; } = [];

    /// <inheritdoc />
    public override bool CanRead => false;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => true;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <inheritdoc />
    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (!buffer.IsEmpty)
        {
            int n = Math.Min(buffer.Length, _buffer.Length - _filled);
            buffer[..n].CopyTo(_buffer.AsMemory(_filled));
            _filled += n;
            buffer = buffer[n..];
            if (_filled == _buffer.Length)
            {
                await FlushAsync(cancellationToken);
            }
        }
    }

    /// <summary>Sends what is buffered as the next part.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the part is stored.</returns>
    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_filled == 0)
        {
            return;
        }

        int number = ETags.Count + 1;
        UploadPartResponse response = await client.UploadPartAsync(new UploadPartRequest
        {
            BucketName = bucket,
            Key = key,
            UploadId = uploadId,
            PartNumber = number,
            InputStream = new MemoryStream(_buffer, 0, _filled, writable: false),
            UseChunkEncoding = false,
        }, cancellationToken);
        ETags.Add(new PartETag(number, response.ETag));
        _filled = 0;
    }

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    /// <inheritdoc />
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();
}

/// <summary>
/// What a benchmark read: the record count and the sum of ids (cheap, so the measured loops stay lean) and, while the
/// setup checks, an order-sensitive hash of every whole record (<see cref="Trade"/>'s value equality; the peer's
/// records go through <c>ToTrade()</c>).
/// </summary>
public sealed record class RecordTally
{
    /// <summary>How many records were read.</summary>
    public long Records { get; private set; }

    /// <summary>The sum of their ids.</summary>
    public long IdSum { get; private set; }

    /// <summary>The hash of the record sequence; 0 when not checking.</summary>
    public long SequenceHash { get; private set; }

    /// <summary>Counts a record.</summary>
    /// <param name="id">Its id.</param>
    public void Count(long id)
    {
        Records++;
        IdSum += id;
    }

    /// <summary>Folds a whole record into <see cref="SequenceHash"/>.</summary>
    /// <param name="trade">The record.</param>
    public void Hash(Trade trade) => SequenceHash = unchecked((SequenceHash * 1_000_003) + trade.GetHashCode());
}
