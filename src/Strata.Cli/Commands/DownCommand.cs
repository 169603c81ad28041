using System.CommandLine;
using Strata.Cli.Database;
using Strata.Cli.Output;
using Strata.Migrate.Diffing;
using Strata.Migrate.History;

namespace Strata.Cli.Commands;

/// <summary>`strata migrate down`: reverts applied migrations, newest first, with their down.sql.</summary>
internal static class DownCommand
{
    public static Command Create(CliContext context)
    {
        var schema = SchemaInput.CreateOption();
        var url = MigrateCommand.UrlOption();
        var to = new Option<string?>("--to") { Description = "Revert every migration applied after this one (it stays applied).", HelpName = "NAME" };
        var steps = new Option<int?>("--steps") { Description = "How many migrations to revert, newest first (default 1).", HelpName = "K" };
        var acceptDataLoss = new Option<bool>("--accept-data-loss") { Description = "Revert even where data would be lost (it is listed first)." };
        var command = new Command("down", "Revert applied migrations with their down.sql, newest first, and record it in the history.");
        foreach (var option in new Option[] { schema, url, to, steps, acceptDataLoss }) command.Options.Add(option);
        command.SetAction((parse, token) => MigrateCommand.Run(context, parse.GetValue(schema), parse.GetValue(url), token,
            (session, files, ct) => Run(context, session, files, parse.GetValue(to), parse.GetValue(steps), parse.GetValue(acceptDataLoss), ct)));
        return command;
    }

    private static async Task<int> Run(CliContext context, MigrateCommand.Session session, IReadOnlyList<MigrationFile> files,
        string? to, int? count, bool acceptDataLoss, CancellationToken token)
    {
        if (to != null && count != null)
        {
            DiagnosticPrinter.PrintError(context, "Give --to NAME or --steps K, not both.");
            return 1;
        }
        var history = await session.Runner.ReadHistoryAsync(token);
        var appliedNames = history.Where(h => h.Finished && !h.RolledBack).Select(h => h.Name).ToHashSet();
        var applied = files.Where(f => appliedNames.Contains(f.Name)).ToList();
        List<MigrationFile> revert;
        if (to != null)
        {
            int index = applied.FindIndex(f => f.Name == to);
            if (index < 0)
            {
                DiagnosticPrinter.PrintError(context, $"The migration {to} is not applied to this database.");
                return 1;
            }
            revert = applied.Skip(index + 1).Reverse().ToList();
        }
        else
        {
            int k = count ?? 1;
            if (k < 1)
            {
                DiagnosticPrinter.PrintError(context, "--steps must be 1 or more.");
                return 1;
            }
            revert = applied.AsEnumerable().Reverse().Take(k).ToList();
        }
        if (revert.Count == 0)
        {
            context.Out.WriteLine("Nothing to revert.");
            return 0;
        }
        var missing = revert.FirstOrDefault(f => f.DownScript == null);
        if (missing != null)
        {
            DiagnosticPrinter.PrintError(context, $"The migration {missing.Name} has no down.sql, so nothing was reverted.");
            return 1;
        }

        // What the database loses: the difference from now to the state the remaining migrations describe.
        var remaining = applied.Where(f => !revert.Contains(f)).ToList();
        var described = await session.DescribeAsync(context, remaining, token);
        if (described == null) return 1;
        var live = await session.ReadLiveAsync(token);
        if (!await DataLossPrompt.AllowAsync(context, session, live, SchemaDiffer.Diff(live, described, session.Target.Dialect), acceptDataLoss, "Reverting", token)) return 1;
        try
        {
            foreach (var migration in revert)
            {
                context.Out.WriteLine($"Reverting migration `{migration.Name}`");
                await session.Runner.RevertAsync(migration, token);
            }
        }
        catch (Exception e) when (e is MigrationFailedException or MigrationBlockedException)
        {
            DiagnosticPrinter.PrintError(context, e.Message);
            return 1;
        }
        context.Out.WriteLine($"Reverted {revert.Count} migration{(revert.Count == 1 ? "" : "s")}. `strata migrate deploy` applies them again.");
        return 0;
    }
}
