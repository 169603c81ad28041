using System.Data.Common;
using Strata.Migrate.Introspection;
using Strata.Migrate.Locking;

namespace Strata.Migrate.History;

/// <summary>
/// Applies migration files to a database and keeps the <c>_prisma_migrations</c> history exactly as
/// Prisma does, so that either tool can take over a database from the other. A deploy holds the
/// provider's deploy lock from before it reads the history until it ends, so that concurrent
/// deploys apply each migration once; each migration runs in its own transaction where the dialect wraps scripts (a
/// savepoint, where the lock is itself a transaction), else as one batch as Prisma runs it.
/// </summary>
/// <param name="connection">The open connection to the database.</param>
/// <param name="dialect">The provider's migration dialect.</param>
/// <param name="lockWait">Told, every <see cref="LockWaitReportInterval"/>, while a deploy waits for another to finish.</param>
public sealed class MigrationRunner(DbConnection connection, IMigrationDialect dialect, IProgress<LockWait>? lockWait = null)
{
    private const string Savepoint = "strata_migration";

    // The history table's name as the provider quotes it (MySQL reads "double quotes" as a string).
    private string History => dialect.QuoteIdentifier("_prisma_migrations");

    // Set while this runner holds a deploy lock that is a write transaction (SQLite): a migration then runs in a savepoint of it.
    private bool _insideLockTransaction;

    /// <summary>How often a deploy that waits for another's lock says so; every five seconds unless set.</summary>
    public TimeSpan LockWaitReportInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The history, oldest first; empty when the table does not exist yet.</summary>
    public async Task<IReadOnlyList<AppliedMigration>> ReadHistoryAsync(CancellationToken cancellationToken = default)
    {
        await ExecuteAsync(dialect.HistoryTableSql, cancellationToken);
        return await DbQuery.ListAsync(connection,
            $"SELECT id, checksum, migration_name, finished_at IS NOT NULL, rolled_back_at IS NOT NULL, logs, applied_steps_count FROM {History} ORDER BY started_at, migration_name",
            r => new AppliedMigration(r.GetString(0), r.GetString(1), r.GetString(2), Convert.ToBoolean(r.GetValue(3)), Convert.ToBoolean(r.GetValue(4)),
                r.NullableString(5), Convert.ToInt32(r.GetValue(6))), cancellationToken);
    }

    /// <summary>
    /// Applies every migration of <paramref name="migrations"/> that the history does not show as
    /// applied, in order. Returns the names applied. Stops at the first failure, which is recorded
    /// in the history and blocks later deploys until <see cref="ResolveAsync"/>. Waits while
    /// another deploy holds the deploy lock.
    /// </summary>
    public async Task<IReadOnlyList<string>> DeployAsync(IReadOnlyList<MigrationFile> migrations, IProgress<MigrationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var deployLock = dialect.DeployLock;
        // A lock that is a transaction is taken after the set-up that works only outside one (SQLite's foreign keys off).
        if (deployLock.IsTransaction) await BeforeScriptAsync(cancellationToken);
        try
        {
            await DeployLockWaiter.AcquireAsync(deployLock, connection, lockWait, LockWaitReportInterval, cancellationToken);
            _insideLockTransaction = deployLock.IsTransaction;
            try
            {
                return await DeployLockedAsync(migrations, progress, cancellationToken);
            }
            finally
            {
                _insideLockTransaction = false;
                await deployLock.ReleaseAsync(connection, CancellationToken.None);
            }
        }
        finally
        {
            if (deployLock.IsTransaction) await AfterScriptAsync();
        }
    }

    /// <summary>The deploy itself; the history is read only now that no other deploy can change it.</summary>
    private async Task<IReadOnlyList<string>> DeployLockedAsync(IReadOnlyList<MigrationFile> migrations, IProgress<MigrationProgress>? progress, CancellationToken cancellationToken)
    {
        var history = await ReadHistoryAsync(cancellationToken);
        var failed = history.FirstOrDefault(h => h.Failed);
        if (failed != null)
        {
            throw new MigrationBlockedException(
                $"The migration {failed.Name} failed earlier, so no migration was applied. Fix the database, then run `strata migrate resolve --rolled-back {failed.Name}` (to run it again) or `--applied {failed.Name}` (if you applied it by hand).");
        }
        var applied = history.Where(h => h.Finished && !h.RolledBack).Select(h => h.Name).ToHashSet();
        var done = new List<string>();
        var pending = migrations.Where(m => !applied.Contains(m.Name)).ToList();
        foreach (var migration in pending)
        {
            progress?.Report(new MigrationProgress(done.Count + 1, pending.Count, migration.Name));
            await ApplyAsync(migration, cancellationToken);
            done.Add(migration.Name);
        }
        return done;
    }

