namespace Typed.S3.Tests.Layout;

public class KeyLayoutTests
{
    // Friday 2024-04-05 09:07:03.045 UTC (given in +02:00 to check the UTC conversion).
    private static readonly DateTimeOffset Clock = new DateTimeOffset(2024, 4, 5, 11, 7, 3, 45, TimeSpan.FromHours(2));

    private static readonly LayoutValues Values = new()
    {
        SchemaName = "sales",
        TableName = "customers",
        LoadId = "1712308023.045000",
        FileId = "00007",
        Extension = "csv.gz",
        LoadTimestamp = Clock,
        Partition = 3,
        Offset = 1234567890123,
    };

    [Theory]
    [InlineData("{schema_name}", "sales")]
    [InlineData("{table_name}", "customers")]
    [InlineData("{load_id}", "1712308023.045000")]
    [InlineData("{file_id}", "00007")]
    [InlineData("{ext}", "csv.gz")]
    [InlineData("{curr_date}", "2024-04-05")]
    [InlineData("{timestamp}", "1712308023")]
    [InlineData("{timestamp_ms}", "1712308023045")]
    [InlineData("{load_package_timestamp}", "1712308023")]
    [InlineData("{load_package_timestamp_ms}", "1712308023045")]
    [InlineData("{YYYY}", "2024")]
    [InlineData("{YY}", "24")]
    [InlineData("{Y}", "2024")]
    [InlineData("{MMMM}", "april")]
    [InlineData("{MMM}", "apr")]
    [InlineData("{MM}", "04")]
    [InlineData("{M}", "4")]
    [InlineData("{DD}", "05")]
    [InlineData("{D}", "5")]
    [InlineData("{HH}", "09")]
    [InlineData("{H}", "9")]
    [InlineData("{mm}", "07")]
    [InlineData("{m}", "7")]
    [InlineData("{ss}", "03")]
    [InlineData("{s}", "3")]
    [InlineData("{SSS}", "045")]
    [InlineData("{dddd}", "friday")]
    [InlineData("{ddd}", "fri")]
    [InlineData("{Q}", "2")]
    [InlineData("{partition}", "3")]
    [InlineData("{offset}", "1234567890123")]
    public void RendersEveryPlaceholder(string template, string expected) =>
        Assert.Equal(expected, KeyLayout.Parse(template).Render(Values));

    [Fact]
    public void TheTestsCoverEveryKnownPlaceholder()
    {
        var tested = typeof(KeyLayoutTests).GetMethod(nameof(RendersEveryPlaceholder))!
            .GetCustomAttributes(typeof(InlineDataAttribute), false)
            .Cast<InlineDataAttribute>()
            .Select(a => ((string)a.GetData(null!).Single()[0]).Trim('{', '}'))
            .ToHashSet();
        Assert.Equal(KeyLayout.KnownPlaceholders.OrderBy(p => p, StringComparer.Ordinal), tested.OrderBy(p => p, StringComparer.Ordinal));
    }

    [Fact]
    public void RendersAWholeKey()
    {
        KeyLayout layout = KeyLayout.Parse("{table_name}/{YYYY}/{MM}/{DD}/{load_id}.{file_id}.{ext}");
        Assert.Equal("customers/2024/04/05/1712308023.045000.00007.csv.gz", layout.Render(Values));
        Assert.Equal("{table_name}/{YYYY}/{MM}/{DD}/{load_id}.{file_id}.{ext}", layout.Template);
        Assert.True(layout.Uses("load_id"));
        Assert.False(layout.Uses("partition"));
    }

    [Fact]
    public void RendersWithALoadClock()
    {
        var clock = new LoadClock(new DateTimeOffset(2024, 12, 31, 23, 59, 59, TimeSpan.Zero));
        KeyLayout layout = KeyLayout.Parse("{schema_name}/{table_name}/{load_id}.{file_id}.{ext}");
        Assert.Equal("s/t/1735689599.000000.00000.csv", layout.Render(clock.NextFile("s", "t", "csv")));
        Assert.Equal("s/t/1735689599.000000.00001.csv", layout.Render(clock.NextFile("s", "t", "csv")));
        Assert.Equal("4", KeyLayout.Parse("{Q}").Render(clock.NextFile("s", "t", "csv")));
    }

    [Theory]
    [InlineData("{partition}/{file_id}", "partition")]
    [InlineData("{table_name}/{offset}.csv", "offset")]
    public void PartitionAndOffsetMustBeGivenWhenUsed(string template, string placeholder)
    {
        LayoutValues values = Values with { Partition = null, Offset = null };
        var error = Assert.Throws<ArgumentException>(() => KeyLayout.Parse(template).Render(values));
        Assert.Contains(template, error.Message);
        Assert.Contains("{" + placeholder + "}", error.Message);
        Assert.Equal("customers/00007", KeyLayout.Parse("{table_name}/{file_id}").Render(values));
    }

