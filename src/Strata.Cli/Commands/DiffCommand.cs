using System.CommandLine;
using Strata.Cli.Database;
using Strata.Cli.Output;
using Strata.Migrate;
using Strata.Migrate.Diffing;
using Strata.Migrate.History;
using Strata.Migrate.Model;
using Strata.Migrate.Steps;
using Strata.Postgres.Migrations;
using Strata.Schema;
using Strata.Schema.Loading;
using Strata.Schema.Semantics;
using Strata.Sqlite.Migrations;

namespace Strata.Cli.Commands;

/// <summary>`strata migrate diff`: the difference between two schema sources, as SQL or as a summary.</summary>
internal static class DiffCommand
{
    /// <summary>One side of the comparison: its kind, the value given and the option it came from.</summary>
    private sealed record Source(string Kind, string? Value, string Option);

    public static Command Create(CliContext context)
    {
        var from = Sides("from");
        var to = Sides("to");
        var shadow = new Option<string?>("--shadow-database-url") { Description = "A database Strata may wipe, to replay --from/--to-migrations on PostgreSQL.", HelpName = "URL" };
        var script = new Option<bool>("--script") { Description = "Print the SQL that turns the first into the second, instead of a summary." };
        var exitCode = new Option<bool>("--exit-code") { Description = "Exit with 0 when there is no difference and 2 when there is one." };
        var command = new Command("diff", "Compare two schema sources: an empty database, a schema file, a migrations folder or a live database.");
        foreach (var option in from.Concat(to)) command.Options.Add(option);
        command.Options.Add(shadow);
        command.Options.Add(script);
        command.Options.Add(exitCode);
        command.SetAction((parse, token) =>
        {
            var fromSource = Pick(parse, from, "from");
            var toSource = Pick(parse, to, "to");
            if (fromSource == null || toSource == null)
            {
                DiagnosticPrinter.PrintError(context, "Give exactly one of --from-empty, --from-schema, --from-migrations, --from-url, and exactly one of the --to-... options.");
                return Task.FromResult(1);
            }
            var shadowUrl = parse.GetValue(shadow);
            var empty = new[] { fromSource, toSource, new Source("url", shadowUrl, shadow.Name) }.FirstOrDefault(s => s.Value != null && s.Value.Trim().Length == 0);
            if (empty != null)
            {
                DiagnosticPrinter.PrintError(context, $"{empty.Option} was given an empty value.");
                return Task.FromResult(1);
            }
            return Run(context, fromSource, toSource, shadowUrl, parse.GetValue(script), parse.GetValue(exitCode), token);
        });
        return command;
    }

    private static Option[] Sides(string side) =>
    [
        new Option<bool>($"--{side}-empty") { Description = $"Use an empty database as the {side} side." },
        new Option<string?>($"--{side}-schema") { Description = "A schema file or folder.", HelpName = "PATH" },
        new Option<string?>($"--{side}-migrations") { Description = "A migrations folder, replayed into a shadow database.", HelpName = "PATH" },
        new Option<string?>($"--{side}-url") { Description = "A live database.", HelpName = "URL" },
    ];

    private static Source? Pick(ParseResult parse, Option[] options, string side)
    {
        var chosen = new List<Source>();
        if (parse.GetValue((Option<bool>)options[0])) chosen.Add(new Source("empty", null, options[0].Name));
        foreach (var (option, kind) in options.Skip(1).Zip(["schema", "migrations", "url"]))
        {
            var value = parse.GetValue((Option<string?>)option);
            if (value != null) chosen.Add(new Source(kind, value, option.Name));
        }
        return chosen.Count == 1 ? chosen[0] : null;
    }

    private static async Task<int> Run(CliContext context, Source from, Source to, string? shadowUrl, bool script, bool exitCode, CancellationToken token)
    {
        try
        {
            // The provider comes from a schema side, else a URL, else a migrations folder's lock file.
            SchemaDefinition? schema = null;
            foreach (var side in new[] { from, to }.Where(s => s.Kind == "schema"))
            {
                schema = LoadSchema(context, side);
                if (schema == null) return 1;
            }
            var provider = schema?.Provider ?? ProviderOf(context, from) ?? ProviderOf(context, to);
            if (provider is null or ProviderKind.Unsupported)
            {
                DiagnosticPrinter.PrintError(context, "Cannot tell the provider: give a --from/--to-schema, a URL, or a migrations folder with migration_lock.toml.");
                return 1;
            }
            IMigrationDialect dialect = provider switch
            {
                ProviderKind.Sqlite => new SqliteMigrationDialect(),
                ProviderKind.MySql => new Strata.MySql.Migrations.MySqlMigrationDialect(),
                _ => new PostgresMigrationDialect(),
            };
            var schemas = schema?.Datasource?.Schemas ?? [];
            var fromSchema = await Resolve(context, from, provider.Value, dialect, schemas, shadowUrl, token);
            var toSchema = fromSchema == null ? null : await Resolve(context, to, provider.Value, dialect, schemas, shadowUrl, token);
            if (fromSchema == null || toSchema == null) return 1;

            var steps = SchemaDiffer.Diff(fromSchema, toSchema, dialect);
            if (script) context.Out.Write(steps.Count == 0 ? "-- This is an empty migration.\n" : dialect.Render(steps));
            else if (steps.Count == 0) context.Out.WriteLine("No difference detected.");
            else foreach (var line in Summary(steps)) context.Out.WriteLine(line);
            return exitCode && steps.Count > 0 ? 2 : 0;
        }
        catch (Exception e) when (e is MigrationFailedException or MigrationBlockedException or System.Data.Common.DbException or IOException or UnauthorizedAccessException)
        {
            DiagnosticPrinter.PrintError(context, e.Message);
            return 1;
        }
    }

