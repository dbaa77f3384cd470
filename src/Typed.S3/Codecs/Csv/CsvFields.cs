using CsvHelper;

namespace Typed.S3.Codecs;

/// <summary>Rules about CSV fields that the generated readers and the data check share.</summary>
internal static class CsvFields
{
    /// <summary>
    /// Whether an empty field was written as a quoted empty value (<c>""</c>): an empty string or empty binary value
    /// rather than a null one.
    /// </summary>
    /// <param name="reader">The reader, on a record.</param>
    /// <param name="index">The field index of an empty field.</param>
    /// <returns>Whether the field is <c>""</c>.</returns>
    public static bool IsQuotedEmpty(CsvReader reader, int index) =>
        index < reader.FieldCount && reader.GetRawSpan(index).Length >= 2;
}
