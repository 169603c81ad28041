using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Strata.Migrate;
using Strata.Migrate.History;
using Strata.Postgres;
using Strata.Postgres.Migrations;
using Strata.Sqlite;
using Strata.Sqlite.Migrations;

namespace Quickstart;

/// <summary>
/// Applies the app's migrations at start, as <c>strata migrate deploy</c> would: those already in
/// the database's history are skipped. One folder per provider, each made by <c>strata migrate dev</c>.
/// </summary>
internal static class Migrations
{
    public static async Task<int> DeployAsync(string url, string baseDirectory)
    {
        bool postgres = Strata.Postgres.Runtime.PostgresProvider.Instance.Recognizes(url); // the client's own test of the URL
        var folder = new MigrationDirectory(Path.Combine(AppContext.BaseDirectory, "migrations", postgres ? "postgresql" : "sqlite"));
        IMigrationDialect dialect = postgres ? new PostgresMigrationDialect() : new SqliteMigrationDialect();
        await using DbConnection connection = postgres
            ? new NpgsqlConnection(PostgresUrl.ToConnectionString(url))
            : new SqliteConnection(SqliteUrl.ToConnectionString(url, baseDirectory));
        await connection.OpenAsync();
        var applied = await new MigrationRunner(connection, dialect).DeployAsync(folder.List());
        return applied.Count;
    }
}
