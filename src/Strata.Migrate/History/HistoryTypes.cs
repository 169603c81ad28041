namespace Strata.Migrate.History;

/// <summary>A row of <c>_prisma_migrations</c>.</summary>
public sealed record AppliedMigration(string Id, string Checksum, string Name, bool Finished, bool RolledBack, string? Logs, int AppliedStepsCount)
{
    /// <summary>Started, neither finished nor marked rolled back: it blocks further deploys until resolved.</summary>
    public bool Failed => !Finished && !RolledBack;
}

/// <summary>Which migration a deploy is applying: the <paramref name="Index"/>th (from 1) of <paramref name="Count"/>.</summary>
public sealed record MigrationProgress(int Index, int Count, string Name);

/// <summary>
/// A migration that failed, and the history records the error. Where the runner wrapped it in a
/// transaction the database is as it was before it; where it ran as one batch (PostgreSQL), what
/// the script had committed itself stays and the rest was rolled back.
/// </summary>
public sealed class MigrationFailedException(string migration, string error, Exception inner, bool rolledBack = true)
    : Exception($"The migration {migration} failed{(rolledBack ? " and was rolled back" : "")}: {error}", inner)
{
    /// <summary>The folder name of the migration.</summary>
    public string Migration { get; } = migration;
}

/// <summary>Why nothing was applied: an earlier migration failed, or the history and the folder disagree.</summary>
public sealed class MigrationBlockedException(string message) : Exception(message);
