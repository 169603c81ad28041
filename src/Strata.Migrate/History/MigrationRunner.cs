using System.Data.Common;
using Strata.Migrate.Introspection;

namespace Strata.Migrate.History;

/// <summary>A row of <c>_prisma_migrations</c>.</summary>
public sealed record AppliedMigration(string Id, string Checksum, string Name, bool Finished, bool RolledBack, string? Logs, int AppliedStepsCount)
{
    /// <summary>Started, neither finished nor marked rolled back: it blocks further deploys until resolved.</summary>
    public bool Failed => !Finished && !RolledBack;
}

/// <summary>Which migration a deploy is applying: the <paramref name="Index"/>th (from 1) of <paramref name="Count"/>.</summary>
public sealed record MigrationProgress(int Index, int Count, string Name);

/// <summary>A migration that failed; the database is as it was before it, and the history records the error.</summary>
public sealed class MigrationFailedException(string migration, string error, Exception inner)
    : Exception($"The migration {migration} failed and was rolled back: {error}", inner)
{
    /// <summary>The folder name of the migration.</summary>
    public string Migration { get; } = migration;
}

/// <summary>Why nothing was applied: an earlier migration failed, or the history and the folder disagree.</summary>
public sealed class MigrationBlockedException(string message) : Exception(message);

/// <summary>
/// Applies migration files to a database and keeps the <c>_prisma_migrations</c> history exactly as
/// Prisma does, so that either tool can take over a database from the other. Each migration runs in
/// its own transaction; concurrent deploys on PostgreSQL wait on an advisory lock, so each
/// migration is applied once.
/// </summary>
public sealed class MigrationRunner(DbConnection connection, IMigrationDialect dialect)
{
    /// <summary>The history, oldest first; empty when the table does not exist yet.</summary>
    public async Task<IReadOnlyList<AppliedMigration>> ReadHistoryAsync(CancellationToken cancellationToken = default)
    {
        await ExecuteAsync(dialect.HistoryTableSql, cancellationToken);
        return await DbQuery.ListAsync(connection,
            "SELECT id, checksum, migration_name, finished_at IS NOT NULL, rolled_back_at IS NOT NULL, logs, applied_steps_count FROM \"_prisma_migrations\" ORDER BY started_at, migration_name",
            r => new AppliedMigration(r.GetString(0), r.GetString(1), r.GetString(2), Convert.ToBoolean(r.GetValue(3)), Convert.ToBoolean(r.GetValue(4)),
                r.NullableString(5), Convert.ToInt32(r.GetValue(6))), cancellationToken);
    }

    /// <summary>
    /// Applies every migration of <paramref name="migrations"/> that the history does not show as
    /// applied, in order. Returns the names applied. Stops at the first failure, which is recorded
    /// in the history and blocks later deploys until <see cref="ResolveAsync"/>.
    /// </summary>
    public async Task<IReadOnlyList<string>> DeployAsync(IReadOnlyList<MigrationFile> migrations, IProgress<MigrationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (dialect.LockSql != null) await ExecuteAsync(dialect.LockSql, cancellationToken);
        try
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
        finally
        {
            if (dialect.UnlockSql != null) await ExecuteAsync(dialect.UnlockSql, CancellationToken.None);
        }
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
        await ExecuteAsync("UPDATE \"_prisma_migrations\" SET rolled_back_at = @now WHERE id = @id", cancellationToken, ("now", DateTime.UtcNow), ("id", row.Id));
    }

    /// <summary>Marks a failed migration as rolled back (it will run again) or as applied (it will be skipped).</summary>
    public async Task ResolveAsync(string name, bool applied, CancellationToken cancellationToken = default)
    {
        var history = await ReadHistoryAsync(cancellationToken);
        var row = history.LastOrDefault(h => h.Name == name && h.Failed)
            ?? throw new MigrationBlockedException($"The migration {name} is not in a failed state in the history, so there is nothing to resolve.");
        var sql = applied
            ? "UPDATE \"_prisma_migrations\" SET finished_at = @now, applied_steps_count = 1 WHERE id = @id"
            : "UPDATE \"_prisma_migrations\" SET rolled_back_at = @now WHERE id = @id";
        await ExecuteAsync(sql, cancellationToken, ("now", DateTime.UtcNow), ("id", row.Id));
    }

    private async Task ApplyAsync(MigrationFile migration, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid().ToString();
        await ExecuteAsync("INSERT INTO \"_prisma_migrations\" (id, checksum, migration_name, started_at, applied_steps_count) VALUES (@id, @checksum, @name, @now, 0)",
            cancellationToken, ("id", id), ("checksum", migration.Checksum), ("name", migration.Name), ("now", DateTime.UtcNow));
        await RunScriptAsync(migration.Name, migration.Script, id, cancellationToken);
        await ExecuteAsync("UPDATE \"_prisma_migrations\" SET finished_at = @now, applied_steps_count = 1 WHERE id = @id",
            cancellationToken, ("now", DateTime.UtcNow), ("id", id));
    }

    /// <summary>
    /// Runs a script in one transaction, with the dialect's set-up before and after it (SQLite's
    /// foreign keys off). A database error rolls the transaction back and is thrown.
    /// </summary>
    public async Task ExecuteScriptAsync(string script, CancellationToken cancellationToken = default)
    {
        if (dialect.BeforeMigrationSql != null) await ExecuteAsync(dialect.BeforeMigrationSql, cancellationToken);
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            try
            {
                await using (var command = connection.CreateCommand())
                {
                    command.Transaction = transaction;
                    command.CommandText = script;
                    command.CommandTimeout = 0;
                    await command.ExecuteNonQueryAsync(cancellationToken);
                }
                await transaction.CommitAsync(cancellationToken);
            }
            catch (DbException)
            {
                await transaction.RollbackAsync(CancellationToken.None);
                throw;
            }
        }
        finally
        {
            if (dialect.AfterMigrationSql != null) await ExecuteAsync(dialect.AfterMigrationSql, CancellationToken.None);
        }
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
            await ExecuteAsync("UPDATE \"_prisma_migrations\" SET logs = @logs WHERE id = @id", CancellationToken.None, ("logs", e.Message), ("id", historyId));
            throw new MigrationFailedException(name, e.Message, e);
        }
    }

    private Task ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters) =>
        DbQuery.ExecuteAsync(connection, sql, cancellationToken, parameters);
}
