using System.CommandLine;
using Strata.Cli.Commands;

namespace Strata.Cli;

/// <summary>The root of the `strata` command: its subcommands, `--help` and `--version`.</summary>
public static class StrataCommand
{
    /// <summary>Parses <paramref name="args"/> and runs the command; returns the exit code (0 success, 1 any error).</summary>
    public static int Run(string[] args, CliContext context)
    {
        var root = new RootCommand("Strata: a schema-first ORM for .NET. The schema is written in the Prisma Schema Language.");
        root.Subcommands.Add(InitCommand.Create(context));
        root.Subcommands.Add(ValidateCommand.Create(context));
        root.Subcommands.Add(FormatCommand.Create(context));
        root.Subcommands.Add(MigrateCommand.Create(context));
        var parse = root.Parse(args);
        int code = parse.Invoke(new InvocationConfiguration { Output = context.Out, Error = context.Error });
        return code == 0 ? 0 : 1;
    }
}
