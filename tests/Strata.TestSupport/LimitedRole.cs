using Npgsql;

namespace Strata.TestSupport;

/// <summary>
/// A PostgreSQL login that may connect and read the catalog but not the tables: what a tool sees
/// when its user lacks a permission. Roles belong to the whole server, so each name is new.
/// </summary>
public static class LimitedRole
{
    private static int _counter;

    /// <summary>
    /// Runs <paramref name="setupSql"/> on the database of <paramref name="url"/> as its owner, and
    /// returns a connection string to it for a new role that has no privileges on what it created.
    /// </summary>
    public static async Task<string> CreateAsync(string url, string setupSql)
    {
        var role = $"strata_limited_{Environment.ProcessId}_{Interlocked.Increment(ref _counter)}";
        await using var connection = new NpgsqlConnection(url);
        await connection.OpenAsync();
        await using (var command = new NpgsqlCommand($"{setupSql}\nCREATE ROLE \"{role}\" LOGIN;", connection)) await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(url) { Username = role }.ConnectionString;
    }
}
