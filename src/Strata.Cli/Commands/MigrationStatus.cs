using Strata.Migrate.History;

namespace Strata.Cli.Commands;

/// <summary>What `migrate status` reports: pending, failed, edited and unknown migrations.</summary>
internal static class MigrationStatus
{
    public static List<string> Describe(IReadOnlyList<MigrationFile> files, IReadOnlyList<AppliedMigration> history)
    {
        var lines = new List<string>();
        var live = history.Where(h => !h.RolledBack).ToList();
        foreach (var failed in live.Where(h => h.Failed))
            lines.Add($"Failed:  {failed.Name} ({FirstLine(failed.Logs)}). Fix it, then `strata migrate resolve --rolled-back {failed.Name}` or `--applied {failed.Name}`.");
        foreach (var file in files)
        {
            var applied = live.FirstOrDefault(h => h.Name == file.Name && h.Finished);
            if (applied == null)
            {
                if (!live.Any(h => h.Name == file.Name && h.Failed)) lines.Add($"Pending: {file.Name}");
            }
            else if (applied.Checksum != file.Checksum)
            {
                lines.Add($"Edited:  {file.Name} was changed after it was applied (its checksum differs). Restore the file, or reset a development database.");
            }
        }
        foreach (var unknown in live.Where(h => h.Finished && files.All(f => f.Name != h.Name)))
            lines.Add($"Missing: {unknown.Name} is applied to the database but not in the migrations folder.");
        return lines;
    }

    /// <summary>The first line of a failure's log: the database's error, which can quote a connection string, so with passwords hidden.</summary>
    private static string FirstLine(string? text) => string.IsNullOrEmpty(text) ? "no log" : ConnectionSecrets.Redact(text.Split('\n')[0].Trim());
}
