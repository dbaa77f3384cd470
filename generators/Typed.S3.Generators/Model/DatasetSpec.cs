using System.Collections.Generic;
using Typed.S3.Schema.Model;

namespace Typed.S3.Generators.Model;

/// <summary>
/// One dataset as the emitters need it: what its generated files are made of, and nothing else. No source spans and
/// no diagnostics, so an edit of the schema file that does not change the generated code (whitespace, the order of an
/// object's properties, <c>$schema</c>, a warning moving) leaves this value equal and the dataset's output cached.
/// </summary>
/// <param name="FilePath">The schema file (for a generator failure on it; paths do not change with edits).</param>
/// <param name="SchemaName">The file name without <c>.s3schema.json</c>.</param>
/// <param name="Namespace">The C# namespace of the generated types.</param>
/// <param name="Name">The dataset's key in <c>datasets</c>: the accessor class name.</param>
/// <param name="RecordName">The record type's name.</param>
/// <param name="Location">Where the dataset is read from.</param>
/// <param name="Format">The format of the objects read.</param>
/// <param name="Csv">The CSV options (delimiter, header, quote character) the CSV codec is generated with.</param>
/// <param name="Compression">The compression of the objects read.</param>
/// <param name="Columns">The columns, in schema order.</param>
/// <param name="Write">The write section, or <see langword="null"/> when the dataset is read-only.</param>
internal sealed record DatasetSpec(
    string FilePath,
    string SchemaName,
    string Namespace,
    string Name,
    string RecordName,
    string Location,
    DataFormat Format,
    CsvOptionsModel Csv,
    CompressionKind Compression,
    EquatableArray<ColumnSpec> Columns,
    WriteSpec? Write)
{
    /// <summary>The hint name prefix of the accessor and codec files: <c>Namespace.Dataset</c>.</summary>
    public string HintPrefix => Namespace + "." + Name;

    /// <summary>The hint name of the record type's file.</summary>
    public string RecordHintName => Namespace + "." + RecordName + ".g.cs";

    /// <summary>The names of the classes the codecs nest in the accessor.</summary>
    public CodecTypeNames CodecTypes => CodecTypeNames.For(Name, RecordName);

    /// <summary>The nested records of the columns (records, and records in lists and maps, at any depth), each once, outermost first.</summary>
    public IReadOnlyList<ColumnTypeSpec> NestedRecords
    {
        get
        {
            var records = new List<ColumnTypeSpec>();
            foreach (ColumnSpec column in Columns)
            {
                column.Type.CollectRecords(records);
            }

            return records;
        }
    }

    /// <summary>Whether any column is nested (<see cref="ColumnSpec.IsNested"/>): the Parquet codec of this version is not generated then.</summary>
    public bool HasNestedColumns
    {
        get
        {
            foreach (ColumnSpec column in Columns)
            {
                if (column.IsNested)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>The key that names this dataset among those of the project.</summary>
    public DatasetKey Key => new(FilePath, Name);

    /// <summary>The source models of every dataset a checked schema file generates, in file order.</summary>
    /// <param name="document">The parsed and checked schema file.</param>
    /// <returns>One model per dataset.</returns>
    public static EquatableArray<DatasetSpec> From(SchemaDocument document)
    {
        var specs = new List<DatasetSpec>(document.Datasets.Count);
        foreach (DatasetModel dataset in document.Datasets)
        {
            specs.Add(From(document, dataset));
        }

        return EquatableArray.From(specs);
    }

    /// <summary>The source model of one dataset.</summary>
    /// <param name="document">The parsed schema file that declares <paramref name="dataset"/>.</param>
    /// <param name="dataset">One of its datasets.</param>
    /// <returns>The model, without spans.</returns>
    public static DatasetSpec From(SchemaDocument document, DatasetModel dataset) =>
        new(
            document.FilePath,
            document.SchemaName,
            document.Namespace,
            dataset.Name,
            dataset.RecordName,
            dataset.Location,
            dataset.Format,
            dataset.Csv,
            dataset.Compression,
            ColumnSpec.From(dataset.Columns, document.Namespace, dataset.RecordName, dataset.Name),
            dataset.Write is { } write ? WriteSpec.From(write) : null);
}

/// <summary>A dataset of a schema file, by the file's path and the dataset's name.</summary>
/// <param name="FilePath">The path of the schema file that declares the dataset.</param>
/// <param name="Dataset">The dataset's name.</param>
internal sealed record DatasetKey(string FilePath, string Dataset);
