using System.Data.Common;

namespace Strata.Migrate.Locking;

/// <summary>
/// The lock that makes deploys of one database run one after the other, so that each migration
/// is applied exactly once. Each provider has its own: PostgreSQL an advisory lock, SQLite (which
/// has none) a write transaction.
/// </summary>
public interface IDeployLock
{
    /// <summary>
    /// True when holding the lock is an open write transaction on the connection (SQLite): what
    /// the deploy writes while it holds the lock commits when the lock is released, so a
    /// migration's own transaction becomes a savepoint inside it, and set-up that only works
    /// outside a transaction must run before the lock is taken.
    /// </summary>
    bool IsTransaction { get; }

    /// <summary>Takes the lock when it is free; false, after at most about a second, when another connection holds it.</summary>
    Task<bool> TryAcquireAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Releases the lock taken by <see cref="TryAcquireAsync"/> (committing, when it is a transaction).</summary>
    Task ReleaseAsync(DbConnection connection, CancellationToken cancellationToken);
}
