namespace Strata.Migrate.History;

/// <summary>A migrations folder compared with a database's history: what `strata migrate status` and a client's MigrationStatusAsync report.</summary>
public static class MigrationComparison
{
    /// <summary>Which migrations of <paramref name="files"/> are applied, pending, edited since, failed, or applied but missing from the folder.</summary>
    public static MigrationState Of(IReadOnlyList<MigrationFile> files, IReadOnlyList<AppliedMigration> history)
    {
        var live = history.Where(h => !h.RolledBack).ToList();
        var applied = new List<string>();
        var pending = new List<string>();
        var edited = new List<string>();
        foreach (var file in files)
        {
            var done = live.FirstOrDefault(h => h.Name == file.Name && h.Finished);
            if (done == null)
            {
                if (!live.Any(h => h.Name == file.Name && h.Failed)) pending.Add(file.Name);
                continue;
            }
            applied.Add(file.Name);
            if (done.Checksum != file.Checksum) edited.Add(file.Name);
        }
        var failed = live.Where(h => h.Failed).Select(h => h.Name).ToList();
        var missing = live.Where(h => h.Finished && files.All(f => f.Name != h.Name)).Select(h => h.Name).ToList();
        return new MigrationState(applied, pending, failed, edited, missing);
    }
}
