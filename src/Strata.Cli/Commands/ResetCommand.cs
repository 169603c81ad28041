using System.CommandLine;
using Strata.Cli.Database;
using Strata.Cli.Output;
using Strata.Migrate.History;

namespace Strata.Cli.Commands;

/// <summary>`strata migrate reset`: empties the development database and applies every migration again.</summary>
internal static class ResetCommand
{
    public static Command Create(CliContext context)
    {
        var schema = SchemaInput.CreateOption();
        var url = MigrateCommand.UrlOption();
        var force = new Option<bool>("--force") { Description = "Do not ask; needed where there is no terminal to ask on." };
        var skipSeed = new Option<bool>("--skip-seed") { Description = "Do not run the seed command afterwards." };
        var command = new Command("reset", "Delete all data and tables of the database, apply every migration again, then run the seed command. For development.");
        foreach (var option in new Option[] { schema, url, force, skipSeed }) command.Options.Add(option);
        command.SetAction((parse, token) => MigrateCommand.Run(context, parse.GetValue(schema), parse.GetValue(url), token, async (session, files, ct) =>
        {
            if (!parse.GetValue(force))
            {
                if (context.Confirm == null)
                {
                    DiagnosticPrinter.PrintError(context, $"Reset deletes all data in {session.Target.Display}. Without a terminal to confirm on, pass --force.");
                    return 1;
                }
                if (!context.Confirm($"Delete all data in {session.Target.Display} and apply the migrations again?"))
                {
                    context.Out.WriteLine("Reset cancelled.");
                    return 1;
                }
            }
            await DatabaseWipe.EmptyAsync(session.Connection, session.Target, keepSchemas: true, ct);
            context.Out.WriteLine("The database was emptied.");
            try
            {
                var applied = await session.Runner.DeployAsync(files, null, ct);
                context.Out.WriteLine($"Applied {applied.Count} migration{(applied.Count == 1 ? "" : "s")}.");
            }
            catch (MigrationFailedException e)
            {
                DiagnosticPrinter.PrintError(context, e.Message);
                return 1;
            }
            return parse.GetValue(skipSeed) ? 0 : await DbCommand.SeedIfConfiguredAsync(context, session.Target, session.Schema, [], required: false, ct);
        }, createDatabase: true));
        return command;
    }
}
