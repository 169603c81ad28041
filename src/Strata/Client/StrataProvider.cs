using System.Data.Common;
using Strata.Providers;

namespace Strata;

/// <summary>The databases a client can run on.</summary>
public enum StrataProvider
{
    /// <summary>SQLite, through Microsoft.Data.Sqlite (package Strata.Sqlite).</summary>
    Sqlite,
    /// <summary>PostgreSQL, through Npgsql (package Strata.Postgres).</summary>
    PostgreSql,
    /// <summary>MySQL or MariaDB, through MySqlConnector (package Strata.MySql).</summary>
    MySql,
}

/// <summary>
/// A database provider as the client uses it: recognizes its URLs and connection strings,
/// creates the driver's data source, and supplies the dialect. Strata.Sqlite and Strata.Postgres
/// each have one; the generated client lists those the project references.
/// </summary>
public interface IStrataProvider
{
    /// <summary>Which database.</summary>
    StrataProvider Kind { get; }

    /// <summary>The dialect.</summary>
    SqlDialect Dialect { get; }

    /// <summary>True when <paramref name="url"/> is this provider's URL or connection string.</summary>
    bool Recognizes(string url);

    /// <summary>
    /// A pooled data source for <paramref name="url"/>, with the timeouts of <paramref name="options"/>;
    /// relative SQLite files resolve against its base directory. A URL the driver refuses throws an
    /// <see cref="ArgumentException"/> or <see cref="FormatException"/>.
    /// </summary>
    DbDataSource CreateDataSource(string url, StrataOptions options);

    /// <summary>True when <paramref name="dataSource"/> is this provider's driver.</summary>
    bool Owns(DbDataSource dataSource);

    /// <summary>
    /// How many connections a client may keep open on a data source of <see cref="CreateDataSource"/>
    /// (the client holds them between operations, with their prepared commands), and how long an
    /// operation waits when all are in use.
    /// </summary>
    ConnectionLimits LimitsOf(DbDataSource dataSource);

    /// <summary>Applies and inspects migrations from the app (<see cref="StrataClient.MigrateAsync"/>).</summary>
    IStrataMigrator Migrator { get; }
}

/// <summary>How many connections a client may hold open at once, and how long an operation waits for one when all are in use.</summary>
/// <param name="MaxConnections">The most connections open at once; null for no limit.</param>
/// <param name="WaitTimeout">How long an operation waits for a connection when all are in use.</param>
public readonly record struct ConnectionLimits(int? MaxConnections, TimeSpan WaitTimeout)
{
    /// <summary>No limit (SQLite: connections are files opened in the process).</summary>
    public static ConnectionLimits Unlimited => new(null, Timeout.InfiniteTimeSpan);
}

