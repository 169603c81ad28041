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
}
