using System.Data.Common;
using Strata.Migrate.Introspection;
using Strata.Migrate.Locking;

namespace Strata.Postgres.Migrations;

/// <summary>
/// The deploy lock on PostgreSQL: a session advisory lock with Prisma's key, so that a Prisma
/// deploy and a Strata deploy of one database also wait for each other. Each migration keeps
/// its own transaction while the lock is held.
/// </summary>
internal sealed class PostgresAdvisoryLock : IDeployLock
{
    /// <inheritdoc />
    public bool IsTransaction => false;

    /// <inheritdoc />
    public async Task<bool> TryAcquireAsync(DbConnection connection, CancellationToken cancellationToken) =>
        (await DbQuery.ListAsync(connection, "SELECT pg_try_advisory_lock(72707369)", r => r.GetBoolean(0), cancellationToken))[0];

    /// <inheritdoc />
    public Task ReleaseAsync(DbConnection connection, CancellationToken cancellationToken) =>
        DbQuery.ExecuteAsync(connection, "SELECT pg_advisory_unlock(72707369)", cancellationToken);
}
