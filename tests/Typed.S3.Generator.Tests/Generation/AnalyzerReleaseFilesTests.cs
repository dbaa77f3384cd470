using Microsoft.CodeAnalysis;
using Typed.S3.Generators.Diagnostics;
using Typed.S3.Schema.Diagnostics;

namespace Typed.S3.Generator.Tests.Generation;

/// <summary>
/// <c>AnalyzerReleases.Shipped.md</c> and <c>AnalyzerReleases.Unshipped.md</c> list every diagnostic the generator
/// reports, with the category and severity of its descriptor. The release-tracking analyzers (RS2000-RS2008) check the
/// files against the descriptors of <see cref="DiagnosticDescriptors"/> at build time; these tests check those
/// descriptors against the catalog the parser reports from (<see cref="SchemaDiagnosticCodes"/>), and the files
/// against the catalog, so that an id added to one place only fails here.
/// </summary>
public sealed class AnalyzerReleaseFilesTests
{
    private static readonly string GeneratorDirectory = Path.Combine(FindRepositoryRoot(), "generators", "Typed.S3.Generators");

    private static string FindRepositoryRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Typed.S3.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Typed.S3.sln not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public void TheReleaseFilesListEveryDiagnosticWithItsCategoryAndSeverity()
    {
        Dictionary<string, Rule> rules = ReadRules(out List<string> problems);

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        var expected = SchemaDiagnosticCodes.All
            .Select(code => DiagnosticDescriptors.Get(code.Id))
            .Select(d => new Rule(d.Id, d.Category, d.DefaultSeverity.ToString()))
            .ToArray();
        Assert.Equal(expected, rules.Values.OrderBy(r => r.Id, StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void EveryCodeOfTheCatalogHasOneDescriptorOfItsSeverityAndTitle()
    {
        Assert.Equal(SchemaDiagnosticCodes.All.Select(c => c.Id), DiagnosticDescriptors.All.Select(d => d.Id));
        foreach (SchemaDiagnosticCode code in SchemaDiagnosticCodes.All)
        {
            DiagnosticDescriptor descriptor = DiagnosticDescriptors.Get(code.Id);
            DiagnosticSeverity expected = code.Severity switch
            {
                SchemaDiagnosticSeverity.Error => DiagnosticSeverity.Error,
                SchemaDiagnosticSeverity.Warning => DiagnosticSeverity.Warning,
                SchemaDiagnosticSeverity.Info => DiagnosticSeverity.Info,
                _ => throw new InvalidOperationException("Unknown severity " + code.Severity),
            };
            Assert.Equal(
                (code.Id, code.Title, expected, DiagnosticDescriptors.Category, true, "{0}"),
                (descriptor.Id, descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture), descriptor.DefaultSeverity, descriptor.Category, descriptor.IsEnabledByDefault, descriptor.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    [Fact]
    public void TheNewInformationalIdIsUnshippedAndTheDataCheckIdsAreNotAnalyzerDiagnostics()
    {
        // The data check's TS31xx codes (its own, in Typed.S3.DataCheck) are logged by the typeds3-datacheck tool through
        // MSBuild, never by the generator.
        string text = File.ReadAllText(Path.Combine(GeneratorDirectory, "AnalyzerReleases.Shipped.md"))
            + File.ReadAllText(Path.Combine(GeneratorDirectory, "AnalyzerReleases.Unshipped.md"));
        Assert.DoesNotMatch(@"TS31\d\d", text);

        string unshipped = File.ReadAllText(Path.Combine(GeneratorDirectory, "AnalyzerReleases.Unshipped.md"));
        Assert.Contains("TS3026  | Typed.S3 | Info     |", unshipped, StringComparison.Ordinal);
    }

    // The shipped releases in order, then the unshipped one: "New Rules" add an id, "Removed Rules" remove it and
    // "Changed Rules" give it a new category and severity, as the release-tracking analyzers read the files.
    private static Dictionary<string, Rule> ReadRules(out List<string> problems)
    {
        problems = new List<string>();
        var rules = new Dictionary<string, Rule>(StringComparer.Ordinal);
        var everAdded = new HashSet<string>(StringComparer.Ordinal);
        foreach (string name in new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" })
        {
            string section = string.Empty;
            string[] lines = File.ReadAllLines(Path.Combine(GeneratorDirectory, name));
            for (int i = 0; i < lines.Length; i++)
            {
                string line = lines[i].Trim();
                string where = name + " line " + (i + 1);
                if (line.StartsWith("### ", StringComparison.Ordinal))
                {
                    section = line.Substring(4).Trim();
                    continue;
                }

                if (line.Length == 0 || line.StartsWith(';') || line.StartsWith('#') || line.StartsWith("Rule ID", StringComparison.Ordinal) || line.StartsWith("---", StringComparison.Ordinal))
                {
                    continue;
                }

                string[] cells = line.Split('|').Select(c => c.Trim()).ToArray();
                switch (section)
                {
                    case "New Rules" when cells.Length == 4:
                        if (!everAdded.Add(cells[0]))
                        {
                            problems.Add(where + ": " + cells[0] + " is added a second time");
                        }

                        rules[cells[0]] = new Rule(cells[0], cells[1], cells[2]);
                        break;
                    case "Removed Rules" when cells.Length == 4:
                        if (!rules.Remove(cells[0]))
                        {
                            problems.Add(where + ": " + cells[0] + " is removed but was never added");
                        }

                        break;
                    case "Changed Rules" when cells.Length == 6:
                        if (!rules.TryGetValue(cells[0], out Rule? old) || old.Category != cells[3] || old.Severity != cells[4])
                        {
                            problems.Add(where + ": " + cells[0] + " changes from " + cells[3] + "/" + cells[4] + ", which it is not");
                        }

                        rules[cells[0]] = new Rule(cells[0], cells[1], cells[2]);
                        break;
                    default:
                        problems.Add(where + ": not a row of a New, Removed or Changed Rules table: " + line);
                        break;
                }
            }
        }

        return rules;
    }

    private sealed record Rule(string Id, string Category, string Severity);
}
