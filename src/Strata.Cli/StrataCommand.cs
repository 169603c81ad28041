using System.CommandLine;
using Strata.Cli.Commands;

namespace Strata.Cli;

/// <summary>The root of the `strata` command: its subcommands, `--help` and `--version`.</summary>
public static class StrataCommand
{
    /// <summary>Parses <paramref name="args"/> and runs the command; returns the exit code (0 success, 1 any error, 2 a difference found by `migrate diff --exit-code`).</summary>
    public static int Run(string[] args, CliContext context) => Run(args, context, Console.In);

    /// <summary>Runs with <paramref name="standardInput"/> as the input of `db execute --stdin`.</summary>
    public static int Run(string[] args, CliContext context, TextReader standardInput)
    {
        // Standard error carries messages that quote URLs, connection strings and drivers' errors: it hides passwords.
        var error = new Output.RedactingWriter(context.Error);
        try
        {
            return Invoke(args, context with { Error = error }, standardInput);
        }
        finally
        {
            error.Flush();
        }
    }

    private static int Invoke(string[] args, CliContext context, TextReader standardInput)
    {
        // A root named "strata" whatever the executable's file is called (the assembly is Strata.Cli).
        var root = new Command("strata", "Strata: a schema-first ORM for .NET. The schema is written in the Prisma Schema Language.")
        {
            new System.CommandLine.Help.HelpOption(),
            new VersionOption(),
        };
        root.Subcommands.Add(InitCommand.Create(context));
        root.Subcommands.Add(ValidateCommand.Create(context));
        root.Subcommands.Add(FormatCommand.Create(context));
        root.Subcommands.Add(MigrateCommand.Create(context));
        root.Subcommands.Add(DbCommand.Create(context, standardInput));
        var parse = root.Parse(args);
        int code;
        try
        {
            // Failures are handled where they happen, each as one line; this is the net under them, so that
            // whatever was missed still gives one line and exit code 1, never a stack trace.
            code = parse.Invoke(new InvocationConfiguration { Output = context.Out, Error = context.Error, EnableDefaultExceptionHandler = false });
        }
        catch (OperationCanceledException)
        {
            Output.DiagnosticPrinter.PrintError(context, "Cancelled.");
            return 1;
        }
        catch (Exception e)
        {
            Output.DiagnosticPrinter.PrintError(context, $"{e.Message.ReplaceLineEndings(" ")} (an unexpected {e.GetType().Name}; please report it with the command that caused it)");
            return 1;
        }
        // 0 success, 2 "there is a difference" (migrate diff --exit-code), 1 everything else.
        return code is 0 or 2 ? code : 1;
    }
}
