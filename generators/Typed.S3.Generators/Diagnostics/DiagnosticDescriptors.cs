using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Typed.S3.Schema.Diagnostics;

namespace Typed.S3.Generators.Diagnostics;

/// <summary>
/// The Roslyn descriptors of every schema diagnostic. Each is created here with its id, category and severity as
/// constants, so that the release-tracking analyzers (RS2000-RS2008) check them against AnalyzerReleases.Shipped.md and
/// AnalyzerReleases.Unshipped.md; titles come from <see cref="SchemaDiagnosticCodes"/>, and a generator test checks
/// that every code of that catalog has its descriptor here, of the same severity.
/// </summary>
internal static class DiagnosticDescriptors
{
    /// <summary>The category of every Typed.S3 diagnostic.</summary>
    public const string Category = "Typed.S3";

    // The message is formatted by the parser, so the generator and the MSBuild task print the same text.
    private const string Message = "{0}";

    private static readonly DiagnosticDescriptor InvalidJson =
        new("TS3001", SchemaDiagnosticCodes.InvalidJson.Title, Message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor UnknownProperty =
        new("TS3002", SchemaDiagnosticCodes.UnknownProperty.Title, Message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor MissingProperty =
        new("TS3003", SchemaDiagnosticCodes.MissingProperty.Title, Message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor UnknownColumnType =
        new("TS3004", SchemaDiagnosticCodes.UnknownColumnType.Title, Message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor DuplicateColumn =
        new("TS3005", SchemaDiagnosticCodes.DuplicateColumn.Title, Message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor DuplicateProperty =
        new("TS3006", SchemaDiagnosticCodes.DuplicateProperty.Title, Message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor InvalidIdentifier =
        new("TS3007", SchemaDiagnosticCodes.InvalidIdentifier.Title, Message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor UnknownFormat =
        new("TS3008", SchemaDiagnosticCodes.UnknownFormat.Title, Message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor MissingLocation =
        new("TS3009", SchemaDiagnosticCodes.MissingLocation.Title, Message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor InvalidValue =
        new("TS3010", SchemaDiagnosticCodes.InvalidValue.Title, Message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor UnknownCompression =
        new("TS3011", SchemaDiagnosticCodes.UnknownCompression.Title, Message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor InvalidLocation =
        new("TS3012", SchemaDiagnosticCodes.InvalidLocation.Title, Message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor InvalidLayout =
        new("TS3013", SchemaDiagnosticCodes.InvalidLayout.Title, Message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor DuplicateTypeName =
        new("TS3014", SchemaDiagnosticCodes.DuplicateTypeName.Title, Message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor InvalidDecimal =
        new("TS3015", SchemaDiagnosticCodes.InvalidDecimal.Title, Message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor UnsupportedColumnType =
        new("TS3016", SchemaDiagnosticCodes.UnsupportedColumnType.Title, Message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor GeneratorFailure =
        new("TS3017", SchemaDiagnosticCodes.GeneratorFailure.Title, Message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor NoDatasets =
        new("TS3018", SchemaDiagnosticCodes.NoDatasets.Title, Message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor UnsupportedCsvOption =
        new("TS3019", SchemaDiagnosticCodes.UnsupportedCsvOption.Title, Message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor DuplicateJsonProperty =
        new("TS3020", SchemaDiagnosticCodes.DuplicateJsonProperty.Title, Message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor DuplicateDatasetAcrossFiles =
        new("TS3021", SchemaDiagnosticCodes.DuplicateDatasetAcrossFiles.Title, Message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor DuplicateTypeAcrossFiles =
        new("TS3022", SchemaDiagnosticCodes.DuplicateTypeAcrossFiles.Title, Message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor LayoutKeysCollide =
        new("TS3023", SchemaDiagnosticCodes.LayoutKeysCollide.Title, Message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor LayoutOverwritesLoads =
        new("TS3024", SchemaDiagnosticCodes.LayoutOverwritesLoads.Title, Message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor AbsentRequiredColumn =
        new("TS3025", SchemaDiagnosticCodes.AbsentRequiredColumn.Title, Message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor PropertyRenamedAfterRecord =
        new("TS3026", SchemaDiagnosticCodes.PropertyRenamedAfterRecord.Title, Message, Category, DiagnosticSeverity.Info, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor[] Descriptors =
    {
        InvalidJson, UnknownProperty, MissingProperty, UnknownColumnType, DuplicateColumn, DuplicateProperty,
        InvalidIdentifier, UnknownFormat, MissingLocation, InvalidValue, UnknownCompression, InvalidLocation,
        InvalidLayout, DuplicateTypeName, InvalidDecimal, UnsupportedColumnType, GeneratorFailure, NoDatasets,
        UnsupportedCsvOption, DuplicateJsonProperty, DuplicateDatasetAcrossFiles, DuplicateTypeAcrossFiles,
        LayoutKeysCollide, LayoutOverwritesLoads, AbsentRequiredColumn, PropertyRenamedAfterRecord,
    };

    private static readonly Dictionary<string, DiagnosticDescriptor> ById = Index();

    /// <summary>Every descriptor, in id order.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All => Descriptors;

    public static DiagnosticDescriptor Get(string id) => ById[id];

    private static Dictionary<string, DiagnosticDescriptor> Index()
    {
        var descriptors = new Dictionary<string, DiagnosticDescriptor>();
        foreach (DiagnosticDescriptor descriptor in Descriptors)
        {
            descriptors.Add(descriptor.Id, descriptor);
        }

        return descriptors;
    }
}
