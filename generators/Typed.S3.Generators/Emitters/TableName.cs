using System.Text;

namespace Typed.S3.Generators.Emitters;

/// <summary>The <c>{table_name}</c> of a dataset: its name in snake_case, as dlt names tables (<c>OrderLines</c> → <c>order_lines</c>).</summary>
internal static class TableName
{
    public static string From(string datasetName)
    {
        var name = new StringBuilder(datasetName.Length + 4);
        for (int i = 0; i < datasetName.Length; i++)
        {
            char c = datasetName[i];
            if (char.IsUpper(c))
            {
                bool afterLowerOrDigit = i > 0 && (char.IsLower(datasetName[i - 1]) || char.IsDigit(datasetName[i - 1]));
                bool beforeLower = i > 0 && i + 1 < datasetName.Length && char.IsUpper(datasetName[i - 1]) && char.IsLower(datasetName[i + 1]);
                if (afterLowerOrDigit || beforeLower)
                {
                    name.Append('_');
                }

                name.Append(char.ToLowerInvariant(c));
            }
            else
            {
                name.Append(c);
            }
        }

        return name.ToString();
    }
}
