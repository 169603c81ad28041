using System.CommandLine;
using Strata.Cli.Database;
using Strata.Cli.Output;
using Strata.Migrate.History;
using Strata.Schema.Loading;

namespace Strata.Cli.Commands;

/// <summary>`strata migrate deploy | status | resolve`: apply and inspect the migration history.</summary>
internal static class MigrateCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("migrate", "Apply migration files and inspect the migration history.");
        command.Subcommands.Add(Deploy(context));
        command.Subcommands.Add(Status(context));
        command.Subcommands.Add(Resolve(context));
        command.Subcommands.Add(DiffCommand.Create(context));
        command.Subcommands.Add(DevCommand.Create(context));
        command.Subcommands.Add(DownCommand.Create(context));
        command.Subcommands.Add(ResetCommand.Create(context));
        return command;
    }

    internal static Option<string?> UrlOption() => new("--url")
    {
        Description = "The database URL (file:./dev.db, postgresql://...) or an ADO.NET connection string; overrides the datasource's url.",
        HelpName = "URL",
    };

    private static Command Deploy(CliContext context)
    {
        var schema = SchemaInput.CreateOption();
        var url = UrlOption();
        var command = new Command("deploy", "Apply every pending migration in order, each in its own transaction. For production and CI.");
        command.Options.Add(schema);
        command.Options.Add(url);
        command.SetAction((parse, token) => Run(context, parse.GetValue(schema), parse.GetValue(url), token, async (session, migrations, ct) =>
        {
            context.Out.WriteLine($"{migrations.Count} migration{(migrations.Count == 1 ? "" : "s")} found in {session.MigrationsDisplay}.");
            try
            {
                var applied = await session.Runner.DeployAsync(migrations, new ApplyProgress(context), ct);
                context.Out.WriteLine(applied.Count == 0 ? "No pending migrations to apply." : $"All migrations have been applied ({applied.Count}).");
                return 0;
            }
            catch (Exception e) when (e is MigrationFailedException or MigrationBlockedException)
            {
                DiagnosticPrinter.PrintError(context, e.Message);
                return 1;
            }
        }));
        return command;
    }

    private static Command Status(CliContext context)
    {
        var schema = SchemaInput.CreateOption();
        var url = UrlOption();
        var command = new Command("status", "Compare the migrations folder with the database's history and schema. Exit code 1 when anything is pending, failed, edited or drifted.");
        command.Options.Add(schema);
        command.Options.Add(url);
        command.SetAction((parse, token) => Run(context, parse.GetValue(schema), parse.GetValue(url), token, async (session, migrations, ct) =>
        {
            var history = await session.Runner.ReadHistoryAsync(ct);
            context.Out.WriteLine($"{migrations.Count} migration{(migrations.Count == 1 ? "" : "s")} found in {session.MigrationsDisplay}.");
            var problems = MigrationStatus.Describe(migrations, history);
            if (!history.Any(h => h.Failed))
            {
                // Drift: the database compared with a shadow replay of the migrations it has applied.
                var appliedNames = history.Where(h => h.Finished && !h.RolledBack).Select(h => h.Name).ToHashSet();
                var described = await session.DescribeAsync(context, migrations.Where(m => appliedNames.Contains(m.Name)).ToList(), ct);
                if (described == null) return 1;
                var live = await session.ReadLiveAsync(ct);
                problems.AddRange(DiffCommand.Summary(Strata.Migrate.Diffing.SchemaDiffer.Diff(described, live, session.Target.Dialect)).Select(line => "Drift:   " + line));
            }
            foreach (var line in problems) context.Out.WriteLine(line);
            if (problems.Count == 0) context.Out.WriteLine("The database is up to date with the migrations.");
            return problems.Count == 0 ? 0 : 1;
        }));
        return command;
    }

    private static Command Resolve(CliContext context)
    {
        var schema = SchemaInput.CreateOption();
        var url = UrlOption();
        var applied = new Option<string?>("--applied") { Description = "Record the failed migration as applied (you applied it by hand).", HelpName = "NAME" };
        var rolledBack = new Option<string?>("--rolled-back") { Description = "Record the failed migration as rolled back, so that deploy runs it again.", HelpName = "NAME" };
        var command = new Command("resolve", "Settle a failed migration so that deploys can continue.");
        command.Options.Add(schema);
        command.Options.Add(url);
        command.Options.Add(applied);
        command.Options.Add(rolledBack);
        command.SetAction((parse, token) =>
        {
            var a = parse.GetValue(applied);
            var r = parse.GetValue(rolledBack);
            if ((a == null) == (r == null))
            {
                DiagnosticPrinter.PrintError(context, "Pass exactly one of --applied NAME or --rolled-back NAME.");
                return Task.FromResult(1);
            }
            return Run(context, parse.GetValue(schema), parse.GetValue(url), token, async (session, _, ct) =>
            {
                try
                {
                    await session.Runner.ResolveAsync(a ?? r!, applied: a != null, ct);
                    context.Out.WriteLine($"Migration {a ?? r} marked as {(a != null ? "applied" : "rolled back")}.");
                    return 0;
                }
                catch (MigrationBlockedException e)
                {
                    DiagnosticPrinter.PrintError(context, e.Message);
                    return 1;
                }
            });
        });
        return command;
    }

    /// <summary>What a migrate command works with once the schema is loaded and the database open.</summary>
    internal sealed record Session(MigrationRunner Runner, string MigrationsDisplay, MigrationDirectory Folder, DatabaseTarget Target,
        System.Data.Common.DbConnection Connection, Strata.Schema.Semantics.SchemaDefinition Schema, Func<string, string?> Env)
    {
        /// <summary>The datasource's shadowDatabaseUrl, with env() read like the url.</summary>
        public string? ShadowUrl => Schema.Datasource?.ShadowDatabaseUrl?.Resolve(Env);

        /// <summary>The database schema <paramref name="files"/> describe, from a shadow replay; null after printing why.</summary>
        public Task<Strata.Migrate.Model.DatabaseSchema?> DescribeAsync(CliContext context, IReadOnlyList<MigrationFile> files, CancellationToken token) =>
            ShadowDatabase.ReplayAsync(context, Target.Provider, files, Schema.Datasource!.Schemas, ShadowUrl, Target, token);

        /// <summary>The database schema of the database itself.</summary>
        public Task<Strata.Migrate.Model.DatabaseSchema> ReadLiveAsync(CancellationToken token) =>
            Target.Introspector.IntrospectAsync(Connection, Schema.Datasource!.Schemas, token);
    }

    /// <summary>The schema, its env() lookup and the database it names (or <paramref name="url"/>); null after printing why not.</summary>
    internal static (SchemaLocation Location, Strata.Schema.SchemaCompilation Compilation, Func<string, string?> Env, DatabaseTarget Target)? Resolve(CliContext context, string? schemaPath, string? url)
    {
        var loaded = SchemaInput.Load(context, schemaPath);
        if (loaded == null) return null;
        var (location, compilation) = loaded.Value;
        if (compilation.HasErrors)
        {
            DiagnosticPrinter.Print(context, compilation.Diagnostics, compilation.Documents.Select(d => d.File).ToList());
            return null;
        }
        Func<string, string?> env;
        try
        {
            env = EnvFile.CreateLookup(location.Directory, context.WorkingDirectory, context.Environment);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            DiagnosticPrinter.PrintError(context, $"Cannot read the .env file: {e.Message}");
            return null;
        }
        var target = DatabaseTarget.Resolve(location, compilation.Schema, env, url, out var error);
        if (target == null)
        {
            DiagnosticPrinter.PrintError(context, error!);
            return null;
        }
        return (location, compilation, env, target);
    }

    /// <summary>
    /// Loads the schema, checks the lock file, connects, and runs <paramref name="action"/>; every failure is one clear line and exit code 1.
    /// With <paramref name="createDatabase"/> (migrate dev, db push, migrate reset) a missing PostgreSQL database is created.
    /// </summary>
    internal static async Task<int> Run(CliContext context, string? schemaPath, string? url, CancellationToken token,
        Func<Session, IReadOnlyList<MigrationFile>, CancellationToken, Task<int>> action, bool createDatabase = false)
    {
        if (Resolve(context, schemaPath, url) is not var (location, compilation, env, target)) return 1;
        var folder = new MigrationDirectory(Path.Combine(location.Directory, "migrations"));
        string? locked;
        try
        {
            locked = folder.ReadLockedProvider();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            DiagnosticPrinter.PrintError(context, $"Cannot read the migrations folder's lock file: {e.Message}");
            return 1;
        }
        var provider = compilation.Schema.Datasource!.Provider == "postgres" ? "postgresql" : compilation.Schema.Datasource.Provider;
        if (locked != null && locked != provider && !(locked == "postgres" && provider == "postgresql"))
        {
            DiagnosticPrinter.PrintError(context,
                $"The migrations in {SchemaLocator.DisplayPath(folder.Path, context.WorkingDirectory)} were written for \"{locked}\" (migration_lock.toml), but the schema's provider is \"{provider}\". Migrations cannot move between providers: start a new migrations folder for \"{provider}\".");
            return 1;
        }
        await using var connection = await target.OpenAsync(context, token, createDatabase);
        if (connection == null) return 1;
        var session = new Session(new MigrationRunner(connection, target.Dialect, new LockWaitProgress(context)), SchemaLocator.DisplayPath(folder.Path, context.WorkingDirectory),
            folder, target, connection, compilation.Schema, env);
        IReadOnlyList<MigrationFile> files;
        try
        {
            files = folder.List();
        }
        catch (MigrationBlockedException e)
        {
            DiagnosticPrinter.PrintError(context, e.Message);
            return 1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            DiagnosticPrinter.PrintError(context, $"Cannot read the migrations folder {session.MigrationsDisplay}: {e.Message}");
            return 1;
        }
        try
        {
            return await action(session, files, token);
        }
        catch (System.Data.Common.DbException e)
        {
            DiagnosticPrinter.PrintError(context, $"The database reported an error: {e.Message}");
            return 1;
        }
        catch (Exception e) when (e is MigrationFailedException or MigrationBlockedException)
        {
            // A migration that fails where a command did not expect one: applying pending ones in migrate dev, a shadow replay.
            DiagnosticPrinter.PrintError(context, e.Message);
            return 1;
        }
    }

}
