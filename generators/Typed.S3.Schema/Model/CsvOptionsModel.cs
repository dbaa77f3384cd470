namespace Typed.S3.Schema.Model;

/// <summary>The <c>csv</c> section of a dataset.</summary>
/// <param name="Delimiter">The field delimiter: any one ASCII character (<c>tsv</c> means a tab).</param>
/// <param name="Header">Whether the first record names the columns; without one, columns bind by position.</param>
/// <param name="Quote">The quote character.</param>
internal sealed record CsvOptionsModel(char Delimiter, bool Header, char Quote)
{
    /// <summary>Comma, a header row and double quotes.</summary>
    public static CsvOptionsModel Default { get; } = new(',', true, '"');
}