    private static SchemaDefinition? LoadSchema(CliContext context, Source side)
    {
        var loaded = SchemaInput.Load(context, side.Value, side.Option);
        if (loaded == null) return null;
        if (loaded.Value.Compilation.HasErrors)
        {
            DiagnosticPrinter.Print(context, loaded.Value.Compilation.Diagnostics, loaded.Value.Compilation.Documents.Select(d => d.File).ToList());
            return null;
        }
        return loaded.Value.Compilation.Schema;
    }

    private static ProviderKind? ProviderOf(CliContext context, Source source) => source.Kind switch
    {
        "url" when source.Value!.StartsWith("file:", StringComparison.OrdinalIgnoreCase) || source.Value.StartsWith("Data Source", StringComparison.OrdinalIgnoreCase) => ProviderKind.Sqlite,
        "url" when source.Value!.StartsWith("mysql:", StringComparison.OrdinalIgnoreCase) => ProviderKind.MySql,
        "url" => ProviderKind.PostgreSql,
        "migrations" => new MigrationDirectory(Path.Combine(context.WorkingDirectory, source.Value!)).ReadLockedProvider() switch
        {
            "sqlite" => ProviderKind.Sqlite,
            "postgresql" or "postgres" => ProviderKind.PostgreSql,
            "mysql" => ProviderKind.MySql,
            _ => null,
        },
        _ => null,
    };

    private static async Task<DatabaseSchema?> Resolve(CliContext context, Source source, ProviderKind provider, IMigrationDialect dialect,
        IReadOnlyList<string> schemas, string? shadowUrl, CancellationToken token)
    {
        switch (source.Kind)
        {
            case "empty":
                return new DatabaseSchema([], [], []);
            case "schema":
                var schema = LoadSchema(context, source);
                return schema == null ? null : SchemaMapper.Map(schema, dialect);
            case "url":
                var target = ShadowDatabase.Target(context, provider, source.Value!, schemas);
                if (target == null) return null;
                await using (var connection = await target.OpenAsync(context, token))
                {
                    return connection == null ? null : await target.Introspector.IntrospectAsync(connection, target.Schemas, token);
                }
            default:
                var migrations = new MigrationDirectory(Path.Combine(context.WorkingDirectory, source.Value!)).List();
                return await ShadowDatabase.ReplayAsync(context, provider, migrations, schemas, shadowUrl, null, token);
        }
    }

    /// <summary>A readable line per change.</summary>
    internal static IEnumerable<string> Summary(IReadOnlyList<MigrationStep> steps) => steps.Select(step => step switch
    {
        CreateTable t => $"[+] Added table `{t.Table.Name}`",
        DropTable t => $"[-] Removed table `{t.Table.Name}`",
        AddColumn c => $"[*] `{c.Table.Name}`: [+] added column `{c.Column.Name}`",
        DropColumn c => $"[*] `{c.Table.Name}`: [-] removed column `{c.Column.Name}`",
        AlterColumn c => $"[*] `{c.Table.Name}`: [*] changed column `{c.To.Name}`",
        AlterPrimaryKey k => $"[*] `{k.Table.Name}`: [*] changed the primary key",
        CreateIndex i => $"[+] Added {(i.Index.Unique ? "unique index" : "index")} `{i.Index.Name}` on `{i.Table.Name}`",
        DropIndex i => $"[-] Removed index `{i.Index.Name}` on `{i.Table.Name}`",
        RenameIndex i => $"[*] Renamed index `{i.From.Name}` to `{i.To.Name}` on `{i.Table.Name}`",
        RenameForeignKey f => $"[*] Renamed foreign key `{f.From.Name}` to `{f.To.Name}` on `{f.Table.Name}`",
        AddForeignKey f => $"[+] Added foreign key `{f.ForeignKey.Name}` on `{f.Table.Name}`",
        DropForeignKey f => $"[-] Removed foreign key `{f.ForeignKey.Name}` on `{f.Table.Name}`",
        CreateEnum e => $"[+] Added enum `{e.Enum.Name}`",
        DropEnum e => $"[-] Removed enum `{e.Enum.Name}`",
        AlterEnum e => $"[*] Changed enum `{e.To.Name}`: {string.Join(", ", e.To.Values.Except(e.From.Values).Select(v => "+" + v).Concat(e.From.Values.Except(e.To.Values).Select(v => "-" + v)))}",
        CreateSchema s => $"[+] Added schema `{s.Name}`",
        _ => step.GetType().Name,
    });
}
