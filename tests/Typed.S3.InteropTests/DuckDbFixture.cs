using System.Data.Common;
using DuckDB.NET.Data;
using Typed.S3.InteropTests.Data;

namespace Typed.S3.InteropTests;

/// <summary>
/// Runs DuckDB (in process, from its NuGet package) to make a table of every column type with nulls, empty
/// strings, quotes and unicode, and to write it in each format and compression into a local store
/// (<c>s3://interop/duckdb/...</c>). DuckDB is also the oracle: <see cref="Expected"/> is the table as DuckDB reads it.
/// </summary>
public sealed class DuckDbFixture : IDisposable
{
    public const int Rows = 3000;

    // Every column type of the schema, with nulls in every nullable column, '' and NULL strings, quotes, commas,
    // line breaks and unicode. Binary is written as base64 text in CSV and JSON, which have no binary type.
    private const string CreateTable = """
        SET TimeZone = 'UTC';
        CREATE TABLE t AS SELECT
          i::BIGINT AS id,
          CASE WHEN i % 7 = 0 THEN NULL ELSE i % 2 = 0 END AS flag,
          CASE WHEN i % 11 = 0 THEN NULL ELSE ((i % 256) - 128)::TINYINT END AS tiny,
          ((i * 7 % 65536) - 32768)::SMALLINT AS small,
          (i * 7919)::INTEGER AS count,
          CASE WHEN i % 13 = 0 THEN NULL ELSE i::BIGINT * 1000000007 END AS big,
          (i % 256)::UTINYINT AS u_tiny,
          (i % 65536)::USMALLINT AS u_small,
          (i * 3)::UINTEGER AS u_count,
          i::UBIGINT * 1000000000000 AS u_big,
          (i / 8.0)::FLOAT AS ratio,
          CASE WHEN i % 5 = 0 THEN NULL ELSE i / 3.0 END::DOUBLE AS score,
          CASE WHEN i % 9 = 0 THEN NULL ELSE (i * 12.3456 - 5000)::DECIMAL(18,4) END AS amount,
          'name ' || i || CASE WHEN i % 3 = 0 THEN ', with "quotes"' WHEN i % 3 = 1 THEN E'\nand a line break' ELSE ' ✓ 東京' END AS name,
          CASE WHEN i % 4 = 0 THEN NULL WHEN i % 4 = 1 THEN '' ELSE 'ñøte ' || i END AS note,
          DATE '2024-01-01' + CAST(i AS INTEGER) AS day,
          TIME '00:00:00' + INTERVAL (i * 61) SECOND + INTERVAL (i * 1000) MICROSECOND AS at_time,
          TIMESTAMPTZ '2024-01-01 00:00:00+00' + INTERVAL (i * 3661) SECOND + INTERVAL (i * 123) MICROSECOND AS created_at,
          TIMESTAMP '2024-01-01 00:00:00' + INTERVAL (i * 3661123) MICROSECOND AS local_at,
          CASE WHEN i % 8 = 0 THEN NULL ELSE md5(i::VARCHAR)::UUID END AS key,
          CASE WHEN i % 6 = 0 THEN NULL WHEN i % 6 = 1 THEN ''::BLOB ELSE encode('bytes ' || i) END AS payload
        FROM range(1, 3001) t(i);
        """;

    public DuckDbFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "typeds3-interop-" + Guid.NewGuid().ToString("N"));
        string folder = Path.Combine(Root, "interop", "duckdb");
        Directory.CreateDirectory(folder);
        Connection = new DuckDBConnection("DataSource=:memory:");
        Connection.Open();
        Execute(CreateTable);
        string text = "SELECT * REPLACE (base64(payload) AS payload) FROM t ORDER BY id";
        Execute($"COPY ({text}) TO '{folder}/rows.csv' (HEADER)");
        Execute($"COPY ({text}) TO '{folder}/rows.csv.gz' (HEADER, COMPRESSION gzip)");
        Execute($"COPY ({text}) TO '{folder}/rows.jsonl' (FORMAT JSON)");
        Execute($"COPY ({text}) TO '{folder}/rows.json' (FORMAT JSON, ARRAY true)");
        foreach (string codec in new[] { "snappy", "gzip", "zstd" })
        {
            Execute($"COPY (SELECT * FROM t ORDER BY id) TO '{folder}/rows_{codec}.parquet' (FORMAT PARQUET, COMPRESSION {codec}, ROW_GROUP_SIZE 1000)");
        }

        Expected = Query("SELECT * FROM t ORDER BY id");
        Store = ObjectStore.Open(Root);
    }

    /// <summary>The local store's root folder; DuckDB's files are in the bucket <c>interop</c> under <c>duckdb/</c>.</summary>
    public string Root { get; }

    public IObjectStore Store { get; }

    public DuckDBConnection Connection { get; }

    /// <summary>The table as DuckDB reads it, in id order.</summary>
    public IReadOnlyList<DuckRow> Expected { get; }

    public void Execute(string sql)
    {
        using DuckDBCommand command = Connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Reads rows of the table's shape with DuckDB into records.</summary>
    public List<DuckRow> Query(string sql)
    {
        using DuckDBCommand command = Connection.CreateCommand();
        command.CommandText = sql;
        using DbDataReader reader = command.ExecuteReader();
        var rows = new List<DuckRow>();
        while (reader.Read())
        {
            rows.Add(new DuckRow
            {
                Id = reader.GetInt64(reader.GetOrdinal("id")),
                Flag = Get<bool>(reader, "flag"),
                Tiny = Get<sbyte>(reader, "tiny"),
                Small = Get<short>(reader, "small"),
                Count = Get<int>(reader, "count"),
                Big = Get<long>(reader, "big"),
                UTiny = Get<byte>(reader, "u_tiny"),
                USmall = Get<ushort>(reader, "u_small"),
                UCount = Get<uint>(reader, "u_count"),
                UBig = Get<ulong>(reader, "u_big"),
                Ratio = Get<float>(reader, "ratio"),
                Score = Get<double>(reader, "score"),
                Amount = Get<decimal>(reader, "amount"),
                Name = reader.GetString(reader.GetOrdinal("name")),
                Note = reader.IsDBNull(reader.GetOrdinal("note")) ? null : reader.GetString(reader.GetOrdinal("note")),
                Day = Get<DateOnly>(reader, "day"),
                AtTime = Get<TimeOnly>(reader, "at_time"),
                CreatedAt = Get<DateTime>(reader, "created_at") is DateTime utc ? new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)) : null,
                LocalAt = Get<DateTime>(reader, "local_at"),
                Key = Get<Guid>(reader, "key"),
                Payload = Bytes(reader, "payload"),
            });
        }

        return rows;
    }

    public void Dispose()
    {
        Connection.Dispose();
        Directory.Delete(Root, recursive: true);
    }

    private static T? Get<T>(DbDataReader reader, string column)
        where T : struct
    {
        int ordinal = reader.GetOrdinal(column);
        return reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<T>(ordinal);
    }

    private static byte[]? Bytes(DbDataReader reader, string column)
    {
        int ordinal = reader.GetOrdinal(column);
        if (reader.IsDBNull(ordinal))
        {
            return null;
        }

        object value = reader.GetValue(ordinal);
        if (value is byte[] bytes)
        {
            return bytes;
        }

        using var copy = new MemoryStream();
        ((Stream)value).CopyTo(copy);
        return copy.ToArray();
    }
}

[CollectionDefinition(Name)]
public sealed class DuckDbCollection : ICollectionFixture<DuckDbFixture>
{
    public const string Name = "DuckDB";
}
