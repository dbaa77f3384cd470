using System.ComponentModel;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Typed.S3.Tests.PublicApi;

/// <summary>
/// The runtime's public surface: what users call is in <c>Typed.S3</c>; what only generated code calls is in
/// <c>Typed.S3.Codecs</c>, hidden from IntelliSense; no dependency's type (CsvHelper, Parquet.Net, the AWS SDK) is
/// part of a public or protected signature; and a source file's namespace follows its folder.
/// </summary>
public class PublicSurfaceTests
{
    private const string UserNamespace = "Typed.S3";
    private const string GeneratedCodeNamespace = "Typed.S3.Codecs";

    private static readonly Assembly Runtime = typeof(ObjectStore).Assembly;

    [Fact]
    public void Every_public_type_is_in_the_user_namespace_or_the_generated_code_namespace()
    {
        string[] elsewhere = Runtime.GetExportedTypes()
            .Where(type => type.Namespace is not (UserNamespace or GeneratedCodeNamespace))
            .Select(type => type.FullName!)
            .ToArray();

        Assert.Empty(elsewhere);
    }

    [Fact]
    public void Every_public_type_of_the_generated_code_namespace_is_hidden_from_IntelliSense()
    {
        Type[] plumbing = Runtime.GetExportedTypes().Where(type => type.Namespace == GeneratedCodeNamespace).ToArray();
        string[] visible = plumbing
            .Where(type => type.GetCustomAttribute<EditorBrowsableAttribute>()?.State != EditorBrowsableState.Never)
            .Select(type => type.FullName!)
            .ToArray();

        Assert.NotEmpty(plumbing);
        Assert.Empty(visible);
    }

    [Fact]
    public void No_public_or_protected_signature_has_a_dependency_type()
    {
        var found = new List<string>();
        foreach (Type type in Runtime.GetExportedTypes())
        {
            string name = type.FullName!;
            Check(found, name + " (base type)", type.BaseType);
            foreach (Type contract in type.GetInterfaces())
            {
                Check(found, name + " (interface)", contract);
            }

            CheckGenericParameters(found, name, type.IsGenericTypeDefinition ? type.GetGenericArguments() : Type.EmptyTypes);
            const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            foreach (MemberInfo member in type.GetMembers(all))
            {
                string where = name + "." + member.Name;
                switch (member)
                {
                    case MethodBase method when IsVisible(type, method.IsPublic, method.IsFamily, method.IsFamilyOrAssembly):
                        if (method is MethodInfo info)
                        {
                            Check(found, where + " (return)", info.ReturnType);
                            CheckGenericParameters(found, where, info.IsGenericMethodDefinition ? info.GetGenericArguments() : Type.EmptyTypes);
                        }

                        foreach (ParameterInfo parameter in method.GetParameters())
                        {
                            Check(found, where + " (parameter " + parameter.Name + ")", parameter.ParameterType);
                        }

                        break;
                    case PropertyInfo property when property.GetAccessors(nonPublic: true).Any(a => IsVisible(type, a.IsPublic, a.IsFamily, a.IsFamilyOrAssembly)):
                        Check(found, where + " (property)", property.PropertyType);
                        break;
                    case FieldInfo field when IsVisible(type, field.IsPublic, field.IsFamily, field.IsFamilyOrAssembly):
                        Check(found, where + " (field)", field.FieldType);
                        break;
                    case EventInfo @event when @event.AddMethod is { } add && IsVisible(type, add.IsPublic, add.IsFamily, add.IsFamilyOrAssembly):
                        Check(found, where + " (event)", @event.EventHandlerType);
                        break;
                }
            }
        }

        Assert.Empty(found);
    }

