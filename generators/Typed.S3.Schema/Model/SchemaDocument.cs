using Typed.S3.Schema.Diagnostics;

namespace Typed.S3.Schema.Model;

/// <summary>A parsed schema file: what the emitters need, and every problem found in it.</summary>
/// <param name="FilePath">The file's path, as given to the parser.</param>
/// <param name="SchemaName">The file name without <c>.s3schema.json</c> (<c>{schema_name}</c> in layouts).</param>
/// <param name="Namespace">The C# namespace of the generated types.</param>
/// <param name="Datasets">The datasets that parsed without errors.</param>
/// <param name="Diagnostics">Every error, warning and info diagnostic, in file order.</param>
internal sealed record SchemaDocument(
    string FilePath,
    string SchemaName,
    string Namespace,
    EquatableArray<DatasetModel> Datasets,
    EquatableArray<SchemaDiagnostic> Diagnostics)
{
    /// <summary>
    /// Every type name the file declares (accessors, records, nested records), including those of datasets left out
    /// for errors: what the file means to generate, for the checks across schema files.
    /// </summary>
    public EquatableArray<DeclaredTypeName> Types { get; init; } = EquatableArray<DeclaredTypeName>.Empty;

    /// <summary>Whether any diagnostic is an error.</summary>
    public bool HasErrors
    {
        get
        {
            foreach (SchemaDiagnostic diagnostic in Diagnostics)
            {
                if (diagnostic.Severity == SchemaDiagnosticSeverity.Error)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
