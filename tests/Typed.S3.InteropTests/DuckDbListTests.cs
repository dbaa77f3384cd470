using DuckDB.NET.Data;
using Typed.S3.InteropTests.Data;

namespace Typed.S3.InteropTests;

/// <summary>
/// <c>list&lt;int64&gt;</c> and <c>list&lt;string&gt;</c> columns both ways with DuckDB: its Parquet (the three-level
/// LIST), JSON Lines and CSV read by the generated reader, and ours read by DuckDB, with null lists, empty lists, null
/// elements and unicode. DuckDB writes a list to CSV in its own text form (<c>[a b, NULL]</c>), not JSON; the CSV
/// file here is written with <c>to_json</c>, the form Typed.S3 reads and writes.
/// </summary>
public sealed class DuckDbListTests : IDisposable
{
    private const int Rows = 400;

    private const string CreateTable = """
        CREATE TABLE l AS SELECT
          i::BIGINT AS id,
          CASE i % 4 WHEN 0 THEN NULL WHEN 1 THEN []::BIGINT[] ELSE [i, NULL, i * 1000000007]::BIGINT[] END AS nums,
          CASE i % 5 WHEN 0 THEN NULL WHEN 1 THEN []::VARCHAR[] ELSE ['w ' || i, NULL, 'é "q", 東京 😀', '']::VARCHAR[] END AS words
        FROM range(1, 401) t(i);
        """;

    private readonly string _root;
    private readonly string _folder;
    private readonly DuckDBConnection _connection;

    public DuckDbListTests()
    {
        _root = Path.Combine(Path.GetTempPath(), "typeds3-lists-" + Guid.NewGuid().ToString("N"));
        _folder = Path.Combine(_root, "interop", "duckdb-lists");
        Directory.CreateDirectory(_folder);
        _connection = new DuckDBConnection("DataSource=:memory:");
        _connection.Open();
        Execute(CreateTable);
    }

    [Theory]
    [InlineData("parquet", "(FORMAT PARQUET, ROW_GROUP_SIZE 150)", "SELECT * FROM l ORDER BY id")]
    [InlineData("jsonl", "(FORMAT JSON)", "SELECT * FROM l ORDER BY id")]
    [InlineData("csv", "(HEADER)", "SELECT id, to_json(nums) AS nums, to_json(words) AS words FROM l ORDER BY id")]
    public async Task ReadsDuckDbLists(string extension, string options, string query)
    {
        Execute($"COPY ({query}) TO '{_folder}/lists.{extension}' {options}");

        var rows = new List<DuckListRow>();
        await foreach (DuckListRow row in DuckLists.ReadAsync(ObjectStore.Open(_root), "s3://interop/duckdb-lists/lists." + extension))
        {
            rows.Add(row);
        }

        Assert.Equal(Rows, rows.Count);
        for (int i = 0; i < Rows; i++)
        {
            AssertExpected(i + 1, rows[i]);
        }
    }

    [Theory]
    [InlineData("parquet", "read_parquet('{0}')")]
    [InlineData("jsonl", "read_json('{0}', format = 'newline_delimited', columns = {{'id': 'BIGINT', 'nums': 'BIGINT[]', 'words': 'VARCHAR[]'}})")]
    [InlineData("csv", "(SELECT id, from_json(nums, '[\"BIGINT\"]') AS nums, from_json(words, '[\"VARCHAR\"]') AS words FROM read_csv('{0}', header = true, columns = {{'id': 'BIGINT', 'nums': 'VARCHAR', 'words': 'VARCHAR'}}))")]
    public async Task DuckDbReadsOurLists(string extension, string source)
    {
        string path = Path.Combine(_root, "typed." + extension);
        List<DuckListRow> rows = Enumerable.Range(1, Rows).Select(Expected).ToList();
        await using (FileStream file = File.Create(path))
        {
            await (extension switch
            {
                "parquet" => DuckLists.WriteParquetAsync(file, rows),
                "jsonl" => DuckLists.WriteJsonLinesAsync(file, rows),
                _ => DuckLists.WriteCsvAsync(file, rows),
            });
        }

        string from = string.Format(System.Globalization.CultureInfo.InvariantCulture, source, path);

        // The same rows both ways: nothing in one that is not in the other, lists compared element by element by DuckDB.
        Assert.Equal(0L, Scalar($"SELECT count(*) FROM (SELECT * FROM l EXCEPT SELECT * FROM {from})"));
        Assert.Equal(0L, Scalar($"SELECT count(*) FROM (SELECT * FROM {from} EXCEPT SELECT * FROM l)"));
        Assert.Equal((long)Rows, Scalar($"SELECT count(*) FROM {from}"));
        Assert.Equal(Rows / 4L, Scalar($"SELECT count(*) FROM {from} WHERE nums IS NULL"));
        Assert.Equal(Rows / 4L, Scalar($"SELECT count(*) FROM {from} WHERE len(nums) = 0"));
    }

    public void Dispose()
    {
        _connection.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    private static DuckListRow Expected(int i) => new()
    {
        Id = i,
        Nums = (i % 4) switch
        {
            0 => null,
            1 => [],
            _ => [i, null, i * 1000000007L],
        },
        Words = (i % 5) switch
        {
            0 => null,
            1 => [],
            _ => ["w " + i, null, "é \"q\", 東京 😀", string.Empty],
        },
    };

    private static void AssertExpected(int i, DuckListRow actual)
    {
        DuckListRow expected = Expected(i);
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Nums, actual.Nums);
        Assert.Equal(expected.Words, actual.Words);
    }

    private void Execute(string sql)
    {
        using DuckDBCommand command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private long Scalar(string sql)
    {
        using DuckDBCommand command = _connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