    /// <summary>
    /// Runs <paramref name="migration"/>'s down.sql in a transaction and marks its history row
    /// rolled back, so that a later deploy applies it again.
    /// </summary>
    public async Task RevertAsync(MigrationFile migration, CancellationToken cancellationToken = default)
    {
        if (migration.DownScript == null)
            throw new MigrationBlockedException($"The migration {migration.Name} has no down.sql, so it cannot be reverted. Write one, or change the schema and run `strata migrate dev`.");
        var row = (await ReadHistoryAsync(cancellationToken)).LastOrDefault(h => h.Name == migration.Name && h.Finished && !h.RolledBack)
            ?? throw new MigrationBlockedException($"The migration {migration.Name} is not applied, so there is nothing to revert.");
        await RunScriptAsync(migration.Name, migration.DownScript, row.Id, cancellationToken);
        await ExecuteAsync($"UPDATE {History} SET rolled_back_at = @now WHERE id = @id", cancellationToken, ("now", DateTime.UtcNow), ("id", row.Id));
    }

    /// <summary>Marks a failed migration as rolled back (it will run again) or as applied (it will be skipped).</summary>
    public async Task ResolveAsync(string name, bool applied, CancellationToken cancellationToken = default)
    {
        var history = await ReadHistoryAsync(cancellationToken);
        var row = history.LastOrDefault(h => h.Name == name && h.Failed)
            ?? throw new MigrationBlockedException($"The migration {name} is not in a failed state in the history, so there is nothing to resolve.");
        var sql = applied
            ? $"UPDATE {History} SET finished_at = @now, applied_steps_count = 1 WHERE id = @id"
            : $"UPDATE {History} SET rolled_back_at = @now WHERE id = @id";
        await ExecuteAsync(sql, cancellationToken, ("now", DateTime.UtcNow), ("id", row.Id));
    }

    private async Task ApplyAsync(MigrationFile migration, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid().ToString();
        await ExecuteAsync($"INSERT INTO {History} (id, checksum, migration_name, started_at, applied_steps_count) VALUES (@id, @checksum, @name, @now, 0)",
            cancellationToken, ("id", id), ("checksum", migration.Checksum), ("name", migration.Name), ("now", DateTime.UtcNow));
        await RunScriptAsync(migration.Name, migration.Script, id, cancellationToken);
        await ExecuteAsync($"UPDATE {History} SET finished_at = @now, applied_steps_count = 1 WHERE id = @id",
            cancellationToken, ("now", DateTime.UtcNow), ("id", id));
    }

    /// <summary>
    /// Runs a script with the dialect's set-up before and after it (SQLite's foreign keys off):
    /// in one transaction where the dialect wraps scripts (SQLite), else as one batch as it is
    /// (PostgreSQL, as Prisma runs it), so that the script's own BEGIN/COMMIT and a lone
    /// CREATE INDEX CONCURRENTLY work. A database error rolls back what the script had not
    /// committed itself and is thrown. Inside a deploy whose lock is a transaction, the script
    /// runs in a savepoint of it instead.
    /// </summary>
    public async Task ExecuteScriptAsync(string script, CancellationToken cancellationToken = default)
    {
        dialect.PrepareScriptConnection(connection);
        if (_insideLockTransaction)
        {
            await InSavepointAsync(script, cancellationToken);
            return;
        }
        await BeforeScriptAsync(cancellationToken);
        try
        {
            if (dialect.WrapsScriptInTransaction) await InTransactionAsync(script, cancellationToken);
            else await AsOneBatchAsync(script, cancellationToken);
        }
        finally
        {
            await AfterScriptAsync();
        }
    }

