using System.CommandLine;
using Strata.Cli.Output;
using Strata.Schema.Formatting;
using Strata.Schema.Loading;

namespace Strata.Cli.Commands;

/// <summary>`strata format [--check]`: rewrites the schema files in the canonical layout.</summary>
internal static class FormatCommand
{
    public static Command Create(CliContext context)
    {
        var schema = SchemaInput.CreateOption();
        var check = new Option<bool>("--check") { Description = "Change nothing; exit with 1 when a file is not formatted." };
        var command = new Command("format", "Format the schema files: aligned columns, one blank line between blocks, comments kept.");
        command.Options.Add(schema);
        command.Options.Add(check);
        command.SetAction(parse => Run(context, parse.GetValue(schema), parse.GetValue(check)));
        return command;
    }

    private static int Run(CliContext context, string? schemaPath, bool check)
    {
        var loaded = SchemaInput.Load(context, schemaPath);
        if (loaded == null) return 1;
        var (location, compilation) = loaded.Value;
        if (compilation.HasSyntaxErrors)
        {
            var syntaxErrors = compilation.Diagnostics.Where(d => d.IsError && d.Code.StartsWith("S1", StringComparison.Ordinal)).ToList();
            DiagnosticPrinter.Print(context, syntaxErrors, compilation.Documents.Select(d => d.File).ToList());
            DiagnosticPrinter.PrintError(context, "The schema has syntax errors, so it was not formatted. Fix them and run `strata format` again.");
            return 1;
        }
        var files = location.IsFolder
            ? Directory.EnumerateFiles(location.Path, "*.prisma", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList()
            : [location.Path];
        var unformatted = new List<string>();
        for (int i = 0; i < compilation.Documents.Count; i++)
        {
            var document = compilation.Documents[i];
            var formatted = SchemaFormatter.Format(document);
            if (formatted == document.File.Text) continue;
            unformatted.Add(document.File.Path);
            if (check) continue;
            try
            {
                File.WriteAllText(files[i], formatted);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                int written = unformatted.Count - 1;
                DiagnosticPrinter.PrintError(context, $"Cannot write {document.File.Path}: {e.Message}" +
                    (written > 0 ? $" {written} other file{(written == 1 ? " was" : "s were")} formatted before it." : " Nothing was changed."));
                return 1;
            }
        }
        if (check)
        {
            foreach (var path in unformatted) context.Error.WriteLine($"{path}: not formatted");
            if (unformatted.Count > 0)
            {
                context.Error.WriteLine($"{unformatted.Count} file{(unformatted.Count == 1 ? " is" : "s are")} not formatted. Run `strata format` to fix.");
                return 1;
            }
            context.Out.WriteLine("The schema is formatted.");
            return 0;
        }
        string where = SchemaLocator.DisplayPath(location.Path, context.WorkingDirectory);
        context.Out.WriteLine(unformatted.Count == 0
            ? $"The schema at {where} was already formatted."
            : $"Formatted {unformatted.Count} file{(unformatted.Count == 1 ? "" : "s")} of the schema at {where}.");
        return 0;
    }
}