    [Theory]
    [InlineData("..", "'..' path segment")]
    [InlineData(".", "'.' path segment")]
    [InlineData("", "empty path segment")]
    [InlineData("a/../../b", "'..' path segment")]
    [InlineData("/abs", "empty path segment")]
    [InlineData("a//b", "empty path segment")]
    public void ValuesCannotEscape(string tableName, string problem)
    {
        KeyLayout layout = KeyLayout.Parse("exports/{table_name}/{file_id}.{ext}");
        var error = Assert.Throws<ArgumentException>(() => layout.Render(Values with { TableName = tableName }));
        Assert.Contains("exports/{table_name}/{file_id}.{ext}", error.Message);
        Assert.Contains(problem, error.Message);
        Assert.Contains("{table_name} = '" + tableName + "'", error.Message);
    }

    [Fact]
    public void ALeadingSlashFromAValueIsRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => KeyLayout.Parse("{table_name}.csv").Render(Values with { TableName = "/etc/passwd" }));
        Assert.Contains("starts with '/'", error.Message);
        Assert.Contains("'/etc/passwd'", error.Message);
    }

    [Fact]
    public void ATrailingSlashFromAValueIsRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => KeyLayout.Parse("{table_name}/{ext}").Render(Values with { Extension = "x/" }));
        Assert.Contains("ends with '/'", error.Message);
        Assert.Contains("{ext} = 'x/'", error.Message);
    }

    [Fact]
    public void BackslashesInValuesAreRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => KeyLayout.Parse("{table_name}.csv").Render(Values with { TableName = "..\\..\\x" }));
        Assert.Contains("{table_name}", error.Message);
        Assert.Contains("..\\..\\x", error.Message);
    }

    [Fact]
    public void ValuesWithSafeDotsAndSlashesAreKept() =>
        Assert.Equal("a.b/..c/d.../00007", KeyLayout.Parse("{table_name}/{file_id}").Render(Values with { TableName = "a.b/..c/d..." }));

    [Theory]
    [InlineData("{table_name}/{nope}.csv", "unknown placeholder '{nope}'")]
    [InlineData("{Table_Name}.csv", "unknown placeholder '{Table_Name}'")]
    [InlineData("{table_name/{file_id}", "'{' without a matching '}'")]
    [InlineData("{}", "empty placeholder")]
    [InlineData("/{table_name}", "cannot start with '/'")]
    [InlineData("../{table_name}", "'..' path segment")]
    [InlineData("a\\{table_name}", "'\\'")]
    [InlineData("", "empty")]
    public void InvalidTemplatesAreFormatErrors(string template, string problem)
    {
        var error = Assert.Throws<FormatException>(() => KeyLayout.Parse(template));
        Assert.Contains("'" + template + "'", error.Message);
        Assert.Contains(problem, error.Message);
    }

    [Theory]
    [InlineData("s3://bucket/exports/", "t/1.csv", "exports/t/1.csv")]
    [InlineData("s3://bucket/exports", "t/1.csv", "exports/t/1.csv")]
    [InlineData("s3://bucket/", "t/1.csv", "t/1.csv")]
    [InlineData("s3://bucket", "t/1.csv", "t/1.csv")]
    [InlineData("s3://bucket/a b/#c", "ü.csv", "a b/#c/ü.csv")]
    public void CombinesAWriteLocationAndAKey(string writeLocation, string key, string expected)
    {
        ObjectLocation location = KeyLayout.Combine(writeLocation, key);
        Assert.Equal("bucket", location.Bucket);
        Assert.Equal(expected, location.Key);
    }

    [Fact]
    public void RenderLocationPutsTheKeyUnderTheWriteLocation() =>
        Assert.Equal(
            "s3://bucket/exports/customers/00007.csv.gz",
            KeyLayout.Parse("{table_name}/{file_id}.{ext}").RenderLocation("s3://bucket/exports", Values).ToString());

    [Theory]
    [InlineData("s3://bucket/exports/", "../x.csv")]
    [InlineData("s3://bucket/exports/", "/x.csv")]
    [InlineData("s3://bucket/../", "x.csv")]
    [InlineData("s3://bucket/exports//", "x.csv")]
    public void CombiningRejectsEscapes(string writeLocation, string key) =>
        Assert.Throws<ArgumentException>(() => KeyLayout.Combine(writeLocation, key));

    [Fact]
    public void CombiningNeedsAnS3Location() =>
        Assert.Throws<FormatException>(() => KeyLayout.Combine("/local/path", "x.csv"));
}
