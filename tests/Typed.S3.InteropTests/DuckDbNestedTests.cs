using System.Globalization;
using System.Text.Json;
using DuckDB.NET.Data;
using Typed.S3.InteropTests.Data;

namespace Typed.S3.InteropTests;

/// <summary>
/// Nested columns both ways with DuckDB: structs in structs, lists of structs, maps of lists, lists of lists and maps
/// keyed by dates, with nulls at every level and empty lists and maps. DuckDB's JSON Lines (and CSV holding
/// <c>to_json</c> text) read by the generated reader, and ours read by DuckDB and compared with its table by
/// <c>EXCEPT</c> both ways.
/// </summary>
public sealed class DuckDbNestedTests : IDisposable
{
    private const int Rows = 240;

    private const string Customer = "STRUCT(name VARCHAR, address STRUCT(street VARCHAR, zip VARCHAR))";
    private const string Item = "STRUCT(sku VARCHAR, qty INTEGER, price DECIMAL(10,2), tags VARCHAR[])";
    private const string Labels = "MAP(VARCHAR, VARCHAR[])";
    private const string Daily = "MAP(DATE, BIGINT)";

    private const string CreateTable = $$"""
        CREATE TABLE n AS SELECT
          i::BIGINT AS id,
          CASE WHEN i % 7 = 0 THEN NULL ELSE {
            'name': 'n ' || i || ' é "q", 東京',
            'address': CASE WHEN i % 3 = 0 THEN NULL ELSE {'street': CASE WHEN i % 2 = 0 THEN NULL ELSE 's ' || i END, 'zip': 'z' || i} END
          } END::{{Customer}} AS customer,
          CASE i % 4
            WHEN 0 THEN NULL
            WHEN 1 THEN []
            ELSE [{'sku': 'a' || i, 'qty': i, 'price': (i / 4)::DECIMAL(10,2), 'tags': ['t', NULL]}, NULL, {'sku': '', 'qty': -i, 'price': NULL, 'tags': NULL}]
          END::{{Item}}[] AS items,
          CASE i % 5 WHEN 0 THEN NULL WHEN 1 THEN MAP {} ELSE MAP {'k' || i: ['v', NULL], 'e': [], 'n': NULL} END::{{Labels}} AS labels,
          CASE i % 3 WHEN 0 THEN NULL ELSE [[i, NULL], [], NULL] END::INTEGER[][] AS matrix,
          CASE i % 6 WHEN 0 THEN NULL ELSE MAP {DATE '2024-02-29' + i::INTEGER: i * 10, DATE '1999-12-31': NULL} END::{{Daily}} AS daily
        FROM range(1, 241) t(i);
        """;

    private readonly string _root;
    private readonly string _folder;
    private readonly DuckDBConnection _connection;

    public DuckDbNestedTests()
    {
        _root = Path.Combine(Path.GetTempPath(), "typeds3-nested-" + Guid.NewGuid().ToString("N"));
        _folder = Path.Combine(_root, "interop", "duckdb-nested");
        Directory.CreateDirectory(_folder);
        _connection = new DuckDBConnection("DataSource=:memory:");
        _connection.Open();
        Execute(CreateTable);
    }

    [Theory]
    [InlineData("jsonl", "(FORMAT JSON)", "SELECT * FROM n ORDER BY id")]
    [InlineData("csv", "(HEADER)", "SELECT id, to_json(customer) AS customer, to_json(items) AS items, to_json(labels) AS labels, to_json(matrix) AS matrix, to_json(daily) AS daily FROM n ORDER BY id")]
    public async Task ReadsDuckDbNestedValues(string extension, string options, string query)
    {
        Execute($"COPY ({query}) TO '{_folder}/nested.{extension}' {options}");

        var rows = new List<DuckNestedRow>();
        await foreach (DuckNestedRow row in DuckNested.ReadAsync(ObjectStore.Open(_root), "s3://interop/duckdb-nested/nested." + extension))
        {
            rows.Add(row);
        }

        Assert.Equal(Rows, rows.Count);
        for (int i = 0; i < Rows; i++)
        {
            Assert.Equal(Json(Expected(i + 1)), Json(rows[i]));
        }
    }

