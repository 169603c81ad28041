using System.Text.Json.Nodes;
using Strata.Schema.Diagnostics;
using Strata.Schema.Formatting;
using Strata.TestSupport;

namespace Strata.Schema.Tests;

/// <summary>
/// Prisma's validator and formatter (tests/oracle) against Strata on every single-file schema the
/// tests have: the same verdicts (error or warning) on the same lines, and the same formatted text.
/// The documented differences are left out of the comparison: Prisma 7 rejects `url` in the
/// datasource, composite types on SQL databases are a Strata extension, and Strata's own warnings (S2006 and S6001 about its support, S7015 about SetDefault without a default) have no Prisma twin.
/// </summary>
public class OracleVerdictTests
{
    private static readonly System.Text.RegularExpressions.Regex UrlLine =
        new(@"^[ \t]*(url|directUrl|shadowDatabaseUrl)[ \t]*=[^\n]*", System.Text.RegularExpressions.RegexOptions.Multiline);

    private static readonly System.Text.RegularExpressions.Regex CompositeType =
        new(@"^type\s+\w+\s*\{", System.Text.RegularExpressions.RegexOptions.Multiline);

    // S7015 (SetDefault on a field without a default) is Strata's own advice: Prisma is silent on SQLite and PostgreSQL.
    private static readonly string[] StrataOnlyWarnings = [DiagnosticCodes.MissingDatasource, DiagnosticCodes.UnsupportedProvider, DiagnosticCodes.SetDefaultWithoutDefault];

    /// <summary>
    /// Test schemas on which Strata knowingly gives another verdict than the Prisma build the oracle
    /// runs, each with the reason; the test asserts that they still differ, so a change on either
    /// side shows up here (and in docs/schema.md, which names each).
    /// </summary>
    internal static readonly Dictionary<string, string> KnownDifferences = new()
    {
        ["rules/psl/attributes/enum-mapped-value-repeated.prisma"] =
            "two values of one enum mapped to the same database value: PostgreSQL refuses such a type, Prisma's own " +
            "validation suite expects the error, and Strata gives it; the build the oracle runs accepts the schema",
        ["rules/psl/models/enum-declared-twice.prisma"] =
            "an enum declared twice: both report the second declaration; Prisma then reads the name as the second " +
            "enum and also reports a default that is a value of the first only, where Strata keeps the first",
    };

    public static TheoryData<string> TestSchemas() => new(TestSchemaPaths());

    /// <summary>The single-file test schemas Prisma can judge, relative to Schemas/.</summary>
    internal static IEnumerable<string> TestSchemaPaths()
    {
        var root = Path.Combine(AppContext.BaseDirectory, "Schemas");
        foreach (var dir in new[] { "valid", "rules" })
        {
            foreach (var file in Directory.GetFiles(Path.Combine(root, dir), "*.prisma", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                // Composite types on SQL databases are a documented Strata extension (Prisma has them on MongoDB only).
                if (CompositeType.IsMatch(File.ReadAllText(file))) continue;
                yield return Path.GetRelativePath(root, file);
            }
        }
    }

    public static TheoryData<string> ProjectSchemas() => RealSchemaTests.ProjectSchemas();

    [OracleTheory]
    [MemberData(nameof(TestSchemas))]
    public void Test_schema_gets_Prisma_s_verdicts(string relativePath)
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schemas", relativePath));
        if (KnownDifferences.ContainsKey(relativePath))
        {
            var (prisma, strata) = Verdicts(text);
            Assert.NotEqual(prisma, strata);
            return;
        }
        AssertSameVerdicts(text);
    }

    [OracleSharedDataTheory]
    [MemberData(nameof(ProjectSchemas))]
    public void Project_schema_gets_Prisma_s_verdicts(string relativePath) =>
        AssertSameVerdicts(File.ReadAllText(Path.Combine(TestPaths.PrismaProjects, relativePath)));

    /// <summary>The verdicts of both, as sorted "error L12" lines.</summary>
    internal static (List<string> Prisma, List<string> Strata) Verdicts(string text)
    {
        // Prisma 7 stops at the `url` error before it checks models, so the connection lines are
        // blanked for both (the lines keep their numbers; Strata does not need them).
        text = UrlLine.Replace(text, string.Empty);
        var prisma = new List<string>();
        foreach (var item in PrismaOracle.Lint(text).OfType<JsonObject>())
        {
            string message = item["text"]!.GetValue<string>();
            int start = Math.Min(item["start"]!.GetValue<int>(), text.Length);
            int line = 1 + text.AsSpan(0, start).Count('\n');
            prisma.Add($"{(item["is_warning"]!.GetValue<bool>() ? "warning" : "error")} L{line}");
        }
        var strata = SchemaCompilation.FromText(text).Diagnostics
            .Where(d => !StrataOnlyWarnings.Contains(d.Code))
            .Select(d => $"{(d.IsError ? "error" : "warning")} L{d.Location.Line}")
            .ToList();
        return (prisma.Distinct().Order(StringComparer.Ordinal).ToList(), strata.Distinct().Order(StringComparer.Ordinal).ToList());
    }

    private static void AssertSameVerdicts(string text)
    {
        var (prisma, strata) = Verdicts(text);
        Assert.Equal(prisma, strata);
    }

    [OracleTheory]
    [MemberData(nameof(TestSchemas))]
    public void Valid_test_schema_formats_as_Prisma_formats_it(string relativePath)
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schemas", relativePath));
        if (SchemaCompilation.FromText(text).HasSyntaxErrors) return; // Prisma formats broken text its own way.
        Assert.Equal(PrismaOracle.Format(text), SchemaFormatter.FormatText(text));
    }

    [OracleSharedDataTheory]
    [MemberData(nameof(ProjectSchemas))]
    public void Project_schema_formats_as_Prisma_formats_it(string relativePath)
    {
        var text = File.ReadAllText(Path.Combine(TestPaths.PrismaProjects, relativePath));
        Assert.Equal(PrismaOracle.Format(text), SchemaFormatter.FormatText(text));
    }
}
