using System.Collections.Generic;

namespace Typed.S3.Generators.Model;

/// <summary>
/// The names of the classes that the codec files nest in a dataset's accessor. None is named like its base type
/// (<c>JsonRowReader</c> derives from <c>JsonRecordReader&lt;T&gt;</c>), and none takes the record's name (which the
/// accessor's methods use, and a nested class would hide) nor the accessor's own (a member cannot be named like its
/// type): such a name gets the prefix <c>Generated</c>.
/// </summary>
internal sealed record CodecTypeNames(string CsvMapper, string CsvWriter, string JsonReader, string JsonWriter, string ParquetMapper)
{
    /// <summary>The names for a dataset whose accessor is <paramref name="accessorName"/> and record <paramref name="recordName"/>.</summary>
    /// <param name="accessorName">The accessor class's name (the dataset's).</param>
    /// <param name="recordName">The record type's name.</param>
    /// <returns>The names, unique and distinct from both.</returns>
    public static CodecTypeNames For(string accessorName, string recordName)
    {
        var taken = new HashSet<string>(System.StringComparer.Ordinal) { accessorName, recordName };
        return new CodecTypeNames(
            Take(taken, "CsvMapper"),
            Take(taken, "CsvRowWriter"),
            Take(taken, "JsonRowReader"),
            Take(taken, "JsonRowWriter"),
            Take(taken, "ParquetMapper"));
    }

    private static string Take(HashSet<string> taken, string name)
    {
        while (!taken.Add(name))
        {
            name = "Generated" + name;
        }

        return name;
    }
}
