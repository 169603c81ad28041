using System.Text.RegularExpressions;
using Strata.TestSupport;
using Xunit.Abstractions;

namespace Strata.Migrate.Tests.Oracle;

/// <summary>
/// `migrate diff --from-empty --to-schema --script` from Strata, byte for byte against Prisma's
/// schema engine, on every single-file schema of the repository and of ../shared/data, on both
/// providers. Schemas that only one provider accepts are compared on that one.
/// </summary>
public sealed class CreateSqlOracleTests(ITestOutputHelper output)
{
    /// <summary>The engine's PostgreSQL scripts begin with this line, which Strata leaves out (docs/migrations.md).</summary>
    private const string SchemaPreamble = "-- CreateSchema\nCREATE SCHEMA IF NOT EXISTS \"public\";\n\n";

    /// <summary>
    /// Schemas on which Prisma's validator and Strata's disagree (not a matter of migration SQL):
    /// composite types outside MongoDB, which Strata allows (docs/schema.md), and a compound-key
    /// schema that Strata rejects on SQLite.
    /// </summary>
    private static readonly HashSet<string> KnownVerdictDifferences =
    [
        "views-and-types.prisma sqlite", "views-and-types.prisma postgresql",
        "compound-keys.prisma sqlite",
        // Two enum values mapped to one database value: an error in Strata (docs/schema.md).
        "enum-mapped-value-repeated.prisma sqlite", "enum-mapped-value-repeated.prisma postgresql",
    ];

    /// <summary>
    /// Scripts that still differ, each for a known cause. With `schemas` listed, Strata writes the
    /// CREATE SCHEMA statements in the order the models first use them and also for "public"; the
    /// engine writes them in another order, and none for "public".
    /// </summary>
    private static readonly HashSet<string> KnownSqlDifferences =
    [
        "schemas-on-sqlite.prisma postgresql", "schemas-on-sqlite-enum-only.prisma postgresql",
        "same-table-and-key-names-in-two-schemas.prisma postgresql", "view-in-a-schema.prisma postgresql",
        "one-schema-listed.prisma postgresql",
    ];

    public static IEnumerable<object[]> Schemas()
    {
        var roots = new[] { "tests", "samples", "benchmarks" }.Select(d => Path.Combine(TestPaths.RepoRoot, d));
        var files = roots.SelectMany(r => System.IO.Directory.EnumerateFiles(r, "*.prisma", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains("multi-file"))
            .ToList();
        if (TestPaths.HasSharedData)
            files.AddRange(System.IO.Directory.EnumerateDirectories(TestPaths.PrismaProjects).Select(p => Path.Combine(p, "schema.prisma")).Where(File.Exists));
        foreach (var file in files.Order(StringComparer.Ordinal))
            foreach (var provider in new[] { "sqlite", "postgresql" })
                yield return [Path.GetRelativePath(TestPaths.RepoRoot, file), provider];
    }

    /// <summary>
    /// The schema with its datasource's provider set to <paramref name="provider"/> and without the
    /// connection URLs, which Prisma 7 takes from prisma.config.ts and rejects in the schema.
    /// </summary>
    internal static string OnProvider(string schemaText, string provider)
    {
        var text = Regex.Replace(schemaText, "provider\\s*=\\s*\"(sqlite|postgresql|postgres)\"", $"provider = \"{provider}\"");
        return Regex.Replace(text, "^[ \t]*(url|directUrl|shadowDatabaseUrl)[ \t]*=.*\n", "", RegexOptions.Multiline);
    }

    [OracleTheory]
    [MemberData(nameof(Schemas))]
    public async Task Create_script_matches_the_schema_engine(string file, string provider)
    {
        var text = OnProvider(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, file)), provider);
        if (!text.Contains($"provider = \"{provider}\"")) return; // not a schema with a datasource of ours
        var validation = PrismaOracle.Validate(text);
        var strata = OracleDiff.Strata(null, text, provider);
        var known = KnownVerdictDifferences.Contains($"{Path.GetFileName(file)} {provider}");
        Assert.True((validation.IsValid != (strata != null)) == known, known
            ? $"{file} on {provider} is listed as a verdict difference and now both agree: take it off the list"
            : $"Prisma {(validation.IsValid ? "accepts" : "rejects")} {file} on {provider} and Strata does not: {validation.Message}");
        if (known) return;
        Assert.True(validation.IsValid == (strata != null),
            $"Prisma {(validation.IsValid ? "accepts" : "rejects")} {file} on {provider} and Strata does not: {validation.Message}");
        if (!validation.IsValid)
        {
            output.WriteLine($"Neither accepts this schema on {provider}: {validation.Message}");
            return;
        }
        var engine = await OracleDiff.EngineAsync(null, text, provider);
        if (engine.StartsWith(SchemaPreamble, StringComparison.Ordinal)) engine = engine[SchemaPreamble.Length..];
        if (KnownSqlDifferences.Contains($"{Path.GetFileName(file)} {provider}"))
        {
            Assert.True(engine != strata, $"{file} on {provider} is listed as a known difference and now matches: take it off the list");
            return;
        }
        Assert.Equal(engine, strata);
    }
}
