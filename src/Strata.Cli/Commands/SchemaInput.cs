using System.CommandLine;
using Strata.Cli.Output;
using Strata.Schema;
using Strata.Schema.Loading;

namespace Strata.Cli.Commands;

/// <summary>The `--schema` option and the loading of a schema that every schema command shares.</summary>
internal static class SchemaInput
{
    public static Option<string?> CreateOption() => new("--schema")
    {
        Description = "The schema file or folder. Default: prisma/schema.prisma, then schema.prisma, then the prisma/schema folder.",
        HelpName = "PATH",
    };

    /// <summary>Finds, reads and compiles the schema; prints why when it cannot be found or read. <paramref name="option"/> names the option the path came from.</summary>
    public static (SchemaLocation Location, SchemaCompilation Compilation)? Load(CliContext context, string? explicitPath, string option = "--schema")
    {
        if (explicitPath != null && explicitPath.Trim().Length == 0)
        {
            // An empty path would mean the working folder itself: say so rather than search it.
            DiagnosticPrinter.PrintError(context, $"{option} was given an empty value; give a schema file or a folder of .prisma files.");
            return null;
        }
        var location = SchemaLocator.Find(context.WorkingDirectory, explicitPath, out var error);
        if (location == null)
        {
            DiagnosticPrinter.PrintError(context, error!);
            return null;
        }
        try
        {
            var files = SchemaLocator.Read(location, context.WorkingDirectory);
            return (location, SchemaCompilation.Create(files));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            DiagnosticPrinter.PrintError(context, $"Cannot read the schema at {SchemaLocator.DisplayPath(location.Path, context.WorkingDirectory)}: {e.Message}");
            return null;
        }
    }
}
