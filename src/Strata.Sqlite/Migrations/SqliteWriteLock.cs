using System.Data.Common;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using Strata.Migrate.Introspection;
using Strata.Migrate.Locking;

namespace Strata.Sqlite.Migrations;

/// <summary>
/// The deploy lock on SQLite, which has no advisory locks: a write transaction (BEGIN
/// IMMEDIATE) taken before the history is read and held until the deploy ends. SQLite lets one
/// connection write at a time, so a second deploy cannot start (nor read a history that is
/// about to change) until the first has committed; readers are not blocked meanwhile.
/// </summary>
internal sealed class SqliteWriteLock : IDeployLock
{
    /// <inheritdoc />
    public bool IsTransaction => true;

    /// <inheritdoc />
    public async Task<bool> TryAcquireAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // Microsoft.Data.Sqlite retries a busy database every 150 ms until the command's timeout;
        // SQLite's own busy wait, set for this one statement, notices a freed lock within milliseconds.
        // Both end after a second, which keeps a try short.
        var handle = ((SqliteConnection)connection).Handle;
        var busyTimeout = (await DbQuery.ListAsync(connection, "PRAGMA busy_timeout", r => r.GetInt64(0), cancellationToken))[0];
        raw.sqlite3_busy_timeout(handle, 1000);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "BEGIN IMMEDIATE;";
            command.CommandTimeout = 1;
            await command.ExecuteNonQueryAsync(cancellationToken);
            return true;
        }
        catch (SqliteException e) when (e.SqliteErrorCode is raw.SQLITE_BUSY or raw.SQLITE_LOCKED)
        {
            return false;
        }
        finally
        {
            raw.sqlite3_busy_timeout(handle, (int)busyTimeout);
        }
    }

    /// <inheritdoc />
    public async Task ReleaseAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // SQLite ends the transaction by itself after some errors (a full disk, an interrupt): then nothing is left to commit.
        if (raw.sqlite3_get_autocommit(((SqliteConnection)connection).Handle) != 0) return;
        await DbQuery.ExecuteAsync(connection, "COMMIT;", cancellationToken);
    }
}
