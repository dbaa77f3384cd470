using System.ComponentModel;
using CsvHelper;

namespace Typed.S3.Codecs;

/// <summary>
/// For generated code only; may change in any release. The base of generated CSV record writers: writes a record's columns, in schema order, as fields of one CSV record
/// (through <see cref="CsvFieldWriter"/>), and the header's column names.
/// </summary>
/// <typeparam name="T">The record type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class CsvRecordWriterBase<T>
{
    /// <summary>The number of fields a record has.</summary>
    public abstract int FieldCount { get; }

    /// <summary>Writes the header's fields: the column names, in schema order.</summary>
    /// <param name="writer">The writer, at the start of the header.</param>
    public abstract void WriteHeader(CsvOutput writer);

    /// <summary>Writes a record's fields.</summary>
    /// <param name="writer">The writer, at the start of a record.</param>
    /// <param name="record">The record to write, never <see langword="null"/> (the codec rejects null records first).</param>
    public abstract void Write(CsvOutput writer, T record);

    /// <summary>Writes a column name as a header field.</summary>
    protected static void WriteColumnName(CsvOutput writer, string name) => ColumnNames.Instance.Write(writer.Writer, name);

    // The tokenizer's own way to write a header name (quoted as needed), reached through one of its record writers.
    private sealed class ColumnNames : CsvRecordWriter<T>
    {
        public static readonly ColumnNames Instance = new();

        public override int FieldCount => 0;

        public void Write(CsvWriter writer, string name) => WriteColumnName(writer, name);

        public override void WriteHeader(CsvWriter writer)
        {
        }

        public override void Write(CsvWriter writer, T record)
        {
        }
    }
}
