using System.Text;
using Typed.S3.Tests.Data;
using static Typed.S3.Tests.Parquet.Crafting.CraftedPages;

namespace Typed.S3.Tests.Parquet.Crafting;

/// <summary>
/// Files of the <c>Suspects</c> dataset crafted row by row, every value as the file holds it (INT96 and millisecond
/// timestamps, unscaled decimals, INT(8) numbers on INT32, string bytes), so that a test can put in values no reader
/// can hold: a timestamp past year 9999, a decimal with more digits than its column declares, 300 in an INT(8) column,
/// a null in the required <c>label</c>, invalid UTF-8.
/// </summary>
internal static class SuspectFiles
{
    private const int UnixJulianDay = 2_440_588;

    /// <summary>A row as the file holds it.</summary>
    public sealed record Row(long Id, (long Nanos, int JulianDay)? At, long? Millis, long? Amount, int? Tiny, byte[]? Name, byte[]? Label, byte[]?[]? Tags);

    /// <summary>Row <paramref name="i"/> (0-based) with values every reader holds; its list null, empty, or with a null element.</summary>
    public static Row Good(int i) => new(
        i + 1,
        i % 7 == 6 ? null : (3_600_000_000_000L + i, UnixJulianDay + i),
        1_600_000_000_000 + i,
        i % 5 == 4 ? null : 12_345 + i,
        i % 100,
        Encoding.UTF8.GetBytes("n" + i),
        Encoding.UTF8.GetBytes("l" + i),
        (i % 4) switch
        {
            0 => null,
            1 => [],
            _ => [Encoding.UTF8.GetBytes("a"), null, Encoding.UTF8.GetBytes("b" + i)],
        });

    /// <summary>The record a reader gives for a good row.</summary>
    public static Suspect Expected(Row row) => new()
    {
        Id = row.Id,
        At = row.At is { } at ? new DateTimeOffset(DateTime.UnixEpoch.AddDays(at.JulianDay - UnixJulianDay).AddTicks(at.Nanos / 100)) : null,
        Millis = row.Millis is { } millis ? DateTime.SpecifyKind(DateTime.UnixEpoch.AddMilliseconds(millis), DateTimeKind.Unspecified) : null,
        Amount = row.Amount is { } amount ? amount * 0.01m : null,
        Tiny = row.Tiny is { } tiny ? (sbyte)tiny : null,
        Name = row.Name is { } name ? Encoding.UTF8.GetString(name) : null,
        Label = Encoding.UTF8.GetString(row.Label!),
        Tags = row.Tags?.Select(t => t is null ? null : Encoding.UTF8.GetString(t)).ToArray(),
    };

    /// <summary>A file of the rows, in row groups of the given sizes (which add up to the rows).</summary>
    public static byte[] Build(IReadOnlyList<Row> rows, params int[] groupSizes) => Build(rows, groupSizes, null, "label");

    /// <summary>
    /// A file of the rows, in row groups of the given sizes, with the first row group's <c>id</c> pages replaced by
    /// <paramref name="idPages"/> when given, and the <c>label</c> column named <paramref name="label"/>.
    /// </summary>
    public static byte[] Build(IReadOnlyList<Row> rows, int[] groupSizes, CraftedParquet.Page[]? idPages, string label)
    {
        var file = new CraftedParquet(
            new CraftedParquet.Column("id", CraftedParquet.Int64, Optional: false),
            new CraftedParquet.Column("at", CraftedParquet.Int96, Optional: true),
            new CraftedParquet.Column("millis", CraftedParquet.Int64, Optional: true, Converted: 9),
            new CraftedParquet.Column("amount", CraftedParquet.Int64, Optional: true, Converted: 5, Scale: 2, Precision: 6),
            new CraftedParquet.Column("tiny", CraftedParquet.Int32, Optional: true, Converted: 15),
            new CraftedParquet.Column("name", CraftedParquet.ByteArray, Optional: true, Converted: 0),
            new CraftedParquet.Column(label, CraftedParquet.ByteArray, Optional: true, Converted: 0),
            new CraftedParquet.Column("tags", CraftedParquet.ByteArray, Optional: true, Converted: 0, List: true));
        int first = 0;
        foreach (int size in groupSizes)
        {
            Row[] group = rows.Skip(first).Take(size).ToArray();
            file.RowGroup(
                size,
                first == 0 && idPages is not null ? idPages : [DataPage(size, null, Int64s(group.Select(r => r.Id).ToArray()))],
                Optional(group, r => r.At, v => Int96s(v)),
                Optional(group, r => r.Millis, v => Int64s(v)),
                Optional(group, r => r.Amount, v => Int64s(v)),
                Optional(group, r => r.Tiny, v => Int32s(v)),
                Optional(group, r => r.Name, v => ByteArrays(v)),
                Optional(group, r => r.Label, v => ByteArrays(v)),
                [Tags(group)]);
            first += size;
        }

        return file.Build();
    }

    private static CraftedParquet.Page[] Optional<T>(Row[] rows, Func<Row, T?> value, Func<T[], byte[]> plain)
        where T : struct =>
        [DataPage(rows.Length, Definitions(rows.Select(r => value(r) is not null).ToArray()), plain(rows.Select(value).Where(v => v is not null).Select(v => v!.Value).ToArray()))];

    private static CraftedParquet.Page[] Optional(Row[] rows, Func<Row, byte[]?> value, Func<byte[][], byte[]> plain) =>
        [DataPage(rows.Length, Definitions(rows.Select(r => value(r) is not null).ToArray()), plain(rows.Select(value).Where(v => v is not null).ToArray()!))];

    // An optional list of optional elements: definition 0 a null list, 1 an empty one, 2 a null element, 3 an element.
    private static CraftedParquet.Page Tags(Row[] rows)
    {
        var repetitions = new List<int>();
        var definitions = new List<int>();
        var values = new List<byte[]>();
        foreach (Row row in rows)
        {
            if (row.Tags is not { Length: > 0 } tags)
            {
                repetitions.Add(0);
                definitions.Add(row.Tags is null ? 0 : 1);
                continue;
            }

            for (int i = 0; i < tags.Length; i++)
            {
                repetitions.Add(i == 0 ? 0 : 1);
                definitions.Add(tags[i] is null ? 2 : 3);
                if (tags[i] is { } tag)
                {
                    values.Add(tag);
                }
            }
        }

        return ListDataPage(repetitions.Count, LevelRuns(repetitions.ToArray(), 1), LevelRuns(definitions.ToArray(), 2), ByteArrays(values.ToArray()));
    }
}
