using Microsoft.Data.Sqlite;

namespace Strata.Sqlite.Runtime;

/// <summary>
/// Lets a connection read a double-quoted word that names no column as a string literal, as
/// SQLite's default build and Prisma's SQLite do (<c>DEFAULT "active"</c>, <c>WHERE x = "a"</c>).
/// The bundled SQLite is compiled without that fallback; it is switched on per connection for
/// both statements (DML) and schema text (DDL). A native call: no SQL.
/// </summary>
public static class DoubleQuotedStrings
{
    // sqlite3.h: SQLITE_DBCONFIG_DQS_DML and SQLITE_DBCONFIG_DQS_DDL.
    private const int DqsDml = 1013;
    private const int DqsDdl = 1014;

    /// <summary>Switches the fallback on for <paramref name="connection"/>, which must be open.</summary>
    public static void Allow(SqliteConnection connection)
    {
        SQLitePCL.raw.sqlite3_db_config(connection.Handle, DqsDml, 1, out _);
        SQLitePCL.raw.sqlite3_db_config(connection.Handle, DqsDdl, 1, out _);
    }
}
