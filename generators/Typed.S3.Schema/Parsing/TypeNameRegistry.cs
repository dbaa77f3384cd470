using System;
using System.Collections.Generic;
using Typed.S3.Schema.Diagnostics;
using Typed.S3.Schema.Model;

namespace Typed.S3.Schema.Parsing;

/// <summary>
/// The names of the types a schema file generates (accessors, records, nested records), all in one namespace:
/// a name used twice is TS3014 at the second use. Names are compared ignoring case, because generated file
/// names (and case-insensitive file systems) would clash too.
/// </summary>
internal sealed class TypeNameRegistry
{
    private readonly ParseContext _context;
    private readonly string _namespace;
    private readonly Dictionary<string, string> _names = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<DeclaredTypeName> _declared = new();

    /// <summary>Creates a registry.</summary>
    /// <param name="context">Where to report.</param>
    /// <param name="namespaceName">The namespace of the generated types, for the message.</param>
    public TypeNameRegistry(ParseContext context, string namespaceName)
    {
        _context = context;
        _namespace = namespaceName;
    }

    /// <summary>The dataset being parsed: the types added now belong to it.</summary>
    public string CurrentDataset { get; set; } = string.Empty;

    /// <summary>Every name added without a clash, in order, for the checks across schema files.</summary>
    public IReadOnlyList<DeclaredTypeName> Declared => _declared;

    /// <summary>Records a generated type's name; reports TS3014 when the name is taken.</summary>
    /// <param name="name">The C# type name the generator will declare, without a namespace.</param>
    /// <param name="span">Where the name comes from.</param>
    /// <param name="isAccessor">Whether the type is the dataset's accessor class.</param>
    public void Add(string name, SourceSpan span, bool isAccessor = false)
    {
        if (_names.TryGetValue(name, out string? existing))
        {
            string message = ParseContext.Format(SchemaDiagnosticCodes.DuplicateTypeName, name, _namespace);
            if (!string.Equals(existing, name, StringComparison.Ordinal))
            {
                message += " ('" + existing + "' and '" + name + "' differ only in case)";
            }

            _context.ReportMessage(SchemaDiagnosticCodes.DuplicateTypeName, span, message);
            return;
        }

        _names.Add(name, name);
        _declared.Add(new DeclaredTypeName(name, CurrentDataset, isAccessor, span));
    }
}