    [Theory]
    [InlineData("jsonl")]
    [InlineData("csv")]
    public async Task DuckDbReadsOurNestedValues(string extension)
    {
        string path = Path.Combine(_root, "typed." + extension);
        List<DuckNestedRow> rows = Enumerable.Range(1, Rows).Select(Expected).ToList();
        await using (FileStream file = File.Create(path))
        {
            await (extension == "jsonl" ? DuckNested.WriteJsonLinesAsync(file, rows) : DuckNested.WriteCsvAsync(file, rows));
        }

        string from = extension == "jsonl"
            ? $"read_json('{path}', format = 'newline_delimited', columns = {{'id': 'BIGINT', 'customer': '{Customer}', 'items': '{Item}[]', 'labels': '{Labels}', 'matrix': 'INTEGER[][]', 'daily': '{Daily}'}})"
            : $"(SELECT id, from_json(customer, '{JsonShape(Customer)}') AS customer, from_json(items, '{JsonShape(Item + "[]")}') AS items, "
                + $"from_json(labels, '{JsonShape(Labels)}') AS labels, from_json(matrix, '{JsonShape("INTEGER[][]")}') AS matrix, from_json(daily, '{JsonShape(Daily)}') AS daily "
                + $"FROM read_csv('{path}', header = true, columns = {{'id': 'BIGINT', 'customer': 'VARCHAR', 'items': 'VARCHAR', 'labels': 'VARCHAR', 'matrix': 'VARCHAR', 'daily': 'VARCHAR'}}))";

        // The same rows both ways, nested values compared by DuckDB level by level.
        Assert.Equal(0L, Scalar($"SELECT count(*) FROM (SELECT * FROM n EXCEPT SELECT * FROM {from})"));
        Assert.Equal(0L, Scalar($"SELECT count(*) FROM (SELECT * FROM {from} EXCEPT SELECT * FROM n)"));
        Assert.Equal((long)Rows, Scalar($"SELECT count(*) FROM {from}"));
        Assert.Equal(Rows / 7L, Scalar($"SELECT count(*) FROM {from} WHERE customer IS NULL"));
        Assert.Equal(Rows / 4L, Scalar($"SELECT count(*) FROM {from} WHERE len(items) = 0"));
    }

    public void Dispose()
    {
        _connection.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    private static DuckNestedRow Expected(int i) => new()
    {
        Id = i,
        Customer = i % 7 == 0 ? null : new DuckCustomer
        {
            Name = "n " + i + " é \"q\", 東京",
            Address = i % 3 == 0 ? null : new DuckAddress { Street = i % 2 == 0 ? null : "s " + i, Zip = "z" + i },
        },
        Items = (i % 4) switch
        {
            0 => null,
            1 => [],
            _ =>
            [
                new DuckItem { Sku = "a" + i, Qty = i, Price = decimal.Round(i / 4m, 2, MidpointRounding.AwayFromZero), Tags = ["t", null] },
                null,
                new DuckItem { Sku = string.Empty, Qty = -i, Price = null, Tags = null },
            ],
        },
        Labels = (i % 5) switch
        {
            0 => null,
            1 => new Dictionary<string, IReadOnlyList<string?>?>(),
            _ => new Dictionary<string, IReadOnlyList<string?>?> { ["k" + i] = ["v", null], ["e"] = [], ["n"] = null },
        },
        Matrix = i % 3 == 0 ? null : [[i, null], [], null],
        Daily = i % 6 == 0 ? null : new Dictionary<DateOnly, long?> { [new DateOnly(2024, 2, 29).AddDays(i)] = i * 10L, [new DateOnly(1999, 12, 31)] = null },
    };

    // DuckDB's from_json takes a JSON structure: {"name":"VARCHAR",...} for a struct, ["T"] for a list, "MAP(...)" as is.
    private static string JsonShape(string type) => type switch
    {
        Customer => """{"name":"VARCHAR","address":{"street":"VARCHAR","zip":"VARCHAR"}}""",
        Item + "[]" => """[{"sku":"VARCHAR","qty":"INTEGER","price":"DECIMAL(10,2)","tags":["VARCHAR"]}]""",
        "INTEGER[][]" => """[["INTEGER"]]""",
        _ => "\"" + type + "\"",
    };

    // A record as JSON text (System.Text.Json, reflection; test only): nested lists and maps compared element by element.
    private static string Json(DuckNestedRow row) => JsonSerializer.Serialize(row);

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
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
