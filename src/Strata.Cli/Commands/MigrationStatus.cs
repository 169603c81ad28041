using Strata.Migrate.History;

namespace Strata.Cli.Commands;

/// <summary>What `migrate status` reports: pending, failed, edited and unknown migrations.</summary>
internal static class MigrationStatus
{
    public static List<string> Describe(IReadOnlyList<MigrationFile> files, IReadOnlyList<AppliedMigration> history)
    {
        var state = MigrationComparison.Of(files, history);
        var lines = new List<string>();
        foreach (var name in state.Failed)
        {
            var failed = history.Last(h => h.Name == name && h.Failed && !h.RolledBack);
            lines.Add($"Failed:  {name} ({FirstLine(failed.Logs)}). Fix it, then `strata migrate resolve --rolled-back {name}` or `--applied {name}`.");
        }
        foreach (var file in files)
        {
            if (state.Pending.Contains(file.Name)) lines.Add($"Pending: {file.Name}");
            else if (state.Edited.Contains(file.Name))
                lines.Add($"Edited:  {file.Name} was changed after it was applied (its checksum differs). Restore the file, or reset a development database.");
        }
        foreach (var name in state.Missing) lines.Add($"Missing: {name} is applied to the database but not in the migrations folder.");
        return lines;
    }

    /// <summary>The first line of a failure's log: the database's error, which can quote a connection string, so with passwords hidden.</summary>
    private static string FirstLine(string? text) => string.IsNullOrEmpty(text) ? "no log" : ConnectionSecrets.Redact(text.Split('\n')[0].Trim());
}
