using Strata.TestSupport;
using Xunit.Abstractions;

namespace Strata.Migrate.Tests.Pulling;

/// <summary>
/// `strata db pull` against the schema engine's introspection of the same database, byte for byte.
/// Strata's schema goes through Prisma's formatter (so that the comparison is of what pull writes,
/// not of how the formatter aligns it); the engine's comes formatted. A case that still differs
/// names each differing line in <see cref="KnownPullDifferences"/>, which the test holds to: a
/// difference that goes away, or a new one, fails it. Each pulled schema must also be one that
/// Strata takes back as exactly that database, or be listed there as one that is not.
/// </summary>
public sealed class PullOracleTests(ITestOutputHelper output)
{
    public static TheoryData<string> SqliteSchemas() => PulledDatabase.Cases("sqlite", "schema");
    public static TheoryData<string> SqliteProjects() => PulledDatabase.Cases("sqlite", "project");
    public static TheoryData<string> SqliteSamples() => PulledDatabase.Cases("sqlite", "sample");
    public static TheoryData<string> SqliteScripts() => PulledDatabase.Cases("sqlite", "sql");
    public static TheoryData<string> PostgresSchemas() => PulledDatabase.Cases("postgresql", "schema");
    public static TheoryData<string> PostgresProjects() => PulledDatabase.Cases("postgresql", "project");
    public static TheoryData<string> PostgresSamples() => PulledDatabase.Cases("postgresql", "sample");
    public static TheoryData<string> PostgresScripts() => PulledDatabase.Cases("postgresql", "sql");

    [OracleTheory]
    [MemberData(nameof(SqliteSchemas))]
    [MemberData(nameof(SqliteScripts))]
    public async Task Sqlite_pull_writes_what_the_engine_introspects(string name) => Compare("sqlite " + name, await PulledDatabase.SqliteAsync(name));

    [OracleSharedDataTheory]
    [MemberData(nameof(SqliteProjects))]
    [MemberData(nameof(SqliteSamples))]
    public async Task Sqlite_pull_of_a_real_database_writes_what_the_engine_introspects(string name) => Compare("sqlite " + name, await PulledDatabase.SqliteAsync(name));

    [OracleTheory]
    [MemberData(nameof(PostgresSchemas))]
    [MemberData(nameof(PostgresScripts))]
    public async Task Postgres_pull_writes_what_the_engine_introspects(string name) => Compare("postgresql " + name, await PulledDatabase.PostgresAsync(name));

    [OracleSharedDataTheory]
    [MemberData(nameof(PostgresProjects))]
    [MemberData(nameof(PostgresSamples))]
    public async Task Postgres_pull_of_a_real_database_writes_what_the_engine_introspects(string name) => Compare("postgresql " + name, await PulledDatabase.PostgresAsync(name));

    private void Compare(string name, PullComparison pulled)
    {
        output.WriteLine("round trip: " + (pulled.RoundTrip.Length == 0 ? "none" : pulled.RoundTrip));
        var differences = SchemaLineDiff.Of(pulled.Engine, pulled.Strata);
        var known = KnownPullDifferences.For(name);
        output.WriteLine(differences.Count == 0 ? "identical" : string.Join("\n", differences));
        // And Strata takes its own pull back as the database it came from.
        var roundTrip = KnownPullDifferences.RoundTripOf(name);
        if (roundTrip == null) Assert.True(pulled.RoundTrip.Length == 0, $"{name}: the pulled schema asks for another database:\n{pulled.RoundTrip}\n{pulled.Strata}");
        else Assert.True(pulled.RoundTrip.Contains(roundTrip, StringComparison.Ordinal), $"{name}: the pulled schema was known to give `{roundTrip}`, now:\n{pulled.RoundTrip}");
        Assert.True(differences.SequenceEqual(known),
            $"{name}: pull and the engine's introspection differ otherwise than known.\n"
            + $"now (- engine, + strata):\n{string.Join("\n", differences)}\nknown:\n{string.Join("\n", known)}\n"
            + $"--- engine\n{pulled.Engine}\n--- strata\n{pulled.Strata}");
    }
}
