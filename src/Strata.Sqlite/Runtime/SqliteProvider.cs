using System.Data.Common;
using Microsoft.Data.Sqlite;
using Strata.Providers;

namespace Strata.Sqlite.Runtime;

/// <summary>
/// Runs clients on SQLite: <c>file:./dev.db</c> URLs (relative to the base directory) and
/// <c>Data Source=...</c> connection strings. Foreign keys are always enforced; Microsoft.Data.Sqlite pools connections.
/// </summary>
public sealed class SqliteProvider : IStrataProvider
{
    /// <summary>The shared instance.</summary>
    public static SqliteProvider Instance { get; } = new();

    private SqliteProvider() { }

    /// <inheritdoc />
    public StrataProvider Kind => StrataProvider.Sqlite;

    /// <inheritdoc />
    public SqlDialect Dialect => SqliteDialect.Instance;

    /// <inheritdoc />
    public bool Recognizes(string url)
    {
        var text = url.TrimStart();
        return text.StartsWith("file:", StringComparison.OrdinalIgnoreCase)
            || text.Contains("Data Source=", StringComparison.OrdinalIgnoreCase)
            || text.Contains("DataSource=", StringComparison.OrdinalIgnoreCase)
            || text.Contains("Filename=", StringComparison.OrdinalIgnoreCase);
    }

    /// <inheritdoc />
    public DbDataSource CreateDataSource(string url, string baseDirectory)
    {
        var builder = new SqliteConnectionStringBuilder(SqliteUrl.ToConnectionString(url, baseDirectory)) { ForeignKeys = true };
        return SqliteFactory.Instance.CreateDataSource(builder.ConnectionString);
    }

    /// <inheritdoc />
    public bool Owns(DbDataSource dataSource)
    {
        using var connection = dataSource.CreateConnection();
        return connection is SqliteConnection;
    }
}