    [Fact]
    public void A_user_facing_member_that_takes_or_returns_a_generated_code_type_is_hidden_too()
    {
        // What users see never leads them to the plumbing: such a member (DatasetSink's constructor, which generated
        // CreateSink methods call) is hidden like the plumbing itself.
        var found = new List<string>();
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (Type type in Runtime.GetExportedTypes().Where(type => type.Namespace == UserNamespace))
        {
            foreach (MethodBase method in type.GetMembers(all).OfType<MethodBase>())
            {
                if (!IsVisible(type, method.IsPublic, method.IsFamily, method.IsFamilyOrAssembly)
                    || method.GetCustomAttribute<EditorBrowsableAttribute>()?.State == EditorBrowsableState.Never)
                {
                    continue;
                }

                var uses = new List<string>();
                foreach (ParameterInfo parameter in method.GetParameters())
                {
                    Check(uses, type.FullName + "." + method.Name + " (parameter " + parameter.Name + ")", parameter.ParameterType, IsPlumbing);
                }

                if (method is MethodInfo info)
                {
                    Check(uses, type.FullName + "." + method.Name + " (return)", info.ReturnType, IsPlumbing);
                }

                found.AddRange(uses);
            }
        }

        Assert.Empty(found);
    }

    [Fact]
    public void The_dependency_check_sees_a_dependency_type()
    {
        var found = new List<string>();
        Check(found, "example", typeof(Func<,>).MakeGenericType(typeof(CsvHelper.CsvReader), typeof(int)));
        Check(found, "example", typeof(Amazon.S3.IAmazonS3).MakeArrayType());
        Check(found, "example", typeof(string));

        Assert.Equal(2, found.Count);
    }

    [Fact]
    public void Source_files_declare_the_namespace_of_their_folder()
    {
        // Everything under Codecs/ is the generated-code namespace; every other folder is organisation only, in Typed.S3.
        string source = Path.Combine(RepositoryRoot(), "src", "Typed.S3");
        var wrong = new List<string>();
        foreach (string file in Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(source, file).Replace('\\', '/');
            if (relative.StartsWith("obj/", StringComparison.Ordinal) || relative.StartsWith("bin/", StringComparison.Ordinal))
            {
                continue;
            }

            string expected = relative.StartsWith("Codecs/", StringComparison.Ordinal) ? GeneratedCodeNamespace : UserNamespace;
            Match declared = Regex.Match(File.ReadAllText(file), @"^namespace ([\w.]+);", RegexOptions.Multiline);
            if (!declared.Success || declared.Groups[1].Value != expected)
            {
                wrong.Add(relative + ": " + (declared.Success ? declared.Groups[1].Value : "no namespace") + ", expected " + expected);
            }
        }

        Assert.Empty(wrong);
    }

    private static bool IsVisible(Type type, bool isPublic, bool isFamily, bool isFamilyOrAssembly) =>
        isPublic || (!type.IsSealed && (isFamily || isFamilyOrAssembly));

    private static void CheckGenericParameters(List<string> found, string where, Type[] parameters)
    {
        foreach (Type parameter in parameters)
        {
            foreach (Type constraint in parameter.GetGenericParameterConstraints())
            {
                Check(found, where + " (constraint on " + parameter.Name + ")", constraint);
            }
        }
    }

    private static void Check(List<string> found, string where, Type? type) => Check(found, where, type, t => IsDependency(t.Assembly));

    private static void Check(List<string> found, string where, Type? type, Func<Type, bool> unwanted)
    {
        if (type is null || type.IsGenericParameter)
        {
            return;
        }

        if (type.HasElementType)
        {
            Check(found, where, type.GetElementType(), unwanted);
            return;
        }

        if (unwanted(type))
        {
            found.Add(where + ": " + type.FullName);
            return;
        }

        if (type.IsGenericType)
        {
            foreach (Type argument in type.GetGenericArguments())
            {
                Check(found, where, argument, unwanted);
            }
        }
    }

    private static bool IsPlumbing(Type type) => type.Assembly == Runtime && type.Namespace == GeneratedCodeNamespace;

    private static bool IsDependency(Assembly assembly)
    {
        string name = assembly.GetName().Name ?? string.Empty;
        return name == "CsvHelper" || name == "Parquet" || name.StartsWith("Parquet.", StringComparison.Ordinal) || name.StartsWith("AWSSDK.", StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Typed.S3.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (Typed.S3.sln) is not above " + AppContext.BaseDirectory);
    }
}
