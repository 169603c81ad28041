using System.CommandLine;
using Strata.Cli.Database;
using Strata.Cli.Output;
using Strata.Migrate.Introspection;

namespace Strata.Cli.Commands;

/// <summary>`strata db execute`: runs a SQL script against the database, in one transaction.</summary>
internal static class DbCommand
{
    public static Command Create(CliContext context, TextReader standardInput)
    {
        var command = new Command("db", "Work on the database directly, without migration files.");
        var schema = SchemaInput.CreateOption();
        var url = MigrateCommand.UrlOption();
        var file = new Option<string?>("--file") { Description = "The SQL file to run.", HelpName = "PATH" };
        var stdin = new Option<bool>("--stdin") { Description = "Read the SQL from standard input." };
        var execute = new Command("execute", "Run a SQL script against the database in one transaction.");
        foreach (var option in new Option[] { schema, url, file, stdin }) execute.Options.Add(option);
        execute.SetAction((parse, token) =>
        {
            var path = parse.GetValue(file);
            if ((path == null) == !parse.GetValue(stdin))
            {
                DiagnosticPrinter.PrintError(context, "Give exactly one of --file PATH or --stdin.");
                return Task.FromResult(1);
            }
            if (path != null && path.Trim().Length == 0)
            {
                DiagnosticPrinter.PrintError(context, "--file was given an empty value; give the path of a SQL file.");
                return Task.FromResult(1);
            }
            if (path != null && Directory.Exists(Path.Combine(context.WorkingDirectory, path)))
            {
                DiagnosticPrinter.PrintError(context, $"--file {path} is a folder; give the path of a SQL file.");
                return Task.FromResult(1);
            }
            string sql;
            try
            {
                sql = path != null ? File.ReadAllText(Path.Combine(context.WorkingDirectory, path)) : standardInput.ReadToEnd();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                DiagnosticPrinter.PrintError(context, $"Cannot read {path}: {e.Message}");
                return Task.FromResult(1);
            }
            return MigrateCommand.Run(context, parse.GetValue(schema), parse.GetValue(url), token, async (session, _, ct) =>
            {
                await using var transaction = await session.Connection.BeginTransactionAsync(ct);
                try
                {
                    await using var command = session.Connection.CreateCommand();
                    command.Transaction = transaction;
                    command.CommandText = sql;
                    await command.ExecuteNonQueryAsync(ct);
                    await transaction.CommitAsync(ct);
                }
                catch (System.Data.Common.DbException e)
                {
                    await transaction.RollbackAsync(CancellationToken.None);
                    DiagnosticPrinter.PrintError(context, $"The script failed and nothing was changed: {e.Message}");
                    return 1;
                }
                context.Out.WriteLine("Script executed successfully.");
                return 0;
            });
        });
        command.Subcommands.Add(execute);
        command.Subcommands.Add(Push(context));
        command.Subcommands.Add(Seed(context));
        command.Subcommands.Add(PullCommand.Create(context));
        return command;
    }

    private static Command Push(CliContext context)
    {
        var schema = SchemaInput.CreateOption();
        var url = MigrateCommand.UrlOption();
        var acceptDataLoss = new Option<bool>("--accept-data-loss") { Description = "Apply changes that drop data (they are listed first)." };
        var forceReset = new Option<bool>("--force-reset") { Description = "Empty the database first, then create the schema." };
        var push = new Command("push", "Make the database match the schema directly, without migration files. For prototyping.");
        foreach (var option in new Option[] { schema, url, acceptDataLoss, forceReset }) push.Options.Add(option);
        push.SetAction((parse, token) => MigrateCommand.Run(context, parse.GetValue(schema), parse.GetValue(url), token, async (session, _, ct) =>
        {
            var dialect = session.Target.Dialect;
            if (parse.GetValue(forceReset))
            {
                await DatabaseWipe.EmptyAsync(session.Connection, session.Target, keepSchemas: true, ct);
                context.Out.WriteLine("The database was emptied.");
            }
            var live = await session.ReadLiveAsync(ct);
            var steps = Strata.Migrate.Diffing.SchemaDiffer.Diff(live, Strata.Migrate.Model.SchemaMapper.Map(session.Schema, dialect), dialect);
            if (steps.Count == 0)
            {
                context.Out.WriteLine("The database is already in sync with the schema.");
                return 0;
            }
            if (!await DataLossPrompt.AllowAsync(context, session, live, steps, parse.GetValue(acceptDataLoss), "This change", ct)) return 1;
            await session.Runner.ExecuteScriptAsync(dialect.Render(steps), ct);
            context.Out.WriteLine($"The database is now in sync with the schema ({steps.Count} change{(steps.Count == 1 ? "" : "s")}).");
            return 0;
        }, createDatabase: true));
        return push;
    }

    /// <summary>`strata db seed [-- arguments]`: runs the project's seed command with the database URL in its environment.</summary>
    private static Command Seed(CliContext context)
    {
        var schema = SchemaInput.CreateOption();
        var url = MigrateCommand.UrlOption();
        var arguments = new Argument<string[]>("arguments") { Arity = ArgumentArity.ZeroOrMore, Description = "Passed on to the seed command (write them after --)." };
        var seed = new Command("seed", $"Run the seed command (\"seed\" in {Seeder.ConfigFile}), with the database URL in its environment.");
        seed.Options.Add(schema);
        seed.Options.Add(url);
        seed.Arguments.Add(arguments);
        // The URL only: a seed needs neither a connection nor the migrations folder.
        seed.SetAction((parse, token) => MigrateCommand.Resolve(context, parse.GetValue(schema), parse.GetValue(url)) is var (_, compilation, _, target)
            ? SeedIfConfiguredAsync(context, target, compilation.Schema, parse.GetValue(arguments) ?? [], required: true, token)
            : Task.FromResult(1));
        return seed;
    }

    /// <summary>Runs the seed command; without one, an error when <paramref name="required"/> (db seed), else nothing (migrate reset).</summary>
    internal static async Task<int> SeedIfConfiguredAsync(CliContext context, DatabaseTarget target, Strata.Schema.Semantics.SchemaDefinition schema, IReadOnlyList<string> arguments, bool required, CancellationToken token)
    {
        string? command;
        try
        {
            command = Seeder.Command(context);
        }
        catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
        {
            DiagnosticPrinter.PrintError(context, e.Message);
            return 1;
        }
        if (command != null) return await Seeder.RunAsync(context, command, target, schema, arguments, token);
        if (!required) return 0;
        DiagnosticPrinter.PrintError(context, $"No seed command is configured: add {Seeder.ConfigFile} beside the project with {{ \"seed\": \"dotnet run --project prisma/Seed\" }}.");
        return 1;
    }
}
