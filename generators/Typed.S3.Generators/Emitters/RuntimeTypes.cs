namespace Typed.S3.Generators.Emitters;

/// <summary>
/// The one place generated code's names for runtime types come from: every emitter writes a runtime type as one of
/// these prefixes followed by the type's name, so moving a type between the runtime's two namespaces is one edit here.
/// </summary>
internal static class RuntimeTypes
{
    /// <summary>
    /// The namespace of what users call (stores, options, results, exceptions, enums), as a prefix:
    /// <c>global::Typed.S3.</c>.
    /// </summary>
    public const string Root = "global::Typed.S3.";

    /// <summary>
    /// The namespace of the support types only generated code calls (codecs, mappers, columns, field writers, parsers),
    /// hidden from IntelliSense, as a prefix: <c>global::Typed.S3.Codecs.</c>.
    /// </summary>
    public const string Codecs = "global::Typed.S3.Codecs.";
}