    private async Task InTransactionAsync(string script, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await RunCommandAsync(script, transaction, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbException)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            throw;
        }
    }

    private async Task AsOneBatchAsync(string script, CancellationToken cancellationToken)
    {
        var statements = dialect.SplitScript(script);
        try
        {
            if (statements == null) await RunCommandAsync(script, null, cancellationToken);
            else if (dialect.SendsStatementsOneByOne) await RunOneByOneAsync(script, statements, cancellationToken);
            else if (!connection.CanCreateBatch) await RunCommandAsync(script, null, cancellationToken);
            else await RunBatchAsync(script, statements, cancellationToken);
        }
        catch (DbException)
        {
            // A statement that failed after the script's own BEGIN leaves that transaction open and aborted:
            // end it, so that the history row can record the failure. Without one this is a harmless no-op.
            try
            {
                await ExecuteAsync("ROLLBACK", CancellationToken.None);
            }
            catch (Exception e) when (e is DbException or InvalidOperationException)
            {
                // The connection itself is gone: the server has ended the transaction already.
            }
            throw;
        }
    }

    /// <summary>A script as one unit inside the open transaction: on any failure its changes, and only its, are undone.</summary>
    private async Task InSavepointAsync(string script, CancellationToken cancellationToken)
    {
        await ExecuteAsync($"SAVEPOINT {Savepoint};", cancellationToken);
        try
        {
            await RunCommandAsync(script, null, cancellationToken);
        }
        catch
        {
            try
            {
                await ExecuteAsync($"ROLLBACK TO SAVEPOINT {Savepoint}; RELEASE SAVEPOINT {Savepoint};", CancellationToken.None);
            }
            catch (DbException)
            {
                // SQLite already ended the whole transaction after this error (a full disk, an interrupt): nothing is left to undo.
            }
            throw;
        }
        await ExecuteAsync($"RELEASE SAVEPOINT {Savepoint};", cancellationToken);
    }

    /// <summary>Runs a migration's script; a failure is logged on its history row.</summary>
    private async Task RunScriptAsync(string name, string script, string historyId, CancellationToken cancellationToken)
    {
        try
        {
            await ExecuteScriptAsync(script, cancellationToken);
        }
        catch (DbException e)
        {
            var error = dialect.DescribeScriptError(e, script, e.Data[FailedStatementKey] as Range?);
            await ExecuteAsync($"UPDATE {History} SET logs = @logs WHERE id = @id", CancellationToken.None, ("logs", error), ("id", historyId));
            throw new MigrationFailedException(name, error, e, rolledBack: dialect.WrapsScriptInTransaction);
        }
    }

    /// <summary>The statements as one batch: one round trip, run by the server as one implicit transaction unless the script has its own.</summary>
    private async Task RunBatchAsync(string script, IReadOnlyList<Range> statements, CancellationToken cancellationToken)
    {
        if (statements.Count == 0) return; // only comments
        await using var batch = connection.CreateBatch();
        batch.Timeout = 0;
        foreach (var statement in statements)
        {
            var command = batch.CreateBatchCommand();
            command.CommandText = script[statement];
            batch.BatchCommands.Add(command);
        }
        try
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (DbException e) when (e.BatchCommand != null)
        {
            int index = batch.BatchCommands.IndexOf(e.BatchCommand);
            if (index >= 0) e.Data[FailedStatementKey] = statements[index];
            throw;
        }
    }

    private async Task RunOneByOneAsync(string script, IReadOnlyList<Range> statements, CancellationToken cancellationToken)
    {
        foreach (var statement in statements)
        {
            try
            {
                await RunCommandAsync(script[statement], null, cancellationToken);
            }
            catch (DbException e)
            {
                e.Data[FailedStatementKey] = statement;
                throw;
            }
        }
    }

    // Where the statement that failed is in its script, kept on the driver's exception until the failure is described.
    private const string FailedStatementKey = "Strata.FailedStatement";

    private async Task RunCommandAsync(string script, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = script;
        // A migration may rebuild a large table: it runs as long as it needs.
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task BeforeScriptAsync(CancellationToken cancellationToken)
    {
        if (dialect.BeforeMigrationSql != null) await ExecuteAsync(dialect.BeforeMigrationSql, cancellationToken);
    }

    private async Task AfterScriptAsync()
    {
        if (dialect.AfterMigrationSql != null) await ExecuteAsync(dialect.AfterMigrationSql, CancellationToken.None);
    }

    private Task ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters) =>
        DbQuery.ExecuteAsync(connection, sql, cancellationToken, parameters);
}
