using System.CommandLine;
using Strata.Cli.Output;

namespace Strata.Cli.Commands;

/// <summary>`strata validate`: checks the schema and prints every diagnostic.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliContext context)
    {
        var schema = SchemaInput.CreateOption();
        var command = new Command("validate", "Check the schema and report every error and warning with its location.");
        command.Options.Add(schema);
        command.SetAction(parse => Run(context, parse.GetValue(schema)));
        return command;
    }

    private static int Run(CliContext context, string? schemaPath)
    {
        var loaded = SchemaInput.Load(context, schemaPath);
        if (loaded == null) return 1;
        var (location, compilation) = loaded.Value;
        DiagnosticPrinter.Print(context, compilation.Diagnostics, compilation.Documents.Select(d => d.File).ToList());
        if (compilation.HasErrors) return 1;
        context.Out.WriteLine($"The schema at {Strata.Schema.Loading.SchemaLocator.DisplayPath(location.Path, context.WorkingDirectory)} is valid.");
        return 0;
    }
}
