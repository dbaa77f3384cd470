namespace Typed.S3.Schema.Model;

/// <summary>A type a schema file generates in its namespace, with where its name comes from.</summary>
/// <param name="Name">The C# type name.</param>
/// <param name="Dataset">The dataset that declares it (the accessor itself, or the dataset whose record or nested record it is).</param>
/// <param name="IsAccessor">Whether this is the dataset's accessor class (named after the dataset), rather than a record type.</param>
/// <param name="Span">Where the name is in the schema file.</param>
internal sealed record DeclaredTypeName(string Name, string Dataset, bool IsAccessor, SourceSpan Span);
