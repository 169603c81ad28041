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
    public DbDataSource CreateDataSource(string url, StrataOptions options)
    {
        var builder = new SqliteConnectionStringBuilder(SqliteUrl.ToConnectionString(url, options.BaseDirectory ?? Environment.CurrentDirectory))
        {
            ForeignKeys = true,
            // The driver retries a busy statement until its command timeout passes, in whole seconds (at least one).
            // Five seconds by default: concurrent writers of one process queue instead of failing while
            // another's commit waits for the disk.
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling((options.SqliteBusyTimeout ?? TimeSpan.FromSeconds(5)).TotalSeconds)),
        };
        return SqliteFactory.Instance.CreateDataSource(builder.ConnectionString);
    }

    /// <inheritdoc />
    /// <remarks>No limit: a connection is the file opened in this process, and SQLite itself serializes writers.</remarks>
    public ConnectionLimits LimitsOf(DbDataSource dataSource) => ConnectionLimits.Unlimited;

    /// <inheritdoc />
    /// <remarks>Made when first asked for: an application that does not migrate does not load the migrations' assembly (cold start).</remarks>
    public IStrataMigrator Migrator => field ??= new Strata.Migrate.History.AppMigrator(new Strata.Sqlite.Migrations.SqliteMigrationDialect());

    /// <inheritdoc />
    public bool Owns(DbDataSource dataSource)
    {
        using var connection = dataSource.CreateConnection();
        return connection is SqliteConnection;
    }
}
