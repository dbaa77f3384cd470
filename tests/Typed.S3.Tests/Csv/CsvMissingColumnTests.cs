using System.Text;
using Typed.S3.Tests.Data;

namespace Typed.S3.Tests.Csv;

/// <summary>
/// A schema column that an object's header lacks is an error naming the object and the column, with the header's
/// near name when it has one, on the serial and the parallel path alike; only a column marked
/// <c>"when_absent": "null"</c> reads as null there. Never a column of nulls from a misspelt header.
/// </summary>
public sealed class CsvMissingColumnTests
{
    public static TheoryData<int> Threads => new() { 1, 2 };

    [Theory]
    [MemberData(nameof(Threads))]
    public async Task AMisspeltHeaderIsAnErrorThatNamesTheNearName(int threads)
    {
        var error = await ReadErrorAsync("id,amout,paid_on,note\n1,2.50,2024-01-02,x\n", threads);

        Assert.Equal(
            "s3://test-bucket/payments/p.csv, line 1, column 'amount': the header has no such column (id, amout, paid_on, note); did you mean 'amout'? "
            + "(objects that may lack a column: mark it \"when_absent\": \"null\" in the schema)",
            error.Message);
        Assert.Equal("amount", error.Column);
        Assert.Equal(1, error.Line);
    }

    [Theory]
    [InlineData("id,Amount_,paid_on", "Amount_")]
    [InlineData("id,amuont,paid_on", "amuont")]
    [InlineData("id,amounts,paid_on", "amounts")]
    [InlineData("id,AMOUNT-X,paid_on", null)]
    [InlineData("id,total,paid_on", null)]
    public async Task NearNamesDifferByCaseSeparatorsOrOneEdit(string header, string? suggestion)
    {
        var error = await ReadErrorAsync(header + "\n1,2.50,2024-01-02\n", threads: 1);

        if (suggestion is null)
        {
            Assert.DoesNotContain("did you mean", error.Message, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains("did you mean '" + suggestion + "'?", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task SeveralMissingColumnsAreNamedTogetherEachWithItsNearName()
    {
        var error = await ReadErrorAsync("id,amout,paidon\n1,2.50,2024-01-02\n", threads: 1);

        Assert.Contains("the header lacks the columns 'amount', 'paid_on' (id, amout, paidon)", error.Message, StringComparison.Ordinal);
        Assert.Contains("for 'amount', did you mean 'amout'?", error.Message, StringComparison.Ordinal);
        Assert.Contains("for 'paid_on', did you mean 'paidon'?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AColumnOfTheHeaderBoundToAnotherColumnIsNeverSuggested()
    {
        // "note" is one edit from nothing here, and "id" is taken by the id column: no suggestion for 'amount'.
        var error = await ReadErrorAsync("id,paid_on,note\n1,2024-01-02,x\n", threads: 1);

        Assert.DoesNotContain("did you mean", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Threads))]
    public async Task OnlyAColumnMarkedWhenAbsentNullReadsAsNullWhenTheHeaderLacksIt(int threads)
    {
        List<Payment> read = await ReadAsync("paid_on,amount,id\n2024-01-02,2.50,1\n2024-01-03,,2\n", threads);

        Assert.Equal(
            new[] { new Payment { Id = 1, Amount = 2.50m, PaidOn = new DateOnly(2024, 1, 2) }, new Payment { Id = 2, PaidOn = new DateOnly(2024, 1, 3) } },
            read);
    }

    [Fact]
    public async Task HeaderNamesMatchIgnoringCase()
    {
        Payment read = Assert.Single(await ReadAsync("ID,Amount,Paid_On\n1,2.50,2024-01-02\n", threads: 1));

        Assert.Equal(2.50m, read.Amount);
    }

    private static async Task<List<Payment>> ReadAsync(string csv, int threads)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        var rows = new List<Payment>();
        await foreach (Payment row in Payments.ReadCsvAsync(stream, "s3://test-bucket/payments/p.csv", new DatasetReadOptions { MaxDegreeOfParallelism = threads }))
        {
            rows.Add(row);
        }

        return rows;
    }

    private static Task<DatasetFormatException> ReadErrorAsync(string csv, int threads) =>
        Assert.ThrowsAsync<DatasetFormatException>(() => ReadAsync(csv, threads));
}
