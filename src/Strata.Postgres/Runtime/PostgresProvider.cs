using System.Data.Common;
using Npgsql;
using Strata.Providers;

namespace Strata.Postgres.Runtime;

/// <summary>
/// Runs clients on PostgreSQL: <c>postgresql://</c> URLs (with <c>?schema=</c>, <c>sslmode=</c>,
/// <c>connection_limit=</c>) and <c>Host=...</c> connection strings, through Npgsql's pooled data source.
/// </summary>
public sealed class PostgresProvider : IStrataProvider
{
    /// <summary>The shared instance.</summary>
    public static PostgresProvider Instance { get; } = new();

    private PostgresProvider() { }

    /// <inheritdoc />
    public StrataProvider Kind => StrataProvider.PostgreSql;

    /// <inheritdoc />
    public SqlDialect Dialect => PostgresDialect.Instance;

    /// <inheritdoc />
    public bool Recognizes(string url)
    {
        var text = url.TrimStart();
        return text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || text.Contains("Host=", StringComparison.OrdinalIgnoreCase)
            || text.Contains("Server=", StringComparison.OrdinalIgnoreCase);
    }

    /// <inheritdoc />
    public DbDataSource CreateDataSource(string url, StrataOptions options)
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresUrl.ToConnectionString(url));
        if (options.CommandTimeout is { } timeout) builder.CommandTimeout = Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds));
        // The client keeps its connections open between operations (see LimitsOf), so what the server
        // prepares stays: a statement run a second time is prepared, unless the connection string sets
        // Npgsql's own values (the defaults, 0 and 5, mean it does not).
        if (builder.MaxAutoPrepare == 0) builder.MaxAutoPrepare = 256;
        if (builder.AutoPrepareMinUsages == 5) builder.AutoPrepareMinUsages = 2;
        return NpgsqlDataSource.Create(builder);
    }

    /// <inheritdoc />
    /// <remarks>Npgsql's Maximum Pool Size (a URL's connection_limit) and its Timeout for the wait.</remarks>
    public ConnectionLimits LimitsOf(DbDataSource dataSource)
    {
        var builder = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        return new ConnectionLimits(builder.MaxPoolSize, TimeSpan.FromSeconds(builder.Timeout));
    }

    /// <inheritdoc />
    /// <remarks>Made when first asked for: an application that does not migrate does not load the migrations' assembly (cold start).</remarks>
    public IStrataMigrator Migrator => field ??= new Strata.Migrate.History.AppMigrator(new Strata.Postgres.Migrations.PostgresMigrationDialect());

    /// <inheritdoc />
    public bool Owns(DbDataSource dataSource) => dataSource is NpgsqlDataSource;
}
