using System.Data.Common;

namespace Strata;

/// <summary>
/// Applies a project's migrations from the app, as <c>strata migrate deploy</c> does: each provider
/// has one (<see cref="IStrataProvider.Migrator"/>); clients call it through <see cref="StrataClient.MigrateAsync"/>.
/// </summary>
public interface IStrataMigrator
{
    /// <summary>
    /// Applies the migrations of <paramref name="folder"/> that the database's history lacks, in order,
    /// under the deploy lock (several instances starting at once apply each migration once); returns their names.
    /// </summary>
    Task<IReadOnlyList<string>> DeployAsync(DbConnection connection, string folder, CancellationToken cancellationToken);

    /// <summary>The migrations of <paramref name="folder"/> compared with the database's history.</summary>
    Task<MigrationState> StatusAsync(DbConnection connection, string folder, CancellationToken cancellationToken);
}

/// <summary>The migrations folder compared with the database's history (<see cref="StrataClient.MigrationStatusAsync"/>).</summary>
/// <param name="Applied">Migrations of the folder that are applied, in order.</param>
/// <param name="Pending">Migrations of the folder not applied yet, in order.</param>
/// <param name="Failed">Migrations that failed and were not resolved (deploy stops at them: <c>strata migrate resolve</c>).</param>
/// <param name="Edited">Applied migrations whose file changed since (its checksum differs).</param>
/// <param name="Missing">Migrations applied to the database that the folder does not have.</param>
public sealed record MigrationState(IReadOnlyList<string> Applied, IReadOnlyList<string> Pending, IReadOnlyList<string> Failed, IReadOnlyList<string> Edited, IReadOnlyList<string> Missing)
{
    /// <summary>True when every migration of the folder is applied and nothing failed, changed or is unknown.</summary>
    public bool IsUpToDate => Pending.Count == 0 && Failed.Count == 0 && Edited.Count == 0 && Missing.Count == 0;
}
