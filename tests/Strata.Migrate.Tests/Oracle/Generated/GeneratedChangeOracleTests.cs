using System.Text;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using Strata.TestSupport;
using Xunit.Abstractions;

namespace Strata.Migrate.Tests.Oracle.Generated;

/// <summary>
/// `migrate diff --from-schema A --to-schema B --script` from Strata against Prisma's schema engine,
/// byte for byte, where A is a generated schema and B is A after one to three generated changes
/// (<see cref="SchemaGen"/>). The seed is fixed and the count small in CI;
/// STRATA_CHANGE_ORACLE_CASES (per provider) and STRATA_CHANGE_ORACLE_SEED set a long run.
/// A difference that is known (docs/migrations.md) is counted, and must still be one.
/// </summary>
public sealed class GeneratedChangeOracleTests(ITestOutputHelper output)
{
    private static int CaseCount => GeneratedRun.Count("STRATA_CHANGE_ORACLE_CASES", 120);

    private static ulong Seed => GeneratedRun.Seed;

    [OracleFact]
    public void Sqlite_change_scripts_match_the_schema_engine() =>
        Compare("sqlite", (from, to) => PrismaOracle.DiffSqlite(from, to));

    [OracleFact]
    public async Task Postgres_change_scripts_match_the_schema_engine()
    {
        // A diff between two schemas reads nothing from the database, so one serves every case.
        var database = await PostgresServer.Shared.CreateDatabaseAsync("oracle_changes");
        try
        {
            Compare("postgresql", (from, to) => PrismaOracle.DiffPostgres(from, to, database));
        }
        finally
        {
            await PostgresServer.Shared.DropDatabaseAsync(database);
        }
    }

    private void Compare(string provider, Func<string, string, string> engineDiff)
    {
        var cases = SchemaGen.Cases(provider).Sample(CaseCount, new Rnd(Seed), 8);
        var failures = new List<string>();
        var known = new Dictionary<string, int>();
        int same = 0;
        foreach (var c in cases)
        {
            var (from, to) = (c.From.Render(), c.To.Render());
            var verdicts = new[] { PrismaOracle.Validate(from), PrismaOracle.Validate(to) };
            if (verdicts.FirstOrDefault(v => !v.IsValid) is { } rejected)
            {
                failures.Add(Describe("Prisma rejects a generated schema: " + rejected.Message, c, from, to, null, null));
                continue;
            }
            var strata = OracleDiff.Strata(from, to, provider);
            var engine = engineDiff(from, to);
            if (strata == engine)
            {
                same++;
                continue;
            }
            if (strata != null && KnownDifference(engine, strata) is { } cause)
            {
                known[cause] = known.GetValueOrDefault(cause) + 1;
                continue;
            }
            failures.Add(Describe(strata == null ? "Strata rejects a schema Prisma accepts" : "the scripts differ", c, from, to, engine, strata));
        }
        output.WriteLine($"{provider}: {cases.Length} cases, seed {Seed}: {same} the same, {string.Join(", ", known.Select(k => $"{k.Value} {k.Key}"))}{(known.Count == 0 ? "no known difference" : "")}, {failures.Count} failing");
        foreach (var failure in failures.Take(20)) output.WriteLine(failure);
        Assert.True(failures.Count == 0, $"{failures.Count} of {cases.Length} generated changes differ from the engine on {provider}; the first:\n{failures.FirstOrDefault()}");
    }

    /// <summary>
    /// The differences Strata keeps (docs/migrations.md), by cause, or null when the scripts differ
    /// otherwise. Where a column's type changes to one PostgreSQL has no assignment cast to (String
    /// to Int, to or from an enum...), the engine drops the column and adds it again, losing its
    /// values, and Strata converts them in place with USING. Where a field becomes a list of its
    /// type or back, the engine's SET DATA TYPE has no conversion and cannot run, and Strata keeps
    /// the value as the one item (or the first item). Where a column stops being autoincrement, the
    /// engine, diffing two schema files, knows no sequence name (it writes <c>DROP SEQUENCE "";</c>,
    /// which fails, or nothing), and Strata drops the column's own sequence. Where an enum loses a
    /// value while a column of it goes later (its table dropped, the column dropped or retyped), the
    /// engine leaves that column on the old type, so that dropping the old type fails, and where one
    /// comes later (a new table or column), the engine converts it before it is there; Strata
    /// converts the columns that are there.
    /// </summary>
    internal static string? KnownDifference(string engine, string strata)
    {
        // Each known difference is taken out of both scripts in turn; what is left must be the same.
        var causes = new List<string>();
        void Take(string cause, string nextEngine, string nextStrata)
        {
            if (nextEngine == engine && nextStrata == strata) return;
            causes.Add(cause);
            (engine, strata) = (nextEngine, nextStrata);
        }
        Take("drops the column's sequence where the engine names none",
            engine.Replace("\nDROP SEQUENCE \"\";", "", StringComparison.Ordinal), Regex.Replace(strata, "\nDROP SEQUENCE IF EXISTS \"[^\"]+\";", ""));
        var recast = Regex.Matches(engine, "DROP COLUMN (\"[^\"]+\"),\nADD COLUMN +\\1 ").Select(m => m.Groups[1].Value)
            .Where(column => strata.Contains($"ALTER COLUMN {column} SET DATA TYPE", StringComparison.Ordinal)).ToList();
        // Of a table whose column the engine drops and adds, every step that names no such column.
        if (recast.Count > 0) Take("casts where the engine drops and adds the column", string.Join("\n", StepsWithout(engine, recast)), string.Join("\n", StepsWithout(strata, recast)));
        Take("converts a field to a list or back where the engine's conversion cannot run",
            engine, Regex.Replace(strata, " USING (ARRAY\\[\"[^\"]+\"(::text)?\\]|\\(\"[^\"]+\"\\)\\[1\\](::text)?)::[^;,\n]+", ""));
        static string WithoutConversions(string script, string other) => string.Join("\n", script.Split('\n')
            .Where(line => !Regex.IsMatch(line, "^ALTER TABLE .* TYPE \"[^\"]+_new\"") || other.Contains(line, StringComparison.Ordinal)));
        Take("converts the enum's columns that exist, where the engine's script fails", WithoutConversions(engine, strata), WithoutConversions(strata, engine));
        return causes.Count > 0 && engine == strata ? string.Join(", and ", causes) : null;
    }

    /// <summary>The steps of a script (each from its <c>-- Title</c> line) that name none of <paramref name="columns"/>.</summary>
    private static IEnumerable<string> StepsWithout(string script, IReadOnlyList<string> columns) =>
        Regex.Split(script, "\n(?=-- [A-Za-z]+\n)").Where(step => !columns.Any(c => step.Contains(c, StringComparison.Ordinal)));

    private static string Describe(string what, SchemaGen.Case c, string from, string to, string? engine, string? strata)
    {
        var text = new StringBuilder($"---- {what}; changes: {string.Join(", ", c.Changes)}\n");
        text.Append("-- from:\n").Append(from).Append("-- to:\n").Append(to);
        if (engine != null) text.Append("-- engine:\n").Append(engine);
        if (strata != null) text.Append("-- strata:\n").Append(strata);
        return text.ToString();
    }
}
