using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Strata.Schema.Semantics;

namespace Strata.Cli.Database;

/// <summary>
/// Checks an ADO.NET connection string against its driver before anything connects. The drivers
/// throw from their constructors on an unknown keyword or a value of the wrong kind; checked one
/// keyword at a time here, each problem becomes one line that names the keyword.
/// </summary>
internal static class ConnectionStringCheck
{
    /// <summary>Null when every keyword and value is valid for <paramref name="provider"/>; else what is wrong, in one line.</summary>
    public static string? Problem(ProviderKind provider, string connectionString)
    {
        var pairs = new DbConnectionStringBuilder();
        try
        {
            pairs.ConnectionString = connectionString;
        }
        catch (ArgumentException)
        {
            return "The connection string is not valid: write it as Keyword=value pairs separated by `;`, and put a value that holds `;` or a quote in quotes (doubling a quote inside).";
        }
        DbConnectionStringBuilder driver = provider switch
        {
            ProviderKind.Sqlite => new SqliteConnectionStringBuilder(),
            ProviderKind.MySql => new MySqlConnector.MySqlConnectionStringBuilder(),
            _ => new NpgsqlConnectionStringBuilder(),
        };
        string driverName = provider switch
        {
            ProviderKind.Sqlite => "SQLite's driver (Microsoft.Data.Sqlite)",
            ProviderKind.MySql => "MySQL's driver (MySqlConnector)",
            _ => "PostgreSQL's driver (Npgsql)",
        };
        foreach (string key in pairs.Keys)
        {
            try
            {
                driver[key] = pairs[key];
            }
            catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException or OverflowException or KeyNotFoundException)
            {
                // A keyword that lies inside a password (an unquoted value with a ';' in it) is not named: it is part of a secret.
                if (!ConnectionSecrets.Redact(connectionString).Contains(key, StringComparison.OrdinalIgnoreCase))
                    return "The connection string's password holds a `;`, which ends a value: put the password in single quotes, doubling any quote inside it.";
                return driver.ContainsKey(key)
                    ? $"The connection string's `{key}` value is not valid: {Innermost(e).Message}"
                    : $"The connection string has the keyword `{key}`, which {driverName} does not know.";
            }
        }
        return null;
    }

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException != null) e = e.InnerException;
        return e;
    }
}
