using System.CommandLine;
using System.Text.RegularExpressions;
using Strata.Cli.Database;
using Strata.Cli.Output;
using Strata.Migrate.Diffing;
using Strata.Migrate.History;
using Strata.Migrate.Model;

namespace Strata.Cli.Commands;

/// <summary>
/// `strata migrate dev`: brings the development database up to date with the migrations folder,
/// checks that it has not drifted from what the files describe, writes the next migration (with
/// its down.sql) from the difference to the schema, and applies it.
/// </summary>
internal static partial class DevCommand
{
    public static Command Create(CliContext context)
    {
        var schema = SchemaInput.CreateOption();
        var url = MigrateCommand.UrlOption();
        var name = new Option<string?>("--name") { Description = "The migration's name, as in `add_city`.", HelpName = "NAME" };
        var createOnly = new Option<bool>("--create-only") { Description = "Write the migration files, but do not apply them." };
        var acceptDataLoss = new Option<bool>("--accept-data-loss") { Description = "Apply changes that drop data (they are listed first)." };
        var command = new Command("dev", "Write the next migration from the schema and apply it to the development database.");
        foreach (var option in new Option[] { schema, url, name, createOnly, acceptDataLoss }) command.Options.Add(option);
        command.SetAction((parse, token) => MigrateCommand.Run(context, parse.GetValue(schema), parse.GetValue(url), token,
            (session, files, ct) => Run(context, session, files, parse.GetValue(name), parse.GetValue(createOnly), parse.GetValue(acceptDataLoss), ct), createDatabase: true));
        return command;
    }

    private static async Task<int> Run(CliContext context, MigrateCommand.Session session, IReadOnlyList<MigrationFile> files,
        string? name, bool createOnly, bool acceptDataLoss, CancellationToken token)
    {
        var dialect = session.Target.Dialect;
        var history = await session.Runner.ReadHistoryAsync(token);
        var problems = MigrationStatus.Describe(files, history).Where(p => !p.StartsWith("Pending:", StringComparison.Ordinal)).ToList();
        if (problems.Count > 0)
        {
            foreach (var problem in problems) context.Error.WriteLine(problem);
            DiagnosticPrinter.PrintError(context, "The history of the development database does not match the migrations folder; nothing was changed.");
            return 1;
        }
        var applied = await session.Runner.DeployAsync(files, new ApplyProgress(context), token);
        if (applied.Count > 0) context.Out.WriteLine($"Applied {applied.Count} pending migration{(applied.Count == 1 ? "" : "s")}.");

        var described = await session.DescribeAsync(context, files, token);
        if (described == null) return 1;
        var live = await session.ReadLiveAsync(token);
        var drift = SchemaDiffer.Diff(described, live, dialect);
        if (drift.Count > 0)
        {
            context.Error.WriteLine("Drift detected: the database differs from what its migrations describe:");
            foreach (var line in DiffCommand.Summary(drift)) context.Error.WriteLine("  " + line);
            DiagnosticPrinter.PrintError(context, "Bring the database back in line (or put the change into a migration), or recreate it with `strata migrate reset` (all data is lost).");
            return 1;
        }

        var target = SchemaMapper.Map(session.Schema, dialect);
        var steps = SchemaDiffer.Diff(described, target, dialect);
        if (steps.Count == 0)
        {
            context.Out.WriteLine("The database is in sync with the schema; no new migration.");
            return 0;
        }
        if (!createOnly && !await DataLossPrompt.AllowAsync(context, session, live, steps, acceptDataLoss, "This change", token)) return 1;

        // Folder names sort in the order migrations apply; a name already taken moves one second on.
        var stamp = DateTime.UtcNow;
        string folderName, dir;
        do
        {
            folderName = $"{stamp:yyyyMMddHHmmss}_{Slug(name)}";
            dir = Path.Combine(session.Folder.Path, folderName);
            stamp = stamp.AddSeconds(1);
        }
        while (Directory.Exists(dir) || files.Any(f => string.CompareOrdinal(f.Name, folderName) >= 0));
        try
        {
            Directory.CreateDirectory(dir);
            await File.WriteAllTextAsync(Path.Combine(dir, "migration.sql"), dialect.Render(steps), token);
            await File.WriteAllTextAsync(Path.Combine(dir, "down.sql"), dialect.Render(SchemaDiffer.Diff(target, described, dialect)), token);
            if (session.Folder.ReadLockedProvider() == null)
                session.Folder.WriteLock(session.Target.Provider switch { Schema.Semantics.ProviderKind.Sqlite => "sqlite", Schema.Semantics.ProviderKind.MySql => "mysql", _ => "postgresql" });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            DiagnosticPrinter.PrintError(context, $"Cannot write the migration into {session.MigrationsDisplay}: {e.Message} Nothing was applied.");
            return 1;
        }
        context.Out.WriteLine($"Wrote {session.MigrationsDisplay}/{folderName}/migration.sql (and down.sql).");
        if (createOnly)
        {
            context.Out.WriteLine("Not applied (--create-only). Review or edit it, then run `strata migrate dev` again to apply it.");
            return 0;
        }
        try
        {
            await session.Runner.DeployAsync(session.Folder.List(), new ApplyProgress(context), token);
        }
        catch (MigrationFailedException e)
        {
            DiagnosticPrinter.PrintError(context, e.Message);
            return 1;
        }
        context.Out.WriteLine("The database is now in sync with the schema.");
        return 0;
    }

    private static string Slug(string? name)
    {
        var slug = SlugPattern().Replace((name ?? "migration").Trim().ToLowerInvariant(), "_").Trim('_');
        return slug.Length == 0 ? "migration" : slug;
    }

    [GeneratedRegex("[^a-z0-9_]+")]
    private static partial Regex SlugPattern();

}
