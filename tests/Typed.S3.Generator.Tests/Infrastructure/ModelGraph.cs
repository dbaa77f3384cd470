using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Typed.S3.Schema.Checks;
using Typed.S3.Schema.Diagnostics;
using Typed.S3.Schema.Model;

namespace Typed.S3.Generator.Tests.Infrastructure;

/// <summary>
/// Walks the object graph of pipeline models (every field, recursively, through arrays and the collections built on them) and the
/// graph of their declared field types, to find what an incremental generator must not hold: compiler objects
/// (which keep a whole compilation alive and are never equal across runs), and in the source path any span or
/// location (which changes whenever text moves, and would re-emit the code).
/// </summary>
internal static class ModelGraph
{
    /// <summary>What no pipeline model may hold.</summary>
    public static readonly Type[] CompilerObjects =
    {
        typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxTree), typeof(Location), typeof(Compilation), typeof(SemanticModel),
        typeof(SyntaxToken), typeof(SyntaxTrivia), typeof(SourceText), typeof(AdditionalText),
    };

    /// <summary>What the models of the source path may not hold either: positions in the schema file, and diagnostics (which carry them).</summary>
    public static readonly Type[] SpansAndLocations =
    {
        typeof(SourceSpan), typeof(TextSpan), typeof(LinePosition), typeof(LinePositionSpan), typeof(FileLinePositionSpan), typeof(Location),
        typeof(SchemaDiagnostic), typeof(TypeClash), typeof(DeclaredTypeName), typeof(Diagnostic),
    };

    /// <summary>The paths, from <paramref name="root"/>, of every value whose type is (or derives from, or implements) one of <paramref name="forbidden"/>.</summary>
    public static List<string> FindValues(object? root, Type[] forbidden)
    {
        var found = new List<string>();
        Visit(root, "value", forbidden, new HashSet<object>(ReferenceEqualityComparer.Instance), found);
        return found;
    }

    /// <summary>The paths, from <paramref name="root"/>, of every field type (recursively, with element and generic argument types) that is one of <paramref name="forbidden"/>.</summary>
    public static List<string> FindTypes(Type root, Type[] forbidden)
    {
        var found = new List<string>();
        VisitType(root, root.Name, forbidden, new HashSet<Type>(), found);
        return found;
    }

    private static void Visit(object? value, string path, Type[] forbidden, HashSet<object> seen, List<string> found)
    {
        if (value is null)
        {
            return;
        }

        Type type = value.GetType();
        if (IsForbidden(type, forbidden))
        {
            found.Add(path + ": " + type.FullName);
            return;
        }

        if (IsLeaf(type) || (!type.IsValueType && !seen.Add(value)))
        {
            return;
        }

        // Collections are walked through their fields down to the arrays that hold their items (List, ImmutableArray,
        // EquatableArray, dictionaries), without enumerating them: a default ImmutableArray cannot be enumerated.
        if (value is Array items)
        {
            int index = 0;
            foreach (object? item in items)
            {
                Visit(item, path + "[" + index++ + "]", forbidden, seen, found);
            }

            return;
        }

        for (Type? current = type; current is not null && current != typeof(object); current = current.BaseType)
        {
            foreach (FieldInfo field in current.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                Visit(field.GetValue(value), path + "." + field.Name, forbidden, seen, found);
            }
        }
    }

    private static void VisitType(Type type, string path, Type[] forbidden, HashSet<Type> seen, List<string> found)
    {
        if (IsForbidden(type, forbidden))
        {
            found.Add(path + ": " + type.FullName);
            return;
        }

        if (IsLeaf(type) || !seen.Add(type))
        {
            return;
        }

        if (type == typeof(object) || type.IsInterface || (type.IsAbstract && !type.IsSealed))
        {
            // A field of such a type could hold anything: the models must not declare one.
            found.Add(path + ": declared as " + type.FullName + ", which could hold anything");
            return;
        }

        if (type.IsArray)
        {
            VisitType(type.GetElementType()!, path + "[]", forbidden, seen, found);
            return;
        }

        if (type.IsGenericType)
        {
            foreach (Type argument in type.GetGenericArguments())
            {
                VisitType(argument, path + "<" + argument.Name + ">", forbidden, seen, found);
            }
        }

        for (Type? current = type; current is not null && current != typeof(object); current = current.BaseType)
        {
            foreach (FieldInfo field in current.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                VisitType(field.FieldType, path + "." + field.Name, forbidden, seen, found);
            }
        }
    }

    private static bool IsForbidden(Type type, Type[] forbidden)
    {
        foreach (Type bad in forbidden)
        {
            if (bad.IsAssignableFrom(type))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsLeaf(Type type) =>
        type.IsPrimitive || type.IsEnum || type.IsPointer || type == typeof(string) || type == typeof(decimal) || type == typeof(Type)
        || typeof(Delegate).IsAssignableFrom(type);
}
