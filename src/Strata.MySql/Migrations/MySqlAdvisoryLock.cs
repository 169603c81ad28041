using System.Data.Common;
using Strata.Migrate.Introspection;
using Strata.Migrate.Locking;

namespace Strata.MySql.Migrations;

/// <summary>
/// The deploy lock on MySQL: a named user lock of the session, under the name Prisma takes
/// (<c>prisma_migrate</c>), so that a Prisma deploy and a Strata deploy of one server wait for each other.
/// </summary>
internal sealed class MySqlAdvisoryLock : IDeployLock
{
    /// <inheritdoc />
    public bool IsTransaction => false;

    /// <inheritdoc />
    /// <remarks>GET_LOCK waits up to its timeout (a second here) and answers 1 when it got the lock.</remarks>
    public async Task<bool> TryAcquireAsync(DbConnection connection, CancellationToken cancellationToken) =>
        (await DbQuery.ListAsync(connection, "SELECT GET_LOCK('prisma_migrate', 1)", r => !r.IsDBNull(0) && Convert.ToInt64(r.GetValue(0)) == 1, cancellationToken))[0];

    /// <inheritdoc />
    public Task ReleaseAsync(DbConnection connection, CancellationToken cancellationToken) =>
        DbQuery.ExecuteAsync(connection, "SELECT RELEASE_LOCK('prisma_migrate')", cancellationToken);
}
