using System.CommandLine;
using System.Text;
using Strata.Cli.Output;
using Strata.Migrate.Pulling;
using Strata.MySql.Migrations;
using Strata.Postgres.Migrations;
using Strata.Schema;
using Strata.Schema.Formatting;
using Strata.Schema.Semantics;
using Strata.Schema.Syntax;
using Strata.Sqlite.Migrations;

namespace Strata.Cli.Commands;

/// <summary>`strata db pull`: writes the models of a live database into the schema.</summary>
internal static class PullCommand
{
    public static Command Create(CliContext context)
    {
        var schema = SchemaInput.CreateOption();
        var url = MigrateCommand.UrlOption();
        var print = new Option<bool>("--print") { Description = "Print the schema instead of writing the file." };
        var force = new Option<bool>("--force") { Description = "Replace the models the schema already has." };
        var command = new Command("pull", "Read the database's tables into models: fields, native types, keys, indexes, relations, enums.");
        foreach (var option in new Option[] { schema, url, print, force }) command.Options.Add(option);
        command.SetAction((parse, token) => MigrateCommand.Run(context, parse.GetValue(schema), parse.GetValue(url), token, async (session, _, ct) =>
        {
            var document = session.Schema.Documents.FirstOrDefault(d => d.Blocks.Any(b => b.Kind == BlockKind.Datasource)) ?? session.Schema.Documents[0];
            bool hasModels = session.Schema.Documents.Any(d => d.Blocks.Any(b => b.Kind is BlockKind.Model or BlockKind.Enum or BlockKind.View or BlockKind.Type));
            if (hasModels && !parse.GetValue(force) && !parse.GetValue(print))
            {
                DiagnosticPrinter.PrintError(context, "The schema already has models, which db pull would replace. Pass --force to replace them, or --print to see the result.");
                return 1;
            }
            // A large database takes a while to read: say so on a terminal.
            if (context.Confirm != null) context.Error.WriteLine($"Reading the schema of {session.Target.Display}...");
            var live = await session.ReadLiveAsync(ct);
            IPullTypes types = session.Target.Provider switch
            {
                ProviderKind.Sqlite => new SqlitePullTypes(),
                ProviderKind.MySql => new MySqlPullTypes(),
                _ => new PostgresPullTypes(),
            };
            IPullNotes? notesReader = session.Target.Provider switch
            {
                ProviderKind.PostgreSql => new PostgresPullNotes(),
                ProviderKind.MySql => new MySqlPullNotes(),
                _ => null,
            };
            var notes = notesReader == null ? null : await notesReader.ReadAsync(session.Connection, session.Schema.Datasource!.Schemas, ct);
            // MySQL's enums live in their columns: each becomes an enum of the pulled schema.
            if (session.Target.Provider == ProviderKind.MySql) live = MySqlPullTypes.WithColumnEnums(live);

            // The datasource and generator blocks (and the comments above them) stay as they are.
            var kept = new StringBuilder();
            foreach (var item in document.Items)
            {
                if (item is BlockDeclaration { Kind: BlockKind.Model or BlockKind.Enum or BlockKind.View or BlockKind.Type }) continue;
                if (item is BlankLine) { kept.Append('\n'); continue; }
                kept.Append(document.File.Text, item.Span.Start, item.Span.Length);
                if (item.TrailingComment != null && item is BlockDeclaration) kept.Append(' ').Append(item.TrailingComment);
                kept.Append('\n');
            }
            var text = kept.ToString().TrimEnd() + "\n\n" + SchemaWriter.Write(live, types, session.Target.Dialect, notes);
            var formatted = SchemaFormatter.FormatText(text) ?? text;
            var compilation = SchemaCompilation.FromText(formatted, document.File.Path);
            if (parse.GetValue(print))
            {
                context.Out.Write(WithoutSecrets(formatted, compilation));
            }
            else
            {
                var path = Path.Combine(context.WorkingDirectory, document.File.Path);
                try
                {
                    await File.WriteAllTextAsync(path, formatted, ct);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    DiagnosticPrinter.PrintError(context, $"Cannot write the schema to {document.File.Path}: {e.Message} Pass --print to see it instead.");
                    return 1;
                }
                context.Out.WriteLine($"Introspected {live.Tables.Count} table{(live.Tables.Count == 1 ? "" : "s")} and {live.Enums.Count} enum{(live.Enums.Count == 1 ? "" : "s")} into {document.File.Path}.");
            }
            if (compilation.Diagnostics.Count > 0)
                DiagnosticPrinter.Print(context, compilation.Diagnostics, compilation.Documents.Select(d => d.File).ToList());
            return compilation.HasErrors ? 1 : 0;
        }));
        return command;
    }

    /// <summary>
    /// The printed schema with the password of a url written out in its datasource hidden, as on
    /// every other output; the file that db pull writes keeps it. Only the datasource block is
    /// touched: elsewhere a string such as a default value is data, printed as it is.
    /// </summary>
    private static string WithoutSecrets(string text, SchemaCompilation compilation)
    {
        var datasource = compilation.Documents[0].Blocks.FirstOrDefault(b => b.Kind == BlockKind.Datasource);
        if (datasource == null) return text;
        var span = datasource.Span;
        return text[..span.Start] + ConnectionSecrets.Redact(text.Substring(span.Start, span.Length)) + text[span.End..];
    }
}
