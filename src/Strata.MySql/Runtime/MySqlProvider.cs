using System.Data.Common;
using MySqlConnector;
using Strata.Providers;

namespace Strata.MySql.Runtime;

/// <summary>
/// Runs clients on MySQL and MariaDB: <c>mysql://</c> URLs (with <c>connection_limit=</c>,
/// <c>sslaccept=</c>, <c>socket=</c>) and <c>Server=...</c> connection strings, through MySqlConnector's pooled data source.
/// </summary>
public sealed class MySqlProvider : IStrataProvider
{
    /// <summary>The shared instance.</summary>
    public static MySqlProvider Instance { get; } = new();

    private MySqlProvider() { }

    /// <inheritdoc />
    public StrataProvider Kind => StrataProvider.MySql;

    /// <inheritdoc />
    public SqlDialect Dialect => MySqlDialect.Instance;

    /// <inheritdoc />
    public bool Recognizes(string url)
    {
        var text = url.TrimStart();
        return text.StartsWith("mysql://", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("mariadb://", StringComparison.OrdinalIgnoreCase)
            || text.Contains("Server=", StringComparison.OrdinalIgnoreCase)
            || text.Contains("Uid=", StringComparison.OrdinalIgnoreCase)
            || text.Contains("User ID=", StringComparison.OrdinalIgnoreCase);
    }

    /// <inheritdoc />
    public DbDataSource CreateDataSource(string url, StrataOptions options)
    {
        var builder = new MySqlConnectionStringBuilder(MySqlUrl.ToConnectionString(url));
        if (options.CommandTimeout is { } timeout) builder.DefaultCommandTimeout = (uint)Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds));
        // CHAR(36) holds text in Prisma's tables (ids written by uuid()), not a Guid for the driver to convert.
        builder.GuidFormat = MySqlGuidFormat.None;
        return new MySqlDataSource(builder.ConnectionString);
    }

    /// <inheritdoc />
    /// <remarks>MySqlConnector's Maximum Pool Size (a URL's connection_limit) and its Connection Timeout for the wait.</remarks>
    public ConnectionLimits LimitsOf(DbDataSource dataSource)
    {
        var builder = new MySqlConnectionStringBuilder(dataSource.ConnectionString);
        return new ConnectionLimits((int)builder.MaximumPoolSize, TimeSpan.FromSeconds(builder.ConnectionTimeout));
    }

    /// <inheritdoc />
    /// <remarks>Made when first asked for: an application that does not migrate does not load the migrations' assembly (cold start).</remarks>
    public IStrataMigrator Migrator => field ??= new Strata.Migrate.History.AppMigrator(new Strata.MySql.Migrations.MySqlMigrationDialect());

    /// <inheritdoc />
    public bool Owns(DbDataSource dataSource) => dataSource is MySqlDataSource;
}
