using Strata.Migrate.Model;
using Strata.Migrate.Planning;
using Strata.MySql.Migrations;
using Strata.Schema.Formatting;
using Strata.TestSupport;

namespace Strata.Migrate.Tests.MySql;

/// <summary>
/// Strata's MySQL SQL and db pull against Prisma's schema engine over the private MariaDB, byte for
/// byte. The installed engine build has no MySQL connector, so these are skipped with that reason
/// (see docs/migrations.md); they run as they are once tests/oracle has a build that does.
/// </summary>
public class MySqlOracleTests
{
    private static readonly MySqlMigrationDialect Dialect = new();

    [MySqlOracleTheory]
    [MemberData(nameof(MySqlRoundTripTests.Schemas), MemberType = typeof(MySqlRoundTripTests))]
    public async Task From_empty_SQL_is_the_engines(string file)
    {
        var text = System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schemas", "valid", file)),
            "provider\\s*=\\s*\"(sqlite|postgresql)\"", "provider = \"mysql\"");
        var strata = Dialect.Render(MigrationPlanner.CreateAll(SchemaMapper.Map(MySqlRoundTripTests.CompileAsMySql(text), Dialect), Dialect));
        var database = await MariaDbServer.Shared.CreateDatabaseAsync("oracle");
        Assert.Equal(PrismaOracle.DiffMySql(null, text, database), strata);
    }

    [MySqlOracleTheory]
    [MemberData(nameof(MySqlRoundTripTests.Schemas), MemberType = typeof(MySqlRoundTripTests))]
    public async Task Pull_is_the_engines_introspection(string file)
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schemas", "valid", file));
        var schema = MySqlRoundTripTests.CompileAsMySql(text);
        await using var connection = await MySqlRoundTripTests.OpenFreshDatabaseAsync();
        await new History.MigrationRunner(connection, Dialect).ExecuteScriptAsync(Dialect.Render(MigrationPlanner.CreateAll(SchemaMapper.Map(schema, Dialect), Dialect)));
        var pulled = await MySqlPullTests.PullAndCheckAsync(connection);
        var engine = PrismaOracle.IntrospectMySql("datasource db {\n  provider = \"mysql\"\n}\n", connection.ConnectionString);
        Assert.Equal(SchemaFormatter.FormatText(engine), pulled);
    }
}
